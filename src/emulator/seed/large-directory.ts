// The directory objects of the large seed, created as policies first refer to them: every one
// exists in the tenant (so its name resolves) and every one is referenced by some policy.
import { stableId } from '../core/ids';
import type { DirectoryGroup, DirectoryUser, JsonObject, ServicePrincipal } from '../core/model';
import { ipRange } from './builders';
import * as words from './large-names';
import type { Random } from './random';

const KEY = 'contoso-large';
const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '.');

/** A kind of object: fresh ones are made from the next name in a shuffled list; reuse picks a made one. */
class Pool<T extends { id: string }> {
  readonly made: T[] = [];
  constructor(
    private readonly random: Random,
    private readonly names: string[],
    private readonly make: (name: string, index: number) => T,
    /** What a policy holds: the object id, or an application's appId. */
    private readonly key: (item: T) => string = (item) => item.id,
  ) {}

  fresh(count: number): T[] {
    const out: T[] = [];
    for (let i = 0; i < count && this.made.length < this.names.length; i++) {
      const item = this.make(this.names[this.made.length]!, this.made.length);
      this.made.push(item);
      out.push(item);
    }
    return out;
  }

  reuse(count: number): T[] {
    return this.made.length === 0 ? [] : Array.from({ length: count }, () => this.random.pick(this.made));
  }

  /** Mostly fresh objects, some already used by other policies, without duplicates. */
  take(count: number, reuseShare = 0.15): string[] {
    const reused = Math.round(count * reuseShare);
    return [...new Set([...this.reuse(reused), ...this.fresh(count - reused)].map(this.key))];
  }
}

const combine = (...lists: string[][]): string[] =>
  lists.reduce<string[]>((acc, list) => acc.flatMap((a) => list.map((b) => (a ? `${a} ${b}` : b))), ['']);

export function largeDirectory(random: Random, domain: string) {
  const people = random.shuffle(combine(words.firstNames, words.lastNames));
  const users = new Pool<DirectoryUser>(random, people, (name, i) => ({
    id: stableId(`${KEY}:user:${name}`),
    displayName: name,
    userPrincipalName: `${slug(name)}@${domain}`,
    mail: `${slug(name)}@${domain}`,
    // About one in twenty is a guest, as in a tenant that works with partners.
    userType: i % 20 === 19 ? 'Guest' : 'Member',
    accountEnabled: i % 50 !== 0,
  }));
  const groupNames = random
    .shuffle(combine(words.departments, words.regions, words.groupPurposes))
    .map((n) => `SG-${n.replace(/ /g, '-')}`);
  const groups = new Pool<DirectoryGroup>(random, groupNames, (name, i) => ({
    id: stableId(`${KEY}:group:${name}`),
    displayName: name,
    description: `${name.split('-').slice(1).join(' ')} (synchronised from on-premises)`,
    securityEnabled: true,
    mailEnabled: i % 7 === 0,
    groupTypes: i % 9 === 0 ? ['DynamicMembership'] : [],
  }));
  const servicePrincipal = (name: string, type: ServicePrincipal['servicePrincipalType']): ServicePrincipal => ({
    id: stableId(`${KEY}:sp:${name}`),
    appId: stableId(`${KEY}:app:${name}`),
    displayName: name,
    servicePrincipalType: type,
    appOwnerOrganizationId: type === 'ManagedIdentity' ? null : stableId(`${KEY}:owner:${name}`),
  });
  const appNames = random.shuffle([...words.saasApps, ...combine(['Contoso'], words.internalAreas, words.internalKinds)]);
  const apps = new Pool(
    random,
    appNames,
    (name) => servicePrincipal(name, 'Application'),
    (sp) => sp.appId,
  );
  const workloadNames = random.shuffle(combine(words.workloadSystems, words.environments).map((n) => n.replace(' ', '-')));
  const workloads = new Pool(random, workloadNames, (name, i) =>
    i % 3 === 0 ? servicePrincipal(`mi-${name}`, 'ManagedIdentity') : servicePrincipal(`svc-${name}`, 'Application'),
  );
  const siteNames = combine(words.cities, words.siteKinds).map((n) => n.replace(/ (office|guest Wi-Fi)$/, ' – $1'));
  const countrySets = words.cities.map((city) => `Countries served from ${city}`);
  const locations = new Pool<JsonObject & { id: string }>(random, random.shuffle([...siteNames, ...countrySets]), (name, i) => ({
    id: stableId(`${KEY}:location:${name}`),
    displayName: name,
    ...(name.startsWith('Countries')
      ? {
          '@odata.type': '#microsoft.graph.countryNamedLocation',
          countriesAndRegions: random.shuffle(words.countryCodes).slice(0, random.int(1, 12)),
          includeUnknownCountriesAndRegions: random.chance(0.2),
          countryLookupMethod: 'clientIpAddress',
        }
      : {
          '@odata.type': '#microsoft.graph.ipNamedLocation',
          isTrusted: name.endsWith('office'),
          ipRanges: Array.from({ length: random.int(1, 4) }, (_, r) => ipRange(`10.${(i >> 2) % 256}.${(i * 4 + r) % 256}.0/24`)),
        }),
  }));
  return { users, groups, apps, workloads, locations };
}

export type LargeDirectory = ReturnType<typeof largeDirectory>;
