import { describe, expect, it } from 'vitest';
import { buildDocument } from './document-model';
import { HOSTILE_GROUP, IDS, testBundle } from './test-bundle';
import { lineText, valueText } from './words';

const card = async (name: RegExp) => {
  const doc = buildDocument(await testBundle());
  const found = doc.policies.find((p) => name.test(p.name));
  if (!found) throw new Error(`no card ${String(name)}`);
  return found;
};
const line = (c: Awaited<ReturnType<typeof card>>, section: string, label: string) =>
  c.sections.find((s) => s.title === section)?.lines.find((l) => l.label === label);

describe('the documentation model', () => {
  it('has a card per policy, by name as the admin center lists them (CA002 before CA010), with state words and id', async () => {
    const doc = buildDocument(await testBundle());
    expect(doc.policies.map((p) => [p.name.slice(0, 5), p.state, p.id])).toEqual([
      ['=HYPE', 'Off', 'p-3'],
      ['CA001', 'On', 'p-1'],
      ['CA002', 'On', 'p-2'],
      ['CA010', 'Report-only', 'p-10'],
    ]);
    expect(new Set(doc.policies.map((p) => p.anchor)).size).toBe(4);
  });

  it('follows the admin center’s sections and words, every object as “Name (id)”', async () => {
    const ca001 = await card(/^CA001/);
    expect(ca001.sections.map((s) => s.title)).toEqual(['Users', 'Target resources', 'Network', 'Conditions', 'Grant', 'Session']);
    expect(lineText(line(ca001, 'Users', 'Include')!)).toBe('All users');
    expect(line(ca001, 'Users', 'Exclude')!.values.map(valueText)).toEqual([
      `Sync Service Account (sync@contoso.example, ${IDS.syncUser})`,
      `CA - Emergency access accounts (${IDS.breakGlass})`,
      `${HOSTILE_GROUP} (${IDS.hostileGroup})`,
    ]);
    expect(lineText(line(ca001, 'Target resources', 'Exclude')!)).toBe(`Contoso Expenses (${IDS.expensesApp})`);
    expect(lineText(line(ca001, 'Grant', 'Grant access, requiring')!)).toBe('Require multifactor authentication');
    expect(ca001.description).toBe('Everyone but the break-glass accounts.');
  });

  it('marks exclusions, and only exclusions', async () => {
    const ca010 = await card(/^CA010/);
    const flagged = ca010.sections.flatMap((s) => s.lines.filter((l) => l.exclusion).map((l) => `${s.title}: ${lineText(l)}`));
    expect(flagged).toEqual([`Users: CA - Emergency access accounts (${IDS.breakGlass})`, `Network: Corporate network (${IDS.corporate})`]);
  });

  it('names strengths, terms of use, roles and Microsoft’s apps from the backup alone, and says when an object is gone', async () => {
    const ca010 = await card(/^CA010/);
    expect(lineText(line(ca010, 'Users', 'Include')!)).toBe(`Global Administrator (${IDS.globalAdmin})`);
    expect(lineText(line(ca010, 'Grant', 'Grant access, requiring one of')!)).toBe(
      `Authentication strength: Contractor MFA (${IDS.strength}), Terms of use: Partner terms of use (${IDS.terms})`,
    );
    const ca003 = await card(/CA003/);
    const include = line(ca003, 'Users', 'Include')!.values;
    expect(include.map(valueText)).toEqual([`Deleted group (${IDS.goneGroup})`, `Finance (${IDS.finance})`]);
    expect(include[0]!.missing).toBe(true);
    expect(lineText(line(ca003, 'Users', 'Workload identities')!)).toBe(`Payroll Sync (${IDS.workload})`);
    expect(lineText(line(ca003, 'Network', 'Include')!)).toBe(`Blocked countries (${IDS.countries})`);
  });

  it('sums up the tenant: states, named locations with ranges and countries, strengths with their methods, and what uses them', async () => {
    const { summary, tenant, capturedAt } = buildDocument(await testBundle());
    expect(tenant).toEqual({ name: 'Contoso & <Sons>', id: 'a1f78ab5-8319-4d65-ae23-f30402a22fc2' });
    expect(capturedAt).toBe('2026-11-30T12:00:00.000Z');
    expect(summary.states).toEqual([
      { state: 'On', count: 2 },
      { state: 'Report-only', count: 1 },
      { state: 'Off', count: 1 },
    ]);
    expect(summary.goneObjects).toBe(1);
    expect(summary.namedLocations.map((l) => [l.value.name, l.type, l.entries, l.trusted, l.usedBy.length])).toEqual([
      ['Blocked countries', 'Countries and regions', 'North Korea (KP), Iran (IR) and unknown countries and regions', false, 1],
      ['Corporate network', 'IP ranges', '203.0.113.0/24, 2001:db8:1200::/48', true, 1],
    ]);
    expect(summary.strengths).toEqual([
      {
        value: { name: 'Contractor MFA', id: IDS.strength, detail: null, missing: false, masked: false },
        builtIn: false,
        description: null,
        combinations: ['Passkeys (FIDO2)', 'Password + Microsoft Authenticator (push notification)'],
        usedBy: ['CA010: Admins use a strong method'],
      },
    ]);
    expect(summary.contexts.map((c) => [valueText(c.value), c.available, c.usedBy])).toEqual([['Sensitive data (c1)', true, []]]);
    expect(summary.termsOfUse.map((t) => t.usedBy)).toEqual([['CA010: Admins use a strong method']]);
  });
});
