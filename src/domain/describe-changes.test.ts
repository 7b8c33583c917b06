import { describe, expect, it } from 'vitest';
import type { NameDirectory } from './references';
import type { Json, JsonObject } from './policy-body';
import { conditionalAccessPolicySchema, READ_ONLY_PROPERTIES } from './policy-schema';
import { describeChanges } from './describe-changes';

const BREAK_GLASS = '11111111-1111-1111-1111-111111111111';
const names: NameDirectory = {
  names: new Map([[`group:${BREAK_GLASS}`, { id: BREAK_GLASS, kind: 'group', displayName: 'Break glass' }]]),
  failures: [],
};
const texts = (before: JsonObject, after: JsonObject) => describeChanges(before, after, names).map((c) => c.text);

describe('describeChanges', () => {
  it('says what changed in the words of the admin center, with names', () => {
    const before = {
      state: 'enabled',
      conditions: { users: { includeUsers: ['All'], excludeUsers: ['GuestsOrExternalUsers'] } },
      grantControls: { operator: 'OR', builtInControls: ['mfa'] },
    };
    const after = {
      state: 'enabledForReportingButNotEnforced',
      conditions: { users: { includeUsers: ['All'], excludeGroups: [BREAK_GLASS] } },
      grantControls: { operator: 'OR', builtInControls: ['block'] },
      sessionControls: { signInFrequency: { isEnabled: true, frequencyInterval: 'everyTime' } },
    };
    expect(texts(before, after)).toEqual([
      'State: On → Report-only',
      "Excluded user 'All guests and external users' removed",
      "Excluded group 'Break glass' added",
      'Grant: require MFA → block',
      'Sign-in frequency: not set → every time',
    ]);
  });

  it('describes grant controls and session frequency as a whole', () => {
    expect(
      texts(
        { grantControls: { operator: 'AND', builtInControls: ['mfa', 'compliantDevice'] } },
        { grantControls: { operator: 'OR', builtInControls: ['mfa', 'compliantDevice'] } },
      ),
    ).toEqual(['Grant: require all of MFA, compliant device → require one of MFA, compliant device']);
    const frequency = (value: Json) => ({ sessionControls: { signInFrequency: value } });
    expect(
      texts(
        frequency({ isEnabled: true, value: 12, type: 'hours', frequencyInterval: 'timeBased' }),
        frequency({ isEnabled: true, frequencyInterval: 'everyTime', value: null, type: null }),
      ),
    ).toEqual(['Sign-in frequency: every 12 hours → every time']);
    expect(texts(frequency({ isEnabled: true, value: 1, type: 'days' }), frequency({ isEnabled: false, value: 1, type: 'days' }))).toEqual([
      'Sign-in frequency: every 1 day → not set',
    ]);
  });

  it('says Conditional Access App Control in the admin center words', () => {
    const appControl = (cloudAppSecurityType: string, isEnabled = true) => ({
      sessionControls: { cloudAppSecurity: { isEnabled, cloudAppSecurityType } },
    });
    expect(texts(appControl('monitorOnly'), appControl('blockDownloads'))).toEqual([
      'Conditional Access App Control: Monitor only → Block downloads',
    ]);
    expect(texts({}, appControl('mcasConfigured'))).toEqual(['Conditional Access App Control: not set → Use custom policy…']);
    expect(texts(appControl('monitorOnly'), appControl('monitorOnly', false))).toEqual([
      'Conditional Access App Control: Monitor only → not set',
    ]);
  });

  it('reads enum lists with their labels and a removed object member by member', () => {
    expect(texts({ conditions: { platforms: { includePlatforms: ['android', 'iOS'] } } }, { conditions: { platforms: null } })).toEqual([
      'Included platforms Android, iOS removed',
    ]);
    expect(texts({ conditions: { clientAppTypes: ['all'] } }, { conditions: { clientAppTypes: ['exchangeActiveSync', 'other'] } })).toEqual(
      ['Client apps Exchange ActiveSync clients, Other clients (legacy authentication) added; All client apps removed'],
    );
  });

  it('lists properties it does not know by path', () => {
    expect(texts({ futureThing: 1 }, { futureThing: 2 })).toEqual(['futureThing: 1 → 2']);
    expect(texts({ conditions: { newCondition: { level: 'a' } } }, { conditions: { newCondition: { level: 'b' } } })).toEqual([
      'conditions.newCondition.level: a → b',
    ]);
  });

  it('finds no change between a policy and itself, nor in read-only fields', () => {
    const policy = {
      id: 'x',
      displayName: 'A',
      state: 'enabled',
      modifiedDateTime: '2026-01-01T00:00:00Z',
      conditions: { users: { includeUsers: ['All'] } },
    };
    expect(describeChanges(policy, structuredClone(policy))).toEqual([]);
    expect(describeChanges(policy, { ...policy, id: 'y', modifiedDateTime: '2026-02-01T00:00:00Z' })).toEqual([]);
  });
});

