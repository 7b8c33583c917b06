// @vitest-environment jsdom
// A save from the edit page whose answer is lost (Graph applied it, then the connection dropped for good, so
// no look could tell), on a device whose history refuses to keep the version it would replace: the review
// and then the page say the save failed AND that, if it was written, that version cannot be restored from
// here; the draft stays on this device. That warning stays through typing until a save succeeds, and the saved
// message then says it if that save found the lost one already applied, or a conflict on the way met the lost one in
// the tenant; a save sent now (the lost one never landed) keeps the version it replaces and says nothing of it.
// The real save mutation and operation run over a fake Graph.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useEffect } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JsonObject } from '../../domain/json';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { clientWith, json } from '../../graph/client-fake';
import { memoryContext } from '../../operations/memory-stores';
import { draftStore } from '../../policy-ui/draft-store';
import type { DraftState } from './use-draft';
import { PolicyEditorPage } from './policy-editor-page';

const LIVE = {
  id: 'p1',
  displayName: 'Require MFA',
  state: 'disabled',
  modifiedDateTime: '2026-12-01T10:00:00Z',
  conditions: { users: { includeUsers: ['All'] }, applications: { includeApplications: ['All'] } },
  grantControls: { operator: 'OR', builtInControls: ['mfa'] },
};

/**
 * The tenant behind a fake fetch: its one policy, and whether a PATCH was sent (then the connection is gone, until it
 * is back). The PATCH lost reaches the tenant unless `lostBeforeTenant`; once the connection is back, a PATCH is answered.
 */
const world = vi.hoisted(() => ({ policy: {} as Record<string, unknown>, patched: false, back: false, lostBeforeTenant: false }));
/** Where the page went after a save, with what it said. */
const navigated = vi.hoisted(() => [] as unknown[]);

const tenant = vi.hoisted(() => ({
  scopeKey: ['tenant', 'acc'],
  account: { key: 'acc', tenantId: 't1' },
  client: null as unknown,
  context: null as unknown,
}));

vi.mock('react-router', () => ({
  useParams: () => ({ id: 'p1' }),
  useNavigate:
    () =>
    (...to: unknown[]) =>
      navigated.push(to),
}));
vi.mock('../../session/tenant-session', () => ({ useTenantSession: () => tenant }));
vi.mock('../../policy-ui/queries', () => ({
  policyQuery: () => ({ queryKey: ['policy', 'p1'], queryFn: async () => LIVE as ConditionalAccessPolicy }),
  useNames: () => ({ data: undefined }),
}));
vi.mock('../../session/write-access', () => ({ useWriteAccess: () => ({ allowed: true, reason: null }) }));
vi.mock('../../shared/theme', () => ({ useTheme: () => ({ dark: false }) }));
vi.mock('../../shared/routes/leave-guard', () => ({ useLeaveGuard: () => ({ letGo: () => {} }), LeaveDialog: () => null }));
vi.mock('../../policy-ui/page-breadcrumb', () => ({ PageBreadcrumb: () => null }));
vi.mock('../../policy-ui/rollout-notice', () => ({ RolloutFreezeNotice: () => null }));
vi.mock('./unnamed-emergency', () => ({ UnnamedEmergencyNotice: () => null }));
vi.mock('./use-lockout-guard', () => ({ useLockoutGuard: () => ({ risks: [], already: [], excludeEmergency: undefined }) }));
vi.mock('../../shared/monaco', () => ({ LazyDiffViewer: () => null, LazyJsonViewer: () => null }));
vi.mock('./policy-workbench', () => ({
  PolicyWorkbench: ({ draft }: { draft: DraftState }) => (
    <textarea aria-label="JSON" value={draft.text} onChange={(event) => draft.setText(event.target.value)} />
  ),
}));
// The review's sign-in check ends at once, finding no one at risk.
vi.mock('./draft-impact', () => ({
  withImpactRisks: () => [],
  DraftImpact: ({ onRisks, onChecking }: { onRisks(r: never[]): void; onChecking(c: boolean): void }) => {
    useEffect(() => {
      onChecking(false);
      onRisks([]);
    }, [onChecking, onRisks]);
    return null;
  },
}));

