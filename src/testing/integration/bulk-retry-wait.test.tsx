// @vitest-environment jsdom
// A bulk run of deleted policies that Graph paces with 429 and Retry-After: the item being written (a policy
// deleted for good, or a named location restored before the policies that need it) says how long it waits and
// why, counts down, says it once to a screen reader, then goes on; the wait is the bulk run's, not a plan run's.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clientHeldAt429 } from '../client-held-at-429';
import { CONTOSO_TENANT_ID } from '../../emulator/seed';
import { listDeletedNamedLocations, listDeletedPolicies } from '../../graph/deleted-items';
import { newRun, type BulkRun } from '../../operations/bulk-run';
import { memoryContext } from '../../operations/memory-stores';
import { useRetryWait } from '../../session/retry-waits';
import { BulkProgress } from '../../features/deleted-items/bulk-progress';
import { useBulkRunState } from '../../features/deleted-items/use-bulk-run';

vi.setConfig({ testTimeout: 20_000 });

const world = vi.hoisted(() => ({ session: null as unknown }));
vi.mock('../../session/tenant-session', () => ({ useTenantSession: () => world.session }));

afterEach(cleanup);

const SLOW_DOWN = 'Microsoft Graph asked to slow down (too many requests)';

/** The emulator's Contoso behind the real client, answering `match` once with 429 and a wait of 30 s that lasts until the test ends it. */
function world429(match: string) {
  const { harness, client, endWait } = clientHeldAt429(match);
  world.session = {
    account: { key: 'acct' },
    scopeKey: ['tenant', 'acct'],
    client,
    context: memoryContext(client, CONTOSO_TENANT_ID, { now: () => harness.clock.now }),
  };
  return { client, endWait };
}

/** What the deleted policies page gives the bar: its bulk run's state, wait included; and what a plan run's row would see. */
function Run({ begin }: { begin: BulkRun }) {
  const bulk = useBulkRunState({ deleted: [], missingOf: () => [], onEnd: () => {} });
  const planWait = useRetryWait('acct');
  return (
    <>
      <button onClick={() => void bulk.start(begin)}>Start</button>
      <p>{planWait ? 'A plan run waits' : 'No plan run waits'}</p>
      {bulk.run ? (
        <BulkProgress
          run={bulk.run}
          locations={bulk.run.locations ?? null}
          running={bulk.running}
          checking={false}
          wait={bulk.wait}
          onStop={() => {}}
          onResume={() => {}}
          onDismiss={() => {}}
        />
      ) : null}
    </>
  );
}

function start(begin: BulkRun) {
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <Run begin={begin} />
    </QueryClientProvider>,
  );
  fireEvent.click(screen.getByRole('button', { name: 'Start' }));
}

const said = () => screen.getAllByRole('status').map((s) => s.textContent);

/** The seconds the item shows it waits, once it shows Graph's wait (the countdown may have begun on a busy machine). */
async function secondsShown(item: () => HTMLElement, timeout = 5000): Promise<number> {
  const waiting = new RegExp(`^Waiting (\\d+) s: ${SLOW_DOWN.replace(/[()]/g, '\\$&')}$`);
  const shown = await waitFor(() => within(item()).getByText(waiting), { timeout });
  return Number(waiting.exec(shown.textContent ?? '')![1]);
}

describe('a bulk run that Graph asks to wait (429 with Retry-After)', () => {
  it('shows the wait on the policy being deleted, counting down, says it once, then deletes it', async () => {
    const { client, endWait } = world429('DELETE /beta/identity/conditionalAccess/deletedItems/policies/');
    const [first] = await listDeletedPolicies(client);
    const name = first!.displayName!;
    start(newRun('purge', false, [{ id: first!.id!, name }]));
    const item = () => within(screen.getByRole('list', { name: 'Progress of each policy' })).getAllByRole('listitem')[0]!;

    const shownFirst = await secondsShown(item);
    expect(shownFirst).toBeGreaterThan(25);
    expect(shownFirst).toBeLessThanOrEqual(30);
    expect(said()).toContain(`Waiting 30 s before ‘${name}’ is sent again: ${SLOW_DOWN}.`);
    // The countdown moves on screen; what is said does not change with it.
    await waitFor(async () => expect(await secondsShown(item, 100)).toBeLessThan(shownFirst), { timeout: 3000 });
    expect(said()).toContain(`Waiting 30 s before ‘${name}’ is sent again: ${SLOW_DOWN}.`);
    // The bulk run's wait, not a plan run's.
    expect(screen.getByText('No plan run waits')).toBeTruthy();

    endWait();
    expect(await within(item()).findByText(/Deleted permanently/, {}, { timeout: 5000 })).toBeTruthy();
    expect(item().textContent).not.toMatch(/Waiting/);
    expect((await listDeletedPolicies(client)).map((p) => p.id)).not.toContain(first!.id);
  });

  it('shows the wait on the named location restored first, then restores it and the policy that needs it', async () => {
    const { client, endWait } = world429('POST /beta/identity/conditionalAccess/deletedItems/namedLocations/');
    const [location] = await listDeletedNamedLocations(client);
    const policy = (await listDeletedPolicies(client)).find((p) => p.displayName!.startsWith('CA090'))!;
    const begin: BulkRun = {
      ...newRun('restore', false, [{ id: policy.id!, name: policy.displayName! }]),
      locations: [
        {
          id: location!.id,
          name: location!.displayName,
          neededBy: [{ id: policy.id!, name: policy.displayName! }],
          status: 'pending',
        },
      ],
    };
    start(begin);
    const step = () => within(screen.getByRole('list', { name: 'Named locations restored first' })).getAllByRole('listitem')[0]!;

    expect(await secondsShown(step)).toBeGreaterThan(25);
    expect(said()).toContain(`Waiting 30 s before ‘${location!.displayName}’ is sent again: ${SLOW_DOWN}.`);

    endWait();
    const item = within(screen.getByRole('list', { name: 'Progress of each policy' })).getAllByRole('listitem')[0]!;
    expect(await within(item).findByText(/Restored/, {}, { timeout: 5000 })).toBeTruthy();
    expect(step().textContent).toMatch(/Restored$/);
  });
});
