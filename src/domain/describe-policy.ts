// A policy in plain language, section by section as the admin center shows it (Users, Target
// resources, Network, Conditions, Grant, Session), with names instead of ids. Missing objects stay
// visible as "deleted object" with their id; properties this version does not know are listed too.
import { lookupName, SPECIAL_VALUES, type NameDirectory, type NameKind } from './references';
import type { ConditionalAccessPolicy } from './types';
import {
  clientAppLabels,
  cloudAppSecurityLabels,
  controlLabels,
  guestTypeLabels,
  platformLabels,
  riskLabel,
  transferMethodLabels,
} from './labels';
import { stringsIn as list } from './json';

export interface NameRef {
  id: string;
  label: string;
  kind?: NameKind | 'special' | 'tenant';
  detail?: string;
  /** The id no longer resolves to an object. */
  missing?: boolean;
  /** With `missing`: named by another tenant's file, never this tenant's (the label says so). */
  elsewhere?: boolean;
  /** Names are still being looked up. */
  pending?: boolean;
}

export interface SummaryLine {
  label: string;
  values: NameRef[];
  /** Plain text when the line is not a list of objects. */
  text?: string;
}

export interface SummarySection {
  title: 'Users' | 'Target resources' | 'Network' | 'Conditions' | 'Grant' | 'Session' | 'Other settings';
  lines: SummaryLine[];
}

type Loose = Record<string, unknown>;

const kindLabels: Partial<Record<NameKind, string>> = {
  user: 'user',
  group: 'group',
  servicePrincipal: 'service principal',
  namedLocation: 'named location',
};

/** Turns ids into names, given the kinds an id can be in that place of a policy. */
export function refs(
  ids: unknown,
  kinds: readonly NameKind[],
  directory: NameDirectory | undefined,
  specials: Record<string, string> = SPECIAL_VALUES,
): NameRef[] {
  return list(ids).map((id) => {
    if (id in specials) return { id, label: specials[id]!, kind: 'special' };
    const found = lookupName(directory, kinds, id);
    if (found?.missing)
      return found.elsewhere
        ? { id, label: found.displayName, kind: found.kind, missing: true, elsewhere: true }
        : { id, label: `Deleted ${kindLabels[kinds[0]!] ?? 'object'}`, kind: found.kind, missing: true };
    if (found) return { id, label: found.displayName, kind: found.kind, detail: found.detail };
    return { id, label: id, kind: kinds[0], pending: !directory };
  });
}

const text = (label: string, value: string): SummaryLine => ({ label, values: [], text: value });
const flags = (value: unknown, labels: Record<string, string>) =>
  typeof value === 'string' && value
    ? value
        .split(',')
        .map((v) => labels[v.trim()] ?? v.trim())
        .join(', ')
    : '';

function usersSection(policy: ConditionalAccessPolicy, names: NameDirectory | undefined): SummarySection {
  const users = (policy.conditions?.users ?? {}) as Loose;
  const clients = (policy.conditions?.clientApplications ?? {}) as Loose;
  const lines: SummaryLine[] = [];
  const specials = { ...SPECIAL_VALUES, All: 'All users', None: 'No users' };
  const guests = (which: 'include' | 'exclude') => {
    const value = users[`${which}GuestsOrExternalUsers`] as Loose | null | undefined;
    if (!value) return [];
    const tenants = value.externalTenants as Loose | undefined;
    const members = list(tenants?.members);
    const where =
      tenants?.membershipKind === 'enumerated'
        ? ` from ${members.length} external tenant${members.length === 1 ? '' : 's'}`
        : ' from any external tenant';
    return [
      {
        id: `${which}-guests`,
        label: `${flags(value.guestOrExternalUserTypes, guestTypeLabels) || 'Guests'}${where}`,
        kind: 'special' as const,
        detail: members.join(', ') || undefined,
      },
    ];
  };
  for (const which of ['include', 'exclude'] as const) {
    const values = [
      ...refs(users[`${which}Users`], ['user'], names, specials),
      ...refs(users[`${which}Groups`], ['group'], names, specials),
      ...refs(users[`${which}Roles`], ['role'], names, { ...specials, All: 'All directory roles' }),
      ...guests(which),
    ];
    if (values.length > 0) lines.push({ label: which === 'include' ? 'Include' : 'Exclude', values });
  }
  const workloads = {
    include: refs(clients.includeServicePrincipals, ['servicePrincipal'], names),
    exclude: refs(clients.excludeServicePrincipals, ['servicePrincipal'], names),
  };
  if (workloads.include.length > 0) lines.push({ label: 'Workload identities', values: workloads.include });
  if (workloads.exclude.length > 0) lines.push({ label: 'Excluded workload identities', values: workloads.exclude });
  const spFilter = clients.servicePrincipalFilter as Loose | null | undefined;
  if (spFilter?.rule) lines.push(text(`Service principal filter (${String(spFilter.mode)})`, String(spFilter.rule)));
  if (lines.length === 0) lines.push(text('Include', 'Nobody is targeted'));
  return { title: 'Users', lines };
}

