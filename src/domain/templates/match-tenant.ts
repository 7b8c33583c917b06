// A gallery shown against a tenant: for each template, the tenant's policy that is it (created from
// it, by templateId; else the same content), one that comes close, or none (a gap). Content is
// compared without what a template cannot know: names, state, the places of its blanks, and the
// users and groups a tenant excludes (its emergency and service accounts), and the workload and
// agent identities it excludes (the agents it trusts); the difference view shows all of it.
import { isPlaceholder } from '../import/placeholders';
import { isJsonObject, type Json, type JsonObject } from '../json';
import { comparableText, toWritableBody } from '../policy-body';
import { REFERENCE_PLACES, rewriteReferences, valuesAt } from '../plan/reference-places';
import type { GalleryTemplate } from './gallery-template';
import { propertyLabel } from '../policy-schema-words';

export type TemplateStatus =
  | { kind: 'present'; by: 'templateId' | 'content'; policy: JsonObject; identical: boolean }
  | { kind: 'similar'; policy: JsonObject; same: string[]; differ: string[] }
  | { kind: 'gap' };

export interface TemplateMatch {
  template: GalleryTemplate;
  status: TemplateStatus;
}

const QUIET = { hideEmpty: true, sortIds: true } as const;
const TENANT_EXCLUSIONS = ['excludeUsers', 'excludeGroups'];
// The same for workload and agent identities: Microsoft's agent templates say "exclude the agents you trust".
const TENANT_IDENTITY_EXCLUSIONS = ['excludeServicePrincipals', 'excludeAgentIdServicePrincipals'];

/** The places a template leaves to the tenant: where it has a blank. */
const blankPlaces = (template: JsonObject) =>
  new Set(REFERENCE_PLACES.filter((place) => valuesAt(template, place, isPlaceholder).length > 0).map((p) => p.path.join('.')));

/** A policy reduced to what a template decides. */
function essence(policy: JsonObject, ignore: ReadonlySet<string>): JsonObject {
  const body = rewriteReferences(toWritableBody(policy), (place) => (ignore.has(place.path.join('.')) ? null : undefined));
  delete body.displayName;
  delete body.state;
  delete body.description;
  const users = isJsonObject(body.conditions) && isJsonObject(body.conditions.users) ? body.conditions.users : null;
  if (users) for (const key of TENANT_EXCLUSIONS) delete users[key];
  const identities =
    isJsonObject(body.conditions) && isJsonObject(body.conditions.clientApplications) ? body.conditions.clientApplications : null;
  if (identities) for (const key of TENANT_IDENTITY_EXCLUSIONS) delete identities[key];
  return body;
}

const conditionsOf = (p: JsonObject): JsonObject => (isJsonObject(p.conditions) ? p.conditions : {});

/** The parts of a policy compared for a near match, each as a policy of that part alone: each condition is a part of its own. */
function parts(a: JsonObject, b: JsonObject): { words: string; pick(policy: JsonObject): JsonObject }[] {
  const keys = new Set([...Object.keys(conditionsOf(a)), ...Object.keys(conditionsOf(b))]);
  keys.delete('users');
  keys.delete('applications');
  return [
    { words: 'users', pick: (p) => ({ conditions: { users: conditionsOf(p).users ?? null } }) },
    { words: 'target resources', pick: (p) => ({ conditions: { applications: conditionsOf(p).applications ?? null } }) },
    { words: 'grant', pick: (p) => ({ grantControls: p.grantControls ?? null }) },
    { words: 'session', pick: (p) => ({ sessionControls: p.sessionControls ?? null }) },
    // In the admin center's words ("client apps", not clientAppTypes).
    ...[...keys].sort().map((key) => ({
      words: propertyLabel(['conditions', key]).toLowerCase(),
      pick: (p: JsonObject) => ({ conditions: { [key]: conditionsOf(p)[key] ?? null } }),
    })),
  ];
}

/** Matches each template with the tenant's policies; a policy is the match of one template at most per kind of match. */
export function matchTemplates(templates: readonly GalleryTemplate[], policies: readonly JsonObject[]): TemplateMatch[] {
  return templates.map((template) => ({ template, status: statusOf(template, policies) }));
}

