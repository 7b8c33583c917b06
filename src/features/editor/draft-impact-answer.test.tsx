// @vitest-environment jsdom
// The review's sign-in check once answered, as the admin reads it: each alert a whole sentence whatever
// its kind ("would be cannot be evaluated" was said), and a draft turning an enforced policy off said
// to stop enforcing it.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IMPACT_CLASSES, type DraftImpact as Impact, type ImpactAlert, type ImpactClass } from '../../domain/evaluation/bulk/impact';
import { measureAgreement } from '../../domain/evaluation/bulk/agreement';
import { blockAbroad, blockLegacy, directory, log } from '../../domain/evaluation/bulk/test-agreement-log';
import { agreementOfDraft } from '../../domain/evaluation/impact-of-draft';
import { context, ids } from '../../domain/evaluation/test-fixtures';
import type { ImpactState } from './use-draft-impact';
import { DraftImpact } from './draft-impact';

const impact = vi.hoisted(() => ({ state: { kind: 'reading', read: 0 } as unknown }));
vi.mock('./use-draft-impact', () => ({ IMPACT_DAYS: 7, useDraftImpact: () => impact.state }));
vi.mock('react-router', () => ({ Link: ({ children }: { children: ReactNode }) => <a>{children}</a> }));

afterEach(cleanup);

const GLASS = 'aaaaaaaa-0000-4000-8000-0000000000ff';

/** An answer: these alerts, and sign-ins in the classes named (each by Break Glass 01, to the Portal). */
export function answered(
  alerts: Pick<ImpactAlert, 'class' | 'who' | 'signIns'>[],
  extra: Partial<Impact> = {},
  counted: ImpactClass[] = [],
): ImpactState {
  const classes = Object.fromEntries(
    IMPACT_CLASSES.map((c) => [
      c,
      counted.includes(c)
        ? {
            signIns: 3,
            shapes: 1,
            identityIds: [GLASS],
            resourceIds: ['portal'],
            items: [{ shapeIndex: 0, class: c, signIns: 3, identityIds: [GLASS], resourceIds: ['portal'], sampleIds: ['r1'] }],
          }
        : { signIns: 0, shapes: 0, identityIds: [], resourceIds: [], items: [] },
    ]),
  ) as unknown as Impact['classes'];
  return {
    kind: 'done',
    capped: false,
    cap: 5000,
    milliseconds: 5,
    answer: {
      usersUnread: 0,
      names: { [GLASS]: 'Break Glass 01', portal: 'Azure Portal' },
      agreement: { sentence: 'The engine agrees.', trusted: true, percent: 100 },
      impact: {
        evaluatedAsEnabled: false,
        stopsEnforcing: false,
        signIns: 3,
        shapes: 1,
        classes,
        summary: 'Of 3 sign-ins (1 distinct shape): nothing changes.',
        alerts: alerts.map((a) => ({ ...a, identityId: GLASS, items: [] })),
        ...extra,
      },
    },
  } as ImpactState;
}

export const show = (state: ImpactState, onRisks?: (risks: { who: string; why: string }[]) => void) => {
  impact.state = state;
  return render(<DraftImpact policyId="p1" draft={{}} onRisks={onRisks} />);
};

const region = () => screen.getByRole('region', { name: 'Impact on the last 7 days of sign-ins' });

describe('DraftImpact’s alerts', () => {
  it.each([
    ['indeterminate', 'The draft cannot be evaluated for 3 sign-ins of Break Glass 01 (emergency access) in the last 7 days'],
    ['sessionChanged', 'Break Glass 01 (emergency access) would get other session controls in 3 sign-ins of the last 7 days.'],
    ['newlyBlocked', 'Break Glass 01 (emergency access) would be newly blocked in 3 sign-ins of the last 7 days.'],
    ['relaxed', 'Break Glass 01 (emergency access) would no longer be blocked or asked for a control in 3 sign-ins of the last 7 days.'],
  ] as const)('say a whole sentence for %s', (kind, sentence) => {
    show(answered([{ class: kind, who: 'emergencyAccount', signIns: 3 }]));
    const alert = screen.getByText('An emergency account is affected').closest('.fui-MessageBar')!;
    expect(alert.textContent).toContain(sentence);
    expect(alert.textContent).not.toMatch(/would be (cannot|with)/);
  });
});

