// @vitest-environment jsdom
// The edit page, as the admin meets it: a failed save's error leaves once the draft changes, a new
// review opens or the admin signs in again; Save waits for each review's own sign-in check, no risk of
// an earlier review carried over; discarding the restored draft puts the focus on the heading and says
// so; the policy's name is isolated in the question; a draft with nothing in it follows a version
// someone else saved meanwhile, and says so.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useEffect, type ReactElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LockoutRisk } from '../../domain/lockout';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { GraphRequestError } from '../../graph/errors';
import { draftStore } from '../../policy-ui/draft-store';
import { SignInAgainContext } from '../../shared/ui/error-state';
import type { DraftState } from './use-draft';
import { PolicyEditorPage } from './policy-editor-page';

const world = vi.hoisted(() => ({
  live: null as unknown as ConditionalAccessPolicy,
  save: (() => Promise.resolve({ kind: 'saved' })) as () => Promise<unknown>,
  // What the sign-in check of the review says when it is shown: still checking, or done with these risks.
  impact: { checking: false, risks: [] as LockoutRisk[] },
}));

vi.mock('react-router', () => ({ useParams: () => ({ id: 'p1' }), useNavigate: () => () => {} }));
vi.mock('../../session/tenant-session', () => ({ useTenantSession: () => ({ account: { key: 'acc', tenantId: 't1' } }) }));
vi.mock('../../policy-ui/queries', () => ({
  policyQuery: () => ({ queryKey: ['policy', 'p1'], queryFn: async () => world.live }),
  useNames: () => ({ data: undefined }),
}));
vi.mock('../../policy-ui/writes', () => ({ useSavePolicy: () => ({ mutateAsync: () => world.save() }) }));
vi.mock('../../session/write-access', () => ({ useWriteAccess: () => ({ allowed: true, reason: null }) }));
vi.mock('../../shared/theme', () => ({ useTheme: () => ({ dark: false }) }));
vi.mock('../../shared/routes/leave-guard', () => ({ useLeaveGuard: () => ({ letGo: () => {} }), LeaveDialog: () => null }));
vi.mock('../../policy-ui/page-breadcrumb', () => ({ PageBreadcrumb: () => null }));
vi.mock('../../policy-ui/rollout-notice', () => ({ RolloutFreezeNotice: () => null }));
vi.mock('../../operations/save-policy', () => ({ rebaseDraft: () => ({}) }));
vi.mock('./unnamed-emergency', () => ({ UnnamedEmergencyNotice: () => null }));
vi.mock('./use-lockout-guard', () => ({ useLockoutGuard: () => ({ risks: [], already: [], excludeEmergency: undefined }) }));
vi.mock('../../shared/monaco', () => ({ LazyDiffViewer: () => null, LazyJsonViewer: () => null }));
vi.mock('./policy-workbench', () => ({
  PolicyWorkbench: ({ draft }: { draft: DraftState }) => (
    <textarea aria-label="JSON" value={draft.text} onChange={(event) => draft.setText(event.target.value)} />
  ),
}));
vi.mock('./draft-impact', () => ({
  withImpactRisks: (guard: LockoutRisk[], impact: LockoutRisk[]) => [...guard, ...impact],
  DraftImpact: ({ onRisks, onChecking }: { onRisks?(r: LockoutRisk[]): void; onChecking?(c: boolean): void }) => {
    useEffect(() => {
      onChecking?.(world.impact.checking);
      if (!world.impact.checking) onRisks?.(world.impact.risks);
    }, [onChecking, onRisks]);
    return null;
  },
}));

const LIVE = {
  id: 'p1',
  displayName: 'Require MFA',
  state: 'disabled',
  modifiedDateTime: '2026-12-01T10:00:00Z',
  conditions: { users: { includeUsers: ['All'] }, applications: { includeApplications: ['All'] } },
  grantControls: { operator: 'OR', builtInControls: ['mfa'] },
} as ConditionalAccessPolicy;

