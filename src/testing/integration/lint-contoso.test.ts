// The lint over the demo tenant as the console and the command line will run it: a backup read
// through the real Graph client from the emulator, its reference table saying what still exists,
// and the emergency-access accounts as Settings would hold them. The findings are the ones an
// admin who knows Contoso expects, and none of the protections it has is reported missing.
import { describe, expect, it } from 'vitest';
import { objectIn } from '../../domain/json';
import { applySuppressions, lintTenant, toJUnit, toMarkdown, toSarif, type LintFinding } from '../../domain/lint';
import type { EmergencyAccess } from '../../domain/lockout';
import { applyPatch } from '../../domain/policy-body';
import { CONTOSO_TENANT_ID } from '../../emulator/seed';
import { exportTenant } from '../../operations/export-tenant';
import { memoryContext } from '../../operations/memory-stores';
import { graphOverEmulator } from '../graph-over-emulator';

const NOW = new Date('2026-11-30T12:00:00Z');

async function lintContoso() {
  const { client, emulator } = graphOverEmulator();
  const tenant = emulator.state.tenants.find((t) => t.id === CONTOSO_TENANT_ID)!;
  const bundle = await exportTenant(memoryContext(client, CONTOSO_TENANT_ID, { now: () => NOW }), 'Contoso');
  const user = (name: string) => ({ id: tenant.users.find((u) => u.displayName === name)!.id, name });
  const group = {
    id: tenant.groups.find((g) => g.displayName === 'CA - Emergency access accounts')!.id,
    name: 'CA - Emergency access accounts',
  };
  // As Settings holds them: the emergency group, and its accounts as the directory lists them.
  const emergency: EmergencyAccess = {
    users: [],
    groups: [group],
    members: [user('Break Glass 01'), user('Break Glass 02')].map((u) => ({ user: u, group })),
  };
  const findings = lintTenant({ ...bundle, emergency, now: NOW, options: { staleAfterDays: 90 } });
  return { findings, bundle, emergency };
}

const named = (findings: LintFinding[], ruleId: string, prefix: string) =>
  findings.filter((f) => f.ruleId === ruleId && f.policyName?.startsWith(prefix));

describe('lint over Contoso', () => {
  it('finds the gone group of CA027 and the emergency gap of CA032, with fixes that change only what they name', async () => {
    const { findings, bundle, emergency } = await lintContoso();
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);

    const gone = named(findings, 'directory-object-gone', 'CA027');
    expect(gone.map((f) => f.path)).toEqual(
      expect.arrayContaining([
        ['conditions', 'users', 'includeGroups'],
        ['conditions', 'users', 'excludeUsers'],
      ]),
    );
    // Dropping the gone group would leave CA027 targeting nobody: no fix. The gone exclusion can go.
    expect(gone.find((f) => f.path?.includes('includeGroups'))?.fix).toBeUndefined();
    expect(gone.find((f) => f.path?.includes('excludeUsers'))?.fix?.patch).toEqual({ conditions: { users: { excludeUsers: [] } } });

    const [gap] = named(findings, 'emergency-account-affected', 'CA032');
    expect(gap).toMatchObject({ severity: 'warning', external: [{ source: 'maester', id: 'MT.1005' }] });
    expect(gap!.message).toContain("'Break Glass 01'");
    const ca032 = bundle.policies.find((p) => String(p.displayName).startsWith('CA032'))!;
    const fixed = applyPatch(ca032, gap!.fix!.patch);
    expect(objectIn(objectIn(fixed.conditions).users).excludeGroups).toEqual([
      ...(objectIn(objectIn(ca032.conditions).users).excludeGroups as string[]),
      expect.any(String),
    ]);
    const after = lintTenant({ ...bundle, policies: bundle.policies.map((p) => (p === ca032 ? fixed : p)), now: NOW, emergency });
    expect(named(after, 'emergency-account-affected', 'CA032')).toEqual([]);

    // A session control alone keeps nobody out: CA021's gap is worth knowing, no more.
    expect(named(findings, 'emergency-account-affected', 'CA021')).toMatchObject([{ severity: 'info' }]);
  });

  it('reports the coverage Contoso lacks, naming what holds back the policy that comes close, and none it has', async () => {
    const { findings } = await lintContoso();
    const coverage = findings.filter((f) => f.category === 'coverage');
    const deviceCode = coverage.find((f) => f.ruleId === 'coverage-device-code-flow-blocked');
    expect(deviceCode?.message).toContain(
      "'CA018: Block device code flow' (On) comes close, but it excludes the group 'CA - Service accounts'",
    );
    const admins = coverage.find((f) => f.ruleId === 'coverage-phishing-resistant-admins');
    expect(admins?.message).toMatch(
      /roles: Hybrid Identity Administrator\. 'CA003: Require phishing-resistant MFA for admins' \(On\) covers the others\./,
    );
    expect(coverage.map((f) => f.ruleId)).not.toEqual(
      expect.arrayContaining([
        expect.stringMatching(/legacy-authentication|security-info|high-user-risk|high-sign-in-risk|guests|admin-portals/),
      ]),
    );
    // The contingency policies wait in report-only by design; CA027 has been Off for almost two years.
    const stale = findings.filter((f) => f.ruleId === 'stale-report-only-or-off').map((f) => f.policyName);
    expect(stale.some((n) => n?.startsWith('EM0'))).toBe(false);
    expect(stale.some((n) => n?.startsWith('CA027'))).toBe(true);
  });

  it('writes the findings as SARIF, JUnit and Markdown that keep a suppressed finding and its reason', async () => {
    const { findings } = await lintContoso();
    const suppressed = applySuppressions(findings, [
      { ruleId: 'platform-only-block', reason: 'CA031 stays Off as a record of the pilot', by: 'Ada Lindqvist', at: NOW.toISOString() },
    ]);
    expect(suppressed).toHaveLength(findings.length);
    const sarif = toSarif(suppressed) as { runs: { results: { ruleId: string; suppressions?: unknown[] }[] }[] };
    expect(sarif.runs[0]!.results).toHaveLength(findings.length);
    expect(sarif.runs[0]!.results.find((r) => r.ruleId === 'platform-only-block')?.suppressions).toEqual([
      { kind: 'external', status: 'accepted', justification: 'CA031 stays Off as a record of the pilot' },
    ]);
    expect(toJUnit(suppressed)).toContain(
      '<skipped message="Suppressed: CA031 stays Off as a record of the pilot (Ada Lindqvist, 2026-11-30T12:00:00.000Z)"/>',
    );
    expect(toMarkdown(suppressed)).toContain('Suppressed by Ada Lindqvist: CA031 stays Off as a record of the pilot');
  });
});