function targetsSection(policy: ConditionalAccessPolicy, names: NameDirectory | undefined): SummarySection {
  const apps = (policy.conditions?.applications ?? {}) as Loose;
  const lines: SummaryLine[] = [];
  const specials = { ...SPECIAL_VALUES, All: 'All resources', None: 'No resources' };
  const include = refs(apps.includeApplications, ['application'], names, specials);
  const exclude = refs(apps.excludeApplications, ['application'], names, specials);
  const actions = refs(apps.includeUserActions, [], names);
  const contexts = refs(apps.includeAuthenticationContextClassReferences, ['authenticationContext'], names).map((r) => ({
    ...r,
    label: r.label === r.id ? r.id : `${r.label} (${r.id})`,
    pending: false,
  }));
  if (include.length) lines.push({ label: 'Include', values: include });
  if (exclude.length) lines.push({ label: 'Exclude', values: exclude });
  if (actions.length) lines.push({ label: 'User actions', values: actions });
  if (contexts.length) lines.push({ label: 'Authentication context', values: contexts });
  const filter = apps.applicationFilter as Loose | null | undefined;
  if (filter?.rule) lines.push(text(`Application filter (${String(filter.mode)})`, String(filter.rule)));
  if (lines.length === 0) lines.push(text('Include', 'No resources'));
  return { title: 'Target resources', lines };
}

function networkSection(policy: ConditionalAccessPolicy, names: NameDirectory | undefined): SummarySection {
  const locations = policy.conditions?.locations;
  const specials = { ...SPECIAL_VALUES, All: 'Any network or location' };
  const lines: SummaryLine[] = [];
  const include = refs(locations?.includeLocations, ['namedLocation'], names, specials);
  const exclude = refs(locations?.excludeLocations, ['namedLocation'], names, specials);
  if (include.length) lines.push({ label: 'Include', values: include });
  if (exclude.length) lines.push({ label: 'Exclude', values: exclude });
  if (lines.length === 0) lines.push(text('Applies', 'Any network or location (not configured)'));
  return { title: 'Network', lines };
}

function conditionsSection(policy: ConditionalAccessPolicy): SummarySection {
  const c = (policy.conditions ?? {}) as Loose;
  const lines: SummaryLine[] = [];
  const levels = (key: string, label: string) => {
    const values = list(c[key]);
    if (values.length) lines.push(text(label, values.map(riskLabel).join(', ')));
  };
  levels('userRiskLevels', 'User risk');
  levels('signInRiskLevels', 'Sign-in risk');
  levels('servicePrincipalRiskLevels', 'Service principal risk');
  if (typeof c.insiderRiskLevels === 'string' && c.insiderRiskLevels)
    lines.push(text('Insider risk', flags(c.insiderRiskLevels, { minor: 'Minor', moderate: 'Moderate', elevated: 'Elevated' })));
  const platforms = c.platforms as Loose | null | undefined;
  if (platforms) {
    const include = list(platforms.includePlatforms)
      .map((p) => platformLabels[p] ?? p)
      .join(', ');
    const exclude = list(platforms.excludePlatforms)
      .map((p) => platformLabels[p] ?? p)
      .join(', ');
    lines.push(text('Device platforms', `${include || 'None'}${exclude ? `, except ${exclude}` : ''}`));
  }
  const clientApps = list(c.clientAppTypes);
  if (clientApps.length && !(clientApps.length === 1 && clientApps[0] === 'all'))
    lines.push(text('Client apps', clientApps.map((a) => clientAppLabels[a] ?? a).join(', ')));
  const devices = c.devices as Loose | null | undefined;
  const deviceFilter = devices?.deviceFilter as Loose | undefined;
  if (deviceFilter?.rule)
    lines.push(
      text(
        deviceFilter.mode === 'exclude' ? 'Devices matching this filter are excluded' : 'Only devices matching this filter',
        String(deviceFilter.rule),
      ),
    );
  const flows = c.authenticationFlows as Loose | null | undefined;
  if (flows?.transferMethods) lines.push(text('Authentication flows', flags(flows.transferMethods, transferMethodLabels)));
  if (lines.length === 0) lines.push(text('Conditions', 'None: applies to any sign-in risk, platform, client app and device'));
  return { title: 'Conditions', lines };
}

function grantSection(policy: ConditionalAccessPolicy, names: NameDirectory | undefined): SummarySection {
  const grant = policy.grantControls;
  if (!grant) return { title: 'Grant', lines: [text('Access', 'No grant controls (session controls only)')] };
  const controls = list(grant.builtInControls);
  if (controls.includes('block')) return { title: 'Grant', lines: [text('Access', 'Block access')] };
  const required: NameRef[] = controls.map((c) => ({ id: c, label: controlLabels[c] ?? c, kind: 'special' }));
  if (grant.authenticationStrength?.id) {
    const strength = grant.authenticationStrength;
    required.push({
      id: strength.id!,
      label: `Authentication strength: ${strength.displayName ?? lookupName(names, ['authenticationStrength'], strength.id!)?.displayName ?? strength.id}`,
      kind: 'authenticationStrength',
    });
  }
  required.push(...refs(grant.termsOfUse, ['termsOfUse'], names).map((r) => ({ ...r, label: `Terms of use: ${r.label}` })));
  required.push(...list(grant.customAuthenticationFactors).map((id) => ({ id, label: `Custom control: ${id}`, kind: 'special' as const })));
  if (required.length === 0) return { title: 'Grant', lines: [text('Access', 'Grant access')] };
  const mode =
    required.length === 1
      ? 'Grant access, requiring'
      : grant.operator === 'AND'
        ? 'Grant access, requiring all of'
        : 'Grant access, requiring one of';
  return { title: 'Grant', lines: [{ label: mode, values: required }] };
}

