// @vitest-environment jsdom
// An account that may not write still hears why the gate holds the next step back, beside why it cannot
// write: the gate's reason was given only to an account that could.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import type { EmergencyAccess } from '../../domain/lockout';
import { newRolloutPlan, type RolloutPlan } from '../../domain/rollout/rollout-plan';
import type { ConditionalAccessPolicy } from '../../domain/types';
import type * as WriteAccessModule from '../../session/write-access';
import { described } from './test-support';

vi.mock('../../session/write-access', async (actual) => ({
  ...(await actual<typeof WriteAccessModule>()),
  useWriteAccess: () => ({ allowed: false, reason: 'This account can read but not change policies.' }),
}));
vi.mock('./use-gate', () => ({ useGate: () => ({ read: { kind: 'idle' }, reset: () => {}, check: async () => {} }) }));
vi.mock('./use-group-members', () => ({ useGroupMembers: () => new Map(), memberWords: () => '3 users' }));

const { RolloutView } = await import('./rollout-view');

afterEach(cleanup);

const at = new Date('2026-01-05T10:00:00Z');
const planned = newRolloutPlan(
  { id: 'p1', displayName: 'Require MFA', state: 'enabled' },
  [
    { id: 'g1', name: 'Pilot', created: false },
    { id: 'g2', name: 'Finance', created: false },
  ],
  at,
);
const running: RolloutPlan = {
  ...planned,
  status: 'running',
  rings: planned.rings.map((ring, i) => (i === 0 ? { ...ring, state: 'active', startedAt: at.toISOString() } : ring)),
};

it('says why the account cannot write and why the gate holds the step back', () => {
  render(
    <RolloutView
      plan={running}
      original={{ id: 'p1', displayName: 'Require MFA', state: 'enabledForReportingButNotEnforced' } as ConditionalAccessPolicy}
      copy={undefined}
      emergency={{ users: [], groups: [], members: [] } as unknown as EmergencyAccess}
      now={() => at}
      onChange={() => {}}
      onStep={() => {}}
      onForget={() => {}}
    />,
  );
  const add = screen.getByRole('button', { name: 'Add Ring 2 (Finance)…' });
  expect(add.getAttribute('aria-disabled')).toBe('true');
  expect(described(add)).toMatch(/^This account can read but not change policies\. The gate has not let this step through yet/);
});
