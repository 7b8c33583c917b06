// A policy compared with another form of itself (nulls, empty lists, absent keys, ids in another
// order or case, switched-off session controls, an AND over one control...) has no difference once
// the noise is hidden: neither in words nor in the diff text. Over every policy of ../shared/corpus
// and of the demo tenants; the corpus part skips when the corpus is absent.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSeedState } from '../../emulator/seed';
import { describeChanges } from '../../domain/describe-changes';
import { comparableText, type Json, type JsonObject } from '../../domain/policy-body';
import { parsePolicyFile } from '../../domain/policy-file';
import { conditionalAccessPolicySchema } from '../../domain/policy-schema';
import { corpusDir, corpusFiles, corpusPresent, isNotPolicyFile } from '../corpus';

const QUIET = { hideEmpty: true, sortIds: true };
const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

type Schema = { type?: string | string[]; properties?: Record<string, Schema>; readOnly?: boolean };
const types = (schema: Schema | undefined) => (Array.isArray(schema?.type) ? schema.type : [schema?.type]);

/** Rebuilds every object of a policy with the schema beside it. */
function mapObjects(value: Json, schema: Schema | undefined, visit: (object: JsonObject, schema: Schema | undefined) => JsonObject): Json {
  if (Array.isArray(value)) return value.map((item) => mapObjects(item, undefined, visit));
  if (!isObject(value)) return value;
  const children = Object.fromEntries(
    Object.entries(value).map(([key, child]) => [key, mapObjects(child, schema?.properties?.[key], visit)]),
  );
  return visit(children, schema);
}
const mapValues = (value: Json, change: (value: Json, key: string) => Json | undefined, key = ''): Json | undefined => {
  if (Array.isArray(value))
    return change(
      value.map((item) => mapValues(item, change, key)).filter((v): v is Json => v !== undefined),
      key,
    );
  if (isObject(value)) {
    const entries = Object.entries(value)
      .map(([k, child]) => [k, mapValues(child, change, k)] as const)
      .filter(([, v]) => v !== undefined);
    return change(Object.fromEntries(entries) as JsonObject, key);
  }
  return change(value, key);
};

const absentAs = (fill: (schema: Schema) => Json) => (policy: JsonObject) =>
  mapObjects(policy, conditionalAccessPolicySchema as Schema, (object, schema) => {
    const out = { ...object };
    for (const [key, child] of Object.entries(schema?.properties ?? {}))
      if (!(key in out) && !child.readOnly && key !== 'description') out[key] = fill(child);
    return out;
  }) as JsonObject;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const controlCount = (grant: JsonObject) =>
  ['builtInControls', 'customAuthenticationFactors', 'termsOfUse'].reduce(
    (n, k) => n + (Array.isArray(grant[k]) ? (grant[k] as Json[]).length : 0),
    0,
  ) + (isObject(grant.authenticationStrength) ? 1 : 0);
const switchedOff: JsonObject = {
  signInFrequency: {
    isEnabled: false,
    value: null,
    type: null,
    authenticationType: 'primaryAndSecondaryAuthentication',
    frequencyInterval: 'timeBased',
  },
  persistentBrowser: { isEnabled: false, mode: null },
  applicationEnforcedRestrictions: { isEnabled: false },
  cloudAppSecurity: { isEnabled: false, cloudAppSecurityType: null },
  secureSignInSession: { isEnabled: false },
  disableResilienceDefaults: false,
};

/** Forms that say the same as the policy; `reorders` marks those where "reordered" is a true word without the switch. */
const EQUIVALENT_FORMS: { name: string; reorders?: boolean; form: (policy: JsonObject) => JsonObject }[] = [
  { name: 'every absent property null', form: absentAs(() => null) },
  {
    name: 'every absent list empty, every absent object empty',
    form: absentAs((s) => (types(s).includes('array') ? [] : s.properties ? {} : null)),
  },
  {
    name: 'absent objects present with every member null (as the service returns sessionControls)',
    form: absentAs((s) => (s.properties ? Object.fromEntries(Object.keys(s.properties).map((k) => [k, null])) : null)),
  },
  {
    name: 'nulls, empty lists and empty objects left out',
    form: (p) =>
      (mapValues(p, (v) =>
        v === null || (Array.isArray(v) && v.length === 0) || (isObject(v) && Object.keys(v).length === 0) ? undefined : v,
      ) ?? {}) as JsonObject,
  },
  { name: 'empty lists as null', form: (p) => mapValues(p, (v) => (Array.isArray(v) && v.length === 0 ? null : v)) as JsonObject },
  {
    name: 'ids, values and flags in reverse order, keys too',
    reorders: true,
    form: (p) =>
      mapValues(p, (v, key) =>
        Array.isArray(v)
          ? [...v].reverse()
          : isObject(v)
            ? Object.fromEntries(Object.entries(v).reverse())
            : typeof v === 'string' && key === 'guestOrExternalUserTypes'
              ? v.split(',').reverse().join(',')
              : v,
      ) as JsonObject,
  },
  {
    name: 'ids in upper case',
    form: (p) => mapValues(p, (v) => (typeof v === 'string' && GUID.test(v) ? v.toUpperCase() : v)) as JsonObject,
  },
  {
    name: 'absent session controls present but switched off',
    form: (p) => {
      const session = isObject(p.sessionControls) ? p.sessionControls : {};
      const filled = Object.fromEntries(Object.entries(switchedOff).map(([k, v]) => [k, session[k] ?? v]));
      return { ...p, sessionControls: { ...session, ...filled } };
    },
  },
  {
    name: 'the other operator over a single grant control',
    form: (p) =>
      isObject(p.grantControls) && controlCount(p.grantControls) <= 1
        ? { ...p, grantControls: { ...p.grantControls, operator: p.grantControls.operator === 'AND' ? 'OR' : 'AND' } }
        : p,
  },
  {
    name: 'external tenants without their type annotation',
    form: (p) =>
      mapValues(p, (v, key) =>
        key === 'externalTenants' && isObject(v) ? Object.fromEntries(Object.entries(v).filter(([k]) => k !== '@odata.type')) : v,
      ) as JsonObject,
  },
];

