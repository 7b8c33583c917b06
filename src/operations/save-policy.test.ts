// A save Graph applied, whose replaced version the history on this device then refuses (IndexedDB
// full or blocked): the save is reported saved, with a warning that the version was not kept, never
// as "Could not save" over a change that is in the tenant. The version replaced is kept before the
// PATCH is sent, so a page reloaded while it is sent still has it; a save Graph refuses keeps nothing.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConditionalAccessPolicy } from '../domain/types';
import type { GraphClient } from '../graph/client';
import { policyJson } from '../domain/json';
import { memoryContext } from './memory-stores';
import { savePolicy } from './save-policy';

const ID = '0f1c2d3e-0000-4000-8000-00000000b001';

/**
 * The tenant's one policy and the PATCHes sent. `patch`: 'answered'; 'unanswered' (applied, and no answer ever comes:
 * the page is reloaded while it is sent); 'refused' (a 400, nothing applied).
 */
const tenant = vi.hoisted(() => ({
  policy: null as unknown as ConditionalAccessPolicy,
  patches: [] as Record<string, unknown>[],
  patch: 'answered' as 'answered' | 'unanswered' | 'refused',
}));

vi.mock('../graph/policies', async () => {
  const { GraphRequestError } = await import('../graph/errors');
  return {
    getPolicy: async () => ({ ...tenant.policy }),
    updatePolicy: async (_client: unknown, _id: string, patch: Record<string, unknown>) => {
      tenant.patches.push(patch);
      if (tenant.patch === 'refused')
        throw new GraphRequestError(400, 'BadRequest', 'The policy is not valid.', { method: 'PATCH', path: _id });
      tenant.policy = { ...tenant.policy, ...patch, modifiedDateTime: '2026-12-05T10:00:00Z' };
      if (tenant.patch === 'unanswered') await new Promise(() => {});
    },
  };
});

const client = { retries: 2, backoff: async () => {} } as unknown as GraphClient;

beforeEach(() => {
  tenant.policy = {
    id: ID,
    displayName: 'Require MFA for admins',
    state: 'enabled',
    modifiedDateTime: '2026-12-01T08:00:00Z',
  } as ConditionalAccessPolicy;
  tenant.patches = [];
  tenant.patch = 'answered';
});

const keptNames = (context: ReturnType<typeof memoryContext>) =>
  context.versions.all.map((v) => [v.reason, (JSON.parse(v.json) as { displayName: string }).displayName]);

describe('a save whose replaced version this device cannot keep', () => {
  it('is reported saved, with a warning that the version was not kept', async () => {
    const context = memoryContext(client, 'contoso');
    context.versions.record = () => Promise.reject(new Error('The quota has been exceeded.'));
    const draft = { ...policyJson(tenant.policy), displayName: 'Require MFA for all admins' };

    const outcome = await savePolicy(context, ID, draft, '2026-12-01T08:00:00Z');
    expect(outcome).toMatchObject({ kind: 'saved', policy: { displayName: 'Require MFA for all admins' } });
    expect(outcome.kind === 'saved' && outcome.versionNotKept).toMatch(
      /^Saved, but the version it replaced could not be kept in the history on this device \(The quota has been exceeded\.\)/,
    );
    expect(tenant.patches).toEqual([{ displayName: 'Require MFA for all admins' }]);
  });

  it('is kept, with no warning, when the history takes it', async () => {
    const context = memoryContext(client, 'contoso');
    const outcome = await savePolicy(context, ID, { ...policyJson(tenant.policy), displayName: 'Renamed' }, '2026-12-01T08:00:00Z');
    expect(outcome).not.toHaveProperty('versionNotKept');
    expect(context.versions.all.map((v) => (JSON.parse(v.json) as { displayName: string }).displayName)).toEqual([
      'Require MFA for admins',
    ]);
  });
});

describe('a save found already in the tenant', () => {
  it('says so (an earlier save whose answer was lost), with nothing sent or kept; a save made now does not', async () => {
    const context = memoryContext(client, 'contoso');
    const draft = { ...policyJson(tenant.policy), displayName: 'Renamed' };
    // The earlier save landed, its answer lost: the tenant holds the draft, stamped after the draft's base.
    tenant.policy = { ...tenant.policy, displayName: 'Renamed', modifiedDateTime: '2026-12-05T09:00:00Z' };

    const found = await savePolicy(context, ID, draft, '2026-12-01T08:00:00Z');
    expect(found).toMatchObject({ kind: 'saved', foundAlreadySaved: true, policy: { displayName: 'Renamed' } });
    expect(tenant.patches).toEqual([]);
    expect(context.versions.all).toEqual([]);

    const made = await savePolicy(context, ID, { ...draft, displayName: 'Renamed again' }, '2026-12-05T09:00:00Z');
    expect(made).toMatchObject({ kind: 'saved', policy: { displayName: 'Renamed again' } });
    expect(made).not.toHaveProperty('foundAlreadySaved');
  });
});

describe('the version a save replaces', () => {
  it('is kept before the PATCH is sent: the page reloaded while it was sent (applied, never answered) still has it', async () => {
    const context = memoryContext(client, 'contoso');
    tenant.patch = 'unanswered';
    const draft = { ...policyJson(tenant.policy), displayName: 'Renamed' };
    void savePolicy(context, ID, draft, '2026-12-01T08:00:00Z');
    await vi.waitFor(() => expect(tenant.patches).toHaveLength(1));
    expect(tenant.policy.displayName).toBe('Renamed');
    expect(keptNames(context)).toEqual([['before save', 'Require MFA for admins']]);

    // After the reload, the resume finds the save in the tenant: nothing sent, nothing kept twice.
    tenant.patch = 'answered';
    const resumed = await savePolicy(context, ID, draft, '2026-12-01T08:00:00Z');
    expect(resumed).toMatchObject({ kind: 'saved', foundAlreadySaved: true });
    expect(tenant.patches).toHaveLength(1);
    expect(keptNames(context)).toEqual([['before save', 'Require MFA for admins']]);
  });

  it('is not kept when Graph refuses the save: the history does not say a save happened', async () => {
    const context = memoryContext(client, 'contoso');
    tenant.patch = 'refused';
    const draft = { ...policyJson(tenant.policy), displayName: 'Renamed' };
    await expect(savePolicy(context, ID, draft, '2026-12-01T08:00:00Z')).rejects.toMatchObject({ status: 400 });
    expect(tenant.patches).toHaveLength(1);
    expect(context.versions.all).toEqual([]);

    // Saved once the draft is right: kept once, before it.
    tenant.patch = 'answered';
    await savePolicy(context, ID, draft, '2026-12-01T08:00:00Z');
    expect(keptNames(context)).toEqual([['before save', 'Require MFA for admins']]);
  });
});
