import { describe, expect, it } from 'vitest';
import { evaluatePolicy } from '../evaluate-policy';
import type { EvaluationContext, Target } from '../sign-in';
import { adaToExchange, context, ids, policy } from '../test-fixtures';

const run = (applications: Record<string, unknown>, target: Target | undefined, ctx: EvaluationContext = context) =>
  evaluatePolicy(policy({ applications: applications as never }), { ...adaToExchange, target }, ctx);
const app = (appId: string, extra: Partial<Extract<Target, { kind: 'application' }>> = {}): Target => ({
  kind: 'application',
  appId,
  ...extra,
});
const contosoApp = app(ids.expensesApp, { ownerTenantId: ids.tenant, displayName: 'Contoso Expenses' });

describe('applications: special values and appIds', () => {
  it('applies All to any application and None to none', () => {
    expect(run({ includeApplications: ['All'] }, contosoApp).reason).toContain('Contoso Expenses is included as one of all resources');
    expect(run({ includeApplications: ['None'] }, contosoApp)).toMatchObject({ result: 'notApplied', failedCondition: 'applications' });
  });

  it('matches appIds in include and exclude, exclusion winning', () => {
    expect(run({ includeApplications: [ids.exchange] }, app(ids.exchange)).reason).toContain(
      'Office 365 Exchange Online is included by name',
    );
    expect(run({ includeApplications: [ids.exchange] }, app(ids.sharePoint)).result).toBe('notApplied');
    expect(run({ includeApplications: ['All'], excludeApplications: [ids.exchange] }, app(ids.exchange))).toMatchObject({
      result: 'notApplied',
      reason: 'Office 365 Exchange Online is excluded by name.',
    });
  });

  it('knows the documented members of Office 365 and Microsoft Admin Portals', () => {
    expect(run({ includeApplications: ['Office365'] }, app(ids.teams)).reason).toContain('as part of Office 365');
    expect(run({ includeApplications: ['Office365'] }, app(ids.azureManagement)).result).toBe('notApplied');
    expect(run({ includeApplications: ['MicrosoftAdminPortals'] }, app(ids.azurePortal)).reason).toContain(
      'as part of Microsoft Admin Portals',
    );
    expect(run({ includeApplications: ['MicrosoftAdminPortals'] }, app(ids.exchange)).result).toBe('notApplied');
    expect(run({ includeApplications: ['All'], excludeApplications: ['Office365'] }, app(ids.sharePoint)).result).toBe('notApplied');
  });

  it("puts an app owned by another tenant than Microsoft's in neither group", () => {
    expect(run({ includeApplications: ['Office365'] }, contosoApp).reason).toContain('is not a Microsoft app');
    expect(run({ includeApplications: ['All'], excludeApplications: ['MicrosoftAdminPortals'] }, contosoApp).result).toBe('applies');
  });

  it('is indeterminate for an app outside the table only where the group decides', () => {
    const unknownMicrosoftApp = app('aaaaaaaa-1111-2222-3333-444444444444');
    expect(run({ includeApplications: ['Office365'] }, unknownMicrosoftApp)).toMatchObject({
      result: 'indeterminate',
      missing: ['context.appGroups.Office365'],
    });
    expect(run({ includeApplications: ['All'] }, unknownMicrosoftApp).result).toBe('applies');
    expect(run({ includeApplications: ['All'], excludeApplications: ['Office365'] }, unknownMicrosoftApp).result).toBe('indeterminate');
    // The caller's own list settles it.
    const told: EvaluationContext = { ...context, appGroups: { Office365: ['aaaaaaaa-1111-2222-3333-444444444444'] } };
    expect(run({ includeApplications: ['Office365'] }, unknownMicrosoftApp, told).result).toBe('applies');
  });

  it('is indeterminate when the target is not known', () => {
    expect(run({ includeApplications: ['All'] }, undefined)).toMatchObject({ result: 'indeterminate', missing: ['target'] });
  });
});

