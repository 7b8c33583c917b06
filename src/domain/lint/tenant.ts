// The tenant as the lint rules read it: each policy with its parts read loosely (a mistyped part
// reads as empty), which referenced objects are known to exist, and their names in the admin
// center's words. Built once per lint run, so each rule stays a few lines of questions.
import type { ReferenceEntry } from '../bundle/bundle';
import { isJsonObject, objectIn as obj, stringsIn as list, type JsonObject, type LooseObject } from '../json';
import { isolatedText } from '../isolate';
import type { EmergencyAccess } from '../lockout';
import { stateLabels } from '../labels';
import { isSpecialValue, SPECIAL_VALUES } from '../references';
import type { LintInput, LintOptions } from './types';

export interface PolicyView {
  json: JsonObject;
  id: string;
  name: string;
  state: string;
  conditions: LooseObject;
  users: LooseObject;
  apps: LooseObject;
  grant: LooseObject;
  controls: string[];
  operator: string;
  strengthId: string | null;
}

export function viewOf(json: JsonObject): PolicyView {
  const conditions = obj(json.conditions);
  const grant = obj(json.grantControls);
  const strength = obj(grant.authenticationStrength);
  return {
    json,
    id: typeof json.id === 'string' ? json.id : '',
    name: typeof json.displayName === 'string' && json.displayName.trim() ? json.displayName : '(no name)',
    state: typeof json.state === 'string' ? json.state : '',
    conditions,
    users: obj(conditions.users),
    apps: obj(conditions.applications),
    grant,
    controls: list(grant.builtInControls),
    operator: grant.operator === 'AND' ? 'AND' : 'OR',
    strengthId: typeof strength.id === 'string' ? strength.id : null,
  };
}

/** "'CA001: Require MFA' (On)": how a finding names a policy, on one line and isolated (isolatedText). */
export const policyWords = (p: PolicyView) => `'${isolatedText(p.name)}' (${stateLabels[p.state] ?? p.state})`;

export interface Tenant {
  policies: PolicyView[];
  input: LintInput;
  options: Required<Omit<LintOptions, 'namingPattern'>> & Pick<LintOptions, 'namingPattern'>;
  emergency: EmergencyAccess | null;
  /** The ids of the emergency accounts and groups: excluding them is the one exclusion that narrows nothing. */
  emergencyIds: Set<string>;
  /** True, false, or undefined when nobody asked (the object's existence is not known). */
  exists(id: string): boolean | undefined;
  /** A directory object's display name, else its id in quotes. */
  nameOf(id: string): string;
  now: Date;
}

const lower = (id: string) => id.toLowerCase();

export function tenantOf(input: LintInput): Tenant {
  const byId = new Map<string, ReferenceEntry>();
  for (const entry of input.references ?? []) {
    // A gone row from getByIds is written as kind 'user'; a row that exists wins over a gone one.
    const known = byId.get(lower(entry.id));
    if (!known || (!known.exists && entry.exists)) byId.set(lower(entry.id), entry);
  }
  const emergency = input.emergency && input.emergency.users.length + input.emergency.groups.length > 0 ? input.emergency : null;
  return {
    policies: input.policies.filter(isJsonObject).map(viewOf),
    input,
    options: {
      staleAfterDays: input.options?.staleAfterDays ?? 30,
      nearLimitAt: input.options?.nearLimitAt ?? 180,
      namingPattern: input.options?.namingPattern,
    },
    emergency,
    emergencyIds: new Set([...(emergency?.users ?? []), ...(emergency?.groups ?? [])].map((p) => lower(p.id))),
    exists: (id) => byId.get(lower(id))?.exists,
    nameOf: (id) => {
      if (id in SPECIAL_VALUES) return SPECIAL_VALUES[id]!;
      const entry = byId.get(lower(id));
      const emergencyName = [...(emergency?.users ?? []), ...(emergency?.groups ?? [])].find((p) => lower(p.id) === lower(id))?.name;
      return `'${isolatedText(entry?.displayName ?? emergencyName ?? id)}'`;
    },
    now: input.now,
  };
}

/** Ids in a list that refer to objects (All, None, GuestsOrExternalUsers... are not). */
export const idsIn = (value: unknown) => list(value).filter((v) => !isSpecialValue(v));

export const includesAllUsers = (p: PolicyView) => list(p.users.includeUsers).includes('All');
export const includesAllResources = (p: PolicyView) => list(p.apps.includeApplications).includes('All');

/** The policy targets some resource: an app, a user action or an authentication context. */
export const targetsResources = (p: PolicyView) =>
  list(p.apps.includeApplications).some((a) => a !== 'None') ||
  list(p.apps.includeUserActions).length > 0 ||
  list(p.apps.includeAuthenticationContextClassReferences).length > 0;

/** The policy asks for authentication: MFA or a strength, and no weaker way around it under OR. */
export function requiresMfa(p: PolicyView): boolean {
  const mfaLike = (c: string) => c === 'mfa';
  const hasStrength = p.strengthId !== null;
  if (p.operator === 'AND') return p.controls.some(mfaLike) || hasStrength;
  const others = p.controls.filter((c) => !mfaLike(c));
  return (p.controls.some(mfaLike) || hasStrength) && others.length === 0 && list(p.grant.termsOfUse).length === 0;
}

export const blocks = (p: PolicyView) => p.controls.includes('block');
