// Plan rows for the policies: each imported policy, with its references mapped and the fields the
// service owns stripped, is matched in the target by id, then name, then content, so a re-run
// updates or skips instead of duplicating. New policies are written report-only unless the admin
// chooses otherwise (user-action policies, which cannot be report-only, are written off); an update
// keeps the state the policy has in the target, so a restore never switches enforcement unasked.
// A policy the tenant holds in Deleted policies is restored (its id, history and links kept) rather
// than created a second time, then brought to the import's version.
import { isJsonObject, type JsonObject } from '../json';
import { isolatedText } from '../isolate';
import { assessLockout, assessLockoutChange } from '../lockout';
import { buildPatch, comparableText, toWritableBody } from '../policy-body';
import { checkPolicy } from '../policy-checks';
import { REPORT_ONLY } from '../types';
import { mappingKey, type SourcePolicy } from './mapping';
import { rewriteReferences } from './reference-places';
import { warnSameNamesInImport } from './same-names-in-import';
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

/** How a policy Graph would refuse as it is begins its problem: what Skip lifts, and the state does not. */
export const GRAPH_WOULD_REFUSE = 'Graph would refuse it';

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

/** A policy of the import, with the file it was read from when it came from one. */
export type ImportedPolicy = SourcePolicy;

export function planPolicies(
  policies: readonly ImportedPolicy[],
  target: PlanTarget,
  choices: PlanChoices,
  mapping: ReadonlyMap<string, MappingRow>,
): PlanRow[] {
  const taken = new Set<JsonObject>();
  const free = (p: JsonObject) => !taken.has(p);
  const confirmed = new Set(choices.confirmed);
  // Each tenant policy's content once, not once per imported policy: a large import would repeat it thousands of times.
  const contents = new Map<JsonObject, string>();
  const contentInTarget = (p: JsonObject) => {
    let content = contents.get(p);
    if (content === undefined) contents.set(p, (content = contentOf(p)));
    return content;
  };
  const rows = policies.map(({ rowKey, name, policy }): PlanRow => {
    const mapped = mapPolicy(policy, mapping);
    const sourceId = typeof policy.id === 'string' ? policy.id : null;
    let match: JsonObject | undefined;
    let by: PlanRow['match'];
    if (sourceId) match = target.policies.find((p) => free(p) && typeof p.id === 'string' && p.id.toLowerCase() === sourceId.toLowerCase());
    if (match) by = 'id';
    // Several of the name: the one with its content, else none (the plan never guesses which one to overwrite).
    let sameNamed: JsonObject[] = [];
    if (!match && normalName(policy)) {
      const named = target.policies.filter((p) => free(p) && normalName(p) === normalName(policy));
      const content = named.length > 1 ? contentOf(mapped) : '';
      match = named.length > 1 ? named.find((p) => contentInTarget(p) === content) : named[0];
      if (match) by = 'name';
      else if (named.length > 1) sameNamed = named;
    }
    if (!match && sameNamed.length === 0) {
      const content = contentOf(mapped);
      match = target.policies.find((p) => free(p) && contentInTarget(p) === content);
      if (match) by = 'content';
    }
    if (match) taken.add(match);
    const deleted = match ? undefined : findDeleted(target, sourceId);
    const chosen = choices.rows[rowKey]?.action;
    const restoring = !!deleted && (chosen === undefined || chosen === 'restore');
    // What the state choice "as the tenant has it" reads: the live policy, or the deleted one as it would come back.
    const current = match ?? (restoring ? deleted!.policy : undefined);

    const stateOptions: StateChoice[] = current ? ['target', 'reportOnly', 'source', 'off'] : ['reportOnly', 'source', 'off'];
    const asked = choices.rows[rowKey]?.state;
    // A restore is written like a create (report-only unless asked otherwise): what it brings back is not in force now.
    const choice: StateChoice =
      asked && stateOptions.includes(asked) ? asked : choices.states === 'source' ? 'source' : match ? 'target' : 'reportOnly';
    const reportOnly = hasUserActions(mapped) ? 'disabled' : REPORT_ONLY;
    const sourceState = typeof policy.state === 'string' ? policy.state : 'disabled';
    const state =
      choice === 'reportOnly'
        ? reportOnly
        : choice === 'off'
          ? 'disabled'
          : choice === 'target' && current && typeof current.state === 'string'
            ? current.state
            : sourceState === REPORT_ONLY && hasUserActions(mapped)
              ? 'disabled'
              : sourceState;
    const intended: JsonObject = { ...mapped, state };

    let action: PlanAction;
    let why: string;
    let options: PlanAction[];
    if (deleted) {
      action = 'restore';
      why = restoreWhy(deleted, intended);
      options = ['restore', 'create', 'skip'];
    } else if (sameNamed.length > 0) {
      action = 'create';
      why = `${sameNamed.length} policies in the tenant have its name and none its content: none is updated in its place.`;
      options = ['create', 'skip'];
    } else if (!match) {
      action = 'create';
      // Said of the tenant, not "the target": templates and changes write into the tenant signed in to.
      why = sourceId ? 'No policy in the tenant has its id, name or content.' : 'No policy in the tenant has its name or content.';
      options = ['create', 'skip'];
    } else if (comparableText(intended, QUIET) === comparableText(match, QUIET)) {
      action = 'skip';
      why = `Already in the tenant as planned (found by ${by}).`;
      options = ['skip'];
    } else {
      action = 'update';
      why = by === 'content' ? `Found by its content under another name: '${isolatedText(nameOf(match))}'.` : `Found by ${by}; it differs.`;
      options = ['update', 'skip'];
    }
    if (chosen && options.includes(chosen)) action = chosen;
    if (action === 'create' && deleted)
      why = `Created as a new policy beside the one in Deleted policies (${deletedOn(deleted)}), which stays there.`;

    const problems: PlanProblem[] = [];
    if (action === 'restore' && deleted) problems.push(...restoreProblems(rowKey, deleted.policy, intended, target, confirmed));
    if (action === 'create' && !deleted && sameNamed.length > 0) problems.push(sameNameProblem(rowKey, sameNamed, confirmed));
    if (action === 'create') {
      const sameName = deletedOfName(target, policy);
      if (sameName)
        problems.push({
          severity: 'warning',
          text: `A deleted policy of this name is in Deleted policies (${deletedOn(sameName)}): if it is this policy, restore it from there instead of creating another.`,
        });
    }
    if (action !== 'skip') {
      for (const finding of checkPolicy(withStandIns(intended))) {
        if (finding.severity === 'error')
          problems.push({ severity: 'blocker', kind: 'refused', text: `${GRAPH_WOULD_REFUSE}: ${finding.message}` });
      }
      const guard = target.guard;
      if (guard) {
        // Judged against what enforces today: an update's live policy; nothing for a create or a restore (a
        // deleted policy enforces nothing), so only a risk the plan adds asks for the tick.
        const enforcedNow = action === 'update' && match ? match : null;
        const { added, already } = assessLockoutChange(enforcedNow, intended, guard.admin, guard.emergency, guard.memberships);
        for (const risk of added) {
          const confirmKey = `lockout:${rowKey}:${risk.who}`;
          problems.push({
            severity: 'blocker',
            kind: 'lockout',
            text: `Could lock out ${risk.who}: ${risk.why}`,
            confirmKey,
            confirmed: confirmed.has(confirmKey),
          });
        }
        for (const risk of already)
          problems.push({
            severity: 'warning',
            text: `Already so today: it could lock out ${risk.who}. ${risk.why} This change does not add to it.`,
          });
      }
    }
    const before = match ?? (action === 'restore' ? deleted!.policy : null);
    return {
      key: rowKey,
      kind: 'policy',
      displayName: name,
      action,
      options,
      why,
      sourceId,
      targetId: before && typeof before.id === 'string' ? before.id : null,
      match: action === 'restore' ? 'id' : by,
      body: action === 'create' ? intended : (action === 'update' || action === 'restore') && before ? buildPatch(before, intended) : null,
      intended,
      before,
      state: { choice, value: state, options: stateOptions },
      problems,
    };
  });
  return warnSameNamesInImport(
    rows,
    policies.map((p) => p.file),
    target.policies,
  );
}

