// Many sign-ins reduced to their distinct shapes: sign-ins that no policy can tell apart share one
// shape, evaluated once. A shape's key holds only what the engine reads, in fact groups (who, what
// for, platform, network, client, device, each risk, flow) so that the bulk evaluator can also reuse
// one condition's answer across shapes that agree on its group. The network group is not the address
// but the named IP locations (and MFA trusted IPs) that hold it, with the countries: two addresses in
// the same locations read the same to every policy. What the sign-in is known to have satisfied is
// part of the key too, for the impact's "already satisfied".
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
  /** Stable over runs for the same sign-ins and context. */
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
}

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

function identityKey(facts: SignInFacts): string {
  const identity = facts.identity;
  if (!identity) return UNKNOWN;
  if (identity.kind === 'workloadIdentity')
    return `w|${identity.servicePrincipalId}|${identity.servicePrincipalType ?? UNKNOWN}|${String(identity.ownedByThisTenant ?? UNKNOWN)}|${attributes(identity.customSecurityAttributes)}`;
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
function deviceKey(device: DeviceFacts | undefined): string {
  if (!device) return UNKNOWN;
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

/** Adds sign-ins one by one; the shapes grow as new ones come. */
export class ShapeBuilder {
  readonly shapes: SignInShape[] = [];
  /** Distinct values per fact group; a group's index names one, as SignInShape.groups holds it. */
  readonly groupSizes = new Int32Array(FACT_GROUPS.length);
  signIns = 0;
  private readonly byKey = new Map<string, SignInShape>();
  private readonly groupIndex = FACT_GROUPS.map(() => new Map<string, number>());
  private readonly network: NetworkKeys;
  private readonly seen = new Map<SignInShape, { identities: Set<string>; resources: Set<string> }>();

  constructor(
    context: EvaluationContext,
    private readonly samples = 20,
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

  /** Adds one sign-in and answers the index of its shape. */
  add(input: ShapeInput): number {
    const f = input.facts;
    const keys = [
      identityKey(f),
      targetKey(f),
      plain(f.devicePlatform),
      this.network.key(f),
      plain(f.clientAppType),
      deviceKey(f.device),
      plain(f.signInRiskLevel),
      plain(f.userRiskLevel),
      plain(f.insiderRiskLevel),
      plain(f.servicePrincipalRiskLevel),
      plain(f.authenticationFlow),
    ];
    const groups = new Int32Array(keys.length);
    for (let g = 0; g < keys.length; g++) groups[g] = this.indexOf(g, keys[g]!);
    const satisfied = input.satisfied ?? [];
    const key = `${groups.join('.')}|${satisfied.join(',')}`;
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
        groups,
      };
      this.byKey.set(key, shape);
      this.shapes.push(shape);
      this.seen.set(shape, { identities: new Set(), resources: new Set() });
    }
    shape.count++;
    const seen = this.seen.get(shape)!;
    if (input.identityId && !seen.identities.has(input.identityId)) {
      seen.identities.add(input.identityId);
      shape.identityIds.push(input.identityId);
    }
    if (input.resourceId && !seen.resources.has(input.resourceId)) {
      seen.resources.add(input.resourceId);
      shape.resourceIds.push(input.resourceId);
    }
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
export function shapesOf(signIns: Iterable<ShapeInput>, context: EvaluationContext = {}, samples = 20): ShapeSet {
  const builder = new ShapeBuilder(context, samples);
  for (const signIn of signIns) builder.add(signIn);
  return { shapes: builder.shapes, signIns: builder.signIns, groupSizes: builder.groupSizes };
}