vi.setConfig({ testTimeout: 20_000 });

let client: QueryClient;
beforeEach(() => {
  world.live = structuredClone(LIVE);
  world.save = () => Promise.resolve({ kind: 'saved' });
  world.impact = { checking: false, risks: [] };
  client = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } });
});
afterEach(() => {
  cleanup();
  localStorage.clear();
});

const page = (wrap: (children: ReactElement) => ReactElement = (c) => c) =>
  render(<QueryClientProvider client={client}>{wrap(<PolicyEditorPage />)}</QueryClientProvider>);
const json = () => screen.findByRole<HTMLTextAreaElement>('textbox', { name: 'JSON' });
const edit = async (change: (policy: Record<string, unknown>) => void) => {
  const box = await json();
  const policy = JSON.parse(box.value) as Record<string, unknown>;
  change(policy);
  fireEvent.change(box, { target: { value: JSON.stringify(policy, null, 2) } });
};
const turnOn = () => edit((p) => (p.state = 'enabled'));
// The page behind a dialog that just closed is still marked hidden a moment in jsdom.
const openReview = () => fireEvent.click(screen.getByRole('button', { name: 'Review and save…', hidden: true }));
const save = () => screen.getByRole('button', { name: 'Save to tenant' });
const pageAlerts = () => screen.queryAllByRole('alert', { hidden: true }).filter((a) => !a.closest('[role="dialog"]'));

async function failedSave(error: Error = new Error('The network dropped.'), said = 'The network dropped.') {
  world.save = () => Promise.reject(error);
  await turnOn();
  openReview();
  fireEvent.click(save());
  await waitFor(() => expect(screen.getByRole('dialog').textContent).toContain(said));
  fireEvent.click(screen.getByRole('button', { name: 'Back to editing' }));
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  expect(
    pageAlerts()
      .map((a) => a.textContent)
      .join(' '),
  ).toContain(said);
}

