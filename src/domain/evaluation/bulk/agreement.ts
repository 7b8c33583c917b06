// How often the engine agrees with the service: each logged sign-in replayed through the engine and,
// per policy, compared with what the log says the service decided (appliedConditionalAccessPolicies,
// appliedconditionalaccesspolicy.md). success, failure and the report-only success, failure and
// interrupted results mean the policy applied; notApplied and reportOnlyNotApplied that it did not;
// notEnabled, unknown and unknownFutureValue (report-only results read without the Prefer header)
// cannot be compared. A sign-in older than the policy's last change is not compared either: the
// service decided it on another version. Where they disagree, the condition that decided is named:
// the engine's failing condition when it said "not applied", the log's unsatisfied condition when it
// said "applied". Below a threshold, a draft's impact is said not to be trusted; so with a policy whose
// sign-ins the engine could mostly not decide, since a high agreement over the few it could says little.
import { isolatedText } from '../../isolate';
import { objectIn as obj, stringsIn as list } from '../../json';
import type { ConditionName } from '../evaluate-policy';
import { configured, flagsIn } from '../outcome';
import type { EvaluationContext } from '../sign-in';
import { BulkEvaluator, type CompiledPolicy } from './evaluator';
import { fromSignInLog, newLogMemo, type DirectoryFacts, type LoggedSignIn, type LogMemo } from './from-sign-in-log';
import { relevanceOf, ShapeBuilder } from './shapes';

export type LoggedOutcome = 'applied' | 'notApplied' | 'notComparable';

const APPLIED = new Set(['success', 'failure', 'reportOnlySuccess', 'reportOnlyFailure', 'reportOnlyInterrupted']);
const NOT_APPLIED = new Set(['notApplied', 'reportOnlyNotApplied']);

export function loggedOutcome(result: unknown): LoggedOutcome {
  return APPLIED.has(String(result)) ? 'applied' : NOT_APPLIED.has(String(result)) ? 'notApplied' : 'notComparable';
}

/** The log's condition names (conditionalAccessConditions) as the engine's. */
const LOG_CONDITIONS: Record<string, ConditionName> = {
  users: 'users',
  servicePrincipals: 'workloadIdentities',
  application: 'applications',
  devicePlatform: 'platforms',
  location: 'locations',
  clientType: 'clientApps',
  client: 'clientApps',
  signInRisk: 'signInRisk',
  userRisk: 'userRisk',
  servicePrincipalRisk: 'servicePrincipalRisk',
  deviceState: 'devices',
};

export const CONDITION_WORDS: Record<ConditionName | 'unknown', string> = {
  policy: 'the policy',
  state: 'the state',
  users: 'users',
  workloadIdentities: 'workload identities',
  applications: 'target resources',
  platforms: 'device platforms',
  locations: 'locations',
  clientApps: 'client apps',
  devices: 'device filters',
  signInRisk: 'sign-in risk',
  userRisk: 'user risk',
  insiderRisk: 'insider risk',
  servicePrincipalRisk: 'service principal risk',
  agentIdRisk: 'agent risk',
  authenticationFlows: 'authentication flows',
  otherConditions: 'conditions the engine does not evaluate',
  unknown: 'a condition the log does not name',
};

export interface Mismatch {
  signInId: string;
  engine: 'applies' | 'notApplied';
  logged: string;
}

export interface ConditionAgreement {
  condition: ConditionName | 'unknown';
  /** Comparisons of policies that set this condition. */
  compared: number;
  /** Disagreements this condition decided. */
  mismatched: number;
  agreement: number | null;
  samples: Mismatch[];
}

export interface PolicyAgreement {
  policyId: string;
  displayName: string;
  compared: number;
  agreed: number;
  /** The engine could not decide (indeterminate): not compared, counted apart. */
  undecided: number;
  /** The log's result cannot be compared (notEnabled, unknownFutureValue…) or the policy changed since. */
  notComparable: number;
  /** agreed / compared; null when nothing was compared. */
  agreement: number | null;
  /** compared / (compared + undecided); null when the engine had nothing to decide. */
  decidedShare: number | null;
  /** The engine decided under MINIMUM_DECIDED_SHARE of its sign-ins: its agreement judges too little. */
  tooFewDecided: boolean;
  conditions: ConditionAgreement[];
  sentence: string;
}