describe('describeChanges and forms that say the same', () => {
  const QUIET = { hideEmpty: true, sortIds: true };
  it('never says "not set → not set" for members the service returns as null', () => {
    const before = { sessionControls: null };
    const after = {
      sessionControls: {
        disableResilienceDefaults: null,
        persistentBrowser: null,
        signInFrequency: { isEnabled: true, frequencyInterval: 'everyTime' },
      },
    };
    expect(texts(before, after)).toEqual(['Sign-in frequency: not set → every time']);
  });

  it('finds no change in an empty list against none, as Graph reads them alike', () => {
    // The editor's review once counted "11 changes" for JSON that merely left out empty lists.
    const before = {
      conditions: { userRiskLevels: [], applications: { includeAuthenticationContextClassReferences: [] }, users: { excludeUsers: null } },
      grantControls: { operator: 'OR', builtInControls: ['mfa'], customAuthenticationFactors: [], termsOfUse: [] },
    };
    const after = {
      conditions: { applications: {}, users: { excludeUsers: [] } },
      grantControls: { operator: 'OR', builtInControls: ['mfa'], termsOfUse: null },
    };
    expect(texts(before, after)).toEqual([]);
    expect(texts(after, before)).toEqual([]);
    expect(describeChanges(before, after, names, QUIET)).toEqual([]);
    // A list that really lost its entries is still a change.
    expect(texts({ conditions: { userRiskLevels: ['high'] } }, { conditions: {} })).toEqual(['User risk level High removed']);
  });

  it('says an empty list against none as it is, never "reordered", for a diff that shows the noise', () => {
    const before = { conditions: { users: { includeUsers: ['All'], excludeUsers: null }, platforms: { includePlatforms: [] } } };
    const after = { conditions: { users: { includeUsers: ['All'], excludeUsers: [] }, platforms: null } };
    expect(describeChanges(before, after, names, { sayEmptyLists: true }).map((c) => c.text)).toEqual([
      'Excluded users: not set → an empty list',
      'Included platforms: an empty list → not set',
    ]);
  });

  it('with the noise hidden, finds nothing in ids reordered or in another case, switched-off controls or an operator over one control', () => {
    const before = {
      conditions: { users: { includeGroups: [BREAK_GLASS, 'aaaaaaaa-0000-0000-0000-000000000001'] } },
      grantControls: { operator: 'OR', builtInControls: ['mfa'] },
    };
    const after = {
      conditions: { users: { includeGroups: ['AAAAAAAA-0000-0000-0000-000000000001', BREAK_GLASS] } },
      grantControls: { operator: 'AND', builtInControls: ['mfa'] },
      sessionControls: { signInFrequency: { isEnabled: false, value: 4, type: 'hours' }, disableResilienceDefaults: false },
    };
    expect(describeChanges(before, after, names, QUIET)).toEqual([]);
    expect(texts(before, after).length).toBeGreaterThan(0);
  });
});

describe('describeChanges across two tenants', () => {
  const OTHER_BREAK_GLASS = '22222222-2222-2222-2222-222222222222';
  const NEW_GROUP = '33333333-3333-3333-3333-333333333333';
  const both: NameDirectory = {
    names: new Map([
      [`group:${BREAK_GLASS}`, { id: BREAK_GLASS, kind: 'group', displayName: 'Break glass' }],
      [`group:${OTHER_BREAK_GLASS}`, { id: OTHER_BREAK_GLASS, kind: 'group', displayName: 'Break glass' }],
      [`group:${NEW_GROUP}`, { id: NEW_GROUP, kind: 'group', displayName: 'Pilot' }],
    ]),
    failures: [],
  };
  const excluding = (...groups: string[]) => ({ conditions: { users: { includeUsers: ['All'], excludeGroups: groups } } });

  it("says a same-named object is each tenant's own, not an addition and a removal", () => {
    const said = describeChanges(excluding(BREAK_GLASS), excluding(OTHER_BREAK_GLASS), both, { acrossTenants: true }).map((c) => c.text);
    expect(said).toEqual(["Excluded group 'Break glass' (a different object in each tenant, same name)"]);
    expect(said.join()).not.toMatch(/added|removed/);
  });

  it('keeps real additions beside it, and within one tenant says the object was replaced', () => {
    expect(
      describeChanges(excluding(BREAK_GLASS), excluding(OTHER_BREAK_GLASS, NEW_GROUP), both, { acrossTenants: true }).map((c) => c.text),
    ).toEqual(["Excluded group 'Pilot' added; 'Break glass' (a different object in each tenant, same name)"]);
    expect(describeChanges(excluding(BREAK_GLASS), excluding(OTHER_BREAK_GLASS), both).map((c) => c.text)).toEqual([
      "Excluded group 'Break glass' replaced by another object of the same name",
    ]);
  });

  it('names several objects in the order of their names, whatever the order of their ids', () => {
    // The policy lists Pilot first; the sentence reads alphabetically, with the ids sorted or not.
    for (const options of [{}, { hideEmpty: true, sortIds: true }]) {
      expect(describeChanges(excluding(), excluding(NEW_GROUP, BREAK_GLASS), both, options).map((c) => c.text)).toEqual([
        "Excluded groups 'Break glass', 'Pilot' added",
      ]);
    }
  });
});

