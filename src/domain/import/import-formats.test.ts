// The formats the corpus lacks, from small fixtures written here after each tool's documented
// output: an EntraExporter tree, a CIPP template, Graph PowerShell objects, a DCToolbox array
// without ids, a template with blanks, a Graph list response; and a Gatehouse backup read back.
import { describe, expect, it } from 'vitest';
import { bundleText, createBundle } from '../bundle/bundle';
import { bundleFiles } from '../bundle/folder';
import type { JsonObject } from '../json';
import type { ImportFile } from './import-set';
import { readImport } from './read-import';

const file = (path: string, value: unknown): ImportFile => ({
  path,
  bytes: new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value, null, 2)),
});
/** What Windows PowerShell 5.1's Out-File writes: UTF-16 LE with a byte order mark. */
const utf16File = (path: string, value: unknown): ImportFile => {
  const text = JSON.stringify(value, null, 4).replace(/\n/g, '\r\n');
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    bytes[2 + i * 2] = text.charCodeAt(i) & 0xff;
    bytes[3 + i * 2] = text.charCodeAt(i) >> 8;
  }
  return { path, bytes };
};

const POLICY_ID = '3f1b9a52-7c44-4e0a-9d0e-2b6f8a1c5d01';
const LOCATION_ID = 'a7e0c2d4-1111-4c3b-9e21-6f5d4c3b2a10';
const GROUP_ID = 'b2c3d4e5-2222-4a1b-8c9d-0e1f2a3b4c5d';
const TOU_ID = 'c0ffee00-3333-4d2c-8b1a-9f8e7d6c5b4a';
const TENANT_ID = 'd1e2f3a4-4444-4b5c-9d8e-7f6a5b4c3d2e';

const graphPolicy = (overrides: JsonObject = {}): JsonObject => ({
  id: POLICY_ID,
  displayName: 'CA010 Block outside trusted countries',
  state: 'enabled',
  createdDateTime: '2025-03-01T10:00:00Z',
  conditions: {
    clientAppTypes: ['all'],
    applications: { includeApplications: ['All'] },
    users: { includeUsers: ['All'], excludeGroups: [GROUP_ID] },
    locations: { includeLocations: ['All'], excludeLocations: [LOCATION_ID] },
  },
  grantControls: { operator: 'OR', builtInControls: ['block'], termsOfUse: [] },
  ...overrides,
});

