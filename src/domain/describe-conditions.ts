// The Conditions section of a policy's summary (risk, platforms, client apps, devices, flows) and its
// Other settings: every property, at any depth of the conditions, that no section reads is shown by
// its path, so a setting this version has no words for is never read as "not set".
import type { SummaryLine, SummarySection } from './describe-policy';
import { clientAppLabels, platformLabels, riskLabel, transferMethodLabels } from './labels';
import { stringsIn as list } from './json';
import {
  AGENT_IDENTITY_PROPERTIES,
  APPLICATIONS_PROPERTIES,
  POLICY_PROPERTIES,
  USERS_PROPERTIES,
  WORKLOAD_IDENTITY_PROPERTIES,
} from './policy-schema-properties';
import type { ConditionalAccessPolicy } from './types';

type Loose = Record<string, unknown>;

export const text = (label: string, value: string): SummaryLine => ({ label, values: [], text: value });

/** A flags string ("medium,high") in words; a list (older exports) too. */
export const flags = (value: unknown, labels: Record<string, string> | ((v: string) => string)) => {
  const values = typeof value === 'string' ? value.split(',').map((v) => v.trim()) : list(value);
  const word = (v: string) => (typeof labels === 'function' ? labels(v) : (labels[v] ?? v));
  return values.filter(Boolean).map(word).join(', ');
};

/** The properties of the conditions each section reads: true for a value read whole. */
const READ: Record<string, true | readonly string[]> = {
  applications: APPLICATIONS_PROPERTIES,
  users: USERS_PROPERTIES,
  clientApplications: [...WORKLOAD_IDENTITY_PROPERTIES, ...AGENT_IDENTITY_PROPERTIES],
  locations: ['includeLocations', 'excludeLocations'],
  platforms: ['includePlatforms', 'excludePlatforms'],
  devices: ['deviceFilter', 'includeDevices', 'excludeDevices', 'includeDeviceStates', 'excludeDeviceStates'],
  deviceStates: ['includeStates', 'excludeStates'],
  authenticationFlows: ['transferMethods'],
  clientAppTypes: true,
  signInRiskLevels: true,
  userRiskLevels: true,
  servicePrincipalRiskLevels: true,
  insiderRiskLevels: true,
  agentIdRiskLevels: true,
};
/** Read by the Users, Target resources and Network sections: not conditions in the admin center's sense. */
const ASSIGNMENTS = new Set(['applications', 'users', 'clientApplications', 'locations']);

/** Whether a value says anything: null, an empty list or an object of such values does not. */
export const hasValue = (value: unknown): boolean =>
  value === null || value === undefined
    ? false
    : Array.isArray(value)
      ? value.length > 0
      : typeof value === 'object'
        ? Object.entries(value as Loose).some(([key, v]) => !key.includes('@odata') && hasValue(v))
        : value !== '';

/** The conditions' properties no section reads, by path, with their values. */
function unread(conditions: Loose): [string, unknown][] {
  const found: [string, unknown][] = [];
  for (const [key, value] of Object.entries(conditions)) {
    if (key.includes('@odata') || !hasValue(value)) continue;
    const read = READ[key];
    if (!read) found.push([`conditions.${key}`, value]);
    else if (read !== true && typeof value === 'object' && !Array.isArray(value))
      for (const [sub, v] of Object.entries(value as Loose))
        if (!sub.includes('@odata') && !read.includes(sub) && hasValue(v)) found.push([`conditions.${key}.${sub}`, v]);
  }
  return found;
}

const deviceWords: Record<string, string> = {
  All: 'Any device',
  all: 'Any device',
  Compliant: 'Device marked as compliant',
  compliant: 'Device marked as compliant',
  DomainJoined: 'Microsoft Entra hybrid joined device',
  domainJoined: 'Microsoft Entra hybrid joined device',
};
const includeExcept = (include: unknown, exclude: unknown, labels: Record<string, string>) => {
  const words = (v: unknown) =>
    list(v)
      .map((p) => labels[p] ?? p)
      .join(', ');
  return `${words(include) || 'None'}${words(exclude) ? `, except ${words(exclude)}` : ''}`;
};

export function conditionsSection(policy: ConditionalAccessPolicy): SummarySection {
  const c = (policy.conditions ?? {}) as Loose;
  const lines: SummaryLine[] = [];
  const levels = (key: string, label: string) => {
    const words = flags(c[key], riskLabel);
    if (words) lines.push(text(label, words));
  };
  levels('userRiskLevels', 'User risk');
  levels('signInRiskLevels', 'Sign-in risk');
  levels('servicePrincipalRiskLevels', 'Service principal risk');
  levels('agentIdRiskLevels', 'Agent risk');
  const insider = flags(c.insiderRiskLevels, { minor: 'Minor', moderate: 'Moderate', elevated: 'Elevated' });
  if (insider) lines.push(text('Insider risk', insider));
  const platforms = c.platforms as Loose | null | undefined;
  if (platforms)
    lines.push(text('Device platforms', includeExcept(platforms.includePlatforms, platforms.excludePlatforms, platformLabels)));
  const clientApps = list(c.clientAppTypes);
  if (clientApps.length && !(clientApps.length === 1 && clientApps[0] === 'all'))
    lines.push(text('Client apps', clientApps.map((a) => clientAppLabels[a] ?? a).join(', ')));
  const devices = (c.devices ?? {}) as Loose;
  const deviceFilter = devices.deviceFilter as Loose | null | undefined;
  if (deviceFilter?.rule)
    lines.push(
      text(
        deviceFilter.mode === 'exclude' ? 'Devices matching this filter are excluded' : 'Only devices matching this filter',
        String(deviceFilter.rule),
      ),
    );
  // Deprecated forms Graph still returns from older policies: they still narrow the policy.
  if (hasValue(devices.includeDevices) || hasValue(devices.excludeDevices))
    lines.push(text('Devices (deprecated)', includeExcept(devices.includeDevices, devices.excludeDevices, deviceWords)));
  const states = (c.deviceStates ?? {}) as Loose;
  for (const [include, exclude] of [
    [devices.includeDeviceStates, devices.excludeDeviceStates],
    [states.includeStates, states.excludeStates],
  ])
    if (hasValue(include) || hasValue(exclude)) lines.push(text('Device state (deprecated)', includeExcept(include, exclude, deviceWords)));
  const flows = c.authenticationFlows as Loose | null | undefined;
  if (flows?.transferMethods) lines.push(text('Authentication flows', flags(flows.transferMethods, transferMethodLabels)));
  if (lines.length === 0) {
    // A condition this version has no words for (shown under Other settings) still narrows the policy.
    const other = unread(c).some(([path]) => !ASSIGNMENTS.has(path.split('.')[1]!));
    lines.push(
      other
        ? text('Conditions', 'Set, in settings this console does not describe: see Other settings')
        : text('Conditions', 'None: applies to any sign-in risk, platform, client app and device'),
    );
  }
  return { title: 'Conditions', lines };
}

const knownTop = new Set(POLICY_PROPERTIES);

/** Properties this version of the console does not describe: shown by path, never dropped. */
export function otherSection(policy: ConditionalAccessPolicy): SummarySection | null {
  const lines: SummaryLine[] = [];
  for (const [key, value] of Object.entries(policy)) {
    if (!knownTop.has(key) && !key.includes('@odata') && hasValue(value)) lines.push(text(key, JSON.stringify(value)));
  }
  for (const [path, value] of unread((policy.conditions ?? {}) as Loose)) lines.push(text(path, JSON.stringify(value)));
  return lines.length ? { title: 'Other settings', lines } : null;
}
