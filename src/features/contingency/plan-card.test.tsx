// @vitest-environment jsdom
// A contingency plan's card as the keyboard and a screen reader meet it: its switch waits, focusable, while the
// policies are read again; a refusal offers the way on Graph's failure needs (Sign in again for an expired
// sign-in), takes the focus only from the card or from nowhere, and is said once; its "Choose policies…" names
// its plan; the exclusion that cannot be chosen looks it.
import { AnnounceProvider } from '@fluentui/react-components';
import { act, cleanup, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { recognisePlans } from '../../domain/contingency/contingency-plan';
import type { JsonObject } from '../../domain/json';
import { SignInAgainContext } from '../../shared/ui/error-state';
import { PlanCard, type PlanCardProps } from './plan-card';

afterEach(cleanup);

const base = { conditions: { users: { includeUsers: ['All'] }, applications: { includeApplications: ['All'] }, clientAppTypes: ['all'] } };
const policies: JsonObject[] = [
  {
    ...base,
    id: 'em1',
    displayName: 'EM01 - ENABLE IN EMERGENCY: MFA Disruption [1/2] - All apps: Require compliant device',
    state: 'enabledForReportingButNotEnforced',
    grantControls: { operator: 'OR', builtInControls: ['compliantDevice'] },
  },
  {
    ...base,
    id: 'em2',
    displayName: 'EM02 - ENABLE IN EMERGENCY: MFA Disruption [2/2] - All apps: Block legacy authentication',
    state: 'enabledForReportingButNotEnforced',
    grantControls: { operator: 'OR', builtInControls: ['block'] },
  },
  { ...base, id: 'ca1', displayName: 'CA001 - Require MFA', state: 'enabled', grantControls: { operator: 'OR', builtInControls: ['mfa'] } },
];
const plan = recognisePlans(policies)[0]!;
const group = { id: 'g1', name: 'CA - Emergency access accounts' };

function listening() {
  const said: string[] = [];
  const value = { announce: (words: string) => void said.push(words) };
  return { said, Wrap: ({ children }: { children: ReactNode }) => <AnnounceProvider value={value}>{children}</AnnounceProvider> };
}

const Bare = ({ children }: { children: ReactNode }) => <>{children}</>;

function card(props: Partial<PlanCardProps> = {}, Wrap = Bare) {
  const all: PlanCardProps = {
    plan: { ...plan, exclusions: [{ policyId: 'em2', name: 'EM02', users: [], groups: ['g1'] }] },
    policies,
    emergency: { users: [], groups: [group] },
    switched: null,
    onEdit: () => undefined,
    onActivate: () => undefined,
    onRevert: () => undefined,
    ...props,
  };
  return (
    <Wrap>
      <input aria-label="Elsewhere" />
      <PlanCard {...all} />
    </Wrap>
  );
}

const switchOn = () => screen.getByRole('button', { name: 'Switch to this plan… (MFA Disruption)' });
/** What a screen reader says after the name: the words its aria-describedby points to. */
const description = (element: HTMLElement) =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
const settle = () => act(() => new Promise<void>((done) => setTimeout(done, 300)));

describe('PlanCard, while the policies are read again before a switch', () => {
  it('keeps its switch focused and waiting, and says the read in a status', () => {
    const onActivate = vi.fn();
    const { rerender } = render(card({ onActivate }));
    switchOn().focus();
    rerender(card({ onActivate, busy: 'activate' }));
    expect(switchOn()).toHaveProperty('ariaDisabled', 'true');
    expect(document.activeElement).toBe(switchOn());
    act(() => switchOn().click());
    expect(onActivate).not.toHaveBeenCalled();
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain(
      'Reading the policies again for the switch to MFA Disruption…',
    );
  });

  it('keeps a switch back waiting too', () => {
    const switched = { at: '2026-12-03T15:40:00Z', by: 'Ada', touched: [] } as unknown as PlanCardProps['switched'];
    render(card({ switched, busy: 'revert' }));
    expect(screen.getByRole('button', { name: 'Switch back… (MFA Disruption)' })).toHaveProperty('ariaDisabled', 'true');
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain(
      'Reading the policies again for the switch back from MFA Disruption…',
    );
  });

  it('says why its switch waits while another plan’s switch is being prepared', () => {
    const onActivate = vi.fn();
    render(card({ onActivate, busy: 'elsewhere' }));
    switchOn().focus();
    act(() => switchOn().click());
    expect(onActivate).not.toHaveBeenCalled();
    expect(switchOn()).toHaveProperty('ariaDisabled', 'true');
    expect(description(switchOn())).toBe('Another plan’s switch is being prepared: wait for it.');
  });

  it('says why its switch back waits too', () => {
    const switched = { at: '2026-12-03T15:40:00Z', by: 'Ada', touched: [] } as unknown as PlanCardProps['switched'];
    render(card({ switched, busy: 'elsewhere' }));
    const back = screen.getByRole('button', { name: 'Switch back… (MFA Disruption)' });
    expect(description(back)).toBe('Another plan’s switch is being prepared: wait for it.');
  });
});

describe('PlanCard, a refused switch', () => {
  it('offers Sign in again when Graph no longer accepts the sign-in', () => {
    const signIn = vi.fn();
    render(
      <SignInAgainContext value={signIn}>
        {card({
          refusal: {
            occasion: 1,
            error: {
              title: 'Your session has expired',
              message: 'Nothing was switched: the policies could not be read again.',
              status: 401,
            },
          },
        })}
      </SignInAgainContext>,
    );
    act(() => screen.getByRole('button', { name: 'Sign in again' }).click());
    expect(signIn).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('alert').textContent).toContain('Your session has expired');
  });

  it('Try again takes the focus to the switch it starts again, which keeps it while it reads and if it fails again', () => {
    const failure = (occasion: number, onRetry: () => void) => ({
      occasion,
      error: { title: 'Microsoft Graph had a problem', message: 'Nothing was switched. The service answered 503.', status: 503, onRetry },
    });
    const onRetry = vi.fn();
    const { rerender } = render(card({ refusal: failure(1, onRetry) }));
    const tryAgain = screen.getByRole('button', { name: 'Try again' });
    tryAgain.focus();
    act(() => tryAgain.click());
    expect(onRetry).toHaveBeenCalledTimes(1);
    // The read starts: the failure leaves, the switch waits with the focus.
    rerender(card({ refusal: null, busy: 'activate' }));
    expect(document.activeElement).toBe(switchOn());
    // It fails again: a new failure, the focus still on the switch (not the page's start).
    rerender(card({ refusal: failure(2, onRetry) }));
    expect(document.activeElement).toBe(switchOn());
    expect(screen.getByRole('alert').textContent).toContain('Microsoft Graph had a problem');
  });

  it('leaves the focus where the admin went while the policies were read, and says the refusal', async () => {
    const { said, Wrap } = listening();
    const { rerender } = render(card({}, Wrap));
    const elsewhere = screen.getByRole('textbox', { name: 'Elsewhere' });
    elsewhere.focus();
    rerender(card({ refusal: { text: 'Every policy of the plan is already as the switch would leave it.', occasion: 1 } }, Wrap));
    await settle();
    expect(document.activeElement).toBe(elsewhere);
    expect(said.filter((w) => w.includes('already as the switch would leave it'))).toHaveLength(1);
  });

  it('takes the focus from its switch onto the refusal named by its title; its words are said once', async () => {
    const { said, Wrap } = listening();
    const { rerender } = render(card({}, Wrap));
    switchOn().focus();
    rerender(card({ refusal: { text: 'Every policy of the plan is already as the switch would leave it.', occasion: 1 } }, Wrap));
    await settle();
    expect(document.activeElement).toBe(screen.getByRole('group', { name: 'Nothing was switched' }));
    expect(said.filter((w) => w.includes('already as the switch would leave it'))).toHaveLength(1);
    // Refused again with the focus still on it: the focus stays, the words are said again.
    rerender(card({ refusal: { text: 'Every policy of the plan is already as the switch would leave it.', occasion: 2 } }, Wrap));
    await settle();
    expect(document.activeElement).toBe(screen.getByRole('group', { name: 'Nothing was switched' }));
    expect(said.filter((w) => w.includes('already as the switch would leave it'))).toHaveLength(2);
  });
});

