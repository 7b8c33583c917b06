// The policies of the large seed: the shapes a tenant at the service's limit has (per-department
// MFA, exclusions lists grown over years, pilots, per-app device rules, location blocks, workload
// identities, admin roles, guests, risk), with include and exclude lists from a few to hundreds.
import type { JsonObject } from '../core/model';
import { REPORT_ONLY, type PolicySpec, type State } from './builders';
import type { LargeDirectory } from './large-directory';
import { departments, regions } from './large-names';
import type { Random } from './random';
import { roleTemplates } from './role-templates';
import { builtInStrengths } from './tenant-seed';

export interface LargeContext {
  random: Random;
  directory: LargeDirectory;
  /** What every policy leaves out: the emergency access group and the break-glass accounts. */
  emergencyGroup: string;
  breakGlass: string[];
  customStrength: string;
  termsOfUse: string;
}

type Shape = (c: LargeContext, label: string) => Omit<PolicySpec, 'name' | 'state' | 'createdDaysAgo'> & { title: string };

const state = (r: Random): State => (r.chance(0.6) ? 'enabled' : r.chance(0.6) ? REPORT_ONLY : 'disabled');
const some = (r: Random, probability: number, take: () => string[]) => (r.chance(probability) ? take() : []);
const apps = (c: LargeContext, min: number, max: number) => ({ includeApplications: c.directory.apps.take(c.random.int(min, max), 0.3) });
const strength = (r: Random, c: LargeContext) => r.pick([builtInStrengths.mfa, builtInStrengths.phishingResistant, c.customStrength]);
const mfaOrStrength = (c: LargeContext): JsonObject =>
  c.random.chance(0.7) ? { builtInControls: ['mfa'] } : { builtInControls: [], authenticationStrength: { id: strength(c.random, c) } };

