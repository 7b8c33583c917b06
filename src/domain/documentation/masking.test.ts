import { describe, expect, it } from 'vitest';
import { createBundle } from '../bundle/bundle';
import type { JsonObject } from '../json';
import { buildDocument } from './document-model';
import { documentationFile, type DocumentationFormat } from './documentation';
import { isDistinctive } from './mask-text';
import { letters } from './pseudonyms';
import { HOSTILE_GROUP, IDS, namingBundle, testBundle } from './test-bundle';
import { lineText, valueText } from './words';

const SECRETS = [
  'CA - Emergency access accounts',
  'Finance',
  'Sync Service Account',
  'sync@contoso.example',
  'finance@contoso.example',
  'Payroll Sync',
  'Contoso Expenses',
  'Corporate network',
  'Blocked countries',
  '203.0.113.0/24',
  'Contoso',
  'alert',
  IDS.breakGlass,
  IDS.finance,
  IDS.syncUser,
  IDS.goneGroup,
  IDS.workload,
  IDS.expensesApp,
  IDS.corporate,
  'a1f78ab5-8319-4d65-ae23-f30402a22fc2',
];

describe('masking', () => {
  it('leaves no user, group, app, service principal or location name, sign-in name, mail or id in any format', async () => {
    const bundle = await testBundle();
    for (const format of ['html', 'markdown', 'csv'] as DocumentationFormat[]) {
      const { content, fileName } = documentationFile(bundle, format, { mask: true });
      for (const secret of SECRETS) expect(content, `${format} shows ${secret}`).not.toContain(secret);
      expect(fileName).not.toMatch(/contoso/i);
    }
    // Unmasked, the same document does show them: the list above is what masking removes.
    const plain = documentationFile(bundle, 'markdown').content;
    // (Mails are never shown, masked or not.)
    expect(SECRETS.filter((s) => !plain.includes(s))).toEqual(['finance@contoso.example']);
  });

  it('gives the same object the same pseudonym everywhere, and different objects different ones', async () => {
    const doc = buildDocument(await testBundle(), { mask: true });
    const excluded = doc.policies.map((p) => p.sections[0]!.lines.find((l) => l.label === 'Exclude')?.values.map(valueText) ?? []);
    // By name: =HYPERLINK… (which includes two groups), CA001, CA002, CA010: the break-glass group is met third.
    expect(excluded).toEqual([[], ['User A', 'Group C', 'Group D'], ['Group C'], ['Group C']]);
    const all = doc.policies.flatMap((p) => p.sections.flatMap((s) => s.lines.flatMap((l) => l.values)));
    expect(all.filter((v) => v.masked).every((v) => v.id === null && v.detail === null)).toBe(true);
    const ca003Users = doc.policies[0]!.sections[0]!.lines.flatMap((l) => l.values.map(valueText));
    expect(ca003Users).toEqual(['Group A (deleted)', 'Group B', 'Service principal A']);
    expect(JSON.stringify(doc)).not.toContain(HOSTILE_GROUP.slice(0, 10));
  });

  it('keeps roles, Microsoft’s applications, special values, strengths and countries; hides IP ranges', async () => {
    const doc = buildDocument(await testBundle(), { mask: true });
    const ca010 = doc.policies.find((p) => p.name.startsWith('CA010'))!;
    const text = ca010.sections.flatMap((s) => s.lines.flatMap((l) => l.values.map(valueText)));
    expect(text).toEqual(
      expect.arrayContaining([
        `Global Administrator (${IDS.globalAdmin})`,
        `Office 365 Exchange Online (${IDS.exchange})`,
        'App A',
        'Any network or location',
        'Location B',
      ]),
    );
    expect(doc.summary.namedLocations.map((l) => [l.value.name, l.entries])).toEqual([
      ['Location A', 'North Korea (KP), Iran (IR) and unknown countries and regions'],
      ['Location B', '2 IP ranges (hidden)'],
    ]);
    expect(doc.summary.strengths[0]!.value.name).toBe('Contractor MFA');
    expect(doc.tenant).toEqual({ name: null, id: null });
  });

  it('names pseudonyms as spreadsheet columns are named', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(letters)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('replaces masked names and the tenant’s name inside policy names, longest first, by the pseudonyms the cards use', async () => {
    const doc = buildDocument(await namingBundle(), { mask: true });
    const named = doc.policies.filter((p) => /^CA05/.test(p.name));
    expect(named.map((p) => [p.name, p.nameRewritten])).toEqual([
      // "Contoso Expenses" is the app, not the tenant followed by a word.
      ['CA050 - App A: Require MFA', true],
      // The tenant's first word, in any case; not inside another word.
      ['CA051 - Tenant pilot, not Contosoville', true],
      // A group called "Admins" says nothing about the tenant: the name stays as the admin wrote it.
      ['CA053 - Admins: Require MFA', false],
      // Matched case-insensitively, regular-expression characters and all.
      ['CA054 - Group F on compliant devices', true],
      // Hyphens separate words, as admins use them.
      ['CA056-Group B-AnyApp-AnyPlatform-MFA', true],
    ]);
    expect(doc.rewrittenPolicyNames).toBe(4);
    const line = (name: string, section: string, label: string) =>
      lineText(
        doc.policies
          .find((p) => p.name.startsWith(name))!
          .sections.find((s) => s.title === section)!
          .lines.find((l) => l.label === label)!,
      );
    // The same pseudonym as in the card: for the app met first in CA001, and for the group met first in CA054's own name.
    expect(line('CA050', 'Target resources', 'Include')).toBe('App A');
    expect(line('CA054', 'Users', 'Include')).toBe('Group F');
    expect(line('CA053', 'Users', 'Include')).toBe('Group E');
    expect(line('CA056', 'Users', 'Include')).toBe('Group B');
    expect(named[0]!.description).toBe('Tenant staff off the Location B; see the App A runbook.');
    // The tenant's own names for its terms of use are kept, with masked names inside replaced; and the summary lists the new names.
    expect(doc.summary.termsOfUse.map((t) => t.value.name)).toEqual(['App A terms', 'Partner terms of use']);
    expect(doc.summary.namedLocations.find((l) => l.value.name === 'Location B')!.usedBy).toEqual([
      'CA010: Admins use a strong method',
      'CA050 - App A: Require MFA',
    ]);
  });

  it('leaves neither the tenant’s name nor a masked name in a policy name, in any format', async () => {
    const bundle = await namingBundle();
    for (const format of ['html', 'markdown', 'csv'] as DocumentationFormat[]) {
      const { content } = documentationFile(bundle, format, { mask: true });
      expect(content.replaceAll('Contosoville', ''), format).not.toMatch(/contoso/i);
      expect(content.toLowerCase(), format).not.toContain('c++ developers');
      expect(content, format).not.toMatch(/corporate network/i);
    }
    // Unmasked, every name is the admin's own.
    const plain = buildDocument(bundle);
    expect(plain.policies.map((p) => p.name)).toContain('CA050 - Contoso Expenses: Require MFA');
    expect(plain.policies.some((p) => p.nameRewritten)).toBe(false);
    expect(plain.rewrittenPolicyNames).toBe(0);
  });

  it('takes only names that mean something: not short ones, nor ones made of words every tenant uses', () => {
    for (const common of [
      'All',
      'Users',
      'MFA',
      'Admins',
      'All Users',
      'HR',
      'CA-BreakGlassAccounts',
      'CA - Emergency access accounts',
      '365',
    ])
      expect(isDistinctive(common), common).toBe(false);
    for (const name of ['Finance', 'Contoso Expenses', 'C++ Developers (EU)', 'Corporate network', 'finland'])
      expect(isDistinctive(name), name).toBe(true);
  });

  it('keeps real exports’ policy names whose groups are named in the words every tenant uses', async () => {
    // Policy and group names from ../shared/corpus (j0eyv's baseline and CAOptics' demo data).
    const policies: JsonObject[] = [];
    const groups = { admins: 'g-1', serviceAccounts: 'g-2', breakGlass: 'g-3', finski: 'g-4' } as const;
    const policy = (id: string, displayName: string, group: string) => ({
      id,
      displayName,
      state: 'enabled',
      conditions: { users: { includeGroups: [group] }, applications: { includeApplications: ['All'] } },
      grantControls: { operator: 'OR', builtInControls: ['mfa'] },
    });
    policies.push(
      policy('c-1', 'CA101-Admins-IdentityProtection-AnyApp-AnyPlatform-MFA', groups.admins),
      policy('c-2', 'CA300-ServiceAccounts-IdentityProtection-AnyApp-AnyPlatform-MFA', groups.serviceAccounts),
      policy('c-3', 'CA000-Global-IdentityProtection-AnyApp-AnyPlatform-MFA', groups.breakGlass),
      policy('c-4', 'finski', groups.finski),
    );
    const bundle = await createBundle(
      { policies, namedLocations: [], authenticationStrengths: [], authenticationContexts: [], termsOfUse: [] },
      [
        { kind: 'group', id: groups.admins, displayName: 'Admins', mail: null, exists: true },
        { kind: 'group', id: groups.serviceAccounts, displayName: 'CA-ServiceAccounts', mail: null, exists: true },
        { kind: 'group', id: groups.breakGlass, displayName: 'CA-BreakGlassAccounts', mail: null, exists: true },
        { kind: 'group', id: groups.finski, displayName: 'finski', mail: null, exists: true },
      ],
      { tenantId: 't', tenantName: 'Corpus', capturedAt: new Date('2026-11-30T12:00:00Z') },
    );
    const doc = buildDocument(bundle, { mask: true });
    expect(doc.policies.map((p) => p.name)).toEqual([
      'CA000-Global-IdentityProtection-AnyApp-AnyPlatform-MFA',
      'CA101-Admins-IdentityProtection-AnyApp-AnyPlatform-MFA',
      'CA300-ServiceAccounts-IdentityProtection-AnyApp-AnyPlatform-MFA',
      // A policy named after its group, as CAOptics' demo tenant does.
      'Group D',
    ]);
  });
});