describe('PlanCard, a switch back with nothing left to put back', () => {
  it('takes the focus its button had (gone with the switch): the focus says the title, the announcement the words', async () => {
    const { said, Wrap } = listening();
    const switched = { at: '2026-12-03T15:40:00Z', by: 'Ada', touched: [] } as unknown as PlanCardProps['switched'];
    const { rerender } = render(card({ switched }, Wrap));
    screen.getByRole('button', { name: 'Switch back… (MFA Disruption)' }).focus();
    rerender(card({ switched: null, refusal: { text: 'Every touched policy is already back as it was.', occasion: 1 } }, Wrap));
    await settle();
    // A group named by its title: focused, it is said by its name, not by all its words (said by the announcement).
    const refusal = screen.getByRole('group', { name: 'Nothing was switched' });
    expect(document.activeElement).toBe(refusal);
    expect(refusal.textContent).toContain('Every touched policy is already back as it was.');
    expect(said.filter((w) => w.includes('already back as it was'))).toHaveLength(1);
  });
});

describe('PlanCard, its choices', () => {
  it('names its "Choose policies…" for its plan', () => {
    render(card());
    expect(screen.getByRole('button', { name: 'Choose policies… (MFA Disruption)' }).textContent).toBe('Choose policies…');
  });

  it('offers to exclude the emergency accounts from every policy of the plan that could lock them out, not only the one that blocks', () => {
    const onEdit = vi.fn();
    render(card({ plan: { ...plan, exclusions: [] }, onEdit }));
    // Both the block (EM02) and the compliant device (EM01) would lock them out once on: the switch's guard asks of both.
    const exclude = screen.getByRole('checkbox', {
      name: 'First, exclude the emergency accounts of Settings from the 2 policies of this plan that could lock them out',
    });
    act(() => exclude.click());
    expect(onEdit).toHaveBeenCalledWith({
      exclusions: [
        { policyId: 'em1', name: plan.enable[0]!.name, users: [], groups: ['g1'] },
        { policyId: 'em2', name: plan.enable[1]!.name, users: [], groups: ['g1'] },
      ],
    });
  });

  it('shows a plan whose exclusions cover only some of those policies (chosen before) as mixed; ticked, it covers them all', () => {
    const onEdit = vi.fn();
    render(card({ onEdit }));
    const exclude = screen.getByRole('checkbox', { name: /^First, exclude the emergency accounts/ });
    expect(exclude).toHaveProperty('indeterminate', true);
    act(() => exclude.click());
    expect(onEdit.mock.calls[0]![0].exclusions.map((e: { policyId: string }) => e.policyId)).toEqual(['em1', 'em2']);
  });

  it('still shows the exclusions ticked while the plan is switched on (the policies then exclude the accounts)', () => {
    const exclusions = ['em1', 'em2'].map((id) => ({ policyId: id, name: id, users: [], groups: ['g1'] }));
    const switchedOn = policies.map((p) =>
      String(p.id).startsWith('em')
        ? { ...p, state: 'enabled', conditions: { ...base.conditions, users: { includeUsers: ['All'], excludeGroups: ['g1'] } } }
        : p,
    );
    render(card({ plan: { ...plan, exclusions }, policies: switchedOn }));
    const exclude = screen.getByRole('checkbox', {
      name: 'First, exclude the emergency accounts of Settings from the 2 policies of this plan that could lock them out',
    });
    expect(exclude).toHaveProperty('checked', true);
  });

  it('says, before the switch, of a policy that could lock the emergency accounts out without blocking', () => {
    render(card());
    const readiness = screen.getByRole('list', { name: 'Readiness of MFA Disruption' });
    expect(readiness.textContent).toContain(
      `'${plan.enable[0]!.name}', switched on, could lock out Members of CA - Emergency access accounts (emergency access): It applies to all users and requires device to be marked as compliant.`,
    );
  });

  it('shows the exclusion that cannot be chosen (no emergency account named) as disabled, still reachable; pressed, it changes nothing', () => {
    const onEdit = vi.fn();
    render(card({ plan, emergency: { users: [], groups: [] }, onEdit }));
    const exclude = screen.getByRole('checkbox', { name: /^First, exclude the emergency accounts/ });
    expect(exclude.getAttribute('aria-disabled')).toBe('true');
    expect(exclude.hasAttribute('disabled')).toBe(false);
    act(() => exclude.click());
    expect(onEdit).not.toHaveBeenCalled();
    expect(exclude).toHaveProperty('checked', false);
    const label = document.querySelector<HTMLElement>(`label[for="${exclude.id}"]`)!;
    expect(getComputedStyle(label).color).toBe('var(--colorNeutralForegroundDisabled)');
  });
});