/** Below this share of a policy's sign-ins decided, its agreement is not a measure of the engine. */
export const MINIMUM_DECIDED_SHARE = 0.5;

export interface AgreementReport {
  signIns: number;
  compared: number;
  agreed: number;
  undecided: number;
  agreement: number | null;
  policies: PolicyAgreement[];
  /** Every condition over every policy. */
  conditions: ConditionAgreement[];
  sentence: string;
  threshold: number;
  /** Whether the engine agrees well enough (and over enough sign-ins) for a draft's impact to be trusted. */
  trusted: boolean;
  /** The policies whose sign-ins the engine mostly could not decide: nothing is trusted of them, whatever `trusted` says. */
  tooFewDecided: { policyId: string; displayName: string }[];
}

export interface AgreementOptions {
  context?: EvaluationContext;
  directory?: DirectoryFacts;
  tenantId?: string;
  /** Below this agreement, a draft's result is not to be trusted. Default 0.97. */
  threshold?: number;
  /** Fewer comparisons than this say nothing either way. Default 50. */
  minimumCompared?: number;
  /** Compare sign-ins older than the policy's modifiedDateTime too. Default false. */
  includeBeforeChange?: boolean;
  /** Disagreements kept per policy and condition. Default 5. */
  samples?: number;
  /** Reads one entry (default fromSignInLog), for a caller that knows more about its log than the docs say. */
  read?: (entry: unknown, directory: DirectoryFacts | undefined, tenantId: string | undefined, memo: LogMemo) => LoggedSignIn;
}

const percent = (x: number) => `${(Math.floor(x * 1000) / 10).toFixed(1)} %`;
const number = (n: number) => n.toLocaleString('en-US');
/** "A", "A and B", "A, B and C". */
const listOf = (names: readonly string[]) =>
  names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;

function sentenceOf(
  compared: number,
  agreed: number,
  conditions: readonly ConditionAgreement[],
  undecided: number,
  noun = 'sign-ins',
): string {
  if (compared === 0)
    return undecided > 0
      ? `could not be compared: the engine could not decide any of ${number(undecided)} ${noun}`
      : `has no ${noun} to compare`;
  const off = conditions.filter((c) => c.mismatched > 0).sort((a, b) => b.mismatched - a.mismatched);
  const where = off.length === 0 ? '' : `; the mismatches are in ${off.map((c) => CONDITION_WORDS[c.condition]).join(', ')}`;
  const open = undecided > 0 ? ` (${number(undecided)} more the engine could not decide)` : '';
  return `agrees on ${percent(agreed / compared)} of ${number(compared)} ${noun}${where}${open}`;
}

type Tally = Map<ConditionName | 'unknown', ConditionAgreement>;
const tally = (t: Tally, condition: ConditionName | 'unknown') => {
  let c = t.get(condition);
  if (!c) t.set(condition, (c = { condition, compared: 0, mismatched: 0, agreement: null, samples: [] }));
  return c;
};
const finish = (t: Tally) =>
  [...t.values()].map((c) => ({ ...c, agreement: c.compared === 0 ? null : (c.compared - c.mismatched) / c.compared }));