/** Several tenant policies of the import's name, none with its content: which one it is, only the admin knows. */
function sameNameProblem(rowKey: string, named: readonly JsonObject[], confirmed: ReadonlySet<string>): PlanProblem {
  const each = named.map((p) => `'${isolatedText(nameOf(p))}' (id ${typeof p.id === 'string' ? p.id : 'unknown'})`).join(', ');
  const confirmKey = `same-name:${rowKey}`;
  return {
    severity: 'blocker',
    kind: 'sameNamePolicy',
    text: `The tenant has ${named.length} policies of this name and none has the import's content: ${each}. The plan cannot tell which one it is, so it updates none: leave it out and change the right one by hand, or confirm to create it as another policy of the same name.`,
    confirmKey,
    confirmed: confirmed.has(confirmKey),
  };
}

interface DeletedPolicy {
  policy: JsonObject;
  deletedDateTime: string | null;
}

const asDeleted = (policy: JsonObject): DeletedPolicy => ({
  policy,
  deletedDateTime: typeof policy.deletedDateTime === 'string' ? policy.deletedDateTime : null,
});

/** The import's policy in the tenant's Deleted policies, by its id (the same policy, deleted since the backup). */
function findDeleted(target: PlanTarget, sourceId: string | null): DeletedPolicy | undefined {
  if (!sourceId) return undefined;
  const found = target.deletedPolicies?.find((p) => typeof p.id === 'string' && p.id.toLowerCase() === sourceId.toLowerCase());
  return found ? asDeleted(found) : undefined;
}