describe('A failed save’s error on the page', () => {
  it('leaves once the draft changes', async () => {
    page();
    await failedSave();
    await edit((p) => (p.displayName = 'Require MFA for all'));
    expect(pageAlerts()).toEqual([]);
  });

  it('is not shown again after the next review is closed', async () => {
    page();
    await failedSave();
    world.save = () => new Promise(() => {});
    openReview();
    fireEvent.click(screen.getByRole('button', { name: 'Back to editing' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(pageAlerts()).toEqual([]);
  });

  it('leaves when the admin signs in again', async () => {
    const signInAgain = vi.fn();
    page((children) => <SignInAgainContext value={signInAgain}>{children}</SignInAgainContext>);
    const refused = new GraphRequestError(401, 'InvalidAuthenticationToken', 'Expired.', { method: 'PATCH', path: '/policies/p1' });
    await failedSave(refused, 'Your session has expired');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in again', hidden: true }));
    expect(signInAgain).toHaveBeenCalled();
    expect(pageAlerts()).toEqual([]);
  });
});

describe('Save and the review’s sign-in check', () => {
  it('lets the admin save while recent sign-ins are checked, saying so, and no risk of the last review carries over', async () => {
    page();
    await turnOn();
    world.impact = { checking: false, risks: [{ who: 'Break Glass (emergency access)', why: 'Blocked in 3 sign-ins.' }] };
    openReview();
    expect(await screen.findByRole('list', { name: 'Who could be locked out' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Back to editing' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    // The next review: the log is still being read.
    world.impact = { checking: true, risks: [] };
    await edit((p) => (p.state = 'enabledForReportingButNotEnforced'));
    openReview();
    const button = save();
    expect(button.getAttribute('aria-disabled')).not.toBe('true');
    const note = document.getElementById(button.getAttribute('aria-describedby') ?? '')?.textContent;
    expect(note).toBe('The sign-in check is still running. You can save now without waiting for it.');
    expect(screen.queryByRole('list', { name: 'Who could be locked out' })).toBeNull();
  });
});

describe('Discard the draft', () => {
  it('puts the focus on the editor’s heading and says the draft was discarded', async () => {
    const { base } = { base: { ...LIVE } };
    draftStore.save('acc', 'p1', {
      text: JSON.stringify({ ...LIVE, state: 'enabled' }, null, 2),
      baseText: JSON.stringify(base),
      baseModified: LIVE.modifiedDateTime!,
      updatedAt: '2026-12-02T09:00:00Z',
    });
    page();
    const discard = await screen.findByRole('button', { name: 'Discard draft…' });
    discard.focus();
    fireEvent.click(discard);
    fireEvent.click(await screen.findByRole('button', { name: 'Discard the draft' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1 })));
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain(
      'The draft was discarded: the JSON is the policy as the tenant holds it now.',
    );
  });

  it('isolates the policy’s name in the question', async () => {
    const name = 'Block \u202Eevil';
    world.live = { ...structuredClone(LIVE), displayName: name };
    page();
    await turnOn();
    fireEvent.click(screen.getByRole('button', { name: 'Undo all changes…' }));
    const question = (await screen.findByRole('dialog')).querySelector('.fui-DialogContent')!;
    const isolated = question.querySelector('bdi');
    expect(isolated?.textContent).toBe('Block \\u202Eevil');
    expect(isolated?.nextSibling?.textContent).toMatch(/^ will be discarded/);
  });
});

describe('Someone else saves the policy while the draft is clean', () => {
  it('the JSON follows the new version, and the page says the policy was changed by someone else', async () => {
    page();
    expect((await json()).value).toContain('"disabled"');
    await act(async () => {
      client.setQueryData(['policy', 'p1'], { ...structuredClone(LIVE), state: 'enabled', modifiedDateTime: '2026-12-01T11:00:00Z' });
    });
    expect((await json()).value).toContain('"state": "enabled"');
    expect(screen.queryByText(/This draft:/)).toBeNull();
    expect(document.body.textContent).toContain('changed by someone else');
  });

  it('a draft with changes in it stays as it is', async () => {
    page();
    await edit((p) => (p.displayName = 'Mine'));
    await act(async () => {
      client.setQueryData(['policy', 'p1'], { ...structuredClone(LIVE), state: 'enabled', modifiedDateTime: '2026-12-01T11:00:00Z' });
    });
    expect((await json()).value).toContain('"displayName": "Mine"');
    expect((await json()).value).toContain('"disabled"');
  });
});

describe('Ctrl+S anywhere on the page', () => {
  const ctrlS = (target: Element) => fireEvent.keyDown(target, { key: 's', ctrlKey: true });

  it('opens the review from the heading the page opens on, or from Close, instead of the browser’s Save page', async () => {
    page();
    await turnOn();
    const heading = screen.getByRole('heading', { level: 1 });
    heading.focus();
    // false: the browser's own Save page was prevented.
    expect(ctrlS(heading)).toBe(false);
    expect(await screen.findByRole('dialog')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Back to editing' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    expect(ctrlS(screen.getByRole('button', { name: 'Close', hidden: true }))).toBe(false);
    expect(await screen.findByRole('dialog')).toBeTruthy();
  });

  it('does nothing more while a dialog is open, and with nothing to review goes to the button that says why', async () => {
    page();
    const heading = await screen.findByRole('heading', { level: 1 });
    ctrlS(heading);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Review and save…' }));
    expect(screen.queryByRole('dialog')).toBeNull();

    await turnOn();
    openReview();
    const review = await screen.findByRole('dialog');
    // false: nor does the browser's Save page open over the review.
    expect(ctrlS(screen.getByRole('button', { name: 'Back to editing' }))).toBe(false);
    expect(screen.getAllByRole('dialog')).toEqual([review]);
  });
});
