// Many sign-ins reduced to their distinct shapes: sign-ins that no policy can tell apart share one
// shape, evaluated once. A shape's key holds only what the engine reads, in fact groups (who, what
// for, platform, network, client, device, each risk, flow) so that the bulk evaluator can also reuse
// one condition's answer across shapes that agree on its group. The network group is not the address
// but the named IP locations (and MFA trusted IPs) that hold it, with the countries: two addresses in
// the same locations read the same to every policy. What the sign-in is known to have satisfied is
// part of the key too, for the impact's "already satisfied".
import { parseDeviceFilter } from '../device-filter';
import type { RuleExpression } from '../filter-rule';
import { inCidr, parseCidr, parseIpAddress, type CidrRange } from '../ip-address';
import type { CustomSecurityAttributes, DeviceFacts, EvaluationContext, KnownIds, SignInFacts } from '../sign-in';

/** What a shape needs of one sign-in (a LoggedSignIn is one). */
export interface ShapeInput {
  id: string;
  identityId: string;
  resourceId: string;
  facts: SignInFacts;
  satisfied?: readonly string[];
}

export const FACT_GROUPS = [
  'identity',
  'target',
  'devicePlatform',
  'network',
  'clientAppType',
  'device',
  'signInRiskLevel',
  'userRiskLevel',
  'insiderRiskLevel',
  'servicePrincipalRiskLevel',
  'authenticationFlow',
] as const;
export type FactGroup = (typeof FACT_GROUPS)[number];

export interface SignInShape {
  index: number;
  /** Stable over runs for the same sign-ins, context and policies (compact: not meant to be read). */
  key: string;
  /** The first sign-in's facts: every sign-in of the shape reads the same to the engine. */
  facts: SignInFacts;
  satisfied: readonly string[];
  count: number;
  identityIds: string[];
  resourceIds: string[];
  /** Up to `samples` sign-in ids, for the drill-down. */
  sampleIds: string[];
  /** Per fact group (FACT_GROUPS order), the index of its value among the distinct ones. */
  groups: Int32Array;
  /** Which ShapeBuilder made it: group indices mean something only within one builder's shapes. */
  setId: number;
}

let nextSetId = 1;

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
    for (const id of [...idsIn(users.includeUsers), ...idsIn(users.excludeUsers)]) userIds.add(id);
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