const shapes: [weight: number, Shape][] = [
  [
    20,
    (c, label) => ({
      title: `Require MFA for ${label}`,
      users: {
        includeGroups: c.directory.groups.take(c.random.tail(2, 200)),
        excludeGroups: [c.emergencyGroup, ...c.directory.groups.take(c.random.int(0, 3), 0.5)],
        excludeUsers: some(c.random, 0.6, () => c.directory.users.take(c.random.tail(2, 200))),
      },
      applications: c.random.chance(0.5) ? { includeApplications: ['All'] } : apps(c, 1, 4),
      grant: mfaOrStrength(c),
    }),
  ],
  [
    15,
    (c, label) => ({
      title: `Block legacy authentication outside ${label}`,
      users: {
        includeUsers: ['All'],
        excludeUsers: c.directory.users.take(c.random.tail(20, 700)),
        excludeGroups: [c.emergencyGroup, ...c.directory.groups.take(c.random.tail(1, 80))],
      },
      conditions: {
        clientAppTypes: ['exchangeActiveSync', 'other'],
        locations: { includeLocations: ['All'], excludeLocations: c.directory.locations.take(c.random.int(1, 6), 0.4) },
      },
      grant: { builtInControls: ['block'] },
    }),
  ],
  [
    12,
    (c, label) => ({
      title: `Pilot: compliant or hybrid joined device for ${label}`,
      users: { includeUsers: c.directory.users.take(c.random.tail(20, 500)), excludeUsers: c.breakGlass },
      conditions: {
        platforms: { includePlatforms: c.random.shuffle(['windows', 'macOS', 'iOS', 'android']).slice(0, 2), excludePlatforms: [] },
      },
      grant: { builtInControls: ['compliantDevice', 'domainJoinedDevice'] },
    }),
  ],
  [
    15,
    (c, label) => ({
      title: `Compliant device for ${label} apps`,
      users: { includeGroups: c.directory.groups.take(c.random.tail(2, 200)), excludeGroups: [c.emergencyGroup] },
      applications: { ...apps(c, 1, 8), excludeApplications: [] },
      grant: { builtInControls: c.random.chance(0.5) ? ['compliantDevice'] : ['approvedApplication', 'compliantApplication'] },
      session: c.random.chance(0.4)
        ? {
            signInFrequency: {
              isEnabled: true,
              type: 'hours',
              value: c.random.pick([4, 8, 12, 24]),
              authenticationType: 'primaryAndSecondaryAuthentication',
              frequencyInterval: 'timeBased',
            },
          }
        : null,
    }),
  ],
  [
    10,
    (c, label) => ({
      title: `Block access from outside ${label} locations`,
      users: { includeUsers: ['All'], excludeGroups: [c.emergencyGroup, ...c.directory.groups.take(c.random.int(0, 5))] },
      conditions: { locations: { includeLocations: ['All'], excludeLocations: c.directory.locations.take(c.random.tail(2, 24), 0.3) } },
      grant: { builtInControls: ['block'] },
    }),
  ],
  [
    8,
    (c, label) => ({
      title: `Workload identities of ${label} from trusted locations only`,
      users: { includeUsers: ['None'] },
      clientApplications: {
        includeServicePrincipals: c.directory.workloads.take(c.random.tail(2, 20)),
        excludeServicePrincipals: c.directory.workloads.take(c.random.int(0, 2), 0.5),
      },
      conditions: {
        locations: { includeLocations: ['All'], excludeLocations: ['AllTrusted', ...c.directory.locations.take(c.random.int(0, 3), 0.5)] },
      },
      grant: { builtInControls: ['block'] },
    }),
  ],
  [
    8,
    (c, label) => ({
      title: `Phishing-resistant MFA for ${label} administrators`,
      users: {
        includeRoles: c.random.shuffle(roleTemplates.map((r) => r.id)).slice(0, c.random.int(3, 14)),
        excludeUsers: [...c.breakGlass, ...c.directory.users.take(c.random.int(0, 10))],
        excludeGroups: [c.emergencyGroup],
      },
      grant: { builtInControls: [], authenticationStrength: { id: builtInStrengths.phishingResistant } },
    }),
  ],
  [
    7,
    (c, label) => ({
      title: `Guests accept the terms of use for ${label}`,
      users: {
        includeGuestsOrExternalUsers: {
          guestOrExternalUserTypes: 'b2bCollaborationGuest,b2bCollaborationMember',
          externalTenants: { '@odata.type': '#microsoft.graph.conditionalAccessAllExternalTenants', membershipKind: 'all' },
        },
        excludeGroups: c.directory.groups.take(c.random.int(1, 5)),
      },
      applications: apps(c, 1, 6),
      grant: { operator: 'AND', builtInControls: ['mfa'], termsOfUse: [c.termsOfUse] },
    }),
  ],
  [
    5,
    (c, label) => ({
      title: `MFA every time for risky sign-ins in ${label}`,
      users: { includeGroups: c.directory.groups.take(c.random.tail(5, 250)), excludeGroups: [c.emergencyGroup] },
      conditions: { signInRiskLevels: c.random.chance(0.5) ? ['high'] : ['high', 'medium'] },
      grant: { builtInControls: ['mfa'] },
      session: {
        signInFrequency: {
          isEnabled: true,
          type: null,
          value: null,
          authenticationType: 'primaryAndSecondaryAuthentication',
          frequencyInterval: 'everyTime',
        },
      },
    }),
  ],
];
const totalWeight = shapes.reduce((sum, [weight]) => sum + weight, 0);

function pickShape(r: Random): Shape {
  let roll = r.next() * totalWeight;
  for (const [weight, shape] of shapes) if ((roll -= weight) < 0) return shape;
  return shapes[0]![1];
}

/** The n-th generated policy (CA100 onwards); earlier ones never depend on later ones. */
export function largePolicySpec(c: LargeContext, index: number): PolicySpec {
  const label = `${c.random.pick(departments)} ${c.random.pick(regions)}`;
  const { title, ...body } = pickShape(c.random)(c, label);
  const created = c.random.int(31, 1400);
  return {
    ...body,
    name: `CA${100 + index}: ${title}`,
    state: state(c.random),
    createdDaysAgo: created,
    ...(c.random.chance(0.5) ? { modifiedDaysAgo: c.random.int(1, created) } : {}),
  };
}