describe('readImport with formats the corpus lacks', () => {
  it('reads an EntraExporter tree: each object in its id folder, the organization as origin, the rest set aside', async () => {
    const root = 'contoso-export/';
    const set = await readImport([
      utf16File(`${root}Identity/Conditional/AccessPolicies/${POLICY_ID}/${POLICY_ID}.json`, graphPolicy()),
      utf16File(`${root}Identity/Conditional/NamedLocations/${LOCATION_ID}/${LOCATION_ID}.json`, {
        '@odata.type': '#microsoft.graph.countryNamedLocation',
        id: LOCATION_ID,
        displayName: 'Trusted countries',
        countriesAndRegions: ['NL', 'BE'],
        includeUnknownCountriesAndRegions: false,
      }),
      utf16File(`${root}Identity/Conditional/AuthenticationContexts/c1/c1.json`, {
        id: 'c1',
        displayName: 'Sensitive actions',
        description: 'Step-up for admin portals',
        isAvailable: true,
      }),
      utf16File(`${root}IdentityGovernance/TermsOfUse/Agreements/${TOU_ID}/${TOU_ID}.json`, {
        id: TOU_ID,
        displayName: 'Acceptable use',
        isViewingBeforeAcceptanceRequired: true,
        isPerDeviceAcceptanceRequired: false,
      }),
      utf16File(`${root}Groups/${GROUP_ID}/${GROUP_ID}.json`, {
        id: GROUP_ID,
        displayName: 'Break glass',
        securityEnabled: true,
        groupTypes: [],
        mailNickname: 'breakglass',
      }),
      utf16File(`${root}Organization/Organization.json`, {
        id: TENANT_ID,
        displayName: 'Contoso',
        verifiedDomains: [
          { name: 'contoso.onmicrosoft.com', isDefault: false, isInitial: true },
          { name: 'contoso.com', isDefault: true, isInitial: false },
        ],
      }),
      utf16File(`${root}Policies/AuthorizationPolicy/authorizationPolicy/authorizationPolicy.json`, {
        id: 'authorizationPolicy',
        allowInvitesFrom: 'everyone',
        guestUserRoleId: '10dae51f-b6af-4016-8d66-8c2a99b929b3',
      }),
    ]);
    expect(set.files.map((f) => [f.status, f.format, f.message])).toEqual([
      ['read', 'entra-exporter', '1 policy.'],
      ['read', 'entra-exporter', '1 named location.'],
      ['read', 'entra-exporter', '1 authentication context.'],
      ['read', 'entra-exporter', '1 terms of use.'],
      ['read', 'entra-exporter', 'The group “Break glass”.'],
      ['read', 'entra-exporter', 'The organization “Contoso”.'],
      ['ignored', null, 'Holds an object with the properties “id”, “allowInvitesFrom”, “guestUserRoleId”: nothing of Conditional Access.'],
    ]);
    expect(set.origin).toEqual({ tenantId: TENANT_ID, tenantName: 'Contoso', capturedAt: null, domain: 'contoso.com' });
    expect(set.sections.policies[0]).toEqual(graphPolicy());
    expect(set.sections.authenticationContexts.map((c) => c.id)).toEqual(['c1']);
    expect(set.sections.termsOfUse.map((t) => t.id)).toEqual([TOU_ID]);
    expect(set.references).toEqual([{ kind: 'group', id: GROUP_ID, displayName: 'Break glass', exists: true }]);
  });

  it('reads a CIPP template: names become references, its named locations are tied to the policy by name', async () => {
    const template = {
      displayName: 'CIPP - Block legacy sign-ins outside the office',
      state: 'enabledForReportingButNotEnforced',
      conditions: {
        clientAppTypes: ['exchangeActiveSync', 'other'],
        applications: { includeApplications: ['All'] },
        users: {
          includeUsers: ['All'],
          excludeUsers: ['Break Glass One'],
          excludeGroups: ['CA exclusions'],
          excludeRoles: ['62e90394-69f5-4237-9190-012177145e10'],
        },
        locations: { includeLocations: ['All'], excludeLocations: ['Head office'] },
      },
      grantControls: { operator: 'OR', builtInControls: ['block'] },
      LocationInfo: [
        [],
        [
          {
            '@odata.type': '#microsoft.graph.ipNamedLocation',
            displayName: 'Head office',
            isTrusted: true,
            ipRanges: [{ '@odata.type': '#microsoft.graph.iPv4CidrRange', cidrAddress: '203.0.113.0/24' }],
          },
        ],
      ],
    };
    const set = await readImport([file('cipp/legacy.json', template)]);
    expect(set.files[0]).toMatchObject({ status: 'read', format: 'cipp-template' });
    expect(set.files[0]!.message).toBe(
      '1 policy and 1 named location. 3 names where ids belong, to match in the target: “Break Glass One”, “CA exclusions” and “Head office”. The named locations it carries are tied to the policy by name.',
    );
    const [policy] = set.sections.policies;
    expect(policy).not.toHaveProperty('LocationInfo');
    expect(policy!.conditions).toEqual(template.conditions);
    expect(set.sections.namedLocations).toEqual([{ ...template.LocationInfo[1]![0], id: 'Head office' }]);
    expect(set.references).toEqual([
      { kind: 'user', id: 'Break Glass One', displayName: 'Break Glass One', exists: true },
      { kind: 'group', id: 'CA exclusions', displayName: 'CA exclusions', exists: true },
    ]);
    expect(set.sectionReferences).toEqual([{ kind: 'namedLocation', id: 'Head office', displayName: 'Head office' }]);
  });

  it('reads Graph PowerShell objects: PascalCase keys to camelCase, AdditionalProperties folded in', async () => {
    const policy = {
      Id: POLICY_ID,
      DisplayName: 'CA020 Require MFA',
      State: 'enabled',
      CreatedDateTime: '2025-03-01T10:00:00Z',
      Conditions: {
        ClientAppTypes: ['all'],
        Applications: { IncludeApplications: ['All'], ExcludeApplications: [], AdditionalProperties: {} },
        Users: { IncludeUsers: ['All'], ExcludeGroups: [GROUP_ID], AdditionalProperties: {} },
        AdditionalProperties: {},
      },
      GrantControls: { Operator: 'OR', BuiltInControls: ['mfa'], AdditionalProperties: {} },
      SessionControls: null,
      AdditionalProperties: { '@odata.type': '#microsoft.graph.conditionalAccessPolicy' },
    };
    const location = {
      Id: LOCATION_ID,
      DisplayName: 'Head office',
      CreatedDateTime: null,
      AdditionalProperties: {
        '@odata.type': '#microsoft.graph.ipNamedLocation',
        isTrusted: true,
        ipRanges: [{ cidrAddress: '10.0.0.0/8' }],
      },
    };
    const set = await readImport([file('Get-MgPolicies.json', [policy]), file('Get-MgLocations.json', [location])]);
    expect(set.files.map((f) => [f.format, f.message])).toEqual([
      ['graph-powershell', '1 policy. PowerShell’s PascalCase keys read as Graph’s camelCase.'],
      ['graph-powershell', '1 named location. PowerShell’s PascalCase keys read as Graph’s camelCase.'],
    ]);
    expect(set.sections.policies[0]).toEqual({
      id: POLICY_ID,
      displayName: 'CA020 Require MFA',
      state: 'enabled',
      createdDateTime: '2025-03-01T10:00:00Z',
      '@odata.type': '#microsoft.graph.conditionalAccessPolicy',
      conditions: {
        clientAppTypes: ['all'],
        applications: { includeApplications: ['All'], excludeApplications: [] },
        users: { includeUsers: ['All'], excludeGroups: [GROUP_ID] },
      },
      grantControls: { operator: 'OR', builtInControls: ['mfa'] },
      sessionControls: null,
    });
    expect(set.sections.namedLocations[0]).toEqual({
      id: LOCATION_ID,
      displayName: 'Head office',
      createdDateTime: null,
      '@odata.type': '#microsoft.graph.ipNamedLocation',
      isTrusted: true,
      ipRanges: [{ cidrAddress: '10.0.0.0/8' }],
    });
  });

  it('reads a DCToolbox design: an array of policies without ids, two of a kind kept once', async () => {
    const { id: _id, createdDateTime: _c, ...withoutId } = graphPolicy();
    const second = {
      ...withoutId,
      displayName: 'CA011 Require compliant device',
      grantControls: { operator: 'OR', builtInControls: ['compliantDevice'] },
    };
    const set = await readImport([
      file('ConditionalAccessDesign.json', [withoutId, second]),
      file('copy/ConditionalAccessDesign.json', [withoutId]),
    ]);
    expect(set.files.map((f) => [f.status, f.format, f.message])).toEqual([
      ['read', 'policy-array', '2 policies.'],
      ['read', 'policy-array', '1 policy. The policy already read from ConditionalAccessDesign.json: kept once.'],
    ]);
    expect(set.sections.policies.map((p) => p.displayName)).toEqual([
      'CA010 Block outside trusted countries',
      'CA011 Require compliant device',
    ]);
    expect(set.sections.policies.every((p) => !('id' in p))).toBe(true);
  });

  it('reads a template with blanks: each blank kept verbatim and declared for the admin to fill', async () => {
    const { id: _id, ...template } = graphPolicy({
      conditions: {
        clientAppTypes: ['all'],
        applications: { includeApplications: ['office 365'], excludeApplications: [] },
        users: {
          includeRoles: ['Global Administrator', 'Security administrator'],
          excludeGroups: ['<BREAK GLASS GROUP>'],
          excludeUsers: ['{{EmergencyAccount}}'],
        },
        locations: { includeLocations: ['all'], excludeLocations: ['%TrustedLocation%'] },
      },
      grantControls: { operator: 'OR', authenticationStrength: { id: 'Phishing-resistant MFA' } },
    });
    const set = await readImport([file('template.json', JSON.stringify(template))]);
    expect(set.files[0]!.message).toBe(
      '1 policy. Built-in roles or strengths named by display name, taken by id: “Global Administrator”, “Security Administrator” and “Phishing-resistant MFA”. 3 blanks to fill: “{{EmergencyAccount}}”, “<BREAK GLASS GROUP>” and “%TrustedLocation%”.',
    );
    const [policy] = set.sections.policies;
    expect(policy!.conditions).toEqual({
      clientAppTypes: ['all'],
      applications: { includeApplications: ['Office365'], excludeApplications: [] },
      users: {
        includeRoles: ['62e90394-69f5-4237-9190-012177145e10', '194ae4cb-b126-40b2-bd5b-6091b380977d'],
        excludeGroups: ['<BREAK GLASS GROUP>'],
        excludeUsers: ['{{EmergencyAccount}}'],
      },
      locations: { includeLocations: ['All'], excludeLocations: ['%TrustedLocation%'] },
    });
    expect(policy!.grantControls).toEqual({ operator: 'OR', authenticationStrength: { id: '00000000-0000-0000-0000-000000000004' } });
    expect(set.references.filter((r) => r.placeholder)).toEqual([
      { kind: 'user', id: '{{EmergencyAccount}}', displayName: 'EmergencyAccount', exists: true, placeholder: true },
      { kind: 'group', id: '<BREAK GLASS GROUP>', displayName: 'BREAK GLASS GROUP', exists: true, placeholder: true },
    ]);
    expect(set.sectionReferences).toEqual([
      { kind: 'namedLocation', id: '%TrustedLocation%', displayName: 'TrustedLocation', placeholder: true },
    ]);
  });

  it('reads Graph list and single responses, v1.0 and beta, and a location list', async () => {
    const set = await readImport([
      file('v1-list.json', {
        '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#identity/conditionalAccess/policies',
        value: [graphPolicy()],
      }),
      file('beta-one.json', {
        '@odata.context': 'https://graph.microsoft.com/beta/$metadata#identity/conditionalAccess/policies/$entity',
        ...graphPolicy({ id: 'e5d4c3b2-5555-4a1b-9c8d-7e6f5a4b3c2d', displayName: 'CA030' }),
      }),
      file('locations.json', {
        value: [{ '@odata.type': '#microsoft.graph.ipNamedLocation', id: LOCATION_ID, displayName: 'Office', ipRanges: [] }],
      }),
    ]);
    expect(set.files.map((f) => [f.format, f.message])).toEqual([
      ['graph-response', '1 policy.'],
      ['graph-policy', '1 policy.'],
      ['graph-response', '1 named location.'],
    ]);
    expect(set.sections.policies.map((p) => p.id)).toEqual([POLICY_ID, 'e5d4c3b2-5555-4a1b-9c8d-7e6f5a4b3c2d']);
  });
  it('takes a custom strength a policy carries in full as an object of the import; built-in ones stay in the policy only', async () => {
    const custom = {
      id: 'f00dfeed-6666-4e5d-8c7b-6a5f4e3d2c1b',
      displayName: 'FIDO2 only',
      policyType: 'custom',
      allowedCombinations: ['fido2'],
    };
    const builtIn = {
      id: '00000000-0000-0000-0000-000000000004',
      displayName: 'Phishing-resistant MFA',
      policyType: 'builtIn',
      allowedCombinations: ['fido2'],
    };
    const set = await readImport([
      file('a.json', graphPolicy({ grantControls: { operator: 'OR', authenticationStrength: custom } })),
      file(
        'b.json',
        graphPolicy({ id: 'e5d4c3b2-5555-4a1b-9c8d-7e6f5a4b3c2d', grantControls: { operator: 'OR', authenticationStrength: builtIn } }),
      ),
    ]);
    expect(set.files.map((f) => f.message)).toEqual(['1 policy and 1 authentication strength.', '1 policy.']);
    expect(set.sections.authenticationStrengths).toEqual([custom]);
    expect(set.sections.policies.map((p) => (p.grantControls as JsonObject).authenticationStrength)).toEqual([custom, builtIn]);
  });
});

