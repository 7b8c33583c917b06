// The text keys of a sign-in's fact groups, for shapes: who (told apart only by what the policies
// name, given their relevance), what for, the device (only the properties device filters name), the
// network (the IP locations that hold the address, with the countries), and the plain signals.
import { parseDeviceFilter } from '../device-filter';
import type { RuleExpression } from '../filter-rule';
import { inCidr, parseCidr, parseIpAddress, type CidrRange } from '../ip-address';
import type { CustomSecurityAttributes, DeviceFacts, EvaluationContext, KnownIds, SignInFacts } from '../sign-in';

const UNKNOWN = '?';
const idsKeys = new WeakMap<object, string>();

function idsKey(ids: KnownIds | undefined): string {
  if (ids === undefined || ids === 'unknown') return UNKNOWN;
  let key = idsKeys.get(ids);
  if (key === undefined) {
    key = [...ids].sort().join(',');
    idsKeys.set(ids, key);
  }
  return key;
}

/** JSON with sorted keys, so that the same facts always give the same text. */
function stable(value: unknown): string {
  if (value === undefined) return UNKNOWN;
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stable(v)}`).join(',')}}`;
}

const attributes = (a: CustomSecurityAttributes | undefined) => (a === undefined ? UNKNOWN : stable(a));

/**
 * What of a user and a device the given policies can read: the users, groups and roles they name, and
 * whether any has a device filter. Users that differ only in what no policy names share a shape.
 */
export interface ShapeRelevance {
  userIds: ReadonlySet<string>;
  groupIds: ReadonlySet<string>;
  roleIds: ReadonlySet<string>;
  /** The device properties the policies' filters name (DeviceFacts keys); 'all' when a rule does not parse. */
  deviceProperties: ReadonlySet<string> | 'all';
}

function propertiesOf(expression: RuleExpression, into: Set<string>): void {
  if (expression.kind === 'compare') into.add(expression.property.name.replace(/^device\./, ''));
  else if (expression.kind === 'not') propertiesOf(expression.operand, into);
  else {
    propertiesOf(expression.left, into);
    propertiesOf(expression.right, into);
  }
}

const usersOf = (policy: unknown) => {
  const conditions =
    policy && typeof policy === 'object' ? (policy as { conditions?: { users?: unknown; devices?: unknown } }).conditions : undefined;
  return {
    users: (conditions?.users ?? {}) as Record<string, unknown>,
    devices: (conditions?.devices ?? {}) as { deviceFilter?: unknown },
  };
};
const idsIn = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

export function relevanceOf(policies: readonly unknown[]): ShapeRelevance {
  const userIds = new Set<string>();
  const groupIds = new Set<string>();
  const roleIds = new Set<string>();
  let deviceProperties: Set<string> | 'all' = new Set();
  for (const policy of policies) {
    const { users, devices } = usersOf(policy);
    // Lower-cased: a user id (a GUID) names the user in any case, as conditions/users.ts compares it.
    for (const id of [...idsIn(users.includeUsers), ...idsIn(users.excludeUsers)]) userIds.add(id.toLowerCase());
    for (const id of [...idsIn(users.includeGroups), ...idsIn(users.excludeGroups)]) groupIds.add(id);
    for (const id of [...idsIn(users.includeRoles), ...idsIn(users.excludeRoles)]) roleIds.add(id);
    const rule = (devices.deviceFilter as { rule?: unknown } | undefined)?.rule;
    if (!devices.deviceFilter || deviceProperties === 'all') continue;
    const parsed = parseDeviceFilter(typeof rule === 'string' ? rule : '');
    if (!parsed.ok) deviceProperties = 'all';
    else propertiesOf(parsed.expression, deviceProperties);
  }
  if (deviceProperties !== 'all' && [...deviceProperties].some((p) => p.startsWith('extensionAttribute'))) {
    // Whether extension attributes have a value depends on these (device-filter.ts).
    for (const p of ['mdmAppId', 'isCompliant', 'trustType', 'extensionAttributes']) deviceProperties.add(p);
  }
  return { userIds, groupIds, roleIds, deviceProperties };
}

const relevantKeys = new WeakMap<object, WeakMap<ReadonlySet<string>, string>>();

/** The ids a policy could name, sorted, and whether there are any (includeGroups 'All' asks that). */
function relevantIds(ids: KnownIds | undefined, named: ReadonlySet<string>): string {
  if (ids === undefined || ids === 'unknown') return UNKNOWN;
  let byNamed = relevantKeys.get(ids);
  if (!byNamed) relevantKeys.set(ids, (byNamed = new WeakMap()));
  let key = byNamed.get(named);
  if (key === undefined) {
    const all = [...ids];
    key = `${all.length > 0 ? '+' : '0'}${all
      .filter((id) => named.has(id))
      .sort()
      .join(',')}`;
    byNamed.set(named, key);
  }
  return key;
}

