// A policy in plain language, section by section as the admin center shows it (Users, Target
// resources, Network, Conditions, Grant, Session), with names instead of ids. Missing objects stay
// visible as "deleted object" with their id; properties this version does not know are listed too.
import { lookupName, SPECIAL_VALUES, type NameDirectory, type NameKind } from './references';
import type { ConditionalAccessPolicy } from './types';
import { caeModeLabels, cloudAppSecurityLabels, controlLabels } from './labels';
import { guestWords } from './describe-guests';
import { isolatedText } from './isolate';
import { stringsIn as list } from './json';
import { conditionsSection, otherSection, text } from './describe-conditions';

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

function usersSection(policy: ConditionalAccessPolicy, names: NameDirectory | undefined): SummarySection {
  const users = (policy.conditions?.users ?? {}) as Loose;
  const clients = (policy.conditions?.clientApplications ?? {}) as Loose;
  const lines: SummaryLine[] = [];
  // AllAgentIdUsers: the user accounts of agents, not the agent identities of clientApplications.
  const specials = { ...SPECIAL_VALUES, All: 'All users', None: 'No users', AllAgentIdUsers: 'All agent users' };
  const guests = (which: 'include' | 'exclude') => {
    const value = users[`${which}GuestsOrExternalUsers`] as Loose | null | undefined;
    if (!value) return [];
    const members = list((value.externalTenants as Loose | null | undefined)?.members);
    return [
      {
        id: `${which}-guests`,
        label: guestWords(value) || 'Guests',
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
  const identities = (key: string, label: string, specials?: Record<string, string>) => {
    const values = refs(clients[key], ['servicePrincipal'], names, specials);
    if (values.length > 0) lines.push({ label, values });
  };
  identities('includeServicePrincipals', 'Workload identities');
  identities('excludeServicePrincipals', 'Excluded workload identities');
  const spFilter = clients.servicePrincipalFilter as Loose | null | undefined;
  if (spFilter?.rule) lines.push(text(`Service principal filter (${String(spFilter.mode)})`, String(spFilter.rule)));
  // Agent identities (Graph beta): service principals of agents, targeted beside users.
  identities('includeAgentIdServicePrincipals', 'Agent identities', { ...SPECIAL_VALUES, All: 'All agent identities' });
  identities('excludeAgentIdServicePrincipals', 'Excluded agent identities');
  const agentFilter = clients.agentIdServicePrincipalFilter as Loose | null | undefined;
  if (agentFilter?.rule) lines.push(text(`Agent identity filter (${String(agentFilter.mode)})`, String(agentFilter.rule)));
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
      label: `Authentication strength: ${isolatedText(strength.displayName ?? lookupName(names, ['authenticationStrength'], strength.id!)?.displayName ?? strength.id!)}`,
      kind: 'authenticationStrength',
    });
  }
  // The names isolated inside the console's words, so a direction control in one cannot reorder them.
  required.push(...refs(grant.termsOfUse, ['termsOfUse'], names).map((r) => ({ ...r, label: `Terms of use: ${isolatedText(r.label)}` })));
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
    const interval =
      frequency.frequencyInterval === 'everyTime'
        ? 'Every time'
        : `Every ${String(frequency.value)} ${String(frequency.type ?? '')}`.trim();
    // Graph's default, primaryAndSecondaryAuthentication, asks for the whole sign-in again; the other asks only for the second factor.
    const which = frequency.authenticationType === 'secondaryAuthentication' ? ', second factor only (secondary authentication)' : '';
    lines.push(text('Sign-in frequency', `${interval}${which}`));
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
      text('Continuous access evaluation', (typeof cae.mode === 'string' && caeModeLabels[cae.mode]) || isolatedText(String(cae.mode))),
    );
  if (enabled('secureSignInSession')) lines.push(text('Token protection', 'Require token protection for sign-in sessions'));
  if (s.disableResilienceDefaults === true) lines.push(text('Resilience defaults', 'Disabled'));
  const gsa = s.globalSecureAccessFilteringProfile as Loose | null | undefined;
  if (gsa?.isEnabled)
    lines.push(text('Global Secure Access security profile', typeof gsa.profileId === 'string' ? isolatedText(gsa.profileId) : 'On'));
  if (lines.length === 0) lines.push(text('Session', 'No session controls'));
  return { title: 'Session', lines };
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
