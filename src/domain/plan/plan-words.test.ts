import { describe, expect, it } from 'vitest';
import { emptyImportSet } from '../import/import-set';
import { templatesImport } from '../templates/template-import';
import { buildPlan } from './build-plan';
import { hasReferencesToMap, nextStep, offersDomainMap, planIntro, stateWords } from './plan-words';
import { defaultChoices, type BlockerKind, type MappingRow, type PlanTarget } from './types';

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

describe('what to do about each blocker', () => {
  it('says a next step for every kind, each its own', () => {
    const kinds: BlockerKind[] = [
      'unmappedGroup',
      'unmapped',
      'widened',
      'refused',
      'lockout',
      'sameNamePolicy',
      'sameNameObject',
      'sameNameReferenced',
      'policyLimit',
    ];
    const steps = kinds.map((kind) => nextStep({ kind }));
    expect(steps.every((step) => !!step && /\.$/.test(step))).toBe(true);
    expect(new Set(steps).size).toBe(kinds.length);
    // A plan file written before kinds were kept: no step made up for it.
    expect(nextStep({})).toBeNull();
  });

  it('tells a group nothing stands for to be mapped here or its policy left out', () => {
    const copy = otherTenantsExport();
    copy.references.push({ kind: 'group', id: 'g1', displayName: 'Contractors', exists: true });
    copy.sections.policies = [{ ...policy, conditions: { ...policy.conditions, users: { includeUsers: ['All'], excludeGroups: ['g1'] } } }];
    const plan = buildPlan(copy, { ...target, directory: new Map([['g1', []]]) }, defaultChoices());
    const blocker = plan.blockers.find((b) => b.text.includes('Contractors'))!;
    expect(blocker.kind).toBe('unmappedGroup');
    expect(nextStep(blocker)).toMatch(/^Map the group to one in this tenant.*or leave out the policies that use it\.$/);
  });
});

describe('whether a plan has references to map', () => {
  const decided = { action: 'use', targetId: 't', targetName: 'T' } as const;
  const reference = (status: MappingRow['status'], problems: MappingRow['problems'] = [], choice: MappingRow['choice'] = decided) =>
    ({ status, problems, choice }) as MappingRow;
  it('has none within one tenant whose references are decided, some when one needs a look, always for a copy', () => {
    // A role found again by its template is decided: nothing for the admin to do.
    expect(hasReferencesToMap({ sameTenant: true, mapping: [reference('same'), reference('planned'), reference('match')] })).toBe(false);
    expect(hasReferencesToMap({ sameTenant: true, mapping: [reference('same'), reference('none', [], null)] })).toBe(true);
    expect(hasReferencesToMap({ sameTenant: true, mapping: [reference('ambiguous', [], null)] })).toBe(true);
    expect(hasReferencesToMap({ sameTenant: true, mapping: [reference('gone', [{ severity: 'blocker', text: 'Choose' }], null)] })).toBe(
      true,
    );
    expect(hasReferencesToMap({ sameTenant: false, mapping: [] })).toBe(true);
  });
});