/** Replays logged sign-ins (Graph beta signIn entries) through the engine and compares per policy. */
export function measureAgreement(
  entries: readonly unknown[],
  policies: readonly unknown[],
  options: AgreementOptions = {},
): AgreementReport {
  const threshold = options.threshold ?? 0.97;
  const keep = options.samples ?? 5;
  const builder = new ShapeBuilder(options.context ?? {}, 1, relevanceOf(policies));
  const memo = newLogMemo();
  const evaluator = new BulkEvaluator(options.context);
  const compiled = new Map<string, { policy: CompiledPolicy; changed: number }>();
  for (const p of policies) {
    const c = evaluator.compile(p);
    const modified = Date.parse(String(obj(p).modifiedDateTime ?? obj(p).createdDateTime ?? ''));
    compiled.set(c.id, { policy: c, changed: options.includeBeforeChange || Number.isNaN(modified) ? -Infinity : modified });
  }
  const stats = new Map<string, PolicyAgreement & { tally: Tally }>();
  const all: Tally = new Map();
  for (const { policy } of compiled.values())
    stats.set(policy.id, {
      policyId: policy.id,
      displayName: policy.displayName,
      compared: 0,
      agreed: 0,
      undecided: 0,
      notComparable: 0,
      agreement: null,
      decidedShare: null,
      tooFewDecided: false,
      conditions: [],
      sentence: '',
      tally: new Map(),
    });
  for (const raw of entries) {
    const logged: LoggedSignIn = (options.read ?? fromSignInLog)(raw, options.directory, options.tenantId, memo);
    const shape = builder.shapes[builder.add(logged)]!;
    const at = Date.parse(logged.createdDateTime ?? '');
    for (const appliedRaw of Array.isArray(obj(raw).appliedConditionalAccessPolicies)
      ? (obj(raw).appliedConditionalAccessPolicies as unknown[])
      : []) {
      const applied = obj(appliedRaw);
      const entry = compiled.get(String(applied.id));
      if (!entry) continue;
      const s = stats.get(entry.policy.id)!;
      const expected = loggedOutcome(applied.result);
      if (expected === 'notComparable' || (!Number.isNaN(at) && at < entry.changed)) {
        s.notComparable++;
        continue;
      }
      const engine = entry.policy.resultFor(shape);
      if (engine.result === 'indeterminate') {
        s.undecided++;
        continue;
      }
      s.compared++;
      const set = entry.policy.conditionsFor(shape);
      for (const condition of set) {
        tally(s.tally, condition).compared++;
        tally(all, condition).compared++;
      }
      const said = engine.result === 'applies' ? 'applied' : 'notApplied';
      if (said === expected) {
        s.agreed++;
        continue;
      }
      const logFailed = flagsIn(applied.conditionsNotSatisfied);
      // The documented enum has no member for device filters, insider risk, agent risk or authentication flows: the
      // log says unknownFutureValue, which is the one of them the policy sets, when it sets only one.
      const unnamed = set.filter((c) => c === 'devices' || c === 'insiderRisk' || c === 'agentIdRisk' || c === 'authenticationFlows');
      const decided: ConditionName | 'unknown' =
        engine.result === 'notApplied'
          ? (engine.failedCondition ?? 'unknown')
          : (logFailed.map((f) => (f === 'unknownFutureValue' && unnamed.length === 1 ? unnamed[0] : LOG_CONDITIONS[f])).find(Boolean) ??
            'unknown');
      const mismatch = { signInId: logged.id, engine: engine.result, logged: String(applied.result) } as const;
      for (const t of [s.tally, all]) {
        const c = tally(t, decided);
        c.mismatched++;
        if (c.samples.length < keep) c.samples.push(mismatch);
      }
    }
  }
  const report = [...stats.values()].map(({ tally: t, ...s }) => {
    const conditions = finish(t);
    const decidedShare = s.compared + s.undecided === 0 ? null : s.compared / (s.compared + s.undecided);
    const tooFewDecided = decidedShare !== null && decidedShare < MINIMUM_DECIDED_SHARE;
    return {
      ...s,
      conditions,
      agreement: s.compared === 0 ? null : s.agreed / s.compared,
      decidedShare,
      tooFewDecided,
      sentence: `${sentenceOf(s.compared, s.agreed, conditions, s.undecided)}${tooFewDecided && s.compared > 0 ? ': too few decided to judge' : ''}`,
    };
  });
  const compared = report.reduce((n, p) => n + p.compared, 0);
  const agreed = report.reduce((n, p) => n + p.agreed, 0);
  const undecided = report.reduce((n, p) => n + p.undecided, 0);
  const conditions = finish(all);
  const agreement = compared === 0 ? null : agreed / compared;
  const trusted = agreement !== null && compared >= (options.minimumCompared ?? 50) && agreement >= threshold;
  const overall = sentenceOf(compared, agreed, conditions, undecided, 'decisions');
  const tooFewDecided = report.filter((p) => p.tooFewDecided).map(({ policyId, displayName }) => ({ policyId, displayName }));
  const few =
    tooFewDecided.length === 0
      ? ''
      : ` For ${listOf(tooFewDecided.map((p) => isolatedText(p.displayName)))}, it could decide fewer than half of the sign-ins: too few to judge its answers for ${tooFewDecided.length === 1 ? 'that policy' : 'those policies'}.`;
  return {
    signIns: builder.signIns,
    compared,
    agreed,
    undecided,
    agreement,
    policies: report,
    conditions,
    sentence: `Over ${number(builder.signIns)} sign-ins and ${number(report.length)} policies, the engine ${overall}.${few}${trusted ? '' : ` Below ${percent(threshold)} or over too few sign-ins, a draft's result is not to be trusted.`}`,
    threshold,
    trusted,
    tooFewDecided,
  };
}