function expectEquivalent(policy: JsonObject, where: string) {
  for (const { name, form, reorders } of EQUIVALENT_FORMS) {
    const other = form(structuredClone(policy));
    const label = `${where}, ${name}`;
    expect(
      describeChanges(policy, other, undefined, QUIET).map((c) => c.text),
      label,
    ).toEqual([]);
    expect(
      describeChanges(other, policy, undefined, QUIET).map((c) => c.text),
      label,
    ).toEqual([]);
    expect(comparableText(other, QUIET), label).toBe(comparableText(policy, QUIET));
    // With the noise shown, what is said is still never a non-difference.
    for (const change of [...describeChanges(policy, other), ...describeChanges(other, policy)]) {
      expect(change.text, label).not.toMatch(/not set → not set|undefined|\[object/);
      if (!reorders) expect(change.text, label).not.toMatch(/reordered/);
    }
  }
}

describe('a policy and an equivalent form of itself', () => {
  const seed = createSeedState(new Date('2026-03-01T00:00:00Z'));
  it('differ in nothing, for every policy of the demo tenants', () => {
    for (const tenant of seed.tenants)
      for (const policy of [...tenant.policies, ...tenant.deletedPolicies])
        expectEquivalent(policy, `${tenant.displayName}: ${String(policy.displayName)}`);
  });

  it('the forms are different JSON, and a real change is still a difference', () => {
    const policy = seed.tenants[0]!.policies[0]!;
    const forms = EQUIVALENT_FORMS.map(({ form }) => JSON.stringify(form(structuredClone(policy))));
    expect(forms.filter((f) => f !== JSON.stringify(policy)).length).toBeGreaterThanOrEqual(7);
    expect(describeChanges(policy, { ...policy, state: 'disabled' }, undefined, QUIET).map((c) => c.text)).toEqual([
      expect.stringMatching(/^State: .* → Off$/),
    ]);
  });

  it('CA001 against CA011 of the demo lists only what really differs', () => {
    const [ca001, ca011] = ['CA001', 'CA011'].map((prefix) =>
      seed.tenants[0]!.policies.find((p) => String(p.displayName).startsWith(prefix))!,
    );
    const expected = [
      'Name: CA001: Require MFA for all users → CA011: Require MFA for medium and high sign-in risk',
      'Sign-in risk levels High, Medium added',
      expect.stringMatching(/^Excluded user '.*' removed$/),
      expect.stringMatching(/^Excluded role '.*' removed$/),
      'Sign-in frequency: not set → every time',
    ];
    for (const options of [QUIET, {}]) {
      // With the noise shown too, the nulls the service returns are no sentence.
      const texts = describeChanges(ca001!, ca011!, undefined, options).map((c) => c.text);
      expect(texts).toHaveLength(expected.length);
      expect(texts).toEqual(expect.arrayContaining(expected));
    }
  });
});

describe.skipIf(!corpusPresent)('a corpus policy and an equivalent form of itself', () => {
  if (!corpusPresent) it.skip('needs ../shared/corpus (present in CI)', () => {});
  for (const file of corpusFiles().filter((f) => !isNotPolicyFile(f))) {
    const name = relative(corpusDir, file);
    it(`differ in nothing: ${name}`, () => {
      const policies = parsePolicyFile(readFileSync(file), name, { reportOnly: false });
      expect(policies.length).toBeGreaterThan(0);
      for (const policy of policies) expectEquivalent(policy.body, `${name}: ${policy.displayName}`);
    });
  }
});