// Every property the schema knows: a change to it yields a sentence about it.
type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  enum?: Json[];
  items?: Schema;
  anyOf?: Schema[];
  const?: Json;
  readOnly?: boolean;
};
function leaves(schema: Schema, path: string[] = []): { path: string[]; schema: Schema }[] {
  if (schema.properties)
    return Object.entries(schema.properties).flatMap(([key, child]) =>
      child.readOnly || key.startsWith('@') ? [] : leaves(child, [...path, key]),
    );
  return [{ path, schema }];
}
function twoValues(schema: Schema): [Json, Json] {
  if (schema.enum && schema.enum.length > 1) return [schema.enum[0]!, schema.enum[1]!];
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.includes('array')) {
    const item =
      schema.items?.anyOf?.find((s) => s.const !== undefined)?.const ??
      schema.items?.enum?.at(-1) ??
      'aaaaaaaa-0000-0000-0000-000000000001';
    // The enum's last member: no client apps ([]) is written as ['all'] and so is no change from it.
    return [[], [item]];
  }
  if (types.includes('boolean')) return [false, true];
  if (types.includes('integer') || types.includes('number')) return [1, 2];
  return ['first', 'second'];
}
const nest = (path: string[], value: Json): JsonObject => path.reduceRight<Json>((inner, key) => ({ [key]: inner }), value) as JsonObject;

describe('describeChanges over every property of the schema', () => {
  const all = leaves(conditionalAccessPolicySchema as Schema);
  it('walks the whole schema', () => {
    expect(all.length).toBeGreaterThan(60);
    expect(all.map((l) => l.path[0])).not.toContain(READ_ONLY_PROPERTIES[0]);
  });
  for (const leaf of all) {
    const dotted = leaf.path.join('.');
    it(`describes a change of ${dotted}`, () => {
      const [a, b] = twoValues(leaf.schema);
      const changes = describeChanges(nest(leaf.path, a), nest(leaf.path, b), names);
      expect(changes).toHaveLength(1);
      const change = changes[0]!;
      // The sentence is about this property, or the group it belongs to.
      expect(dotted.startsWith(change.path)).toBe(true);
      expect(change.text).not.toMatch(/undefined|\[object|not set → not set/);
      const [before, after] = change.text.split(' → ');
      if (after !== undefined) expect(before!.slice(before!.indexOf(':') + 1).trim()).not.toBe(after.trim());
    });
  }
});

describe('describeChanges of a named location', () => {
  const range = (cidrAddress: string) => ({ '@odata.type': '#microsoft.graph.iPv4CidrRange', cidrAddress });
  it('says its IP ranges by address and its countries by code, not as JSON', () => {
    const office = { '@odata.type': '#microsoft.graph.ipNamedLocation', displayName: 'Office', ipRanges: [range('203.0.113.0/24')] };
    expect(
      describeChanges(office, { ...office, ipRanges: [range('203.0.113.0/24'), range('198.51.100.0/24')] }).map((c) => c.text),
    ).toEqual(['IP range 198.51.100.0/24 added']);
    const allowed = { '@odata.type': '#microsoft.graph.countryNamedLocation', countriesAndRegions: ['FR', 'DE'] };
    expect(describeChanges(allowed, { ...allowed, countriesAndRegions: ['FR', 'NL'] }).map((c) => c.text)).toEqual([
      "Country or region 'NL' added; 'DE' removed",
    ]);
    expect(describeChanges(office, { ...office, isTrusted: true }).map((c) => c.text)).toEqual(['Trusted location: not set → true']);
  });
});

describe('describeChanges: guests and external users', () => {
  it('never says local guests come from an external tenant', () => {
    const policy = (guestOrExternalUserTypes: string): JsonObject => ({
      conditions: { users: { includeGuestsOrExternalUsers: { guestOrExternalUserTypes, externalTenants: { membershipKind: 'all' } } } },
    });
    expect(texts(policy('internalGuest'), policy('internalGuest,serviceProvider'))).toEqual([
      'Included guests or external users: Local guest users → Service provider users from any external tenant and Local guest users',
    ]);
  });
});
