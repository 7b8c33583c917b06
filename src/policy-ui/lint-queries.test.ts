import { describe, expect, it } from 'vitest';
import { nameKey, type NameDirectory, type ResolvedName } from '../domain/references';
import { asPolicy, policyJson } from '../domain/json';
import { draftLintInput, lintDraft } from './lint-draft';
import { lintInputOf, lintVersion, type LintSources } from './lint-queries';

const G_LIVE = 'e1e1e1e1-0000-4000-8000-000000000010';
const U_GONE = 'e1e1e1e1-0000-4000-8000-0000000000ee';
const NOW = new Date('2026-11-30T12:00:00Z');
const directory = (names: ResolvedName[], failures: NameDirectory['failures'] = []): NameDirectory => ({
  names: new Map(names.map((n) => [nameKey(n.kind, n.id), n])),
  failures,
});
const forbidden = (what: string) => ({ what, error: Object.assign(new Error('Forbidden'), { status: 403 }) });
const policy = asPolicy({
  id: 'p1',
  displayName: 'CA027: Contractors',
  state: 'disabled',
  conditions: {
    users: { includeGroups: [G_LIVE], excludeUsers: [U_GONE] },
    applications: { includeApplications: ['All'] },
  },
  grantControls: { operator: 'OR', builtInControls: ['mfa'], authenticationStrength: null },
});
const sources = (over: Partial<LintSources> = {}): LintSources => ({
  policies: [policy],
  names: directory([
    { id: G_LIVE, kind: 'group', displayName: 'Contractors' },
    { id: U_GONE, kind: 'user', displayName: 'Deleted object', missing: true },
    { id: 'custom-1', kind: 'authenticationStrength', displayName: 'Contoso passkeys' },
  ]),
  namedLocations: [{ id: 'loc-1', displayName: 'Office', isTrusted: true }],
  emergency: { users: [], groups: [] },
  memberships: undefined,
  mfaTrustedIps: null,
  ...over,
});

describe('the lint input from what the console read', () => {
  it('says which objects exist from the names, and leaves unknown what could not be read', () => {
    const input = lintInputOf(sources(), NOW);
    expect(input.references).toEqual(
      expect.arrayContaining([
        { kind: 'group', id: G_LIVE, displayName: 'Contractors', exists: true },
        { kind: 'user', id: U_GONE, displayName: null, exists: false },
      ]),
    );
    expect(input.authenticationStrengths).toEqual([{ id: 'custom-1', displayName: 'Contoso passkeys' }]);
    expect(input.namedLocations).toEqual([{ id: 'loc-1', displayName: 'Office', isTrusted: true }]);
    expect(input.mfaTrustedIps).toBeUndefined();

    const failed = lintInputOf(sources({ names: directory([], [forbidden('authentication strengths')]), namedLocations: undefined }), NOW);
    expect(failed.authenticationStrengths).toBeUndefined();
    expect(failed.termsOfUse).toEqual([]);
    expect(failed.namedLocations).toBeUndefined();
    expect(lintInputOf(sources({ names: undefined }), NOW).references).toBeUndefined();
  });

  it('lints one policy as edited with the tenant’s sources, and names a new version of any source', async () => {
    const other = 'e1e1e1e1-0000-4000-8000-000000000099';
    const input = draftLintInput(
      sources({
        names: directory([
          { id: G_LIVE, kind: 'group', displayName: 'Contractors' },
          { id: U_GONE, kind: 'user', displayName: 'Deleted object', missing: true },
          { id: other, kind: 'group', displayName: 'Named by another policy' },
        ]),
      }),
      { ...policyJson(policy), displayName: 'CA027: Contractors (edited)' },
      NOW,
    );
    expect(input.policies).toHaveLength(1);
    // The worker gets the objects the draft names, not the tenant's whole table.
    expect(input.references?.map((r) => r.id).sort()).toEqual([G_LIVE, U_GONE].sort());
    const findings = await lintDraft(input, new AbortController().signal);
    expect(findings.find((f) => f.ruleId === 'directory-object-gone')?.message).toContain(`'${U_GONE}'`);
    expect(findings.every((f) => f.policyId === 'p1')).toBe(true);

    // A draft is JSON as typed: an id in capitals still finds its object, an odd shape is read past.
    const typed = {
      ...policyJson(policy),
      conditions: { users: { includeGroups: [G_LIVE.toUpperCase()] }, applications: { includeAuthenticationContextClassReferences: 5 } },
    };
    expect(draftLintInput(sources(), typed, NOW).references).toEqual([
      { kind: 'group', id: G_LIVE, displayName: 'Contractors', exists: true },
    ]);

    const first = sources();
    expect(lintVersion(first)).toBe(lintVersion({ ...first }));
    expect(lintVersion(first)).not.toBe(lintVersion({ ...first, mfaTrustedIps: [] }));
    expect(lintVersion(first)).not.toBe(lintVersion({ ...first, policies: [...first.policies] }));
  });
});
