import { beforeAll, describe, expect, it } from 'vitest';
import { resolveNames } from '../../graph/names';
import { type NameDirectory } from '../../domain/references';
import { listPolicies } from '../../graph/policies';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { describePolicy } from '../../domain/describe-policy';
import { checkPolicy } from '../../domain/policy-checks';
import { compareRows, filterRows, toRow } from '../../features/policy-list/policy-rows';
import { graphOverEmulator } from '../graph-over-emulator';

let policies: ConditionalAccessPolicy[];
let names: NameDirectory;
const byPrefix = (prefix: string) => policies.find((p) => p.displayName!.startsWith(prefix))!;
const section = (prefix: string, title: string) => describePolicy(byPrefix(prefix), names).find((s) => s.title === title)!;
const flat = (prefix: string, title: string) =>
  section(prefix, title).lines.map((l) => `${l.label}: ${l.text ?? l.values.map((v) => v.label).join(', ')}`);

beforeAll(async () => {
  const { client } = graphOverEmulator();
  policies = await listPolicies(client);
  names = await resolveNames(client, policies);
});

describe('plain-language summary', () => {
  it('names users, groups and roles, included and excluded', () => {
    expect(flat('CA001', 'Users')).toEqual([
      'Include: All users',
      'Exclude: Sync Service Account, CA - Emergency access accounts, Directory Synchronization Accounts',
    ]);
  });

  it('describes guests from enumerated external tenants', () => {
    expect(flat('CA015', 'Users')[0]).toBe('Include: B2B collaboration guests, B2B collaboration members from 2 external tenants');
  });

  it('describes workload identities', () => {
    expect(flat('CA016', 'Users')).toContain('Workload identities: Contoso Payroll Sync, Contoso Inventory Daemon');
  });

  it('shows references to deleted objects as such, keeping the id', () => {
    const include = section('CA027', 'Users').lines[0]!.values[0]!;
    expect(include).toMatchObject({ label: 'Deleted group', missing: true });
    expect(include.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('says how grant controls combine', () => {
    expect(flat('CA012', 'Grant')).toEqual(['Grant access, requiring all of: Require multifactor authentication, Require password change']);
    expect(flat('CA007', 'Grant')).toEqual([
      'Grant access, requiring one of: Require device to be marked as compliant, Require Microsoft Entra hybrid joined device',
    ]);
    expect(flat('CA002', 'Grant')).toEqual(['Access: Block access']);
    expect(flat('CA003', 'Grant')).toEqual(['Grant access, requiring: Authentication strength: Phishing-resistant MFA']);
  });

  it('describes session controls, networks and conditions in words', () => {
    expect(flat('CA010', 'Session')).toEqual(['Sign-in frequency: Every 12 hours', 'Persistent browser session: Never persistent']);
    expect(flat('CA006', 'Network')).toEqual(['Include: Any network or location', 'Exclude: Allowed countries, Corporate network']);
    expect(flat('CA018', 'Conditions')).toEqual(['Authentication flows: Device code flow, Authentication transfer']);
    expect(flat('CA008', 'Conditions')).toEqual(['Device platforms: Any device, except Android, iOS, Windows, macOS, Linux']);
    expect(flat('CA019', 'Target resources')).toEqual(['Authentication context: Sensitive data (c1)']);
  });

  it('lists properties it does not know instead of dropping them', () => {
    const future = {
      ...byPrefix('CA001'),
      conditions: { ...byPrefix('CA001').conditions, quantumRiskLevels: ['high'] },
    } as ConditionalAccessPolicy;
    const other = describePolicy(future, names).find((s) => s.title === 'Other settings');
    expect(other?.lines.map((l) => l.label)).toEqual(['conditions.quantumRiskLevels']);
  });
});

describe('the demo policies', () => {
  it('pass the console’s own checks, which know every property they use', () => {
    const problems = policies.flatMap((p) =>
      checkPolicy(p)
        .filter((f) => f.severity !== 'info')
        .map((f) => `${p.displayName}: ${f.path.join('.')} ${f.message}`),
    );
    expect(problems).toEqual([]);
  });
});

describe('policy rows', () => {
  it('searches resolved names, not only policy names', () => {
    const rows = policies.map((p) => toRow(p, names));
    const hits = filterRows(rows, { search: 'payroll', states: new Set(), control: null });
    expect(hits.map((r) => r.name)).toEqual(['CA016: Block workload identities outside trusted locations']);
  });

  it('filters by state and by control, and sorts by state', () => {
    const rows = policies.map((p) => toRow(p, names));
    const reportOnlyBlocks = filterRows(rows, { search: '', states: new Set(['enabledForReportingButNotEnforced']), control: 'block' });
    expect(reportOnlyBlocks.every((r) => r.state === 'enabledForReportingButNotEnforced' && r.grant.includes('Block'))).toBe(true);
    expect(reportOnlyBlocks.length).toBeGreaterThan(2);
    const sorted = [...rows].sort(compareRows('state'));
    expect(sorted[0]!.state).toBe('enabled');
    expect(sorted.at(-1)!.state).toBe('disabled');
  });

  it('shows ids as pending until names arrive', () => {
    const row = toRow(byPrefix('CA001'), undefined);
    expect(row.pending).toBe(true);
    expect(toRow(byPrefix('CA001'), names).pending).toBe(false);
    expect(toRow(byPrefix('CA001'), names).users).toBe('All users (excluding 3)');
  });
});