export function identityKey(facts: SignInFacts, relevance: ShapeRelevance | undefined): string {
  const identity = facts.identity;
  if (!identity) return UNKNOWN;
  if (identity.kind === 'workloadIdentity')
    return `w|${identity.servicePrincipalId}|${identity.servicePrincipalType ?? UNKNOWN}|${String(identity.ownedByThisTenant ?? UNKNOWN)}|${String(identity.agentIdentity ?? UNKNOWN)}|${attributes(identity.customSecurityAttributes)}`;
  if (relevance) {
    const guest =
      identity.guest === undefined
        ? UNKNOWN
        : identity.guest === null
          ? '-'
          : `${identity.guest.kinds.join(',')}@${identity.guest.homeTenantId ?? UNKNOWN}`;
    const who = relevance.userIds.has(identity.userId.toLowerCase()) ? identity.userId.toLowerCase() : '*';
    return `u|${who}|${relevantIds(identity.groupIds, relevance.groupIds)}|${relevantIds(identity.roleTemplateIds, relevance.roleIds)}|${guest}|${String(identity.agentUser ?? UNKNOWN)}`;
  }
  const guest =
    identity.guest === undefined
      ? UNKNOWN
      : identity.guest === null
        ? '-'
        : `${identity.guest.kinds.join(',')}@${identity.guest.homeTenantId ?? UNKNOWN}`;
  return `u|${identity.userId}|${idsKey(identity.groupIds)}|${idsKey(identity.roleTemplateIds)}|${guest}|${String(identity.agentUser ?? UNKNOWN)}`;
}

export function targetKey(facts: SignInFacts): string {
  const target = facts.target;
  if (!target) return UNKNOWN;
  if (target.kind === 'userAction') return `x|${target.action}`;
  if (target.kind === 'authenticationContext') return `c|${target.id}`;
  return `a|${target.appId.toLowerCase()}|${(target.authenticationContextIds ?? []).join(',')}|${target.ownerTenantId ?? UNKNOWN}|${attributes(target.customSecurityAttributes)}|${String(target.agentResource ?? UNKNOWN)}`;
}

const deviceKeys = new WeakMap<DeviceFacts, string>();
export function deviceKey(device: DeviceFacts | undefined, relevance: ShapeRelevance | undefined): string {
  if (!device) return UNKNOWN;
  // Only a device filter reads the device (compliance as a grant is what the sign-in satisfied), and
  // only the properties it names.
  if (relevance && relevance.deviceProperties !== 'all') {
    if (device.registered === false) return '-';
    const wanted = relevance.deviceProperties;
    if (wanted.size === 0) return '*';
    const facts = device as Record<string, unknown>;
    let key = `${String(device.registered ?? UNKNOWN)}`;
    for (const name of wanted)
      key += `|${stable(name.startsWith('extensionAttribute') && name !== 'extensionAttributes' ? device.extensionAttributes?.[Number(name.slice(18))] : facts[name])}`;
    return key;
  }
  let key = deviceKeys.get(device);
  if (key === undefined) deviceKeys.set(device, (key = stable(device)));
  return key;
}

/** Which IP ranges of the context hold an address: the only thing about it a policy can read. */
export class NetworkKeys {
  private readonly locations: CidrRange[][];
  private readonly mfa: CidrRange[] | undefined;
  private readonly cache = new Map<string, string>();

  constructor(context: EvaluationContext) {
    const parse = (cidrs: readonly (string | undefined)[]) =>
      cidrs.flatMap((c) => {
        const range = c === undefined ? { error: '' } : parseCidr(c);
        return 'error' in range ? [] : [range];
      });
    this.locations = (context.namedLocations ?? [])
      .filter((l) => l.ipRanges)
      .map((l) => parse((l.ipRanges ?? []).map((r) => r.cidrAddress)));
    this.mfa = context.mfaTrustedIps && parse(context.mfaTrustedIps);
  }

  private address(ip: string | undefined): string {
    if (ip === undefined) return UNKNOWN;
    let key = this.cache.get(ip);
    if (key !== undefined) return key;
    const address = parseIpAddress(ip);
    if (!address) key = `!${ip}`;
    else {
      const bits = this.locations.map((ranges) => (ranges.some((r) => inCidr(address, r)) ? '1' : '0')).join('');
      const mfa = this.mfa === undefined ? UNKNOWN : this.mfa.some((r) => inCidr(address, r)) ? '1' : '0';
      key = `${bits}/${mfa}`;
    }
    if (this.cache.size > 200_000) this.cache.clear();
    this.cache.set(ip, key);
    return key;
  }

  key(facts: SignInFacts): string {
    const country = (c: string | null | undefined) => (c === undefined ? UNKNOWN : c === null ? '-' : c.toUpperCase());
    return `${this.address(facts.ipAddress)}|${country(facts.country)}|${country(facts.gpsCountry)}`;
  }
}

export const plain = (value: string | undefined) => value ?? UNKNOWN;

/**
 * The agent risk group: all the agent risk step reads. Who signs in (its kind, and whether an agent), for the
 * step names a different missing fact for each kind, and the agent's risk.
 */
export function agentRiskKey(f: SignInFacts): string {
  const identity = f.identity;
  const agent = identity === undefined ? undefined : identity.kind === 'user' ? identity.agentUser : identity.agentIdentity;
  return `${identity?.kind ?? UNKNOWN}|${String(agent ?? UNKNOWN)}|${plain(f.agentIdRiskLevel)}`;
}
