// The demo's sign-in log: a week of Contoso's sign-ins before the seed's clock, the same on every run
// (seeded random). Mostly office days from managed laptops and phones that pass MFA; some travel,
// guests from partner tenants, workload identities, risky sign-ins, legacy clients and device code
// flow that Conditional Access blocks. Each is decided by the emulator's decider when seeded. The
// demo then keeps the same people signing in while it is open (continueSignIns), each sign-in
// decided when it happens: a rollout's gate, which counts sign-ins since its ring started, has some.
import { stableId } from '../core/ids';
import type { TenantState } from '../core/model';
import type { Platform, SignInDevice, SignInFacts } from '../core/sign-ins/facts';
import { recordSignIns } from '../core/sign-ins/log';
import { microsoftApps } from './apps';
import { contosoDirectory as d } from './contoso';
import { seededRandom, type Random } from './random';

const DAY_MS = 86_400_000;
export const SEEDED_SIGN_INS = 2500;

interface Person {
  id: string;
  country: string;
  laptop: { platform: Platform; device: SignInDevice } | null;
  phone: Platform | null;
  /** Ada uses a FIDO2 key as an administrator should; the others mostly push notifications. */
  methods: string[];
  guest?: { homeTenantId: string };
}

const officeCities: Record<string, string> = {
  NL: 'Amsterdam',
  DE: 'Berlin',
  GB: 'London',
  US: 'Seattle',
  SE: 'Stockholm',
  BE: 'Brussels',
};
const travel = ['FR', 'ES', 'IT', 'PT', 'JP', 'CA'];
const blockedAbroad = ['BR', 'CN', 'RU', 'NG'];
const corporateIp = (r: Random) => `203.0.113.${r.int(1, 254)}`;
const branchIp = (r: Random) => `192.0.2.${r.int(65, 126)}`;
const homeIp = (r: Random) => `${r.pick([31, 62, 77, 84, 86, 145, 212])}.${r.int(1, 254)}.${r.int(1, 254)}.${r.int(1, 254)}`;

function laptop(r: Random, name: string, kind: 'hybrid' | 'entra' | 'mac' | 'personal'): Person['laptop'] {
  const id = stableId(`contoso:device:${name}`);
  const tag = `CONTOSO-${name.split(' ')[0]!.toUpperCase()}-${r.int(10, 99)}`;
  if (kind === 'personal') return { platform: 'windows', device: { operatingSystem: 'Windows 10', browser: 'Chrome 131.0.0' } };
  if (kind === 'mac') {
    return {
      platform: 'macOS',
      device: {
        deviceId: id,
        displayName: tag,
        operatingSystem: 'MacOs',
        browser: 'Safari 18.1',
        isCompliant: true,
        isManaged: true,
        trustType: 'AzureAD',
      },
    };
  }
  return {
    platform: 'windows',
    device: {
      deviceId: id,
      displayName: tag,
      operatingSystem: 'Windows 10',
      browser: 'Edge 131.0.2903',
      isCompliant: kind === 'hybrid' || r.chance(0.8),
      isManaged: true,
      trustType: kind === 'hybrid' ? 'ServerAD' : 'AzureAD',
    },
  };
}

function people(r: Random): Person[] {
  const members = [
    'Ada Lindqvist',
    'Ben Okafor',
    'Chloe Martins',
    'Dev Patel',
    'Elif Yilmaz',
    'Farah Haddad',
    'Grace Kim',
    'Hugo Lefevre',
    'Ines Duarte',
    'Jonas Weber',
    'Kofi Mensah',
    'Lena Sorensen',
    'Mateo Alvarez',
    'Noor Rahman',
    'Oskar Nilsson',
    'Priya Raman',
  ];
  const countries = ['SE', 'GB', 'NL', 'GB', 'DE', 'NL', 'US', 'BE', 'NL', 'DE', 'GB', 'SE', 'NL', 'US', 'SE', 'GB'];
  const kinds = ['hybrid', 'entra', 'mac', 'personal'] as const;
  const staff: Person[] = members.map((name, index) => ({
    id: d.user(name),
    country: countries[index]!,
    laptop: laptop(r, name, index === 0 ? 'hybrid' : kinds[index % kinds.length]!),
    phone: r.pick(['iOS', 'android', 'iOS', null] as const),
    methods:
      index === 0 ? ['fido2'] : ['password', r.pick(['microsoftAuthenticatorPush', 'microsoftAuthenticatorPush', 'sms', 'softwareOath'])],
  }));
  const guests: Person[] = [
    { name: 'Sam Carter', home: 'fabrikam', country: 'US' },
    { name: 'Yuki Tanaka', home: 'northwind', country: 'JP' },
    { name: 'Marta Novak', home: 'adatum', country: 'DE' },
  ].map(({ name, home, country }) => ({
    id: d.user(name),
    country,
    laptop: laptop(r, name, 'personal'),
    phone: null,
    methods: ['password', 'microsoftAuthenticatorPush'],
    guest: { homeTenantId: stableId(`tenant:${home}`) },
  }));
  return [...staff, ...guests];
}