/** A deleted policy of the same name: perhaps the same policy, which a create would duplicate. */
function deletedOfName(target: PlanTarget, policy: JsonObject): DeletedPolicy | undefined {
  if (!normalName(policy)) return undefined;
  const found = target.deletedPolicies?.find((p) => normalName(p) === normalName(policy));
  return found ? asDeleted(found) : undefined;
}

const deletedOn = (deleted: DeletedPolicy) => (deleted.deletedDateTime ? `deleted ${deleted.deletedDateTime.slice(0, 10)}` : 'deleted');

const STATE_WORDS: Record<string, string> = { enabled: 'On', disabled: 'Off', [REPORT_ONLY]: 'Report-only' };
const stateWord = (policy: JsonObject) => (typeof policy.state === 'string' ? (STATE_WORDS[policy.state] ?? policy.state) : 'Off');

function restoreWhy(deleted: DeletedPolicy, intended: JsonObject): string {
  const same = Object.keys(buildPatch(deleted.policy, intended)).length === 0;
  return `In Deleted policies (${deletedOn(deleted)}): restored with its id and history${same ? '; it comes back as planned.' : ', then changed to the planned version.'}`;
}

/**
 * A restore brings the policy back in the state it was deleted in (Graph's restore has no state), so a
 * policy deleted while On enforces from the restore until the plan's change sets its state: said, and
 * that moment is checked for lock-out like any write.
 */
function restoreProblems(
  rowKey: string,
  deleted: JsonObject,
  intended: JsonObject,
  target: PlanTarget,
  confirmed: ReadonlySet<string>,
): PlanProblem[] {
  if (deleted.state !== 'enabled' || intended.state === 'enabled') return [];
  const problems: PlanProblem[] = [
    {
      severity: 'warning',
      text: `It was On when deleted: restored, it enforces as it was until it is set to ${stateWord(intended)} a moment later.`,
    },
  ];
  const guard = target.guard;
  if (!guard) return problems;
  for (const risk of assessLockout(deleted, guard.admin, guard.emergency, guard.memberships)) {
    const confirmKey = `lockout:${rowKey}:restored:${risk.who}`;
    problems.push({
      severity: 'blocker',
      kind: 'restoreLockout',
      text: `Could lock out ${risk.who} in the moment it is back as it was deleted: ${risk.why}`,
      confirmKey,
      confirmed: confirmed.has(confirmKey),
    });
  }
  return problems;
}