describe('readImport with a Gatehouse backup', () => {
  const make = () =>
    createBundle(
      {
        policies: [graphPolicy()],
        namedLocations: [{ '@odata.type': '#microsoft.graph.ipNamedLocation', id: LOCATION_ID, displayName: 'Office', ipRanges: [] }],
        authenticationStrengths: [],
        authenticationContexts: [{ id: 'c2', displayName: 'Admin actions', isAvailable: true }],
        termsOfUse: [],
      },
      [{ kind: 'group', id: GROUP_ID, displayName: 'Break glass', exists: true }],
      { tenantId: TENANT_ID, tenantName: 'Contoso', capturedAt: new Date('2026-01-02T03:04:05Z') },
    );

  it('reads the one-file form back whole, with its references and origin', async () => {
    const bundle = await make();
    const set = await readImport([file('contoso-backup.json', bundleText(bundle))]);
    expect(set.files[0]).toEqual({
      path: 'contoso-backup.json',
      status: 'read',
      format: 'gatehouse-bundle',
      message:
        '1 policy, 1 named location, 1 authentication context and the names of 1 directory object. Every item is as the manifest says.',
    });
    expect(set.sections.policies).toEqual(bundle.policies);
    expect(set.sections.namedLocations).toEqual(bundle.namedLocations);
    expect(set.sections.authenticationContexts).toEqual(bundle.authenticationContexts);
    expect(set.references).toEqual([
      {
        kind: 'group',
        id: GROUP_ID,
        displayName: 'Break glass',
        userPrincipalName: null,
        mail: null,
        appId: null,
        roleTemplateId: null,
        exists: true,
      },
    ]);
    expect(set.origin).toEqual({ tenantId: TENANT_ID, tenantName: 'Contoso', capturedAt: '2026-01-02T03:04:05.000Z', domain: null });
  });

  it('reads the folder form from a zip, and says which item was edited since instead of refusing it', async () => {
    const bundle = await make();
    const files = bundleFiles(bundle).map((f) => {
      const edited = f.path.startsWith('policies/') ? f.text.replace('"state": "enabled"', '"state": "disabled"') : f.text;
      return file(`backup.zip/contoso/${f.path}`, edited);
    });
    const set = await readImport([...files, file('backup.zip/contoso/README.md', '# notes')]);
    const manifest = set.files.find((f) => f.path.endsWith('manifest.json'))!;
    expect(manifest).toMatchObject({ status: 'read', format: 'gatehouse-bundle' });
    expect(manifest.message).toBe(
      '1 policy, 1 named location, 1 authentication context and the names of 1 directory object. The backup in backup.zip/contoso/, read whole. 1 item differs from the manifest: “CA010 Block outside trusted countries” was changed after the backup was taken.',
    );
    const others = set.files.filter((f) => f !== manifest);
    expect(
      others
        .filter((f) => f.path.endsWith('.json'))
        .every((f) => f.status === 'read' && f.message === 'Part of the backup in backup.zip/contoso/ (see its manifest.json).'),
    ).toBe(true);
    expect(others.find((f) => f.path.endsWith('README.md'))).toMatchObject({ status: 'ignored' });
    expect(set.sections.policies[0]!.state).toBe('disabled');
    expect(set.origin.tenantId).toBe(TENANT_ID);
  });
});
