// A create tried again after an error whose outcome was unknown: the POST reached the service, its
// answer was lost, and the look that would have found the policy failed too (the network still down).
// The next attempt, given what the first one knew, finds the policy instead of making a second one,
// and still creates one when only a genuinely older policy of the same name and content is there.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { JsonObject } from '../domain/policy-body';
import type { ConditionalAccessPolicy } from '../domain/types';
import type { GraphClient } from '../graph/client';
import { GraphRequestError, NetworkError } from '../graph/errors';
import { createPolicySafely, type CreateAttempt } from './create-policy';

/** A tenant in memory behind a network the test can break: after a POST, or before it reaches the service. */
const tenant = vi.hoisted(() => ({
  policies: [] as ConditionalAccessPolicy[],
  posts: 0,
  next: 1,
  /** What the network does to the next POST: deliver it, lose its answer (then stay down), or drop it unsent (then stay down). */
  post: 'deliver' as 'deliver' | 'lose-answer' | 'drop' | 'refuse' | 'throttle' | 'answer-503',
  down: false,
  /** How many list reads a new policy is missing from (the service shows a new object late). */
  showsAfter: 0,
  hidden: new Map<string, number>(),
  /** Every list read after a POST answers 503. */
  listsFailAfterPost: false,
}));

vi.mock('../graph/policies', () => ({
  listPolicies: async () => {
    if (tenant.down) throw new NetworkError('GET', '/policies', new TypeError('Failed to fetch'));
    if (tenant.listsFailAfterPost && tenant.posts > 0)
      throw new GraphRequestError(503, 'ServiceUnavailable', 'Service unavailable.', { method: 'GET', path: '/policies' });
    const shown = tenant.policies.filter((p) => !tenant.hidden.get(p.id!));
    for (const [id, reads] of tenant.hidden) tenant.hidden.set(id, Math.max(0, reads - 1));
    return shown.map((p) => ({ ...p }));
  },
  createPolicy: async (_client: unknown, body: JsonObject) => {
    if (tenant.down) throw new NetworkError('POST', '/policies', new TypeError('Failed to fetch'));
    tenant.posts++;
    const fault = tenant.post;
    if (fault === 'refuse')
      throw new GraphRequestError(400, 'BadRequest', 'Invalid application id.', { method: 'POST', path: '/policies' });
    if (fault === 'throttle')
      throw new GraphRequestError(429, 'TooManyRequests', 'Too many requests.', { method: 'POST', path: '/policies' });
    if (fault === 'drop') {
      tenant.down = true;
      throw new NetworkError('POST', '/policies', new TypeError('Failed to fetch'));
    }
    const made = { ...body, id: `id-${tenant.next}`, createdDateTime: `2026-12-05T07:0${tenant.next++}:00Z` } as ConditionalAccessPolicy;
    tenant.policies.push(made);
    tenant.hidden.set(made.id!, tenant.showsAfter);
    if (fault === 'answer-503')
      throw new GraphRequestError(503, 'ServiceUnavailable', 'Service unavailable.', { method: 'POST', path: '/policies' });
    if (fault === 'lose-answer') {
      tenant.down = true;
      throw new NetworkError('POST', '/policies', new TypeError('Failed to fetch'));
    }
    return { ...made };
  },
}));

const client = { retries: 2, backoff: async () => {}, wait: async () => {} } as unknown as GraphClient;
const NAME = 'Require MFA for contractors';
const newPolicy = (): JsonObject => ({
  displayName: NAME,
  state: 'enabledForReportingButNotEnforced',
  conditions: { users: { includeUsers: ['None'] }, applications: { includeApplications: ['All'] }, clientAppTypes: ['all'] },
  grantControls: { operator: 'OR', builtInControls: ['mfa'] },
});
const named = () => tenant.policies.filter((p) => p.displayName === NAME);

beforeEach(() =>
  Object.assign(tenant, {
    policies: [],
    posts: 0,
    next: 1,
    post: 'deliver',
    down: false,
    showsAfter: 0,
    hidden: new Map(),
    listsFailAfterPost: false,
  }),
);

describe('a create tried again after its outcome was unknown and the draft was edited', () => {
  it('finds what the first attempt sent, says the draft differs from it, and does not post again', async () => {
    tenant.post = 'lose-answer';
    let kept: CreateAttempt | null = null;
    await expect(createPolicySafely(client, newPolicy(), { onAttempt: (attempt) => (kept = attempt) })).rejects.toThrow(NetworkError);

    // Back to editing: the admin changes the state, then presses Create again once the network is back.
    Object.assign(tenant, { down: false, post: 'deliver' });
    const edited = { ...newPolicy(), state: 'enabled' };
    const again = await createPolicySafely(client, edited, { earlier: kept });
    expect(tenant.posts).toBe(1);
    expect(named()).toHaveLength(1);
    expect(again).toMatchObject({ byEarlierAttempt: true, differsFromBody: true });
    expect(again.policy.state).toBe('enabledForReportingButNotEnforced');
  });
});