function statusOf(template: GalleryTemplate, policies: readonly JsonObject[]): TemplateStatus {
  const ignore = blankPlaces(template.policy);
  const wanted = comparableText(essence(template.policy, ignore), QUIET);
  const same = (policy: JsonObject) => comparableText(essence(policy, ignore), QUIET) === wanted;
  if (template.templateId) {
    const id = template.templateId.toLowerCase();
    const created = policies.find((p) => typeof p.templateId === 'string' && p.templateId.toLowerCase() === id);
    if (created) return { kind: 'present', by: 'templateId', policy: created, identical: same(created) };
  }
  const byContent = policies.find(same);
  if (byContent) return { kind: 'present', by: 'content', policy: byContent, identical: true };

  // Close: the same grant and session controls, and one other part at most that differs.
  const mine = essence(template.policy, ignore);
  let best: { policy: JsonObject; same: string[]; differ: string[]; closeness: number } | null = null;
  for (const policy of policies) {
    const theirs = essence(policy, ignore);
    const compared = parts(mine, theirs).map((part) => ({
      words: part.words,
      alike: comparableText(part.pick(mine), QUIET) === comparableText(part.pick(theirs), QUIET),
    }));
    const differ = compared.filter((c) => !c.alike);
    if (differ.length > 1 || differ.some((c) => c.words === 'grant' || c.words === 'session')) continue;
    // Of the policies one part away, the one whose differing part is most alike: a guest template
    // is closer to "MFA for guests" than to "MFA for everyone".
    const parted = parts(mine, theirs).filter((part) => differ.some((d) => d.words === part.words));
    const alikeness = (policy: JsonObject) => leaves(guestsSpelledOut(parted[0]!.pick(policy)));
    const closeness = differ.length === 0 ? 1 : overlap(alikeness(mine), alikeness(theirs));
    if (!best || differ.length < best.differ.length || (differ.length === best.differ.length && closeness > best.closeness))
      best = { policy, same: compared.filter((c) => c.alike).map((c) => c.words), differ: differ.map((c) => c.words), closeness };
  }
  if (!best) return { kind: 'gap' };
  const { closeness: _closeness, ...similar } = best;
  return { kind: 'similar', ...similar };
}

const ALL_GUESTS: JsonObject = {
  guestOrExternalUserTypes:
    'internalGuest,b2bCollaborationGuest,b2bCollaborationMember,b2bDirectConnectUser,otherExternalUser,serviceProvider',
  externalTenants: { '@odata.type': '#microsoft.graph.conditionalAccessAllExternalTenants', membershipKind: 'all' },
};
const isLegacyGuests = (value: Json) => typeof value === 'string' && value.toLowerCase() === 'guestsorexternalusers';

/** Microsoft's templates name guests the old way (includeUsers "GuestsOrExternalUsers"), tenants often the new
 * (every guest type from all external tenants): the same people, written so that the two share their leaves. */
function guestsSpelledOut(part: JsonObject): JsonObject {
  const users = conditionsOf(part).users;
  if (!isJsonObject(users) || !Array.isArray(users.includeUsers) || !users.includeUsers.some(isLegacyGuests)) return part;
  const spelled = {
    ...users,
    includeUsers: users.includeUsers.filter((v) => !isLegacyGuests(v)),
    includeGuestsOrExternalUsers: ALL_GUESTS,
  };
  return { ...part, conditions: { ...conditionsOf(part), users: spelled } };
}

/** Every value of a JSON value with its path, array positions left out: ["conditions.users.includeUsers=All", …];
 * each guest type its own leaf, so that policies with some types in common are that much alike. */
function leaves(value: unknown, path = ''): Set<string> {
  const found = new Set<string>();
  const walk = (v: unknown, at: string) => {
    if (Array.isArray(v)) v.forEach((item) => walk(item, at));
    else if (isJsonObject(v)) for (const [key, inner] of Object.entries(v)) walk(inner, at ? `${at}.${key}` : key);
    else if (typeof v === 'string' && at.endsWith('.guestOrExternalUserTypes'))
      for (const type of v.split(',')) found.add(`${at}=${type.trim().toLowerCase()}`);
    else if (v !== null && v !== undefined) found.add(`${at}=${typeof v === 'string' ? v.toLowerCase() : String(v)}`);
  };
  walk(value, path);
  return found;
}

/** How much two sets of leaves share, from 0 (nothing) to 1 (the same). */
function overlap(a: Set<string>, b: Set<string>): number {
  const union = new Set([...a, ...b]).size;
  return union === 0 ? 1 : [...a].filter((leaf) => b.has(leaf)).length / union;
}