vi.setConfig({ testTimeout: 20_000 });

function graph() {
  return clientWith((url, init) => {
    if (world.patched && !world.back) throw new TypeError('Failed to fetch');
    if (!new URL(url).pathname.endsWith('/conditionalAccess/policies/p1'))
      return json(400, { error: { code: 'BadRequest', message: `Not expected: ${url}` } });
    if (init.method === 'PATCH') {
      const reaches = world.back || !world.lostBeforeTenant;
      if (reaches)
        world.policy = { ...world.policy, ...(JSON.parse(String(init.body)) as JsonObject), modifiedDateTime: '2026-12-05T12:00:00Z' };
      if (world.back) return new Response(null, { status: 204 });
      world.patched = true;
      throw new TypeError('Failed to fetch');
    }
    return json(200, world.policy);
  }).client;
}

/** This device's history, and how it keeps a version when it has room again. */
let versions: ReturnType<typeof memoryContext>['versions'];
let keep: typeof versions.record;

beforeEach(() => {
  world.policy = structuredClone(LIVE);
  world.patched = false;
  world.back = false;
  world.lostBeforeTenant = false;
  navigated.length = 0;
  const context = memoryContext(graph(), 'acc');
  versions = context.versions;
  keep = context.versions.record;
  context.versions.record = () => Promise.reject(new Error('The quota has been exceeded.'));
  tenant.client = context.client;
  tenant.context = context;
});
afterEach(() => {
  cleanup();
  localStorage.clear();
});

const NOT_KEPT =
  'May have been saved (its answer was lost), but the version it would replace could not be kept in the history on this device ' +
  '(The quota has been exceeded.): if it was saved, that version cannot be restored from here.';

/** The edit page over the fake tenant: its JSON, once shown. */
async function openEditor() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } });
  render(
    <QueryClientProvider client={client}>
      <PolicyEditorPage />
    </QueryClientProvider>,
  );
  return screen.findByRole<HTMLTextAreaElement>('textbox', { name: 'JSON' });
}

/** Types the draft with these changes to what the JSON holds; the text typed. */
function edit(box: HTMLTextAreaElement, changes: JsonObject) {
  const text = JSON.stringify({ ...(JSON.parse(box.value) as JsonObject), ...changes }, null, 2);
  fireEvent.change(box, { target: { value: text } });
  return text;
}

/** Turns the policy on (or makes these changes) and saves it: the review, once it says the save failed (its answer lost); the text saved. */
async function saveLosingTheAnswer(box: HTMLTextAreaElement, changes: JsonObject = { state: 'enabled' }) {
  const text = edit(box, changes);
  fireEvent.click(screen.getByRole('button', { name: 'Review and save…' }));
  fireEvent.click(screen.getByRole('button', { name: 'Save to tenant' }));
  const dialog = await screen.findByRole('dialog');
  await waitFor(() => expect(dialog.textContent).toContain('Microsoft Graph is unreachable'));
  return { dialog, text };
}

async function backToEditing() {
  fireEvent.click(screen.getByRole('button', { name: 'Back to editing' }));
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
}

/**
 * The connection is back: the review again and Save (and, `overAConflict`, the admin's changes put on top of the version the
 * tenant holds, and Save again); where the page went then, with what it said.
 */