describe('DraftImpact’s summary', () => {
  it('says a draft turning an enforced policy off stops enforcing it', () => {
    show(
      answered([], { stopsEnforcing: true, summary: 'Once switched off, of 3 sign-ins (1 distinct shape): 3 sign-ins no longer blocked.' }),
    );
    expect(screen.getByRole('status').textContent).toContain(
      'The policy is on now: once the draft is saved, its sign-ins would no longer be enforced by it.',
    );
    expect(screen.getByRole('status').textContent).not.toContain('what it would do once turned on');
  });
});

describe('DraftImpact’s summary of a draft not enforced', () => {
  it('says the summary alone, without claiming the draft is what would turn it on', () => {
    const summary =
      'The policy is report-only now and the draft is off: neither is enforced, so saving it changes no sign-in. Were it switched on, of 3 sign-ins (1 distinct shape): nothing changes.';
    show(answered([], { evaluatedAsEnabled: true, summary }));
    expect(screen.getByRole('status').textContent).toBe(summary);
  });
});

describe('DraftImpact, where the keyboard is', () => {
  it('Read up to … leaves with the answer as the larger read starts: the focus goes to the check, not the page’s start', () => {
    show({ ...answered([], {}, ['newlyBlocked']), capped: true } as ImpactState);
    const more = screen.getByRole('button', { name: 'Read up to 20,000' });
    more.focus();
    impact.state = { kind: 'reading', read: 0 };
    act(() => fireEvent.click(more));
    expect(screen.queryByRole('button', { name: 'Read up to 20,000' })).toBeNull();
    expect(document.activeElement).toBe(region());
  });

  it('Read the sign-ins again (after a read that took too long) leaves the focus on the check', () => {
    show({ kind: 'timedOut', stage: 'reading', retry: () => (impact.state = { kind: 'reading', read: 0 }) });
    const again = screen.getByRole('button', { name: 'Read the sign-ins again' });
    again.focus();
    act(() => fireEvent.click(again));
    expect(document.activeElement).toBe(region());
  });

  it('out of time while working out the impact (the sign-ins were read), says so and offers Try again', () => {
    show({ kind: 'timedOut', stage: 'evaluating', retry: () => {} });
    expect(screen.getByText('The impact on recent sign-ins could not be worked out in time')).toBeTruthy();
    expect(screen.queryByText('Recent sign-ins could not be read in time')).toBeNull();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('Show sign-ins says whether its sign-ins are shown, and which part of the page it opens', () => {
    show(answered([], {}, ['newlyBlocked']));
    const button = screen.getByRole('button', { name: 'Show sign-ins' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    act(() => fireEvent.click(button));
    const hide = screen.getByRole('button', { name: 'Hide' });
    expect(hide.getAttribute('aria-expanded')).toBe('true');
    const details = document.getElementById(hide.getAttribute('aria-controls')!);
    expect(details?.contains(screen.getByLabelText('Who would be newly blocked'))).toBe(true);
  });
});

describe('DraftImpact, names from the tenant', () => {
  const EVIL = 'Glass \u202Eevil';
  // As the console shows it: the override as an escape, in the order stored.
  const SHOWN = 'Glass \\u202Eevil';
  const withEvilName = (alerts: Pick<ImpactAlert, 'class' | 'who' | 'signIns'>[], counted: ImpactClass[] = []) => {
    const state = answered(alerts, {}, counted) as Extract<ImpactState, { kind: 'done' }>;
    return { ...state, answer: { ...state.answer, names: { [GLASS]: EVIL, portal: 'Portal \u202Eapp' } } };
  };

  it('are isolated in the alerts and in the lock-out guard’s words', () => {
    const onRisks = vi.fn();
    show(withEvilName([{ class: 'newlyBlocked', who: 'emergencyAccount', signIns: 3 }]), onRisks);
    const alert = screen.getByText('An emergency account is affected').closest('.fui-MessageBar')!;
    expect([...alert.querySelectorAll('bdi')].map((b) => b.textContent)).toContain(SHOWN);
    expect(onRisks).toHaveBeenLastCalledWith([expect.objectContaining({ who: `${SHOWN} (emergency access)` })]);
  });

  it('are isolated in who and in the sign-ins shown', () => {
    show(withEvilName([], ['newlyBlocked']));
    act(() => fireEvent.click(screen.getByRole('button', { name: 'Show sign-ins' })));
    expect([...screen.getByLabelText('Who would be newly blocked').querySelectorAll('bdi')].map((b) => b.textContent)).toEqual([SHOWN]);
    const item = screen.getByRole('list', { name: 'Sign-ins newly blocked' }).querySelector('li')!;
    expect([...item.querySelectorAll('bdi')].map((b) => b.textContent)).toEqual([SHOWN, 'Portal \\u202Eapp']);
  });
});

describe('DraftImpact, what joins the lock-out guard', () => {
  const indeterminate = answered([{ class: 'indeterminate', who: 'emergencyAccount', signIns: 3 }]);
  const draftOf = (controls: string[]) => ({ grantControls: { operator: 'OR', builtInControls: controls } });
  const risksFor = (draft: ReturnType<typeof draftOf>) => {
    const onRisks = vi.fn();
    impact.state = indeterminate;
    render(<DraftImpact policyId="p1" draft={draft} onRisks={onRisks} />);
    return onRisks.mock.lastCall?.[0] as { who: string; why: string }[] | undefined;
  };

  it('an emergency account the blocking draft cannot be evaluated for: the guard asks before saving', () => {
    expect(risksFor(draftOf(['block']))).toEqual([
      expect.objectContaining({ who: 'Break Glass 01 (emergency access)', why: expect.stringContaining('could not be evaluated') }),
    ]);
  });

  it('the same under a draft that asks for MFA: said in the alerts, not a lock-out', () => {
    expect(risksFor(draftOf(['mfa']))).toEqual([]);
  });
});

describe('DraftImpact, how sure the figures are', () => {
  const measured = {
    signIns: 2448,
    policies: 35,
    compared: 63005,
    agreed: 62879,
    undecided: 9717,
    differIn: ['target resources'],
    tooFewDecided: ['CA012 \u202Eevil'],
  };
  const withAgreement = (agreement: Partial<Extract<ImpactState, { kind: 'done' }>['answer']['agreement']>) => {
    const state = answered([]) as Extract<ImpactState, { kind: 'done' }>;
    return { ...state, answer: { ...state.answer, agreement: { ...state.answer.agreement, ...agreement } } };
  };

  it('says first, in plain words, how far to trust them; the counts wait behind How this was checked', () => {
    show(withAgreement({ sentence: 'Over 2,448 sign-ins and 35 policies, the engine agrees on 99.8 % of 63,005 decisions.', measured }));
    const text = region().textContent ?? '';
    expect(text).toContain(
      'How sure this is: Gatehouse came to the same result as Entra itself in 99.8 % of the decisions on these sign-ins it could judge.',
    );
    expect(text).not.toMatch(/the engine|service’s own decisions|could not decide/);
    const details = screen.getByText('How this was checked').closest('details')!;
    expect(details.open).toBe(false);
    expect(
      [...screen.getByRole('list', { name: 'How this was checked', hidden: true }).querySelectorAll('li')].map((li) => li.textContent),
    ).toEqual([
      'Compared over 2,448 sign-ins and 35 policies: 63,005 decisions (one policy on one sign-in) worked out by both.',
      'Where they differ: target resources.',
      'Not counted: 9,717 more decisions Gatehouse could not judge from the log.',
      'For CA012 \\u202Eevil, Gatehouse could judge fewer than half of the sign-ins: too few to rely on its figures for that policy.',
    ]);
    expect([...details.querySelectorAll('bdi')].map((b) => b.textContent)).toEqual(['CA012 \\u202Eevil']);
  });

  // Agreements measured by the domain over a real log: 400 decisions, 396 alike; the 4 differences on locations.
  const measuredOver = (
    draft: unknown,
    options: Parameters<typeof measureAgreement>[2],
    entries = log(),
    policies = [blockAbroad, blockLegacy],
  ) => withAgreement(agreementOfDraft(measureAgreement(entries, policies, { context, directory, ...options }), draft));
  /** The warning's own words, the disclosure left out; and the disclosure's lines. */
  const warning = () => {
    const bar = screen.getByText('How sure this is: not enough to rely on these figures').closest('.fui-MessageBar')!;
    const body = bar.cloneNode(true) as Element;
    body.querySelector('details')?.remove();
    const lines = [...bar.querySelectorAll('details li')].map((li) => li.textContent);
    return { bar, said: body.textContent ?? '', lines };
  };

  it('not enough to rely on, for a condition the draft sets: says that figure once, in Gatehouse’s words, not the overall share beside it', () => {
    show(measuredOver(blockAbroad, { threshold: 0.985 }));
    const { said, lines } = warning();
    expect(said).toBe(
      'How sure this is: not enough to rely on these figuresThe draft sets locations, and on policies that set locations Gatehouse came to the same result as Entra itself in only 98.0 % of the decisions, under the 98.5 % needed to rely on it. Check the draft in What if, beside Graph’s own answer.',
    );
    expect(lines[0]).toBe(
      'Compared over 200 sign-ins and 2 policies: 400 decisions (one policy on one sign-in) worked out by both; 99.0 % of them came out the same.',
    );
  });

  it('not enough to rely on overall: the share and the condition with the most differences, once', () => {
    show(measuredOver(blockLegacy, { threshold: 0.995 }));
    const { said, lines } = warning();
    expect(said).toContain(
      'Gatehouse came to the same result as Entra itself in only 99.0 % of the decisions on these sign-ins it could judge, under the 99.5 % needed to rely on it; most of the differences are on locations.',
    );
    expect(said.match(/99\.0 %/g)).toHaveLength(1);
    expect(said).not.toMatch(/engine|service|Over 200/);
    expect(lines[0]).toBe('Compared over 200 sign-ins and 2 policies: 400 decisions (one policy on one sign-in) worked out by both.');
  });

  it('not enough to rely on for the draft’s own policy: named, isolated, and not said again in the disclosure', () => {
    const EVIL = 'Block \u202Eabroad';
    const SHOWN = 'Block \\u202Eabroad';
    const evil = { ...blockAbroad, displayName: EVIL };
    // 140 of the 200 sign-ins by a user whose groups were not read: the policy cannot judge them.
    const entries = log().map((e, i) => (i < 60 ? e : { ...e, userId: 'unread-user', location: { countryOrRegion: 'BR' } }));
    const partly = { user: (id: string) => (id === ids.ada ? { groupIds: [], roleTemplateIds: [] } : undefined) };
    show(measuredOver(evil, { directory: partly }, entries, [evil, blockLegacy]));
    const { bar, said, lines } = warning();
    expect(said).toContain(
      `Gatehouse could judge only 30.0 % of the sign-ins to ${SHOWN}, fewer than half: too few to rely on its figures for this policy.`,
    );
    expect([...bar.querySelectorAll('bdi')].map((b) => b.textContent)).toEqual([SHOWN]);
    expect(said).not.toMatch(/engine|service/);
    expect(lines.join(' ')).not.toContain('fewer than half');
  });
});
