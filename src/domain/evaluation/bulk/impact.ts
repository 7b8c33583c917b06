// What saving a draft would change for the tenant's recent sign-ins: each shape of sign-in is newly
// blocked, newly asked for a control (already satisfied by that sign-in, or a prompt), relaxed, given
// other session controls, unchanged, or indeterminate (what is missing is said). Only enforced
// policies decide: a sign-in another enabled policy blocks stays blocked whatever the draft says. A
// report-only (or off) draft of a policy that is not enforced now is evaluated as if enabled: the review
// says what it would do once switched on. One that turns an enforced policy off or to report-only stops
// enforcing it: the sign-ins it blocked or asked for a control are relaxed.
// Hits on emergency accounts and on the signed-in admin come first, for the lock-out guard.
import { REPORT_ONLY } from '../../types';
import type { GrantRequirement } from '../controls';
import { grantInWords } from '../evaluate-policies';
import type { PolicyEvaluation } from '../evaluate-policy';
import type { EvaluationContext } from '../sign-in';
import { BulkEvaluator, type CompiledPolicy, type FastResult } from './evaluator';
import type { ShapeSet, SignInShape } from './shapes';

export const IMPACT_CLASSES = [
  'newlyBlocked',
  'newlyRequiredWouldPrompt',
  'newlyRequiredSatisfied',
  'indeterminate',
  'sessionChanged',
  'relaxed',
  'unchanged',
] as const;
export type ImpactClass = (typeof IMPACT_CLASSES)[number];

export const IMPACT_WORDS: Record<ImpactClass, string> = {
  newlyBlocked: 'newly blocked',
  newlyRequiredWouldPrompt: 'newly asked for a control they would be prompted for',
  newlyRequiredSatisfied: 'newly asked for a control they already satisfied',
  indeterminate: 'cannot be evaluated',
  sessionChanged: 'with other session controls',
  relaxed: 'no longer blocked or asked for a control',
  unchanged: 'unchanged',
};

/**
 * What an alert says happens to an account, to follow its name and precede "in N sign-ins":
 * "Break Glass 01 would be newly blocked in 2 sign-ins."
 */
export const IMPACT_ALERT_WORDS: Record<ImpactClass, string> = {
  newlyBlocked: 'would be newly blocked',
  newlyRequiredWouldPrompt: 'would newly be asked for a control they would be prompted for',
  newlyRequiredSatisfied: 'would newly be asked for a control they already satisfied',
  indeterminate: 'may be kept out or prompted (the draft cannot be evaluated)',
  sessionChanged: 'would get other session controls',
  relaxed: 'would no longer be blocked or asked for a control',
  unchanged: 'would see no change',
};

/** Classes that keep someone out, or prompt them where they may not be able to answer: the lock-out guard's. */
export const LOCKING_CLASSES: readonly ImpactClass[] = ['newlyBlocked', 'newlyRequiredWouldPrompt'];

/** Whether the draft blocks (its grant is block). */
export function draftBlocks(draft: unknown): boolean {
  const grant = (draft as { grantControls?: { builtInControls?: unknown } } | null)?.grantControls;
  return Array.isArray(grant?.builtInControls) && grant.builtInControls.includes('block');
}

/**
 * Whether an alert could keep its account out: newly blocked or prompted, or, under a blocking draft,
 * sign-ins that cannot be evaluated (the draft may block them: not knowing is no pass).
 */
export function alertCouldLockOut(alert: Pick<ImpactAlert, 'class'>, draft: unknown): boolean {
  return LOCKING_CLASSES.includes(alert.class) || (alert.class === 'indeterminate' && draftBlocks(draft));
}

export interface ShapeImpact {
  shapeIndex: number;
  class: ImpactClass;
  signIns: number;
  identityIds: readonly string[];
  resourceIds: readonly string[];
  /** Sign-in ids to drill down to. */
  sampleIds: readonly string[];
  /** The draft's result for this shape (as if enabled). */
  draft: FastResult;
  /** The saved policy's result (as it is), when there is one. */
  saved?: FastResult;
  /** For indeterminate: what would have to be known. */
  missing?: readonly string[];
  /** For newly required: the grant in words. */
  requires?: string;
}

export interface ClassImpact {
  signIns: number;
  shapes: number;
  identityIds: string[];
  resourceIds: string[];
  /** Most sign-ins first. */
  items: ShapeImpact[];
}

export interface ImpactAlert {
  identityId: string;
  who: 'emergencyAccount' | 'signedInAdmin';
  class: ImpactClass;
  signIns: number;
  items: ShapeImpact[];
}

export interface DraftImpact {
  /** The draft is report-only (or off) and the saved policy is not enforced: the classes say what it would do once enabled. */
  evaluatedAsEnabled: boolean;
  /** The saved policy is enforced and the draft is report-only or off: saving stops enforcing it. */
  stopsEnforcing: boolean;
  signIns: number;
  shapes: number;
  classes: Record<ImpactClass, ClassImpact>;
  /** Emergency accounts first, then the signed-in admin; within each, the gravest class first. */
  alerts: ImpactAlert[];
  summary: string;
}