describe('applications: user actions and authentication contexts', () => {
  const register: Target = { kind: 'userAction', action: 'urn:user:registersecurityinfo' };
  it('matches user actions, and keeps them apart from applications', () => {
    expect(run({ includeUserActions: ['urn:user:registersecurityinfo'] }, register).reason).toContain('Register security information');
    expect(run({ includeUserActions: ['urn:user:registerdevice'] }, register).result).toBe('notApplied');
    expect(run({ includeApplications: ['All'] }, register)).toMatchObject({
      result: 'notApplied',
      reason: 'The policy targets applications, not the user action Register security information.',
    });
    expect(run({ includeUserActions: ['urn:user:registersecurityinfo'] }, app(ids.exchange)).reason).toBe(
      'The policy targets the user action Register security information, not applications such as Office 365 Exchange Online.',
    );
  });

  it('matches authentication contexts, asked for alone or by an application', () => {
    expect(run({ includeAuthenticationContextClassReferences: ['c1'] }, { kind: 'authenticationContext', id: 'c1' }).reason).toContain(
      'Sensitive data',
    );
    expect(run({ includeAuthenticationContextClassReferences: ['c1'] }, { kind: 'authenticationContext', id: 'c2' }).result).toBe(
      'notApplied',
    );
    expect(
      run({ includeAuthenticationContextClassReferences: ['c1'] }, app(ids.sharePoint, { authenticationContextIds: ['c1'] })).result,
    ).toBe('applies');
    expect(run({ includeApplications: ['All'] }, { kind: 'authenticationContext', id: 'c1' }).result).toBe('notApplied');
  });
});

describe('applications: filter on custom security attributes', () => {
  const rule = 'CustomSecurityAttribute.ConditionalAccessTest_policyRequirement -contains "requireMFA"';
  it('is indeterminate unless the attributes are given', () => {
    expect(run({ includeApplications: [], applicationFilter: { mode: 'include', rule } }, contosoApp)).toMatchObject({
      result: 'indeterminate',
      missing: ['target.customSecurityAttributes'],
    });
  });

  it('includes matching apps in include mode and excludes them in exclude mode', () => {
    const tagged = app(ids.expensesApp, {
      ownerTenantId: ids.tenant,
      customSecurityAttributes: { ConditionalAccessTest_policyRequirement: ['requireMFA'] },
    });
    const untagged = app(ids.expensesApp, { ownerTenantId: ids.tenant, customSecurityAttributes: {} });
    expect(run({ includeApplications: [], applicationFilter: { mode: 'include', rule } }, tagged).reason).toContain(
      'by the application filter',
    );
    expect(run({ includeApplications: [], applicationFilter: { mode: 'include', rule } }, untagged).result).toBe('notApplied');
    expect(run({ includeApplications: ['All'], applicationFilter: { mode: 'exclude', rule } }, tagged).result).toBe('notApplied');
    expect(run({ includeApplications: ['All'], applicationFilter: { mode: 'exclude', rule } }, untagged).result).toBe('applies');
    // Set.Attribute reads as Set_Attribute.
    const dotted = app(ids.expensesApp, { customSecurityAttributes: { 'ConditionalAccessTest.policyRequirement': 'requireMFA' } });
    expect(run({ includeApplications: [], applicationFilter: { mode: 'include', rule } }, dotted).result).toBe('applies');
  });

  it('does not guess what an include filter does beside All, nor read a broken rule', () => {
    const tagged = app(ids.expensesApp, { customSecurityAttributes: {} });
    expect(run({ includeApplications: ['All'], applicationFilter: { mode: 'include', rule } }, tagged).result).toBe('indeterminate');
    expect(
      run({ includeApplications: ['All'], applicationFilter: { mode: 'exclude', rule: 'CustomSecurityAttribute.x -eq' } }, tagged),
    ).toMatchObject({
      result: 'indeterminate',
      missing: ['conditions.applications.applicationFilter'],
      reason: expect.stringContaining('column'),
    });
  });
});