function sessionSection(policy: ConditionalAccessPolicy): SummarySection {
  const s = (policy.sessionControls ?? {}) as Loose;
  const lines: SummaryLine[] = [];
  const enabled = (key: string) => (s[key] as Loose | null | undefined)?.isEnabled === true;
  const frequency = s.signInFrequency as Loose | null | undefined;
  if (frequency?.isEnabled) {
    lines.push(
      text(
        'Sign-in frequency',
        frequency.frequencyInterval === 'everyTime'
          ? 'Every time'
          : `Every ${String(frequency.value)} ${String(frequency.type ?? '')}`.trim(),
      ),
    );
  }
  const browser = s.persistentBrowser as Loose | null | undefined;
  if (browser?.isEnabled)
    lines.push(text('Persistent browser session', browser.mode === 'always' ? 'Always persistent' : 'Never persistent'));
  if (enabled('applicationEnforcedRestrictions')) lines.push(text('App enforced restrictions', 'On'));
  const mcas = s.cloudAppSecurity as Loose | null | undefined;
  if (mcas?.isEnabled) {
    const type = typeof mcas.cloudAppSecurityType === 'string' ? mcas.cloudAppSecurityType : null;
    lines.push(text('Conditional Access App Control', type ? (cloudAppSecurityLabels[type] ?? type) : 'On'));
  }
  const cae = s.continuousAccessEvaluation as Loose | null | undefined;
  if (cae?.mode)
    lines.push(
      text(
        'Continuous access evaluation',
        cae.mode === 'disabled' ? 'Disabled' : cae.mode === 'strictLocation' ? 'Strictly enforce location policies' : String(cae.mode),
      ),
    );
  if (enabled('secureSignInSession')) lines.push(text('Token protection', 'Require token protection for sign-in sessions'));
  if (s.disableResilienceDefaults === true) lines.push(text('Resilience defaults', 'Disabled'));
  const gsa = s.globalSecureAccessFilteringProfile as Loose | null | undefined;
  if (gsa?.isEnabled) lines.push(text('Global Secure Access security profile', String(gsa.profileId ?? 'On')));
  if (lines.length === 0) lines.push(text('Session', 'No session controls'));
  return { title: 'Session', lines };
}

const knownTop = new Set([
  'id',
  'templateId',
  'displayName',
  'description',
  'createdDateTime',
  'modifiedDateTime',
  'deletedDateTime',
  'state',
  'partialEnablementStrategy',
  'conditions',
  'grantControls',
  'sessionControls',
]);
const knownConditions = new Set([
  'applications',
  'users',
  'clientApplications',
  'clientAppTypes',
  'platforms',
  'locations',
  'devices',
  'deviceStates',
  'signInRiskLevels',
  'userRiskLevels',
  'servicePrincipalRiskLevels',
  'insiderRiskLevels',
  'authenticationFlows',
  'times',
  'agentIdRiskLevels',
]);

/** Properties this version of the console does not describe: shown by path, never dropped. */
function otherSection(policy: ConditionalAccessPolicy): SummarySection | null {
  const lines: SummaryLine[] = [];
  const shown = (value: unknown) => value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0);
  for (const [key, value] of Object.entries(policy)) {
    if (!knownTop.has(key) && !key.includes('@odata') && shown(value)) lines.push(text(key, JSON.stringify(value)));
  }
  for (const [key, value] of Object.entries((policy.conditions ?? {}) as Loose)) {
    if (!knownConditions.has(key) && shown(value)) lines.push(text(`conditions.${key}`, JSON.stringify(value)));
  }
  return lines.length ? { title: 'Other settings', lines } : null;
}

export function describePolicy(policy: ConditionalAccessPolicy, names: NameDirectory | undefined): SummarySection[] {
  const sections = [
    usersSection(policy, names),
    targetsSection(policy, names),
    networkSection(policy, names),
    conditionsSection(policy),
    grantSection(policy, names),
    sessionSection(policy),
  ];
  const other = otherSection(policy);
  return other ? [...sections, other] : sections;
}

/**
 * When a policy last changed: Graph leaves modifiedDateTime null until the first change after
 * creation, so a policy never changed was last changed when it was created. The list and the
 * policy page both show this one date.
 */
export const lastChanged = (policy: ConditionalAccessPolicy): string | null => policy.modifiedDateTime ?? policy.createdDateTime ?? null;