/** The conditions a policy sets, as the engine names them. */
function conditionsOf(policy: unknown): ConditionName[] {
  const c = obj(obj(policy).conditions);
  const names: [string, ConditionName][] = [
    ['users', 'users'],
    ['clientApplications', 'workloadIdentities'],
    ['applications', 'applications'],
    ['platforms', 'platforms'],
    ['locations', 'locations'],
    ['clientAppTypes', 'clientApps'],
    ['devices', 'devices'],
    ['signInRiskLevels', 'signInRisk'],
    ['userRiskLevels', 'userRisk'],
    ['insiderRiskLevels', 'insiderRisk'],
    ['servicePrincipalRiskLevels', 'servicePrincipalRisk'],
    ['agentIdRiskLevels', 'agentIdRisk'],
    ['authenticationFlows', 'authenticationFlows'],
  ];
  const set = (key: string) => configured(c[key]) && !(key === 'clientAppTypes' && list(c[key]).includes('all'));
  return names.filter(([key]) => set(key)).map(([, name]) => name);
}

/**
 * Why a draft's impact is not to be trusted: the one figure that made it so, for the console to say in
 * its own words (the sentence is the engine's view, for the command line).
 */
export type Distrust =
  /** Fewer decisions than the minimum (none, maybe) could be compared. */
  | { kind: 'tooFewCompared'; compared: number; minimum: number }
  /** The agreement over every decision is under the threshold; `mostIn` decided the most mismatches. */
  | { kind: 'lowAgreement'; agreement: number; threshold: number; mostIn: ConditionName | 'unknown' | null }
  /** The draft's own policy: the engine could decide under half of its sign-ins. */
  | { kind: 'policyUndecided'; displayName: string; decidedShare: number }
  /** Conditions the draft sets, on which the engine agrees under the threshold: the weakest first. */
  | { kind: 'weakConditions'; threshold: number; conditions: { condition: ConditionName | 'unknown'; agreement: number }[] };

/** Whether a draft's impact can be trusted: the agreement overall and on every condition the draft sets. */
export function trustOfDraft(
  report: AgreementReport,
  draft: unknown,
  minimumCompared = 50,
): { trusted: boolean; sentence: string; why?: Distrust } {
  if (!report.trusted) {
    const why: Distrust =
      report.agreement === null || report.compared < minimumCompared
        ? { kind: 'tooFewCompared', compared: report.compared, minimum: minimumCompared }
        : {
            kind: 'lowAgreement',
            agreement: report.agreement,
            threshold: report.threshold,
            mostIn:
              [...report.conditions].filter((c) => c.mismatched > 0).sort((a, b) => b.mismatched - a.mismatched)[0]?.condition ?? null,
          };
    return { trusted: false, sentence: report.sentence, why };
  }
  const id = obj(draft).id;
  const undecided = report.policies.find((p) => p.policyId === id && p.tooFewDecided);
  if (undecided)
    return {
      trusted: false,
      sentence: `The engine could decide fewer than half of the sign-ins to ${isolatedText(undecided.displayName)}: too few to judge, so the draft's result is not to be trusted.`,
      why: { kind: 'policyUndecided', displayName: undecided.displayName, decidedShare: undecided.decidedShare ?? 0 },
    };
  const weak = conditionsOf(draft)
    .map((name) => report.conditions.find((c) => c.condition === name))
    .filter((c): c is ConditionAgreement => !!c && c.compared >= minimumCompared && c.agreement !== null && c.agreement < report.threshold);
  if (weak.length === 0) return { trusted: true, sentence: report.sentence };
  return {
    trusted: false,
    sentence: `The engine agrees with the service on only ${weak.map((c) => `${percent(c.agreement!)} of sign-ins to policies that set ${CONDITION_WORDS[c.condition]}`).join(' and ')}; the draft sets ${weak.length > 1 ? 'them' : 'it'} too, so its result is not to be trusted.`,
    why: {
      kind: 'weakConditions',
      threshold: report.threshold,
      conditions: weak.map((c) => ({ condition: c.condition, agreement: c.agreement! })).sort((a, b) => a.agreement - b.agreement),
    },
  };
}
