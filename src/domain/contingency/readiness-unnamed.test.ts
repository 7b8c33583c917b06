// Contingency readiness while no emergency accounts are named in Settings: the switch turns its report-only
// policies on without the editor's lock-out guard, so each is judged as it will be then against what most
// policies for all users exclude, and a policy that leaves that out is warned of by name.
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../json';
import { REPORT_ONLY } from '../types';
import { allUsersPolicy, EM2, tenantLeavingOut } from './all-users-policies.fixture';
import { recognisePlans, type ContingencyPlan } from './contingency-plan';
import { readiness } from './readiness';

const BREAK_GLASS_GROUP = 'aaaaaaaa-0000-0000-0000-00000000000b';
const SERVICE_ACCOUNTS = 'aaaaaaaa-0000-0000-0000-00000000000c';
const tenant = () => tenantLeavingOut(BREAK_GLASS_GROUP, [SERVICE_ACCOUNTS, BREAK_GLASS_GROUP]);

const planFor = (policies: JsonObject[]): ContingencyPlan => ({
  ...recognisePlans(policies)[0]!,
  suspend: [{ policyId: 'ca1', name: 'CA001: Require MFA for all users', to: 'disabled' }],
});
const none = { users: [], groups: [] };
const nameOf = (kind: string, id: string) => (kind === 'group' && id === BREAK_GLASS_GROUP ? 'CA - Emergency access accounts' : undefined);

describe('readiness with no emergency accounts named', () => {
  it('warns by name of a policy the switch turns on that leaves out the group most policies for all users exclude', () => {
    const policies = tenant();
    const findings = readiness(planFor(policies), policies, none, { nameOf });
    expect(findings).toEqual([
      {
        severity: 'warning',
        text: `'${EM2}' does not exclude the group 'CA - Emergency access accounts', which 3 of 4 policies for all users exclude: if it holds your emergency accounts, switching the plan on locks them out.`,
      },
      { severity: 'warning', text: 'No emergency accounts are named in Settings: whether the plan locks them out cannot be checked.' },
    ]);
    // Never a blocker: the candidate is a guess. Without its name, its id is said.
    expect(readiness(planFor(policies), policies, none)[0]!.text).toContain(
      `does not exclude the group '${BREAK_GLASS_GROUP}', which 3 of 4`,
    );
    // While its name is looked up, that is said as a state, not quoted as a name.
    expect(readiness(planFor(policies), policies, none, { nameOf: () => ({ lookingUp: true }) })[0]!.text).toContain(
      `'${EM2}' does not exclude the group (name being looked up), which 3 of 4`,
    );
  });

  it('says nothing of it once the policy excludes it, the plan adds the exclusion first, or accounts are named', () => {
    const policies = tenant();
    const fixed = policies.map((p) =>
      p.id === 'em2' ? allUsersPolicy('em2', EM2, REPORT_ONLY, [SERVICE_ACCOUNTS, BREAK_GLASS_GROUP], 'block') : p,
    );
    const onlyUnnamed = [
      { severity: 'warning', text: 'No emergency accounts are named in Settings: whether the plan locks them out cannot be checked.' },
    ];
    expect(readiness(planFor(fixed), fixed, none, { nameOf })).toEqual(onlyUnnamed);
    const excluding = { ...planFor(policies), exclusions: [{ policyId: 'em2', name: EM2, users: [], groups: [BREAK_GLASS_GROUP] }] };
    expect(readiness(excluding, policies, none, { nameOf })).toEqual(onlyUnnamed);
    const named = { users: [], groups: [{ id: BREAK_GLASS_GROUP, name: 'Break glass' }] };
    expect(
      readiness(planFor(policies), policies, named, { nameOf })
        .map((f) => f.text)
        .join(' '),
    ).not.toContain('policies for all users exclude');
  });
});
