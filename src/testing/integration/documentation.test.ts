// Documentation of the demo tenant from its backup alone: the backup is taken over the emulator,
// written to its one-file form and read back as a file would be, then documented with no client.
// And the real exports of ../shared/corpus, documented with no names at all (skipped when absent).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTOSO_TENANT_ID } from '../../emulator/seed';
import { bundleText, createBundle } from '../../domain/bundle/bundle';
import { readBundle } from '../../domain/bundle/read-bundle';
import { buildDocument } from '../../domain/documentation/document-model';
import { documentationFile } from '../../domain/documentation/documentation';
import { escapeHtml } from '../../domain/documentation/render-html';
import { lineText } from '../../domain/documentation/words';
import { asPolicies, isJsonObject } from '../../domain/json';
import { parsePolicyFile } from '../../domain/policy-file';
import { isSpecialValue } from '../../domain/references';
import { exportTenant } from '../../operations/export-tenant';
import { memoryContext } from '../../operations/memory-stores';
import { corpusFiles, corpusPresent, isNotPolicyFile } from '../corpus';
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
        // A policy name may still hold a group's name too short or too common to mask ("HR", "Admins").
        if (!policyNames.some((name) => name.includes(ref.displayName!))) expect(content).not.toContain(ref.displayName);
        expect(content).not.toContain(ref.id);
        if (ref.userPrincipalName) expect(content).not.toContain(ref.userPrincipalName);
      }
      expect(content).not.toContain('Corporate network');
    }
  });
});

describe.skipIf(!corpusPresent)('documentation of the real exports of ../shared/corpus', () => {
  if (!corpusPresent) it.skip('needs ../shared/corpus (present in CI)', () => {});

  it('documents every policy in every format, and masked shows none of the users and groups they name', async () => {
    const policies = corpusFiles()
      .filter((f) => !isNotPolicyFile(f))
      .flatMap((file) => parsePolicyFile(readFileSync(file), file).map((p) => p.body))
      .filter(isJsonObject);
    expect(policies.length).toBeGreaterThan(40);
    const bundle = await createBundle(
      { policies, namedLocations: [], authenticationStrengths: [], authenticationContexts: [], termsOfUse: [] },
      [],
      { tenantId: 't', tenantName: 'Corpus', capturedAt: new Date('2026-11-30T12:00:00Z') },
    );
    const html = documentationFile(bundle, 'html').content;
    expect(buildDocument(bundle).policies).toHaveLength(policies.length);
    for (const policy of asPolicies(policies)) expect(html).toContain(escapeHtml(policy.displayName ?? '(no name)'));

    const directoryIds = asPolicies(policies).flatMap((p) => {
      const users = p.conditions?.users;
      return [
        ...(users?.includeUsers ?? []),
        ...(users?.excludeUsers ?? []),
        ...(users?.includeGroups ?? []),
        ...(users?.excludeGroups ?? []),
      ];
    });
    const ids = [...new Set(directoryIds.filter((id) => !isSpecialValue(id)))];
    expect(ids.length).toBeGreaterThan(0);
    for (const format of ['html', 'markdown', 'csv'] as const) {
      const content = documentationFile(bundle, format, { mask: true }).content.toLowerCase();
      expect(ids.filter((id) => content.includes(id.toLowerCase()))).toEqual([]);
    }
  });
});
