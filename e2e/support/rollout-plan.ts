// Steps of the Rollout section that several specs take to start planning a policy's rings.
import type { Page } from '@playwright/test';
import { CONTOSO_TENANT_ID, contosoDirectory } from '../../src/emulator/seed/contoso';
import { expect } from './fixtures';
import { section } from './navigation';

/** Where this device keeps Contoso's rollouts. */
export const ROLLOUTS_KEY = `gatehouse.rollouts.${CONTOSO_TENANT_ID}`;

/**
 * Opens Rollout, picks the policy and presses "Plan its rings…". A RegExp waits for the one option it matches (the list
 * is read from Graph) and picks it by its text; a string is the option's label, picked as it is. Leaves the page on the
 * rings editor of that policy, no ring added yet.
 */
export async function planRingsFor(page: Page, policy: RegExp | string) {
  await section(page, 'Rollout').click();
  const choice = page.getByRole('combobox', { name: 'Policy to roll out' });
  if (typeof policy === 'string') {
    await choice.selectOption({ label: policy });
  } else {
    await expect(choice.getByRole('option', { name: policy })).toHaveCount(1);
    await choice.selectOption({ label: (await choice.getByRole('option', { name: policy }).textContent())! });
  }
  await page.getByRole('button', { name: 'Plan its rings…' }).click();
}

/** A ring of a rollout as this device keeps it: in the copy since `startedAt`, or waiting (null). */
export const keptRing = (n: number, group: string, startedAt: string | null) => ({
  key: `ring-${n}`,
  group: { id: contosoDirectory.group(group), name: group, created: false },
  state: startedAt ? 'active' : 'waiting',
  startedAt,
});

/**
 * A rollout of a Contoso policy under way, as this device keeps it (gatehouse.rollouts.<tenant>): the rings given
 * (default: ring 1 "CA - Service accounts" in the copy since `startedAt`, ring 2 "Finance" waiting), its start the
 * only event; `extra` overrides any field (status, pending, events…).
 */
export function keptRollout(
  policy: { id: string; displayName: string },
  startedAt: string,
  extra: { rings?: ReturnType<typeof keptRing>[] } & Record<string, unknown> = {},
) {
  return {
    policyId: policy.id,
    policyName: policy.displayName,
    copyName: `${policy.displayName} [rollout]`,
    copyId: null,
    stateBefore: 'enabled',
    frozen: null,
    rings: [keptRing(1, 'CA - Service accounts', startedAt), keptRing(2, 'Finance', null)],
    thresholds: { maxBlockedPercent: 10, maxInterruptedPercent: null, minSignIns: 1 },
    status: 'running',
    pending: null,
    events: [{ at: startedAt, kind: 'started', ring: 'ring-1', text: 'Started.' }],
    createdAt: startedAt,
    ...extra,
  };
}

/** Puts these rollouts on this device for Contoso, as the Rollout page keeps them; read when the page next opens. */
export async function keepRollouts(page: Page, rollouts: object[]) {
  await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [ROLLOUTS_KEY, JSON.stringify(rollouts)]);
}