const officeApps = [microsoftApps.exchangeOnline, microsoftApps.sharePointOnline, microsoftApps.teams, microsoftApps.microsoftGraph];

/** One sign-in by a person; most are ordinary, a few carry what a policy is there to catch. */
function personSignIn(r: Random, person: Person, at: Date): SignInFacts {
  const atOffice = !person.guest && r.chance(0.55);
  const abroad = r.chance(0.012) ? r.pick(travel) : r.chance(0.005) ? r.pick(blockedAbroad) : null;
  const onPhone = person.phone !== null && r.chance(0.3);
  const device = onPhone ? { operatingSystem: person.phone === 'iOS' ? 'Ios' : 'Android' } : person.laptop?.device;
  const app = person.guest
    ? r.pick([microsoftApps.teams, microsoftApps.sharePointOnline])
    : r.chance(0.85)
      ? r.pick(officeApps)
      : r.pick([
          { appId: d.app('Contoso Expenses') },
          { appId: d.app('Contoso HR Portal') },
          microsoftApps.azureManagement,
          { appId: 'c44b4083-3bb0-49c1-b47d-974e53cbdf3c' },
          microsoftApps.intuneEnrollment,
        ]);
  const facts: SignInFacts = {
    createdDateTime: at.toISOString(),
    userId: person.id,
    appId: app.appId,
    platform: onPhone ? person.phone : (person.laptop?.platform ?? null),
    ipAddress: abroad ? homeIp(r) : atOffice ? (r.chance(0.8) ? corporateIp(r) : branchIp(r)) : homeIp(r),
    country: abroad ?? person.country,
    city: abroad ? undefined : officeCities[person.country],
    clientApp: onPhone || r.chance(0.4) ? 'mobileAppsAndDesktopClients' : 'browser',
    ...(device ? { device } : {}),
    // A session that already did MFA, or this sign-in prompting for it; sometimes the user gives up.
    authenticationMethods: r.chance(0.97) ? person.methods : ['password'],
    interactive: r.chance(0.75),
    ...(person.guest ? { guestKind: 'b2bCollaborationGuest' as const, homeTenantId: person.guest.homeTenantId } : {}),
  };
  if (person.guest && r.chance(0.9)) facts.satisfiedControls = [stableId('contoso:agreement:Partner terms of use')];
  if (r.chance(0.012)) facts.clientApp = r.pick(['exchangeActiveSync', 'other'] as const);
  if (r.chance(0.006)) facts.authenticationFlow = 'deviceCodeFlow';
  if (r.chance(0.02)) facts.signInRisk = r.pick(['low', 'medium', 'high'] as const);
  if (r.chance(0.004)) facts.userRisk = 'high';
  if (r.chance(0.01)) {
    delete facts.appId;
    facts.userAction = 'urn:user:registersecurityinfo';
  } else if (facts.appId === microsoftApps.sharePointOnline.appId && r.chance(0.1)) {
    facts.authenticationContext = 'c1';
  }
  return facts;
}

function workloadSignIn(r: Random, at: Date): SignInFacts {
  const name = r.pick(['Contoso Payroll Sync', 'Contoso Inventory Daemon', 'mi-backup-runner']);
  const outside = r.chance(0.05);
  return {
    createdDateTime: at.toISOString(),
    servicePrincipalId: d.servicePrincipal(name),
    appId: r.pick([microsoftApps.microsoftGraph.appId, microsoftApps.sharePointOnline.appId]),
    ipAddress: outside ? `20.${r.int(30, 90)}.${r.int(1, 254)}.${r.int(1, 254)}` : corporateIp(r),
    country: outside ? 'US' : 'NL',
    ...(r.chance(0.01) ? { servicePrincipalRisk: 'high' as const } : {}),
  };
}