function identityKey(facts: SignInFacts, relevance: ShapeRelevance | undefined): string {
  const identity = facts.identity;
  if (!identity) return UNKNOWN;
  if (identity.kind === 'workloadIdentity')
    return `w|${identity.servicePrincipalId}|${identity.servicePrincipalType ?? UNKNOWN}|${String(identity.ownedByThisTenant ?? UNKNOWN)}|${attributes(identity.customSecurityAttributes)}`;
  if (relevance) {
    const guest =
      identity.guest === undefined
        ? UNKNOWN
        : identity.guest === null
          ? '-'
          : `${identity.guest.kinds.join(',')}@${identity.guest.homeTenantId ?? UNKNOWN}`;
    const who = relevance.userIds.has(identity.userId) ? identity.userId : '*';
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

function targetKey(facts: SignInFacts): string {
  const target = facts.target;
  if (!target) return UNKNOWN;
  if (target.kind === 'userAction') return `x|${target.action}`;
  if (target.kind === 'authenticationContext') return `c|${target.id}`;
  return `a|${target.appId.toLowerCase()}|${(target.authenticationContextIds ?? []).join(',')}|${target.ownerTenantId ?? UNKNOWN}|${attributes(target.customSecurityAttributes)}|${String(target.agentResource ?? UNKNOWN)}`;
}

const deviceKeys = new WeakMap<DeviceFacts, string>();
function deviceKey(device: DeviceFacts | undefined, relevance: ShapeRelevance | undefined): string {
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
class NetworkKeys {
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

const plain = (value: string | undefined) => value ?? UNKNOWN;

/** Adds to a short list by scanning it; a list that grows long gets a set beside it. */
function addDistinct(list: string[], id: string, sets: Map<number, Set<string>>, shape: number): void {
  if (list.length < 16) {
    if (!list.includes(id)) list.push(id);
    return;
  }
  let set = sets.get(shape);
  if (!set) sets.set(shape, (set = new Set(list)));
  if (!set.has(id)) {
    set.add(id);
    list.push(id);
  }
}

/** Adds sign-ins one by one; the shapes grow as new ones come. */
export class ShapeBuilder {
  readonly shapes: SignInShape[] = [];
  /** Distinct values per fact group; a group's index names one, as SignInShape.groups holds it. */
  readonly groupSizes = new Int32Array(FACT_GROUPS.length);
  signIns = 0;
  readonly setId = nextSetId++;
  private readonly byKey = new Map<string, SignInShape>();
  private readonly groupIndex = FACT_GROUPS.map(() => new Map<string, number>());
  private readonly byObject = FACT_GROUPS.map(() => new WeakMap<object, number>());
  private readonly lastNetwork = new Map<string, { country: string | null | undefined; gps: string | null | undefined; index: number }>();
  private readonly network: NetworkKeys;
  private readonly seenIdentities = new Map<number, Set<string>>();
  private readonly seenResources = new Map<number, Set<string>>();

  /**
   * With `relevance` (relevanceOf every policy to be evaluated, drafts included), sign-ins that differ
   * only in what none of them reads share a shape: far fewer shapes, and a shape's words name one of its
   * users. Without it, every user and device is a shape of its own.
   */
  constructor(
    context: EvaluationContext,
    private readonly samples = 20,
    private readonly relevance?: ShapeRelevance,
  ) {
    this.network = new NetworkKeys(context);
  }

  private indexOf(group: number, key: string): number {
    const map = this.groupIndex[group]!;
    let index = map.get(key);
    if (index === undefined) {
      index = map.size;
      map.set(key, index);
      this.groupSizes[group] = map.size;
    }
    return index;
  }

  /** The network group's index: an address seen before with the same countries needs no key text. */
  private networkIndex(f: SignInFacts): number {
    const ip = f.ipAddress ?? '';
    const last = this.lastNetwork.get(ip);
    if (last && last.country === f.country && last.gps === f.gpsCountry) return last.index;
    const index = this.indexOf(3, this.network.key(f));
    if (this.lastNetwork.size > 200_000) this.lastNetwork.clear();
    this.lastNetwork.set(ip, { country: f.country, gps: f.gpsCountry, index });
    return index;
  }

  /** A group's index for a facts object seen before (a log read with a memo shares them), else by its key. */
  private objectIndex(group: number, value: object | undefined, key: () => string): number {
    if (value === undefined) return this.indexOf(group, key());
    const seen = this.byObject[group]!;
    let index = seen.get(value);
    if (index === undefined) seen.set(value, (index = this.indexOf(group, key())));
    return index;
  }

  /** Adds one sign-in and answers the index of its shape. */
  add(input: ShapeInput): number {
    const f = input.facts;
    const i0 = this.objectIndex(0, f.identity, () => identityKey(f, this.relevance));
    const i1 = this.objectIndex(1, f.target, () => targetKey(f));
    const i2 = this.indexOf(2, plain(f.devicePlatform));
    const i3 = this.networkIndex(f);
    const i4 = this.indexOf(4, plain(f.clientAppType));
    const i5 = this.objectIndex(5, f.device, () => deviceKey(f.device, this.relevance));
    // The rare facts: most logs have one value each, so their maps stay tiny.
    const i6 = this.indexOf(6, plain(f.signInRiskLevel));
    const i7 = this.indexOf(7, plain(f.userRiskLevel));
    const i8 = this.indexOf(8, plain(f.insiderRiskLevel));
    const i9 = this.indexOf(9, plain(f.servicePrincipalRiskLevel));
    const i10 = this.indexOf(10, plain(f.authenticationFlow));
    const satisfied = input.satisfied ?? [];
    const last = satisfied.length === 0 ? '' : satisfied.length === 1 ? satisfied[0]! : satisfied.join(',');
    // One character per group index: a short text hashes fast, and this runs for every sign-in.
    const indices = [i0, i1, i2, i3, i4, i5, i6, i7, i8, i9, i10];
    let key = '';
    for (const i of indices) key += i < 0xffff ? String.fromCharCode(i) : `\uffff${i}.`;
    key += `|${last}`;
    this.signIns++;
    let shape = this.byKey.get(key);
    if (!shape) {
      shape = {
        index: this.shapes.length,
        key,
        facts: f,
        satisfied,
        count: 0,
        identityIds: [],
        resourceIds: [],
        sampleIds: [],
        groups: Int32Array.from(indices),
        setId: this.setId,
      };
      this.byKey.set(key, shape);
      this.shapes.push(shape);
    }
    shape.count++;
    if (input.identityId) addDistinct(shape.identityIds, input.identityId, this.seenIdentities, shape.index);
    if (input.resourceId) addDistinct(shape.resourceIds, input.resourceId, this.seenResources, shape.index);
    if (shape.sampleIds.length < this.samples && input.id) shape.sampleIds.push(input.id);
    return shape.index;
  }
}

export interface ShapeSet {
  shapes: readonly SignInShape[];
  signIns: number;
  /** Distinct values per fact group, by FACT_GROUPS index. */
  groupSizes: Int32Array;
}

/** The distinct shapes of many sign-ins, with counts, identities, resources and sample ids. */
export function shapesOf(
  signIns: Iterable<ShapeInput>,
  context: EvaluationContext = {},
  samples = 20,
  relevance?: ShapeRelevance,
): ShapeSet {
  const builder = new ShapeBuilder(context, samples, relevance);
  for (const signIn of signIns) builder.add(signIn);
  return { shapes: builder.shapes, signIns: builder.signIns, groupSizes: builder.groupSizes };
}
