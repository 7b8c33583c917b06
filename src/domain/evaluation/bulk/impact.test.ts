import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../json';
import type { SignInFacts } from '../sign-in';
import { ada, adaToExchange, context, ids, policy } from '../test-fixtures';
import { draftImpact, grantSatisfied } from './impact';
import { shapesOf, type ShapeInput } from './shapes';

const REPORT_ONLY = 'enabledForReportingButNotEnforced';
const sam = { ...ada, userId: ids.sam, groupIds: [ids.contractors] };
const breakGlass = { ...ada, userId: ids.breakGlass, groupIds: [ids.emergency] };

let n = 0;
const signIn = (facts: SignInFacts, times: number, satisfied: string[] = []): ShapeInput[] =>
  Array.from({ length: times }, () => ({
    id: `s${n++}`,
    identityId: facts.identity?.kind === 'user' ? facts.identity.userId : '',
    resourceId: facts.target?.kind === 'application' ? facts.target.appId : '',
    facts,
    satisfied,
  }));

const log = [
  ...signIn(adaToExchange, 30, ['mfa']), // from the office, with MFA
  ...signIn({ ...adaToExchange, ipAddress: '8.8.8.8', country: 'BR' }, 4), // abroad, password only
  ...signIn({ ...adaToExchange, identity: sam, clientAppType: 'exchangeActiveSync' }, 6),
  ...signIn({ ...adaToExchange, identity: breakGlass, ipAddress: '8.8.4.4', country: 'CN' }, 2),
  ...signIn({ ...adaToExchange, identity: { kind: 'user', userId: 'unknown-person' }, ipAddress: '8.8.8.8', country: 'BR' }, 3),
];
const shapes = shapesOf(log, context);

const blockAbroad = policy({
  name: 'Block outside allowed countries',
  users: { includeUsers: ['All'], excludeRoles: [ids.syncRole] },
  conditions: { locations: { includeLocations: ['All'], excludeLocations: [ids.allowedCountries, ids.corporate] } },
  grant: { builtInControls: ['block'] },
});
const blockLegacy = policy({
  name: 'Block legacy',
  conditions: { clientAppTypes: ['exchangeActiveSync', 'other'] },
  grant: { builtInControls: ['block'] },
});

