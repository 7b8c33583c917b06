// Documentation of the demo tenant from its backup alone: the backup is taken over the emulator,
// written to its one-file form and read back as a file would be, then documented with no client.
import { describe, expect, it } from 'vitest';
import { CONTOSO_TENANT_ID } from '../../emulator/seed';
import { bundleText } from '../../domain/bundle/bundle';
import { readBundle } from '../../domain/bundle/read-bundle';
import { buildDocument } from '../../domain/documentation/document-model';
import { documentationFile } from '../../domain/documentation/documentation';
import { escapeHtml } from '../../domain/documentation/render-html';
import { lineText } from '../../domain/documentation/words';
import { asPolicies } from '../../domain/json';
import { exportTenant } from '../../operations/export-tenant';
import { memoryContext } from '../../operations/memory-stores';
import { graphOverEmulator } from '../graph-over-emulator';

async function contosoBackup() {
  const { client } = graphOverEmulator();
  const bundle = await exportTenant(memoryContext(client, CONTOSO_TENANT_ID, { now: () => new Date('2026-11-30T12:00:00Z') }), 'Contoso');
  return (await readBundle(JSON.parse(bundleText(bundle)))).bundle;
}

describe('documentation of the demo tenant from its backup', () => {
  it('has every policy, in words, with the break-glass group excluded by name and id', async () => {
    const bundle = await contosoBackup();
    const doc = buildDocument(bundle);
    expect(doc.policies).toHaveLength(bundle.policies.length);
    const states = asPolicies(bundle.policies).map((p) => p.state);
    expect(doc.summary.states.find((s) => s.state === 'Report-only')?.count).toBe(
      states.filter((s) => s === 'enabledForReportingButNotEnforced').length,
    );
    const emergency = bundle.references.find((r) => r.displayName === 'CA - Emergency access accounts')!;
    const ca001 = doc.policies.find((p) => p.name === 'CA001: Require MFA for all users')!;
    const exclude = ca001.sections[0]!.lines.find((l) => l.label === 'Exclude')!;
    expect(exclude.exclusion).toBe(true);
    expect(lineText(exclude)).toContain(`CA - Emergency access accounts (${emergency.id})`);
    // No id is left without a name where the backup holds one.
    const unknown = doc.policies.flatMap((p) =>
      p.sections.flatMap((s) => s.lines.flatMap((l) => l.values.filter((v) => /^Unknown /.test(v.name)))),
    );
    expect(unknown).toEqual([]);

    const html = documentationFile(bundle, 'html').content;
    for (const policy of asPolicies(bundle.policies)) expect(html).toContain(escapeHtml(policy.displayName!));
  });

  it('masked, hides every directory name and gives the break-glass group one pseudonym in every policy that excludes it', async () => {
    const bundle = await contosoBackup();
    const emergency = bundle.references.find((r) => r.displayName === 'CA - Emergency access accounts')!;
    const doc = buildDocument(bundle, { mask: true });
    const excluding = asPolicies(bundle.policies).filter((p) => p.conditions?.users?.excludeGroups?.includes(emergency.id));
    expect(excluding.length).toBeGreaterThan(10);
    const pseudonymsUsed = new Set(
      excluding.map((policy) => {
        const card = doc.policies.find((c) => c.id === policy.id)!;
        const names = card.sections[0]!.lines.find((l) => l.label === 'Exclude')!.values.map((v) => v.name);
        return names.find((n) => n.startsWith('Group '));
      }),
    );
    expect([...pseudonymsUsed]).toHaveLength(1);
    expect([...pseudonymsUsed][0]).toMatch(/^Group [A-Z]+$/);

    const named = bundle.references.filter((r) => r.exists && ['user', 'group', 'servicePrincipal'].includes(r.kind));
    const policyNames = asPolicies(bundle.policies).map((p) => p.displayName ?? '');
    for (const format of ['html', 'markdown', 'csv'] as const) {
      const content = documentationFile(bundle, format, { mask: true }).content;
      for (const ref of named) {
        // Policy names are kept, and may name a group ("CA092: Require MFA for HR").
        if (!policyNames.some((name) => name.includes(ref.displayName!))) expect(content).not.toContain(ref.displayName);
        expect(content).not.toContain(ref.id);
        if (ref.userPrincipalName) expect(content).not.toContain(ref.userPrincipalName);
      }
      expect(content).not.toContain('Corporate network');
    }
  });
});
