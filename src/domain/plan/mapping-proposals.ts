// What the tenant holds that may stand for a reference, and the proposal: the same id, Microsoft's own role or app,
// a unique exact match, ambiguous, none, or gone in the source too (or in the tenant, for its own policies).
import type { ReferenceKind } from '../bundle/bundle';
import { builtInRoleName } from '../import/built-in-roles';
import { firstPartyAppName } from '../import/first-party-apps';
import { BUILT_IN_STRENGTHS } from './reference-places';
import { nameOf, type KnownReference } from './reference-uses';
import type { MappingChoice, MappingKind, PlanTarget, ProposalStatus, TargetCandidate } from './types';

export interface Proposal {
  status: ProposalStatus;
  why: string;
  candidates: TargetCandidate[];
  choice: MappingChoice | null;
}

const mapTo = (candidate: { id: string; displayName: string }): MappingChoice => ({
  action: 'use',
  targetId: candidate.id,
  targetName: candidate.displayName,
});

/** A built-in role or a Microsoft app: its id means the same in every tenant, so it is known by name without asking. */
export function microsoftsOwn(kind: MappingKind, value: string): { name: string; why: string } | null {
  const role = kind === 'role' ? builtInRoleName(value) : null;
  if (role) return { name: role, why: 'A built-in role: its template id is the same in every tenant.' };
  const app = kind === 'application' ? firstPartyAppName(value) : null;
  if (app) return { name: app, why: 'A Microsoft app: its application id is the same in every tenant.' };
  return null;
}

export function proposeDirectory(
  kind: ReferenceKind,
  value: string,
  ref: KnownReference | undefined,
  target: PlanTarget,
  sameTenant: boolean,
): Proposal {
  const candidates = target.directory.get(value) ?? [];
  const same = candidates.find((c) => c.by === 'id');
  if (same) return { status: 'same', why: 'The same object exists in the tenant.', candidates, choice: mapTo(same) };
  if (ref?.placeholder) return { status: 'none', why: 'A blank in the template: choose what it stands for.', candidates, choice: null };
  // Found by nothing (a role the tenant's template list lacks, an app with no service principal there yet): still the same.
  const own = candidates.length === 0 ? microsoftsOwn(kind, value) : null;
  if (own) return { status: 'same', why: own.why, candidates, choice: mapTo({ id: value, displayName: ref?.displayName ?? own.name }) };
  if (ref?.exists === false && sameTenant) {
    // The tenant held the policy so; written back as the backup has it, the policy means what it meant.
    return {
      status: 'gone',
      why: 'It was already deleted when the backup was taken; the id is written back as the backup has it.',
      candidates,
      choice: mapTo({ id: value, displayName: ref.displayName ?? value }),
    };
  }
  if (!ref && sameTenant && candidates.length === 0 && kind !== 'role') {
    // A change made of the tenant's own policies (a switch, a rollout step, a fix) carries no reference
    // list: the policy names an object the tenant no longer holds. It is written back as it is, as the
    // tenant has it: asking what it becomes would ask the admin to map their own tenant to itself.
    return {
      status: 'gone',
      why: 'The policy names it, but the tenant no longer holds it; the id is written back as the policy has it.',
      candidates,
      choice: mapTo({ id: value, displayName: value }),
    };
  }
  if (ref?.exists === false) {
    return {
      status: 'gone',
      why: 'It no longer existed in the source either, so leaving it out changes nothing.',
      candidates,
      choice: { action: 'drop' },
    };
  }
  // Role template ids are the same in every tenant; without an answer from the target, take it as it is.
  if (kind === 'role' && !target.directory.has(value))
    return {
      status: 'same',
      why: 'Built-in roles have the same id in every tenant.',
      candidates,
      choice: mapTo({ id: value, displayName: ref?.displayName ?? value }),
    };
  const [only, ...others] = candidates;
  if (only && others.length === 0) {
    const by = {
      userPrincipalName: 'sign-in name',
      mail: 'mail',
      displayName: 'name',
      appId: 'application id',
      roleTemplateId: 'role template',
    }[only.by as Exclude<TargetCandidate['by'], 'id'>];
    return { status: 'match', why: `Found by its ${by}.`, candidates, choice: mapTo(only) };
  }
  if (only)
    return { status: 'ambiguous', why: `${candidates.length} objects in the tenant have this name: choose one.`, candidates, choice: null };
  return { status: 'none', why: 'Nothing in the tenant matches it.', candidates, choice: null };
}

export function proposeSection(kind: MappingKind, value: string, ref: KnownReference | undefined, target: PlanTarget): Proposal {
  const section =
    kind === 'namedLocation'
      ? target.namedLocations
      : kind === 'authenticationStrength'
        ? target.authenticationStrengths
        : kind === 'authenticationContext'
          ? target.authenticationContexts
          : target.termsOfUse;
  if (kind === 'authenticationStrength' && BUILT_IN_STRENGTHS.has(value.toLowerCase()))
    return {
      status: 'same',
      why: 'A built-in strength: the same in every tenant.',
      candidates: [],
      choice: mapTo({ id: value, displayName: value }),
    };
  const byId = section.find((item) => typeof item.id === 'string' && item.id.toLowerCase() === value.toLowerCase());
  if (byId)
    return {
      status: 'same',
      why: 'The same object exists in the tenant.',
      candidates: [],
      choice: mapTo({ id: value, displayName: nameOf(byId) }),
    };
  if (ref?.placeholder) return { status: 'none', why: 'A blank in the template: choose what it stands for.', candidates: [], choice: null };
  const name = (ref?.displayName ?? value).trim().toLowerCase();
  const named = section.filter((item) => nameOf(item).trim().toLowerCase() === name);
  const candidates = named.map((item): TargetCandidate => ({ id: String(item.id), kind, displayName: nameOf(item), by: 'displayName' }));
  if (named.length === 1) return { status: 'match', why: 'Found by its name.', candidates, choice: mapTo(candidates[0]!) };
  if (named.length > 1)
    return { status: 'ambiguous', why: `${named.length} objects in the tenant have this name: choose one.`, candidates, choice: null };
  if (kind === 'termsOfUse')
    return {
      status: 'none',
      why: 'Nothing in the tenant has this name, and an import does not create terms of use (each needs its document uploaded there): add it in the tenant, or choose another.',
      candidates,
      choice: null,
    };
  return { status: 'none', why: 'Nothing in the tenant matches it, and nothing in this plan creates it.', candidates, choice: null };
}