describe('a new policy with no client apps named', () => {
  it("is sent with clientAppTypes ['all'] (Graph refuses []), read-only fields left out", async () => {
    const draft = {
      ...newPolicy(),
      id: 'x',
      createdDateTime: '2026-01-01T00:00:00Z',
      conditions: { users: { includeUsers: ['None'] }, clientAppTypes: [] },
    };
    const made = await createPolicySafely(client, draft);
    expect((made.policy.conditions as { clientAppTypes: unknown }).clientAppTypes).toEqual(['all']);
    expect(made.policy.id).toBe('id-1');
    expect(made.policy.createdDateTime).not.toBe('2026-01-01T00:00:00Z');
  });
});

describe('a create Graph refused', () => {
  it('says so, so the attempt kept for it is forgotten (nothing was made)', async () => {
    tenant.post = 'refuse';
    const refused = vi.fn();
    await expect(createPolicySafely(client, newPolicy(), { onRefused: refused })).rejects.toMatchObject({ status: 400 });
    expect(refused).toHaveBeenCalledTimes(1);
  });
});

describe('a create tried again after its outcome was unknown', () => {
  it('finds the policy the first attempt made, says so, and does not post again', async () => {
    tenant.post = 'lose-answer';
    let kept: CreateAttempt | null = null;
    await expect(createPolicySafely(client, newPolicy(), { onAttempt: (attempt) => (kept = attempt) })).rejects.toThrow(NetworkError);

    // The network is back; the admin presses Create again.
    Object.assign(tenant, { down: false, post: 'deliver' });
    const again = await createPolicySafely(client, newPolicy(), { earlier: kept, onAttempt: (attempt) => (kept = attempt) });
    expect(named()).toHaveLength(1);
    expect(tenant.posts).toBe(1);
    expect(again).toMatchObject({ recovered: true, byEarlierAttempt: true, duplicates: [] });
    expect(again.policy.id).toBe(named()[0]!.id);
  });

  it('creates it when the first attempt made nothing, and does not call an older identical policy a duplicate', async () => {
    const older = await createPolicySafely(client, newPolicy());
    tenant.post = 'drop';
    let kept: CreateAttempt | null = null;
    await expect(createPolicySafely(client, newPolicy(), { onAttempt: (attempt) => (kept = attempt) })).rejects.toThrow(NetworkError);

    Object.assign(tenant, { down: false, post: 'deliver' });
    const again = await createPolicySafely(client, newPolicy(), { earlier: kept });
    expect(again).toMatchObject({ recovered: false, duplicates: [] });
    expect(again.policy.id).not.toBe(older.policy.id);
    expect(named().map((p) => p.id)).toEqual([older.policy.id, again.policy.id]);
  });
});

describe('a create whose answer is lost while the new policy does not show yet', () => {
  it('looks again after waiting, finds it, and does not post a second one', async () => {
    Object.assign(tenant, { post: 'answer-503', showsAfter: 2 });
    const outcome = await createPolicySafely(client, newPolicy());
    expect(tenant.posts).toBe(1);
    expect(named()).toHaveLength(1);
    expect(outcome).toMatchObject({ recovered: true, duplicates: [] });
    expect(outcome.policy.id).toBe(named()[0]!.id);
  });

  it('says the outcome is unknown when it never shows, keeps the attempt, and the next click finds it', async () => {
    Object.assign(tenant, { post: 'answer-503', showsAfter: 10 });
    let kept: CreateAttempt | null = null;
    const refused = vi.fn();
    await expect(createPolicySafely(client, newPolicy(), { onAttempt: (attempt) => (kept = attempt), onRefused: refused })).rejects.toThrow(
      /may still have been created: trying again looks for it first/,
    );
    expect(tenant.posts).toBe(1);
    expect(refused).not.toHaveBeenCalled();

    tenant.hidden.clear();
    const again = await createPolicySafely(client, newPolicy(), { earlier: kept });
    expect(again).toMatchObject({ byEarlierAttempt: true });
    expect(tenant.posts).toBe(1);
    expect(named()).toHaveLength(1);
  });

  it('keeps what the earlier attempt knew when the next POST is throttled', async () => {
    Object.assign(tenant, { post: 'answer-503', showsAfter: 10 });
    let kept: CreateAttempt | null = null;
    await expect(createPolicySafely(client, newPolicy(), { onAttempt: (attempt) => (kept = attempt) })).rejects.toThrow();
    Object.assign(tenant, { post: 'throttle' });
    const refused = vi.fn();
    await expect(createPolicySafely(client, newPolicy(), { earlier: kept, onRefused: refused })).rejects.toMatchObject({ status: 429 });
    expect(refused).not.toHaveBeenCalled();
  });
});

describe('a create Graph answered 201, whose search for duplicates then fails', () => {
  it('returns the policy created, saying duplicates could not be checked, not an error', async () => {
    tenant.listsFailAfterPost = true;
    const outcome = await createPolicySafely(client, newPolicy());
    expect(tenant.posts).toBe(1);
    expect(outcome).toMatchObject({ policy: { id: 'id-1', displayName: NAME }, duplicates: [], duplicatesUnchecked: true });
  });
});
