// Keeps the schema current: walks conditionalAccessPolicy in @microsoft/microsoft-graph-types-beta
// (every property, nested and derived type, and enum value) and fails on anything the schema lacks.
// When Graph adds a condition, updating the types package makes this test say where.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { conditionalAccessPolicySchema, unknownProperties } from './policy-schema';

type Schema = { properties?: Record<string, Schema>; enum?: unknown[]; items?: Schema; examples?: unknown[]; anyOf?: Schema[] };

const require = createRequire(import.meta.url);
// The package ships with CRLF line ends.
const source = readFileSync(require.resolve('@microsoft/microsoft-graph-types-beta/microsoft-graph.d.ts'), 'utf8').replace(/\r\n/g, '\n');

interface Declaration {
  base: string | null;
  props: { name: string; type: string }[];
}
const interfaces = new Map<string, Declaration>();
for (const match of source.matchAll(/^export interface (\w+)(?: extends (\w+))? (?:\{\}|\{\n([\s\S]*?)^\})/gm)) {
  const props = [...(match[3] ?? '').matchAll(/^\s{4}(\w+)\?:\s*([^;]+);/gm)].map((p) => ({ name: p[1]!, type: p[2]! }));
  interfaces.set(match[1]!, { base: match[2] ?? null, props });
}
const enums = new Map<string, string[]>();
for (const match of source.matchAll(/export type (\w+) =([^;]+);/g)) {
  const values = [...match[2]!.matchAll(/"([^"]+)"/g)].map((v) => v[1]!);
  if (values.length)
    enums.set(
      match[1]!,
      values.filter((v) => v !== 'unknownFutureValue'),
    );
}

// Navigation properties and entity plumbing that are not part of a policy's JSON.
const notPolicyJson = new Set([
  'Entity.id', // the policy's id is declared on the policy in the schema
  'ApplicationEnforcedRestrictionsSessionControl.application',
  'ApplicationEnforcedRestrictionsSessionControl.servicePrincipal',
  'SecureSignInSessionControl.appId',
  'SecureSignInSessionControl.status',
  'SecureSignInSessionControl.updatedDateTime',
  'SecureSignInSessionControl.user',
]);
// Subtypes that are not policies: What-If results extend the policy with evaluation fields.
const notPolicies = new Set(['WhatIfAnalysisResult']);
// Types the schema treats as opaque or as references by id.
const opaque = new Set(['AuthenticationStrengthPolicy', 'ConditionalAccessNetworkAccess', 'ConditionalAccessGlobalSecureAccess']);

const typeName = (type: string) =>
  type
    .replace(/NullableOption<(.*)>/, '$1')
    .replace(/\[\]$/, '')
    .trim();
const membersOf = (name: string, withDerived = true): { owner: string; name: string; type: string }[] => {
  const declaration = interfaces.get(name);
  if (!declaration) return [];
  const own = declaration.props.map((p) => ({ owner: name, ...p }));
  const inherited = declaration.base ? membersOf(declaration.base, false) : [];
  // Derived types (e.g. enumerated external tenants) add members the JSON can carry.
  const derived = withDerived
    ? [...interfaces]
        .filter(([child, d]) => d.base === name && !notPolicies.has(child))
        .flatMap(([child, d]) => d.props.map((p) => ({ owner: child, ...p })))
    : [];
  return [...inherited, ...own, ...derived];
};

const enumValuesIn = (schema: Schema): unknown[] => [
  ...(schema.enum ?? []),
  ...(schema.items?.enum ?? []),
  ...(schema.examples ?? []),
  ...(schema.anyOf ?? []).flatMap((s) => enumValuesIn(s)),
];

function walk(type: string, schema: Schema, path: string, missing: string[], seen = new Set<string>()) {
  if (seen.has(type)) return;
  seen.add(type);
  for (const member of membersOf(type)) {
    if (notPolicyJson.has(`${member.owner}.${member.name}`)) continue;
    const childPath = path ? `${path}.${member.name}` : member.name;
    const child = schema.properties?.[member.name];
    if (!child) {
      missing.push(`${childPath} (${member.owner})`);
      continue;
    }
    const memberType = typeName(member.type);
    const values = enums.get(memberType);
    if (values) {
      const covered = enumValuesIn(child);
      for (const value of values) if (!covered.includes(value)) missing.push(`${childPath} = "${value}" (${memberType})`);
    } else if (interfaces.has(memberType) && !opaque.has(memberType)) {
      walk(memberType, child, childPath, missing, new Set(seen));
    }
  }
}

describe('the policy schema', () => {
  it('describes every property and enum value of conditionalAccessPolicy in the Graph types', () => {
    const missing: string[] = [];
    walk('ConditionalAccessPolicy', conditionalAccessPolicySchema as Schema, '', missing);
    expect(missing).toEqual([]);
  });

  it('has walked a meaningful part of the types (the test itself works)', () => {
    expect(membersOf('ConditionalAccessConditionSet').map((m) => m.name)).toContain('authenticationFlows');
    expect(enums.get('ConditionalAccessGrantControl')).toContain('passwordChange');
  });

  it('describes every property with hover help', () => {
    const undocumented: string[] = [];
    const visit = (schema: Schema & { description?: string }, path: string) => {
      for (const [name, child] of Object.entries(schema.properties ?? {})) {
        if (!(child as { description?: string }).description) undocumented.push(`${path}${name}`);
        visit(child, `${path}${name}.`);
      }
    };
    visit(conditionalAccessPolicySchema as Schema, '');
    expect(undocumented).toEqual([]);
  });

  it('finds properties a newer Graph may send, without dropping them', () => {
    const policy = {
      displayName: 'x',
      state: 'enabled',
      conditions: { applications: {}, quantumRiskLevels: 'high' },
      futureControls: {},
      '@odata.context': 'x',
    };
    expect(unknownProperties(policy)).toEqual(['conditions.quantumRiskLevels', 'futureControls']);
  });
});