/** A time in the seven days before the clock, whole seconds, mostly in office hours (UTC). */
function moment(r: Random, now: Date): Date {
  for (let attempt = 0; ; attempt++) {
    const at = new Date(Math.floor((now.getTime() - 1000 - r.next() * (7 * DAY_MS - 2000)) / 1000) * 1000);
    const hour = at.getUTCHours();
    if (attempt === 2 || (hour >= 7 && hour <= 18) || r.chance(0.15)) return at;
  }
}

function guid(r: Random): string {
  const hex = [0, 1, 2, 3]
    .map(() =>
      Math.floor(r.next() * 2 ** 32)
        .toString(16)
        .padStart(8, '0'),
    )
    .join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Seeds Contoso's sign-in log; the same tenant and clock give the same log. */
export function seedSignIns(tenant: TenantState, now: Date, count = SEEDED_SIGN_INS): void {
  const r = seededRandom(14);
  const everyone = people(r);
  const breakGlass = [d.user('Break Glass 01'), d.user('Break Glass 02')];
  const facts: SignInFacts[] = [];
  for (let index = 0; index < count; index++) {
    const at = moment(r, now);
    if (r.chance(0.06)) facts.push(workloadSignIn(r, at));
    else if (r.chance(0.004)) {
      facts.push({
        createdDateTime: at.toISOString(),
        userId: r.pick(breakGlass),
        appId: 'c44b4083-3bb0-49c1-b47d-974e53cbdf3c',
        ipAddress: corporateIp(r),
        country: 'NL',
        authenticationMethods: ['fido2'],
      });
    } else if (r.chance(0.03)) {
      facts.push({
        createdDateTime: at.toISOString(),
        userId: d.user(r.pick(['Sync Service Account', 'Scanner Mailbox'])),
        appId: microsoftApps.exchangeOnline.appId,
        ipAddress: corporateIp(r),
        country: 'NL',
        clientApp: 'other',
        interactive: false,
      });
    } else facts.push(personSignIn(r, r.pick(everyone), at));
  }
  // ISO times of one format sort as text.
  facts.sort((a, b) => (a.createdDateTime! < b.createdDateTime! ? -1 : a.createdDateTime! > b.createdDateTime! ? 1 : 0));
  recordSignIns(tenant, facts, now, () => guid(r));
}

/** The demo's pace once seeded: Contoso's staff and guests sign in about every few seconds while it is open. */
export const LIVE_SIGN_IN_EVERY_MS = 3000;
/** At most this long is made up after a pause (a closed demo): the log shows the day's traffic, not a week's. */
export const LIVE_CATCH_UP_MS = 30 * 60_000;

/**
 * The most the demo's log keeps (the seeded week and the newest live sign-ins): the tenant is saved in localStorage, whose quota a log growing by
 * ~1,200 sign-ins an hour open would fill, and then nothing the admin changes in the demo would be kept.
 */
export const LIVE_LOG_CAP = SEEDED_SIGN_INS * 2;

/**
 * The demo's traffic after the seed: the sign-ins of Contoso's people between the log's newest and `now`, at the
 * demo's pace, each decided against the policies as they are now (a rollout's copy included), as the service
 * decides a sign-in when it happens. The same people and devices as the seeded week; returns how many were added.
 */
export function continueSignIns(tenant: TenantState, now: Date): number {
  const newest = tenant.signInLog?.entries.at(-1)?.facts.createdDateTime;
  if (!newest) return 0;
  const from = Math.max(Date.parse(newest), now.getTime() - LIVE_CATCH_UP_MS);
  const count = Math.floor((now.getTime() - from) / LIVE_SIGN_IN_EVERY_MS);
  if (count <= 0) return 0;
  // The seed's people, devices included (the first draws of its random), then draws of this stretch's own.
  const everyone = people(seededRandom(14));
  const r = seededRandom(from);
  const facts: SignInFacts[] = [];
  for (let index = 1; index <= count; index++) {
    const at = new Date(from + index * LIVE_SIGN_IN_EVERY_MS);
    facts.push(r.chance(0.06) ? workloadSignIn(r, at) : personSignIn(r, r.pick(everyone), at));
  }
  recordSignIns(tenant, facts, now, () => guid(r));
  // The oldest live ones go: the seeded week (its break-glass checks, its examples) stays.
  const entries = tenant.signInLog!.entries;
  if (entries.length > LIVE_LOG_CAP) entries.splice(SEEDED_SIGN_INS, entries.length - LIVE_LOG_CAP);
  return count;
}