async function saveOnceBack({ overAConflict = false, atConflict = (_said: string) => {} } = {}) {
  world.back = true;
  // Found, not got: just after the review closes, the page can still be hidden from the accessibility tree.
  fireEvent.click(await screen.findByRole('button', { name: 'Review and save…' }));
  fireEvent.click(await screen.findByRole('button', { name: 'Save to tenant' }));
  if (overAConflict) {
    atConflict((await screen.findByText('Nothing was saved.')).closest('.fui-MessageBar')!.textContent ?? '');
    fireEvent.click(await screen.findByRole('button', { name: 'Put my changes on top of theirs' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Save to tenant' }));
  }
  await waitFor(() => expect(navigated).toHaveLength(1));
  return navigated[0];
}

const editPage = () => screen.getByRole('region', { name: 'Edit Require MFA', hidden: true });

describe('A save whose answer is lost, over a version this device could not keep', () => {
  it('fails saying that version cannot be restored from here if it was written, in the review and then on the page; the draft stays', async () => {
    await saveLosingTheAnswer(await openEditor());
    // Applied in the tenant, though nothing here could tell.
    expect(world.policy.state).toBe('enabled');
    expect(screen.getByText(NOT_KEPT).closest('.fui-MessageBar')?.textContent).toBe(NOT_KEPT);

    await backToEditing();
    expect(editPage().textContent).toContain('Microsoft Graph is unreachable');
    expect(editPage().textContent).toContain(NOT_KEPT);
    expect(JSON.parse(draftStore.load('acc', 'p1')!.text)).toMatchObject({ state: 'enabled' });
  });

  it('keeps saying it through typing until a save succeeds, and says it on the saved message', async () => {
    const box = await openEditor();
    const { text: enabled } = await saveLosingTheAnswer(box);
    await backToEditing();

    // A keystroke, then undone: the error concerned the text before it and goes; the warning is still true.
    fireEvent.change(box, { target: { value: `${enabled} ` } });
    fireEvent.change(box, { target: { value: enabled } });
    expect(editPage().textContent).not.toContain('Microsoft Graph is unreachable');
    expect(editPage().textContent).toContain(NOT_KEPT);

    // The connection is back: the save finds its draft in the tenant (the lost save did reach it) and says it saved.
    expect(await saveOnceBack()).toEqual(['/policies/p1', { state: { saved: true, warning: `Earlier attempt: ${NOT_KEPT}` } }]);
  });

  it('found already saved by the lost attempt, still says that version was not kept, though the device has room now', async () => {
    await saveLosingTheAnswer(await openEditor());
    await backToEditing();

    // Nothing is sent now: the version the lost save replaced is gone from the tenant, and was never kept here.
    versions.record = keep;
    const saved = await saveOnceBack();
    expect(await versions.list('acc', 'p1')).toEqual([]);
    expect(saved).toEqual(['/policies/p1', { state: { saved: true, warning: `Earlier attempt: ${NOT_KEPT}` } }]);
  });

  it('after a conflict with the lost save itself (it did land), a save sent over it still says the version it replaced was not kept', async () => {
    const box = await openEditor();
    await saveLosingTheAnswer(box);
    await backToEditing();

    // Typed on: the tenant holds the lost save, newer than the draft's base, so the next save meets it as a conflict.
    edit(box, { grantControls: { operator: 'OR', builtInControls: ['mfa', 'compliantDevice'] } });
    versions.record = keep;
    let said = '';
    const saved = await saveOnceBack({ overAConflict: true, atConflict: (words) => (said = words) });
    // The conflict is the admin's own earlier save: not blamed on someone else.
    expect(said).toContain('Your earlier save, whose answer was lost, did reach the tenant');
    expect(said).not.toContain('someone else');
    expect(world.policy.grantControls).toMatchObject({ builtInControls: ['mfa', 'compliantDevice'] });
    // Kept now: the lost save's version, which this save replaced; the one the lost save replaced is kept nowhere.
    expect((await versions.list('acc', 'p1')).map((v) => JSON.parse(v.json) as JsonObject)).toMatchObject([{ state: 'enabled' }]);
    expect(saved).toEqual(['/policies/p1', { state: { saved: true, warning: `Earlier attempt: ${NOT_KEPT}` } }]);
  });

  it('after a conflict with the lost save and a later change by someone else, says its changes are all there and keeps its warning', async () => {
    const box = await openEditor();
    await saveLosingTheAnswer(box);
    await backToEditing();

    // Typed on; the lost save landed, then someone else changed another field: the tenant no longer holds the draft sent as a whole.
    edit(box, { grantControls: { operator: 'OR', builtInControls: ['mfa', 'compliantDevice'] } });
    world.policy = { ...world.policy, sessionControls: { signInFrequency: { isEnabled: true } }, modifiedDateTime: '2026-12-05T13:00:00Z' };
    versions.record = keep;
    let said = '';
    const saved = await saveOnceBack({ overAConflict: true, atConflict: (words) => (said = words) });
    expect(said).toContain('Your earlier save, whose answer was lost, did reach the tenant, and all its changes are still there');
    expect(said).toContain('also changed by someone else, or by you in another tab');
    // The version the lost save replaced is kept nowhere: the saved message still says so.
    expect(saved).toEqual(['/policies/p1', { state: { saved: true, warning: `Earlier attempt: ${NOT_KEPT}` } }]);
  });

  it('after a conflict where someone else wrote over part of the lost save, says part of it was written over and keeps its warning', async () => {
    const box = await openEditor();
    await saveLosingTheAnswer(box, { state: 'enabled', grantControls: { operator: 'OR', builtInControls: ['mfa', 'compliantDevice'] } });
    await backToEditing();

    // Typed on; the lost save landed, then someone else put the policy in report-only: its other change is still there.
    edit(box, { displayName: 'Require MFA or a compliant device' });
    world.policy = { ...world.policy, state: 'enabledForReportingButNotEnforced', modifiedDateTime: '2026-12-05T13:00:00Z' };
    versions.record = keep;
    let said = '';
    const saved = await saveOnceBack({ overAConflict: true, atConflict: (words) => (said = words) });
    expect(said).toContain('Some of the changes of your earlier save, whose answer was lost, are in it; the others were written over');
    expect(saved).toEqual(['/policies/p1', { state: { saved: true, warning: `Earlier attempt: ${NOT_KEPT}` } }]);
  });

  it('after a conflict with someone else (the lost save never landed), a save sent over theirs says only its own words', async () => {
    world.lostBeforeTenant = true;
    await saveLosingTheAnswer(await openEditor());
    await backToEditing();

    // Someone else saved meanwhile: the next save meets their version, not the lost one, as a conflict.
    world.policy = { ...world.policy, sessionControls: { signInFrequency: { isEnabled: true } }, modifiedDateTime: '2026-12-04T09:00:00Z' };
    let said = '';
    const saved = await saveOnceBack({ overAConflict: true, atConflict: (words) => (said = words) });
    expect(said).toContain('by someone else, or by you in another tab');
    // Truthful about the admin's own change: it is not in the tenant now, whatever happened to it.
    expect(said).toContain(
      'None of the changes of your earlier save, whose answer was lost, are in it: it never reached the tenant, or was written over.',
    );
    expect(world.policy).toMatchObject({ state: 'enabled', sessionControls: { signInFrequency: { isEnabled: true } } });
    expect(saved).toEqual([
      '/policies/p1',
      {
        state: {
          saved: true,
          warning:
            'Saved, but the version it replaced could not be kept in the history on this device (The quota has been exceeded.): ' +
            'it cannot be restored from here.',
        },
      },
    ]);
  });

  it('once the save is sent again (the lost one never reached the tenant) and the version it replaced is kept, says no warning', async () => {
    world.lostBeforeTenant = true;
    const { dialog } = await saveLosingTheAnswer(await openEditor());
    expect(world.policy.state).toBe('disabled');
    expect(dialog.textContent).toContain(NOT_KEPT);
    await backToEditing();

    // The connection is back and the device has room: the save is sent now, over the version it keeps first.
    versions.record = keep;
    const saved = await saveOnceBack();
    expect(world.policy.state).toBe('enabled');
    expect((await versions.list('acc', 'p1')).map((v) => JSON.parse(v.json) as JsonObject)).toMatchObject([{ state: 'disabled' }]);
    expect(saved).toEqual(['/policies/p1', { state: { saved: true } }]);
  });
});
