import { describe, expect, it } from 'vitest';
import { emptyImportSet } from '../import/import-set';
import { templatesImport } from '../templates/template-import';
import { buildPlan } from './build-plan';
import { offersDomainMap, planIntro, stateWords } from './plan-words';
import { defaultChoices, type PlanTarget } from './types';

const TARGET_TENANT = '22222222-2222-2222-2222-222222222222';
const target: PlanTarget = {
  tenantId: TARGET_TENANT,
  policies: [],
  namedLocations: [],
  authenticationStrengths: [],
  authenticationContexts: [],
  termsOfUse: [],
  directory: new Map(),
};
const policy = {
  displayName: 'No persistent browser session',
  state: 'enabled',
  conditions: { applications: { includeApplications: ['All'] }, users: { includeUsers: ['All'], excludeGroups: ['<GROUP: Exempt>'] } },
  sessionControls: { persistentBrowser: { isEnabled: true, mode: 'never' } },
};
const template = templatesImport([{ key: 't1', name: 'No persistent browser session', source: 'microsoft', policy } as never], new Map());

function otherTenantsExport() {
  const set = emptyImportSet();
  set.origin = { tenantId: '11111111-1111-1111-1111-111111111111', tenantName: 'Fabrikam', capturedAt: null, domain: 'fabrikam.com' };
  set.sections.policies = [policy];
  set.references = [{ kind: 'user', id: 'u1', displayName: 'Break Glass', userPrincipalName: 'bg@fabrikam.com', exists: true }];
  return set;
}

describe('the words of a plan, by what it writes from', () => {
  it('says the state "as in" the import only for an import', () => {
    expect(stateWords('import').source).toBe('As in the import');
    expect(stateWords('templates').source).toBe('As in the template');
    expect(stateWords('change').source).toBe('As planned');
  });

  it('speaks of another tenant only for an import', () => {
    expect(planIntro('import', false, 'Contoso')).toBe('A copy into another tenant: references are mapped below. ');
    expect(planIntro('import', true, 'Contoso')).toBe('A restore into the tenant the import came from. ');
    const templates = planIntro('templates', false, 'Contoso');
    expect(templates).toContain('written into Contoso');
    expect(templates).not.toMatch(/another tenant|import/i);
    expect(planIntro('change', false, 'Contoso')).not.toMatch(/another tenant|import/i);
  });

  it('offers to map sign-in domains for another tenant’s export, never for templates, which have no tenant', () => {
    const copy = otherTenantsExport();
    expect(offersDomainMap(copy, buildPlan(copy, target, defaultChoices()))).toBe(true);
    expect(offersDomainMap(template, buildPlan(template, target, defaultChoices()))).toBe(false);
    // A restore into the tenant it came from has nothing to translate.
    expect(offersDomainMap(copy, buildPlan(copy, { ...target, tenantId: copy.origin.tenantId! }, defaultChoices()))).toBe(false);
  });

  it('says a new policy is not in the tenant, without speaking of a target', () => {
    const row = buildPlan(template, target, defaultChoices()).rows.find((r) => r.kind === 'policy')!;
    expect(row.action).toBe('create');
    expect(row.why).not.toMatch(/target|import/i);
  });
});
