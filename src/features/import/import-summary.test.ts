import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readImport } from '../../domain/import/read-import';
import { nextStep, policyLimitWords, summaryLine } from './import-summary';

// The real-world exports beside the repository; absent in a fresh clone, where these tests skip.
const corpus = fileURLToPath(new URL('../../../../shared/corpus/j0eyv-baseline/Config', import.meta.url));
const corpusPresent = existsSync(corpus);
const chosen = async (path: string) => {
  const name = path.split('/').pop()!;
  const set = await readImport([{ path: name, bytes: new Uint8Array(readFileSync(`${corpus}/${path}`)) }]);
  return [summaryLine(name, set), nextStep(set)];
};

describe('an import of one file that holds no policy', () => {
  it.skipIf(!corpusPresent)('says what a migration table holds and that it serves policies chosen with it', async () => {
    expect(await chosen('MigrationTable.json')).toEqual([
      'From MigrationTable.json: a migration table of 34 directory objects (names and ids). Taken from tenant 42ba3ed1-ae78-4fd0-8080-5f8bfcc27b29 (M365 JVLDN).',
      'Nothing to import on its own: an import writes policies, and reads groups, users and migration tables only to match the ids policies name. Choose this file together with the policy files, or the whole folder that holds them.',
    ]);
  });

  it.skipIf(!corpusPresent)('names the group of a group file, and says a named location alone is not imported', async () => {
    const [group] = await chosen('Groups/CA005-Global-DataProtection-Office365-AnyPlatform-Unmanaged-RequireAppProtection - Exclude.json');
    expect(group).toBe(
      'From CA005-Global-DataProtection-Office365-AnyPlatform-Unmanaged-RequireAppProtection - Exclude.json: the group “CA005-Global-DataProtection-Office365-AnyPlatform-Unmanaged-RequireAppProtection - Exclude”.',
    );
    expect(await chosen('NamedLocations/ALLOWED COUNTRIES.json')).toEqual([
      'From ALLOWED COUNTRIES.json: 1 named location.',
      'Nothing to import on its own: an import writes policies, and brings named locations only with the policies that use them. Choose this file together with the policy files, or the whole folder that holds them.',
    ]);
  });

  it('says what to choose when nothing was read, and nothing more when there are policies', async () => {
    const nums = await readImport([{ path: 'nums.json', bytes: new TextEncoder().encode('[1,2,3]') }]);
    expect(summaryLine('nums.json', nums)).toBe('From nums.json: no policies.');
    expect(nextStep(nums)).toMatch(/^Nothing to import: no policy was found\. Choose a policy export/);
    const policy = JSON.stringify({ displayName: 'Require MFA', conditions: {}, grantControls: null });
    const read = await readImport([{ path: 'mfa.json', bytes: new TextEncoder().encode(policy) }]);
    expect([summaryLine('mfa.json', read), nextStep(read)]).toEqual(['From mfa.json: 1 policy.', null]);
  });
});

describe('an import of more policies than a tenant holds', () => {
  const policies = (count: number) =>
    new TextEncoder().encode(
      JSON.stringify(
        Array.from({ length: count }, (_, i) => ({
          displayName: `Big ${i}`,
          state: 'disabled',
          conditions: { users: { includeUsers: ['All'] }, applications: { includeApplications: ['All'] } },
          grantControls: { operator: 'OR', builtInControls: ['mfa'] },
        })),
      ),
    );

  it('says how many the file holds and the most a tenant holds, and what to do, as soon as it is read', async () => {
    const big = await readImport([{ path: 'big.json', bytes: policies(1200) }]);
    expect(policyLimitWords(big)).toBe(
      'This file holds 1,200 policies; a tenant holds at most 195, so they cannot all be written. Choose a smaller file, or leave most of them out: “Choose policies…” in the plan below picks the ones to bring in.',
    );
    // The file's line reads its count with the thousands apart, as the warning does.
    expect(summaryLine('big.json', big)).toBe('From big.json: 1,200 policies.');
  });

  it('says nothing of the limit for a file a tenant can hold', async () => {
    expect(policyLimitWords(await readImport([{ path: 'some.json', bytes: policies(195) }]))).toBeNull();
  });
});
