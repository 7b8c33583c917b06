import { describe, expect, it } from 'vitest';
import { buildDocument } from './document-model';
import { documentationFile, type DocumentationFormat } from './documentation';
import { letters } from './pseudonyms';
import { HOSTILE_GROUP, IDS, testBundle } from './test-bundle';
import { valueText } from './words';

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
});
