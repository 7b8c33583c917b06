// A synthetic sign-in log in Graph's beta signIn shape, the same for the same seed: a tenant's users
// (with groups and roles drawn from the tenant's own), mostly office days from managed devices, some
// home and travel, phones, guests, legacy clients, risk and the device code flow. For the benchmark
// and tests of the bulk modules at tenant scale; nothing of the console ships it.
import type { JsonObject } from '../../json';
import type { DirectoryFacts, DirectoryUser } from './from-sign-in-log';

export interface SampleTenantSpec {
  tenantId: string;
  users: number;
  /** Groups and roles the users are drawn into (the tenant's, so that its policies bite). */
  groupIds: readonly string[];
  roleTemplateIds: readonly string[];
  /** Resource app ids, most used first. */
  appIds: readonly string[];
  /** A /24 of the office, e.g. "203.0.113". */
  officePrefix: string;
  homeCountries: readonly string[];
  travelCountries: readonly string[];
}

export interface SampleTenant {
  spec: SampleTenantSpec;
  users: {
    id: string;
    name: string;
    country: string;
    guestHome?: string;
    laptop: 'managed' | 'hybrid' | 'mac' | 'personal';
    deviceId: string;
    phone: string;
  }[];
  directory: Map<string, DirectoryUser>;
}

/** mulberry32: small, fast and the same everywhere. */
export function seeded(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    /** Skewed towards the first items, as app and user activity is. */
    skewed: <T>(items: readonly T[]): T => items[Math.floor(next() * next() * items.length)]!,
    chance: (p: number) => next() < p,
  };
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
const guid = (kind: number, i: number) => `${hex(kind, 8)}-0000-4000-8000-${hex(i, 12)}`;

export function sampleTenant(spec: SampleTenantSpec, seed = 1): SampleTenant {
  const r = seeded(seed);
  const users: SampleTenant['users'] = [];
  const directory = new Map<string, DirectoryUser>();
  for (let i = 0; i < spec.users; i++) {
    const id = guid(0xa11ce, i);
    const guest = r.chance(0.04);
    // Groups are of every size, as in a tenant: the first drawn into by a third of the users, the next by fewer.
    const groups = spec.groupIds.filter((_, k) => r.chance(0.35 / (k + 1)));
    const roles = r.chance(0.01) ? [r.pick(spec.roleTemplateIds)] : [];
    users.push({
      id,
      name: `User ${i}`,
      country: r.pick(spec.homeCountries),
      ...(guest ? { guestHome: guid(0x7e4a47, r.int(1, 20)) } : {}),
      laptop: guest ? 'personal' : r.pick(['managed', 'managed', 'hybrid', 'mac', 'personal'] as const),
      deviceId: guid(0xde71ce, i),
      phone: r.pick(['Ios', 'Android', 'Android', 'Ios']),
    });
    directory.set(id, { groupIds: groups, roleTemplateIds: roles, agentUser: false, userRiskLevel: 'none', insiderRiskLevel: 'none' });
  }
  return { spec, users, directory };
}

export function sampleDirectory(tenant: SampleTenant): DirectoryFacts {
  return { user: (id) => tenant.directory.get(id) };
}

/** n sign-ins over a week before `end`, newest last. */
export function sampleSignInLog(tenant: SampleTenant, n: number, seed = 2, end = Date.parse('2026-11-30T00:00:00Z')): JsonObject[] {
  const r = seeded(seed);
  const { spec } = tenant;
  const out: JsonObject[] = [];
  for (let i = 0; i < n; i++) {
    const user = r.skewed(tenant.users);
    const onPhone = r.chance(0.3);
    const where = r.next();
    // 60 % from the office, 30 % from home, 10 % abroad.
    const country = where < 0.9 ? user.country : r.pick(spec.travelCountries);
    const ip =
      where < 0.6 ? `${spec.officePrefix}.${r.int(1, 254)}` : `${r.int(11, 199)}.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`;
    const legacy = r.chance(0.01);
    const laptop = user.laptop;
    const registered = !onPhone && laptop !== 'personal';
    const mfa = r.chance(0.7);
    out.push({
      id: guid(0x5161, i),
      createdDateTime: new Date(end - (n - i) * Math.floor((7 * 86_400_000) / n)).toISOString(),
      userId: user.id,
      userDisplayName: user.name,
      userType: user.guestHome ? 'guest' : 'member',
      homeTenantId: user.guestHome ?? spec.tenantId,
      resourceTenantId: spec.tenantId,
      crossTenantAccessType: user.guestHome ? 'b2bCollaboration' : 'none',
      appId: r.skewed(spec.appIds),
      resourceId: r.skewed(spec.appIds),
      servicePrincipalId: '',
      ipAddress: ip,
      location: { city: null, state: null, countryOrRegion: country },
      clientAppUsed: legacy
        ? r.pick(['IMAP4', 'Authenticated SMTP', 'Exchange ActiveSync'])
        : onPhone || r.chance(0.4)
          ? 'Mobile Apps and Desktop clients'
          : 'Browser',
      deviceDetail: {
        deviceId: registered ? user.deviceId : '',
        operatingSystem: onPhone ? user.phone : laptop === 'mac' ? 'MacOs' : 'Windows 10',
        isCompliant: registered && laptop !== 'hybrid',
        isManaged: registered,
        trustType: registered ? (laptop === 'hybrid' ? 'Hybrid Azure AD joined' : 'Azure AD joined') : '',
      },
      riskLevelDuringSignIn: r.chance(0.02) ? r.pick(['low', 'medium', 'high']) : 'none',
      originalTransferMethod: r.chance(0.005) ? 'deviceCodeFlow' : 'none',
      authenticationRequirement: mfa ? 'multiFactorAuthentication' : 'singleFactorAuthentication',
      signInEventTypes: ['interactiveUser'],
      appliedConditionalAccessPolicies: [],
    });
  }
  return out;
}
