// The tenant's and the import's names inside the plan's sentences: a direction control in a name (U+202E) is
// shown as an escape, so it cannot turn the rest of the sentence around in the blocker list, a why, or a group's row.
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../json';
import { buildPlan } from './build-plan';
import { planGroups } from './object-rows';
import { importOf as source, ipLocation, mfaPolicyFor as policy, targetTenant as target } from './test-fixtures';
import { defaultChoices } from './types';

const TURNED = 'Require\u202EAFM';
// TURNED as the plan shows it: the override as an escape, in the order stored.
const SHOWN = 'Require\\u202EAFM';

describe('names in the plan’s sentences', () => {
  it('the blocker list begins with the policy’s name isolated', () => {
    const theirs = [policy('d1', TURNED, 'Office365'), policy('d2', TURNED, 'MicrosoftAdminPortals')];
    const plan = buildPlan(source([policy('c1', TURNED, 'All')]), target({ policies: theirs }), defaultChoices());
    expect(plan.blockers.length).toBeGreaterThan(0);
    for (const blocker of plan.blockers) expect(blocker.text.startsWith(`${SHOWN}: `)).toBe(true);
  });

  it('a policy found by its content under another name names that one isolated', () => {
    const plan = buildPlan(
      source([policy('c1', 'Require MFA', 'All')]),
      target({ policies: [policy('d1', TURNED, 'All')] }),
      defaultChoices(),
    );
    expect(plan.rows[0]!.why).toBe(`Found by its content under another name: '${SHOWN}'.`);
  });

  it('a location found by id in another tenant, differing, names the tenant’s isolated', () => {
    const location = (name: string, cidr: string): JsonObject => ipLocation('bbbbbbbb-0000-0000-0000-000000000001', name, cidr);
    const plan = buildPlan(
      source([], [location('Office', '10.0.0.0/8')]),
      target({ namedLocations: [location(TURNED, '1.2.3.4/32')] }),
      defaultChoices(),
    );
    expect(plan.rows[0]!.why).toBe(`The tenant's ${SHOWN} is used as it is; it differs from the import.`);
  });

  it('a group created for policies names them isolated', () => {
    const { rows } = planGroups([{ mappingKey: 'group:g1', name: 'Pilot', usedBy: [TURNED] }]);
    expect(rows[0]!.why).toBe(`Chosen in the mapping; named by '${SHOWN}'.`);
  });
});