describe('PlanCard, a disruption whose name holds a direction control', () => {
  // "MFA \u202eDisruption": unisolated, the control would reverse the words after it, "(" and ")" included.
  const reversing = { ...plan, disruption: 'MFA \u202eDisruption' };
  // As shown: the override as an escape, in the order stored.
  const isolated = 'MFA \\u202EDisruption';

  it('isolates it in the names of its actions, lists and choices', () => {
    render(card({ plan: reversing }));
    expect(screen.getByRole('button', { name: `Switch to this plan… (${isolated})` })).toBeTruthy();
    expect(screen.getByRole('button', { name: `Drill: show every change, write nothing (${isolated})` })).toBeTruthy();
    expect(screen.getByRole('button', { name: `Choose policies… (${isolated})` })).toBeTruthy();
    expect(screen.getByRole('list', { name: `Contingency policies of ${isolated}` })).toBeTruthy();
  });

  it('isolates it in the status of the read before its switch', () => {
    render(card({ plan: reversing, busy: 'activate' }));
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain(`Reading the policies again for the switch to ${isolated}…`);
  });

  it('isolates its policies’ names in the readiness, the steps it turns on and the drill', () => {
    const name = 'EM02 - ENABLE IN EMERGENCY: MFA Disruption [2/2] - \u202eBlock all';
    const shown = 'EM02 - ENABLE IN EMERGENCY: MFA Disruption [2/2] - \\u202EBlock all';
    const renamed = policies.map((p) => (p.id === 'em2' ? { ...p, displayName: name } : p));
    const reversed = recognisePlans(renamed)[0]!;
    render(card({ plan: { ...reversed, exclusions: [] }, policies: renamed }));
    const readiness = screen.getByRole('list', { name: 'Readiness of MFA Disruption' });
    expect(readiness.textContent).toContain(`'${shown}' blocks and excludes none of the emergency accounts`);
    const steps = screen.getByRole('list', { name: 'Contingency policies of MFA Disruption' });
    expect([...steps.querySelectorAll('li bdi')].map((b) => b.textContent)).toContain(shown);
    act(() => screen.getByRole('button', { name: 'Drill: show every change, write nothing (MFA Disruption)' }).click());
    const back = screen.getByRole('list', { name: 'Switching back' });
    expect([...back.querySelectorAll('li bdi')].map((b) => b.textContent)).toContain(shown);
  });
});
