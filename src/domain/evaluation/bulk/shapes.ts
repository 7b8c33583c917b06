// Many sign-ins reduced to their distinct shapes: sign-ins that no policy can tell apart share one
// shape, evaluated once. A shape's key holds only what the engine reads, in fact groups (who, what
// for, platform, network, client, device, each risk, flow) so that the bulk evaluator can also reuse
// one condition's answer across shapes that agree on its group. The network group is not the address
// but the named IP locations (and MFA trusted IPs) that hold it, with the countries: two addresses in
// the same locations read the same to every policy. What the sign-in is known to have satisfied is
// part of the key too, for the impact's "already satisfied".
import type { EvaluationContext, SignInFacts } from '../sign-in';
import { agentRiskKey, deviceKey, identityKey, NetworkKeys, plain, targetKey, type ShapeRelevance } from './shape-keys';

export { relevanceOf, type ShapeRelevance } from './shape-keys';

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
  // Whether an agent signs in, with its risk: what the agent risk step reads.
  'agentIdRiskLevel',
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
    const i11 = this.indexOf(11, agentRiskKey(f));
    const satisfied = input.satisfied ?? [];
    const last = satisfied.length === 0 ? '' : satisfied.length === 1 ? satisfied[0]! : satisfied.join(',');
    // One character per group index: a short text hashes fast, and this runs for every sign-in.
    const indices = [i0, i1, i2, i3, i4, i5, i6, i7, i8, i9, i10, i11];
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
