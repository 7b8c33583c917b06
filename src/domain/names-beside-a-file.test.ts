import { describe, expect, it } from 'vitest';
import { namesBesideFile } from './names-beside-a-file';
import { lookupName, nameKey, type NameDirectory, type References, type ResolvedName } from './references';
import { describePolicy } from './describe-policy';
import { describeChanges } from './describe-changes';
import type { ConditionalAccessPolicy } from './types';
import { policyJson } from './json';

const OURS_GONE = '11111111-1111-4111-8111-111111111111';
const THEIRS = '22222222-2222-4222-8222-222222222222';
const KNOWN = '33333333-3333-4333-8333-333333333333';

const refs = (...ids: string[]): References => ({
  directoryObjects: new Set(ids),
  roles: new Set(),
  applications: new Set(),
  locations: new Set(),
  authenticationContexts: new Set(),
  termsOfUse: new Set(),
  authenticationStrengths: new Set(),
});

// As the tenant's lookup answers: an id it does not hold is "deleted" for each kind it could be.
function tenantNames(): NameDirectory {
  const names = new Map<string, ResolvedName>();
  for (const id of [OURS_GONE, THEIRS])
    for (const kind of ['user', 'group', 'servicePrincipal'] as const)
      names.set(nameKey(kind, id), { id, kind, displayName: 'Deleted object', missing: true });
  names.set(nameKey('group', KNOWN), { id: KNOWN, kind: 'group', displayName: 'Finance' });
  return { names, failures: [] };
}

const policy = (groups: string[]): ConditionalAccessPolicy => ({
  displayName: 'P',
  state: 'enabled',
  conditions: { users: { includeGroups: groups } },
});

describe('names beside a file of policies', () => {
  it('says an id of another tenant’s file is not in this tenant, with the name the file records', () => {
    const names = namesBesideFile(tenantNames(), refs(OURS_GONE, KNOWN), {
      tenant: 'another',
      names: [{ id: THEIRS, kind: 'group', displayName: 'Sales' }],
    });
    expect(lookupName(names, ['group'], THEIRS)).toMatchObject({
      displayName: 'Sales (not in this tenant)',
      missing: true,
      elsewhere: true,
    });
    // What the tenant's own policies name and no longer exists stays deleted; what exists is untouched.
    expect(lookupName(names, ['group'], OURS_GONE)).toMatchObject({ displayName: 'Deleted object', missing: true });
    expect(lookupName(names, ['group'], OURS_GONE)?.elsewhere).toBeUndefined();
    expect(lookupName(names, ['group'], KNOWN)?.displayName).toBe('Finance');

    const users = describePolicy(policy([THEIRS, OURS_GONE]), names).find((s) => s.title === 'Users')!;
    expect(users.lines.flatMap((l) => l.values.map((v) => v.label))).toEqual(['Sales (not in this tenant)', 'Deleted group']);
    const words = describeChanges(policyJson(policy([KNOWN])), policyJson(policy([THEIRS])), names).map((c) => c.text);
    expect(words.join(' ')).toContain("'Sales (not in this tenant)' added");
    expect(words.join(' ')).not.toContain('Deleted object');
  });

  it('says "Not in this tenant" when another tenant’s file does not name the object, once for several', () => {
    const names = namesBesideFile(tenantNames(), refs(), { tenant: 'another' });
    expect(lookupName(names, ['user'], THEIRS)).toMatchObject({ displayName: 'Not in this tenant', elsewhere: true });
    const words = describeChanges(policyJson(policy([KNOWN])), policyJson(policy([THEIRS, OURS_GONE])), names).map((c) => c.text);
    expect(words).toContain("Included groups 'Not in this tenant' ×2 added; 'Finance' removed");
  });

  it('says a plain export’s id that is not here may have been deleted, or never been here', () => {
    const names = namesBesideFile(tenantNames(), refs(OURS_GONE), { tenant: 'unsaid' });
    expect(lookupName(names, ['group'], THEIRS)).toMatchObject({
      displayName: 'Not in this tenant (deleted, or never here)',
      elsewhere: true,
    });
    // The tenant's own gone ids stay deleted.
    expect(lookupName(names, ['group'], OURS_GONE)).toMatchObject({ displayName: 'Deleted object' });
  });

  it('keeps "deleted" for a backup of this tenant: its gone ids were deleted since', () => {
    const names = namesBesideFile(tenantNames(), refs(), {
      tenant: 'this',
      names: [{ id: THEIRS, kind: 'group', displayName: 'Sales' }],
    });
    expect(lookupName(names, ['group'], THEIRS)).toMatchObject({ displayName: 'Deleted object', missing: true });
    expect(lookupName(names, ['group'], THEIRS)?.elsewhere).toBeUndefined();
  });
});
