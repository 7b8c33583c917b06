// The policies list over the emulator's Contoso tenant: why search kept a row, the date a policy
// last changed, and sorting by each sortable column.
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveNames } from '../../graph/names';
import { type NameDirectory } from '../../domain/references';
import { listPolicies } from '../../graph/policies';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { compareRows, filterRows, toRow, type PolicyRow } from '../../features/policy-list/policy-rows';
import { lastChanged } from '../../domain/describe-policy';
import { describeMatch } from '../../domain/search-match';
import { graphOverEmulator } from '../graph-over-emulator';

let policies: ConditionalAccessPolicy[];
let names: NameDirectory;
let rows: PolicyRow[];
const byPrefix = (prefix: string) => policies.find((p) => p.displayName!.startsWith(prefix))!;
const hintsFor = (search: string) =>
  Object.fromEntries(
    filterRows(rows, { search, states: new Set(), control: null }).map((row) => [row.name.slice(0, 5), describeMatch(row, search)]),
  );

beforeAll(async () => {
  const { client } = graphOverEmulator();
  policies = await listPolicies(client);
  names = await resolveNames(client, policies);
  rows = policies.map((p) => toRow(p, names));
});

describe('why search kept a row', () => {
  it('names the object whose name matched, and where the policy refers to it', () => {
    expect(hintsFor('payroll')).toEqual({ CA016: 'Matches workload identity “Contoso Payroll Sync”' });
  });

  it('says an object is excluded when the policy excludes it', () => {
    const hints = hintsFor('emergency access');
    expect(hints.CA001).toBe('Matches excluded group “CA - Emergency access accounts”');
  });

  it('says nothing when the name itself matches', () => {
    const hints = hintsFor('legacy');
    expect(Object.keys(hints)).toContain('CA002');
    expect(hints.CA002).toBeNull();
  });

  it('traces only the words the name lacks', () => {
    // "mfa" is in CA001's name; "sync" only in an excluded user's.
    expect(hintsFor('mfa sync').CA001).toBe('Matches excluded user “Sync Service Account”');
  });

  it('says when a setting rather than a name matched', () => {
    expect(hintsFor('transfer').CA018).toBe('Matches conditions: authentication flows “Device code flow, Authentication transfer”');
  });
});

describe('the date a policy last changed', () => {
  it('is its creation date while Graph reports no modification, as in the list', () => {
    const never = byPrefix('CA002');
    expect(never.modifiedDateTime).toBeNull();
    expect(lastChanged(never)).toBe(never.createdDateTime);
    expect(toRow(never, names).modified).toBe(never.createdDateTime);
    const changed = byPrefix('CA001');
    expect(lastChanged(changed)).toBe(changed.modifiedDateTime);
  });
});

describe('sorting', () => {
  it('sorts by date of last change, ties by name', () => {
    const sorted = [...rows].sort(compareRows('modified'));
    const times = sorted.map((r) => Date.parse(r.modified!));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    for (let i = 1; i < sorted.length; i++) {
      if (times[i] === times[i - 1])
        expect(sorted[i - 1]!.name.localeCompare(sorted[i]!.name, undefined, { numeric: true })).toBeLessThan(0);
    }
  });
});