export interface ImpactInput {
  /** The policy as saved, or null for a new one. */
  saved: unknown;
  draft: unknown;
  /** Every other policy of the tenant (any state: only enabled ones are enforced). */
  others: readonly unknown[];
  shapes: ShapeSet;
  context?: EvaluationContext;
  emergencyAccountIds?: readonly string[];
  signedInUserId?: string;
  /** An evaluator already holding the shapes' compiled policies (the same shapes and context), to reuse its caches. */
  evaluator?: BulkEvaluator;
}

const BUILT_IN_MFA_STRENGTH = '00000000-0000-0000-0000-000000000002';

const grantKey = (g: GrantRequirement) =>
  `${g.operator}|${[...g.builtInControls].sort().join(',')}|${g.authenticationStrength?.id ?? ''}|${[...g.termsOfUse].sort().join(',')}|${[...g.customAuthenticationFactors].sort().join(',')}`;

/** Whether the sign-in is known to have satisfied a grant already (see satisfiedBy in from-sign-in-log.ts). */
export function grantSatisfied(grant: GrantRequirement, satisfied: ReadonlySet<string>): boolean {
  const parts: boolean[] = [
    ...grant.builtInControls.map((c) => satisfied.has(c)),
    ...(grant.authenticationStrength
      ? [
          satisfied.has(`strength:${grant.authenticationStrength.id}`) ||
            (grant.authenticationStrength.id === BUILT_IN_MFA_STRENGTH && satisfied.has('mfa')),
        ]
      : []),
    // Terms of use and custom controls leave no trace the log shows per sign-in.
    ...grant.termsOfUse.map(() => false),
    ...grant.customAuthenticationFactors.map(() => false),
  ];
  if (parts.length === 0) return true;
  if (grant.operator === 'AND' ? parts.every(Boolean) : parts.some(Boolean)) return true;
  return grant.operator === 'OR' && satisfied.has(`grant:${[...grant.builtInControls].sort().join('+')}`);
}

const NOT_ENFORCED: FastResult = { result: 'notApplied', failedCondition: 'state' };

const sessionKey = (p: CompiledPolicy | undefined, r: FastResult | undefined) =>
  p && r?.result === 'applies' ? JSON.stringify(p.session.map((s) => [s.control, s.settings])) : '[]';

