// @vitest-environment jsdom
// The save review, as the admin meets it: Save does not wait while recent sign-ins are still being checked
// (it says so; the risks found there, once found, ask for the acknowledgement); Exclude emergency accounts hands
// the keyboard's focus on when its button leaves with the risk; the policy's name is isolated in the
// title and in the diff's name, so a direction control in it reorders nothing around it.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useEffect, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LockoutRisk } from '../../domain/lockout';
import { ReviewDialog, type ReviewDialogProps } from './review-dialog';

vi.mock('../../shared/monaco', () => ({
  LazyDiffViewer: ({ ariaLabel }: { ariaLabel: string }) => <div role="region" aria-label={ariaLabel} />,
  LazyJsonViewer: ({ ariaLabel }: { ariaLabel: string }) => <div role="region" aria-label={ariaLabel} />,
}));

// The note on unnamed emergency accounts reads the tenant (unnamed-emergency.test.tsx): here, what it is given.
vi.mock('./unnamed-emergency', () => ({
  UnnamedEmergencyNotice: ({ original, modified }: { original: string; modified: string }) => (
    <p>
      Checked without emergency accounts: {original || 'a new policy'} to {modified}
    </p>
  ),
}));

afterEach(cleanup);

const CHANGE = [{ path: 'state', text: 'State: Off → On' }];
const EMERGENCY: LockoutRisk = { who: 'Break Glass (emergency access)', why: 'Blocked by the draft.' };

const review = (props: Partial<ReviewDialogProps> = {}) => (
  <ReviewDialog
    open
    step={{ kind: 'review' }}
    policyName="Require MFA"
    original="{}"
    modified="{}"
    changes={CHANGE}
    dark={false}
    onSave={() => {}}
    onClose={() => {}}
    onKeepMine={() => {}}
    onTakeTheirs={() => {}}
    {...props}
  />
);

const saveButton = () => screen.getByRole('button', { name: 'Save to tenant' });
const describedBy = (element: HTMLElement) =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');

describe('Save while recent sign-ins are checked', () => {
  it('does not wait for the check: it says the check is running and that saving now is allowed', () => {
    const onSave = vi.fn();
    const view = render(review({ checkingSignIns: true, onSave }));
    const save = saveButton();
    expect(save.getAttribute('aria-disabled')).not.toBe('true');
    expect(describedBy(save)).toBe('The sign-in check is still running. You can save now without waiting for it.');
    fireEvent.click(save);
    expect(onSave).toHaveBeenCalledTimes(1);

    view.rerender(review({ checkingSignIns: false, onSave }));
    expect(screen.queryByText(/still running/)).toBeNull();
  });

  it('asks for the acknowledgement when the check finds someone, and says so on the waiting button', () => {
    const view = render(review({ checkingSignIns: true }));
    view.rerender(review({ checkingSignIns: false, risks: [EMERGENCY] }));
    const save = saveButton();
    expect(save.getAttribute('aria-disabled')).toBe('true');
    expect(describedBy(save)).toBe('Before “Save to tenant”, tick “I understand” under “This could lock people out”.');
    // It keeps the keyboard's focus: a disabled button would drop it to the page behind.
    save.focus();
    expect(document.activeElement).toBe(save);
  });
});

