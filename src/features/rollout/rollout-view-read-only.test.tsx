// @vitest-environment jsdom
// An account that may not write still hears why the gate holds the next step back, beside why it cannot
// write: the gate's reason was given only to an account that could.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import type * as WriteAccessModule from '../../session/write-access';
import { at, noEmergency, original, runningPlan } from './test-support';

vi.mock('../../session/write-access', async (actual) => ({
  ...(await actual<typeof WriteAccessModule>()),
  useWriteAccess: () => ({ allowed: false, reason: 'This account can read but not change policies.' }),
}));
vi.mock('./use-gate', () => ({ useGate: () => ({ read: { kind: 'idle' }, reset: () => {}, check: async () => {} }) }));
vi.mock('./use-group-members', () => ({ useGroupMembers: () => new Map(), memberWords: () => '3 users' }));

const { RolloutView } = await import('./rollout-view');

afterEach(cleanup);

it('says why the account cannot write and why the gate holds the step back', () => {
  render(
    <RolloutView
      plan={runningPlan()}
      original={original}
      copy={undefined}
      emergency={noEmergency}
      now={() => at}
      onChange={() => {}}
      onStep={() => {}}
      onForget={() => {}}
    />,
  );
  const add = screen.getByRole('button', {
    name: 'Add Ring 2 (Finance)…',
    description: /^This account can read but not change policies\. The gate has not let this step through yet/,
  });
  expect(add.getAttribute('aria-disabled')).toBe('true');
});