function classify(
  shape: SignInShape,
  others: readonly CompiledPolicy[],
  saved: CompiledPolicy | undefined,
  draft: CompiledPolicy,
  draftEnforced: boolean,
): Omit<ShapeImpact, 'shapeIndex' | 'signIns' | 'identityIds' | 'resourceIds' | 'sampleIds'> {
  // A draft saved off or report-only enforces nothing, whatever its conditions say.
  const draftR = draftEnforced ? draft.resultFor(shape) : NOT_ENFORCED;
  const savedR = saved?.resultFor(shape);
  const base = { draft: draftR, ...(savedR ? { saved: savedR } : {}) };
  const otherGrants = new Set<string>();
  for (const other of others) {
    if (other.state !== 'enabled' || !other.grant || other.resultFor(shape).result !== 'applies') continue;
    if (other.grant.block) return { ...base, class: 'unchanged' };
    otherGrants.add(grantKey(other.grant));
  }
  if (draftR.result === 'indeterminate' || savedR?.result === 'indeterminate') {
    const missing = [...new Set([...(draftR.missing ?? []), ...(savedR?.missing ?? [])])];
    return { ...base, class: 'indeterminate', missing };
  }
  const beforeGrant = savedR?.result === 'applies' ? saved?.grant : undefined;
  const afterGrant = draftR.result === 'applies' ? draft.grant : undefined;
  const beforeBlock = beforeGrant?.block === true;
  const afterBlock = afterGrant?.block === true;
  if (afterBlock && !beforeBlock) return { ...base, class: 'newlyBlocked' };
  if (beforeBlock && !afterBlock) return { ...base, class: 'relaxed' };
  if (!afterBlock) {
    const after = afterGrant && grantKey(afterGrant);
    const before = beforeGrant && grantKey(beforeGrant);
    if (afterGrant && after !== before && !otherGrants.has(after!)) {
      const done = grantSatisfied(afterGrant, new Set(shape.satisfied));
      return { ...base, class: done ? 'newlyRequiredSatisfied' : 'newlyRequiredWouldPrompt', requires: grantInWords(afterGrant) };
    }
    if (beforeGrant && after !== before && !otherGrants.has(before!)) return { ...base, class: 'relaxed' };
  }
  if (sessionKey(draft, draftR) !== sessionKey(saved, savedR)) return { ...base, class: 'sessionChanged' };
  return { ...base, class: 'unchanged' };
}

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** The draft's impact over the shapes of recent sign-ins. */
export function draftImpact(input: ImpactInput): DraftImpact {
  const evaluator = input.evaluator ?? new BulkEvaluator(input.context);
  const draftBody = input.draft as Record<string, unknown>;
  const saved = input.saved ? evaluator.compile(input.saved) : undefined;
  const savedEnforced = saved && saved.state === 'enabled' ? saved : undefined;
  const draftOn = draftBody?.state === 'enabled';
  // Turning an enforced policy off (or to report-only) is a change in itself: what it enforced is relaxed.
  const stopsEnforcing = !draftOn && !!savedEnforced;
  const asEnabled = !draftOn && !stopsEnforcing;
  const draft = evaluator.compile(asEnabled ? { ...draftBody, state: 'enabled' } : draftBody);
  // The policy itself is the saved one and the draft, whatever the caller's list of the others holds.
  const others = input.others.map((p) => evaluator.compile(p)).filter((p) => p.state === 'enabled' && (!p.id || p.id !== draft.id));
  const classes = Object.fromEntries(
    IMPACT_CLASSES.map((c): [ImpactClass, ClassImpact] => [c, { signIns: 0, shapes: 0, identityIds: [], resourceIds: [], items: [] }]),
  ) as Record<ImpactClass, ClassImpact>;
  const seen = Object.fromEntries(IMPACT_CLASSES.map((c) => [c, { ids: new Set<string>(), apps: new Set<string>() }]));
  const watched = new Map<string, ImpactAlert['who']>();
  for (const id of input.emergencyAccountIds ?? []) watched.set(id, 'emergencyAccount');
  if (input.signedInUserId && !watched.has(input.signedInUserId)) watched.set(input.signedInUserId, 'signedInAdmin');
  const alerts = new Map<string, ImpactAlert>();
  for (const shape of input.shapes.shapes) {
    const verdict = classify(shape, others, savedEnforced, draft, !stopsEnforcing);
    const item: ShapeImpact = {
      shapeIndex: shape.index,
      signIns: shape.count,
      identityIds: shape.identityIds,
      resourceIds: shape.resourceIds,
      sampleIds: shape.sampleIds,
      ...verdict,
    };
    const into = classes[item.class];
    into.signIns += shape.count;
    into.shapes++;
    into.items.push(item);
    const s = seen[item.class]!;
    for (const id of shape.identityIds) s.ids.add(id);
    for (const app of shape.resourceIds) s.apps.add(app);
    if (item.class === 'unchanged' || item.class === 'relaxed') continue;
    for (const id of shape.identityIds) {
      const who = watched.get(id);
      if (!who) continue;
      const key = `${id}|${item.class}`;
      const alert = alerts.get(key) ?? { identityId: id, who, class: item.class, signIns: 0, items: [] };
      alert.signIns += shape.count;
      alert.items.push(item);
      alerts.set(key, alert);
    }
  }
  for (const c of IMPACT_CLASSES) {
    classes[c].identityIds = [...seen[c]!.ids];
    classes[c].resourceIds = [...seen[c]!.apps];
    classes[c].items.sort((a, b) => b.signIns - a.signIns);
  }
  const rank = (a: ImpactAlert) => (a.who === 'emergencyAccount' ? 0 : 100) + IMPACT_CLASSES.indexOf(a.class);
  const total = input.shapes.signIns;
  const parts = IMPACT_CLASSES.filter((c) => c !== 'unchanged' && classes[c].signIns > 0).map(
    (c) =>
      `${count(classes[c].signIns, 'sign-in')} ${IMPACT_WORDS[c]} (${count(classes[c].identityIds.length, 'identity', 'identities')}, ${count(classes[c].resourceIds.length, 'resource')})`,
  );
  const counted = `${count(total, 'sign-in')} (${count(input.shapes.shapes.length, 'distinct shape')}): ${parts.length ? parts.join('; ') : 'nothing changes'}.`;
  // Neither the saved policy nor the draft is enforced: saving changes no sign-in, and the figures are what
  // the draft would do once switched on (said as such, not as if the draft were turning it on).
  const savedState = (input.saved as Record<string, unknown> | null)?.state;
  const stateWord = (state: unknown) => (state === REPORT_ONLY ? 'report-only' : 'off');
  const notEnforced = input.saved
    ? `The policy is ${stateWord(savedState)} now and the draft is ${stateWord(draftBody?.state)}: neither is enforced, so saving it changes no sign-in.`
    : `The draft is ${stateWord(draftBody?.state)}: saving it changes no sign-in.`;
  const summary =
    total === 0
      ? 'There are no sign-ins to evaluate the draft against.'
      : stopsEnforcing
        ? `${draftBody?.state === REPORT_ONLY ? 'Once in report-only (no longer enforced), of' : 'Once switched off, of'} ${counted}`
        : asEnabled
          ? `${notEnforced} Were it switched on, of ${counted}`
          : `Of ${counted}`;
  return {
    evaluatedAsEnabled: asEnabled,
    stopsEnforcing,
    signIns: total,
    shapes: input.shapes.shapes.length,
    classes,
    alerts: [...alerts.values()].sort((a, b) => rank(a) - rank(b)),
    summary,
  };
}

/** The draft's full evaluation (trace and words) for one shape, for the drill-down. */
export function explainDraft(draft: unknown, shape: SignInShape, context?: EvaluationContext): PolicyEvaluation {
  const body = draft as Record<string, unknown>;
  return new BulkEvaluator(context).compile(body?.state === 'enabled' ? body : { ...body, state: 'enabled' }).explain(shape);
}
