// Plan rows for the policies: each imported policy, with its references mapped and the fields the
// service owns stripped, is matched in the target by id, then name, then content, so a re-run
// updates or skips instead of duplicating. New policies are written report-only unless the admin
// chooses otherwise (user-action policies, which cannot be report-only, are written off); an update
// keeps the state the policy has in the target, so a restore never switches enforcement unasked.
import { isJsonObject, type JsonObject } from '../json';
import { assessLockout } from '../lockout';
import { buildPatch, comparableText, toWritableBody } from '../policy-body';
import { checkPolicy } from '../policy-checks';
import { REPORT_ONLY } from '../types';
import { mappingKey, type SourcePolicy } from './mapping';
import { rewriteReferences } from './reference-places';
import {
  PENDING_PATTERN,
  type MappingRow,
  type PlanAction,
  type PlanChoices,
  type PlanProblem,
  type PlanRow,
  type PlanTarget,
  type StateChoice,
} from './types';

const QUIET = { hideEmpty: true, sortIds: true } as const;
const nameOf = (policy: JsonObject) => (typeof policy.displayName === 'string' ? policy.displayName : '');
const normalName = (policy: JsonObject) => nameOf(policy).trim().toLowerCase();
/** What a policy does, its name and state aside: a renamed policy is still found by it. */
const contentOf = (policy: JsonObject) => comparableText({ ...policy, displayName: '', state: '' }, QUIET);

const hasUserActions = (policy: JsonObject) => {
  const apps = isJsonObject(policy.conditions) && isJsonObject(policy.conditions.applications) ? policy.conditions.applications : {};
  return Array.isArray(apps.includeUserActions) && apps.includeUserActions.length > 0;
};

/** The policy's references replaced by the mapping's choices (undecided ones stay, and block). */
export function mapPolicy(policy: JsonObject, mapping: ReadonlyMap<string, MappingRow>): JsonObject {
  return rewriteReferences(toWritableBody(policy), (place, value) => {
    const choice = mapping.get(mappingKey(place.kind, value))?.choice;
    if (!choice) return undefined;
    return choice.action === 'use' ? choice.targetId : choice.action === 'drop' ? null : undefined;
  });
}

/** Objects this plan creates stand as well-formed ids for the checks, which cannot know them yet. */
const withStandIns = (policy: JsonObject): JsonObject =>
  JSON.parse(JSON.stringify(policy).replace(PENDING_PATTERN, '00000000-0000-4000-8000-00000000feed')) as JsonObject;

export function planPolicies(
  policies: readonly SourcePolicy[],
  target: PlanTarget,
  choices: PlanChoices,
  mapping: ReadonlyMap<string, MappingRow>,
): PlanRow[] {
  const taken = new Set<JsonObject>();
  const free = (p: JsonObject) => !taken.has(p);
  const confirmed = new Set(choices.confirmed);
  return policies.map(({ rowKey, name, policy }) => {
    const mapped = mapPolicy(policy, mapping);
    const sourceId = typeof policy.id === 'string' ? policy.id : null;
    let match: JsonObject | undefined;
    let by: PlanRow['match'];
    if (sourceId) match = target.policies.find((p) => free(p) && typeof p.id === 'string' && p.id.toLowerCase() === sourceId.toLowerCase());
    if (match) by = 'id';
    if (!match && normalName(policy)) {
      match = target.policies.find((p) => free(p) && normalName(p) === normalName(policy));
      if (match) by = 'name';
    }
    if (!match) {
      const content = contentOf(mapped);
      match = target.policies.find((p) => free(p) && contentOf(p) === content);
      if (match) by = 'content';
    }
    if (match) taken.add(match);

    const choice: StateChoice = choices.rows[rowKey]?.state ?? (choices.states === 'source' ? 'source' : match ? 'target' : 'reportOnly');
    const reportOnly = hasUserActions(mapped) ? 'disabled' : REPORT_ONLY;
    const sourceState = typeof policy.state === 'string' ? policy.state : 'disabled';
    const state =
      choice === 'reportOnly'
        ? reportOnly
        : choice === 'off'
          ? 'disabled'
          : choice === 'target' && match && typeof match.state === 'string'
            ? match.state
            : sourceState === REPORT_ONLY && hasUserActions(mapped)
              ? 'disabled'
              : sourceState;
    const intended: JsonObject = { ...mapped, state };

    let action: PlanAction;
    let why: string;
    let options: PlanAction[];
    if (!match) {
      action = 'create';
      // Said of the tenant, not "the target": templates and changes write into the tenant signed in to.
      why = sourceId ? 'No policy in the tenant has its id, name or content.' : 'No policy in the tenant has its name or content.';
      options = ['create', 'skip'];
    } else if (comparableText(intended, QUIET) === comparableText(match, QUIET)) {
      action = 'skip';
      why = `Already in the target as planned (found by ${by}).`;
      options = ['skip'];
    } else {
      action = 'update';
      why = by === 'content' ? `Found by its content under another name: '${nameOf(match)}'.` : `Found by ${by}; it differs.`;
      options = ['update', 'skip'];
    }
    const chosen = choices.rows[rowKey]?.action;
    if (chosen && options.includes(chosen)) action = chosen;

    const problems: PlanProblem[] = [];
    if (action !== 'skip') {
      for (const finding of checkPolicy(withStandIns(intended))) {
        if (finding.severity === 'error') problems.push({ severity: 'blocker', text: `Graph would refuse it: ${finding.message}` });
      }
      const guard = target.guard;
      if (guard) {
        for (const risk of assessLockout(intended, guard.admin, guard.emergency, guard.memberships)) {
          const confirmKey = `lockout:${rowKey}:${risk.who}`;
          problems.push({
            severity: 'blocker',
            text: `Could lock out ${risk.who}: ${risk.why}`,
            confirmKey,
            confirmed: confirmed.has(confirmKey),
          });
        }
      }
    }
    const stateOptions: StateChoice[] = match ? ['target', 'reportOnly', 'source', 'off'] : ['reportOnly', 'source', 'off'];
    return {
      key: rowKey,
      kind: 'policy',
      displayName: name,
      action,
      options,
      why,
      sourceId,
      targetId: match && typeof match.id === 'string' ? match.id : null,
      match: by,
      body: action === 'create' ? intended : action === 'update' && match ? buildPatch(match, intended) : null,
      intended,
      before: match ?? null,
      state: { choice, value: state, options: stateOptions },
      problems,
    };
  });
}