describe('Exclude emergency accounts', () => {
  function Excluding() {
    const [risks, setRisks] = useState<LockoutRisk[]>([EMERGENCY]);
    return review({ risks, onExcludeEmergency: () => setRisks([]) });
  }

  it('hands the focus to Save when the risk (and the button) leave, and says the accounts were excluded', async () => {
    vi.useFakeTimers();
    try {
      render(<Excluding />);
      const exclude = screen.getByRole('button', { name: 'Exclude emergency accounts' });
      exclude.focus();
      fireEvent.click(exclude);
      await act(async () => {
        await vi.runOnlyPendingTimersAsync();
      });
      expect(screen.queryByRole('button', { name: 'Exclude emergency accounts' })).toBeNull();
      expect(document.activeElement).toBe(saveButton());
      const said = screen.getAllByRole('status').map((s) => s.textContent);
      expect(said).toContain('The emergency-access accounts were excluded from the draft.');
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('A name with a direction control', () => {
  const name = 'Block \u202Eevil';
  // As shown: the override as an escape, in the order stored.
  const shown = 'Block \\u202Eevil';

  it('is isolated in the title and in the name of the diff', () => {
    render(review({ policyName: name }));
    const title = screen.getByRole('dialog').querySelector('h2')!;
    expect(title.textContent).toBe(`Review changes to “${shown}”`);
    const isolated = title.querySelector('bdi')!;
    expect(isolated.textContent).toBe(shown);
    expect(isolated.nextSibling?.textContent).toBe('”');
    expect(screen.getByRole('region', { name: `Changes to ${shown}` })).toBeTruthy();
  });

  it('is isolated in the title of a conflict and of a new policy', () => {
    const view = render(review({ policyName: name, newPolicy: { displayName: name } }));
    expect(screen.getByRole('dialog').querySelector('h2 bdi')?.textContent).toBe(shown);
    expect(screen.getByRole('region', { name: `JSON of ${shown}` })).toBeTruthy();
    view.rerender(
      review({
        policyName: name,
        step: {
          kind: 'conflict',
          current: { modifiedDateTime: '2026-12-01T10:00:00Z' },
          theirChanges: [],
          base: '{}',
          theirs: '{}',
          mine: '{}',
        },
      }),
    );
    expect(screen.getByRole('dialog').querySelector('h2 bdi')?.textContent).toBe(shown);
  });
});

describe('the diff and the impact, by the window’s width', () => {
  /** A window that is (or is not) phone-sized, for useSmallWindow's media query. */
  const windowSmall = (small: boolean) =>
    vi.stubGlobal('matchMedia', (query: string) => ({
      matches: small,
      media: query,
      addEventListener: () => {},
      removeEventListener: () => {},
    }));
  afterEach(() => vi.unstubAllGlobals());

  const mounted = vi.fn();
  function Impact() {
    useEffect(() => mounted(), []);
    return <section aria-label="Impact on the last 7 days of sign-ins" />;
  }
  const order = () => {
    const diff = screen.getByRole('region', { name: /^Changes to / });
    const impact = screen.getByRole('region', { name: 'Impact on the last 7 days of sign-ins' });
    return diff.compareDocumentPosition(impact) & Node.DOCUMENT_POSITION_FOLLOWING ? 'diff first' : 'impact first';
  };

  it('on a phone, the diff comes before the impact, so it has the room', () => {
    windowSmall(true);
    render(review({ impact: <Impact /> }));
    expect(order()).toBe('diff first');
  });

  it('on a wide window, the impact stays above the diff; the check is not started again as the window narrows', () => {
    windowSmall(false);
    mounted.mockClear();
    const view = render(review({ impact: <Impact /> }));
    expect(order()).toBe('impact first');
    windowSmall(true);
    view.rerender(review({ impact: <Impact />, modified: '{"state":"enabled"}' }));
    expect(order()).toBe('diff first');
    expect(mounted).toHaveBeenCalledTimes(1);
  });
});

describe('with no emergency-access accounts named', () => {
  it('shows the note on the policy as the tenant holds it and the draft, and a new policy as new', () => {
    const view = render(review({ original: '{"state":"disabled"}', modified: '{"state":"enabled"}' }));
    expect(screen.getByText(/^Checked without emergency accounts/).textContent).toBe(
      'Checked without emergency accounts: {"state":"disabled"} to {"state":"enabled"}',
    );
    view.rerender(review({ original: '', modified: '{"state":"enabled"}', newPolicy: { state: 'enabled' } }));
    expect(screen.getByText(/^Checked without emergency accounts/).textContent).toBe(
      'Checked without emergency accounts: a new policy to {"state":"enabled"}',
    );
  });
});