describe('draftImpact', () => {
  it('shows who a new blocking policy would newly block, emergency accounts first, and leaves alone what another policy already blocks', () => {
    const impact = draftImpact({
      saved: null,
      draft: blockAbroad,
      others: [blockLegacy],
      shapes,
      context,
      emergencyAccountIds: [ids.breakGlass],
      signedInUserId: ids.ada,
    });
    expect(impact.classes.newlyBlocked.signIns).toBe(6);
    expect(impact.classes.newlyBlocked.identityIds.sort()).toEqual([ids.ada, ids.breakGlass].sort());
    // Sam's legacy sign-ins were blocked before and still are.
    expect(impact.classes.unchanged.identityIds).toContain(ids.sam);
    // Who the engine cannot place is said, not guessed.
    expect(impact.classes.indeterminate.identityIds).toEqual(['unknown-person']);
    expect(impact.classes.indeterminate.items[0]!.missing).toEqual(['identity.roleTemplateIds']);
    expect(impact.alerts.map((a) => [a.who, a.identityId, a.class])).toEqual([
      ['emergencyAccount', ids.breakGlass, 'newlyBlocked'],
      ['signedInAdmin', ids.ada, 'newlyBlocked'],
    ]);
    expect(impact.alerts[0]!.items[0]!.sampleIds).toHaveLength(2);
    expect(impact.summary).toMatch(/^Of 45 sign-ins \(\d+ distinct shapes\): 6 sign-ins newly blocked \(2 identities, 1 resource\)/);
  });

  it('splits newly required MFA into already satisfied and would prompt, and a report-only draft answers as if enabled', () => {
    const mfa = policy({ name: 'MFA', state: REPORT_ONLY, users: { includeUsers: ['All'], excludeGroups: [ids.emergency] } });
    const impact = draftImpact({ saved: null, draft: mfa, others: [blockLegacy], shapes, context });
    expect(impact.evaluatedAsEnabled).toBe(true);
    expect(impact.classes.newlyRequiredSatisfied.signIns).toBe(30);
    expect(impact.classes.newlyRequiredWouldPrompt.signIns).toBe(4);
    expect(impact.classes.newlyRequiredWouldPrompt.items[0]!.requires).toBe('multifactor authentication');
    expect(impact.summary).toMatch(/^The draft is report-only: saving it changes no sign-in\. Were it switched on, of 45 sign-ins/);
  });

  it('compares with the saved policy: narrowing an exclusion relaxes, and a session control change is its own class', () => {
    const saved = { ...blockAbroad, state: 'enabled' };
    const draft = {
      ...blockAbroad,
      conditions: {
        ...(blockAbroad.conditions as JsonObject),
        users: { includeUsers: ['All'], excludeUsers: [ids.breakGlass], excludeRoles: [ids.syncRole] },
      },
    };
    const relaxed = draftImpact({ saved, draft, others: [], shapes, context });
    expect(relaxed.classes.relaxed.identityIds).toEqual([ids.breakGlass]);
    expect(relaxed.classes.newlyBlocked.signIns).toBe(0);

    const frequency = policy({
      name: 'Frequency',
      grant: null,
      session: { signInFrequency: { isEnabled: true, type: 'hours', value: 1 } },
    });
    const longer = { ...frequency, sessionControls: { signInFrequency: { isEnabled: true, type: 'hours', value: 12 } } };
    const changed = draftImpact({ saved: frequency, draft: longer, others: [blockLegacy], shapes, context });
    expect(changed.classes.sessionChanged.signIns).toBe(30 + 4 + 2 + 3);
    expect(changed.classes.unchanged.signIns).toBe(6);
  });

  it('turning an enforced policy off or to report-only relaxes the sign-ins it asked for MFA or blocked', () => {
    const enabledMfa = policy({ name: 'MFA', users: { includeUsers: ['All'], excludeGroups: [ids.emergency] } });
    const off = draftImpact({ saved: enabledMfa, draft: { ...enabledMfa, state: 'disabled' }, others: [blockLegacy], shapes, context });
    // Ada's 34 sign-ins were asked for MFA (Sam's legacy ones are blocked by another policy, the unknown person cannot be placed).
    expect(off.classes.relaxed.signIns).toBe(34);
    expect(off.classes.relaxed.identityIds).toEqual([ids.ada]);
    expect(off.stopsEnforcing).toBe(true);
    expect(off.evaluatedAsEnabled).toBe(false);
    expect(off.summary).toMatch(/^Once switched off, of 45 sign-ins .*34 sign-ins no longer blocked or asked for a control/);

    const blockSaved = { ...blockAbroad, state: 'enabled' };
    const reportOnly = draftImpact({ saved: blockSaved, draft: { ...blockSaved, state: REPORT_ONLY }, others: [], shapes, context });
    expect(reportOnly.classes.relaxed.signIns).toBe(6);
    expect(reportOnly.summary).toMatch(/^Once in report-only \(no longer enforced\), of 45 sign-ins/);
    // A policy never enforced is still answered as if switched on.
    const never = draftImpact({
      saved: { ...enabledMfa, state: 'disabled' },
      draft: { ...enabledMfa, state: REPORT_ONLY },
      others: [],
      shapes,
      context,
    });
    expect(never.evaluatedAsEnabled).toBe(true);
    expect(never.classes.relaxed.signIns).toBe(0);
    expect(never.summary).toMatch(
      /^The policy is off now and the draft is report-only: neither is enforced, so saving it changes no sign-in\. Were it switched on, of 45 sign-ins/,
    );
    // Report-only turned off (a revert, say): not "once switched on", as if the draft were turning it on.
    const offAgain = draftImpact({
      saved: { ...enabledMfa, state: REPORT_ONLY },
      draft: { ...enabledMfa, state: 'disabled' },
      others: [],
      shapes,
      context,
    });
    expect(offAgain.summary).toMatch(
      /^The policy is report-only now and the draft is off: neither is enforced, so saving it changes no sign-in\. Were it switched on, of 45 sign-ins/,
    );
  });

  it('reads a grant as satisfied from what the log shows', () => {
    const grant = {
      operator: 'OR' as const,
      block: false,
      builtInControls: ['compliantDevice', 'domainJoinedDevice'],
      termsOfUse: [],
      customAuthenticationFactors: [],
    };
    expect(grantSatisfied(grant, new Set(['domainJoinedDevice']))).toBe(true);
    expect(grantSatisfied({ ...grant, operator: 'AND' }, new Set(['domainJoinedDevice']))).toBe(false);
    expect(grantSatisfied(grant, new Set(['grant:compliantDevice+domainJoinedDevice']))).toBe(true);
    const strength = { ...grant, builtInControls: [], authenticationStrength: { id: '00000000-0000-0000-0000-000000000002' } };
    expect(grantSatisfied(strength, new Set(['mfa']))).toBe(true);
    expect(grantSatisfied({ ...strength, authenticationStrength: { id: 'phishing-resistant' } }, new Set(['mfa']))).toBe(false);
  });
});
