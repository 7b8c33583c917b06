// The engine over many shapes at once. Each condition of a policy reads one group of facts (users the
// identity, locations the network…), so its answer for one value of that group is the answer for
// every shape that shares it: the evaluator asks the engine's own condition (steps of
// evaluate-policy.ts) once per policy, condition and distinct value, and combines the cached answers
// per shape exactly as evaluatePreparedPolicy does. No reason is built per shape: the words come from
// `explain`, which runs the full engine for the shapes someone looks at.
import { objectIn as obj } from '../../json';
import { REPORT_ONLY } from '../../types';
import { prepareSignIn, type PreparedSignIn } from '../conditions/prepared';
import { grantOf, sessionOf, type GrantRequirement, type SessionRequirement } from '../controls';
import { evaluatePreparedPolicy, steps, type ConditionName, type PolicyEvaluation, type PolicyResult } from '../evaluate-policy';
import type { Outcome } from '../outcome';
import type { EvaluationContext } from '../sign-in';
import type { SignInShape } from './shapes';

/** The fact group (FACT_GROUPS index) each step of `steps` reads, in its order; -1: the policy alone. */
const STEP_GROUPS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 10, -1];

export interface FastResult {
  result: PolicyResult;
  /** The condition that failed (notApplied) or could not be known first (indeterminate). */
  failedCondition?: ConditionName;
  /** What an indeterminate result needs known. */
  missing?: readonly string[];
}

const APPLIES: FastResult = { result: 'applies' };
const DISABLED: FastResult = { result: 'notApplied', failedCondition: 'state' };
const BAD_STATE: FastResult = { result: 'indeterminate', failedCondition: 'state', missing: ['state'] };

type Cached = { condition: ConditionName; outcome: Outcome } | null;

/** One policy made ready for many shapes: its state, controls, and answers cached per condition and value. */
export class CompiledPolicy {
  readonly id: string;
  readonly displayName: string;
  readonly state: string;
  readonly reportOnly: boolean;
  readonly grant: GrantRequirement | undefined;
  readonly session: SessionRequirement[];
  private readonly conditions: Record<string, unknown>;
  private readonly fixed: FastResult | undefined;
  /** Per step, per value of its fact group (a dense index): its answer; undefined until asked. */
  private readonly cache: (Cached | undefined)[][] = STEP_GROUPS.map(() => []);
  private readonly failed = new Map<string, FastResult>();

  constructor(
    readonly body: unknown,
    private readonly prepared: (shape: SignInShape) => PreparedSignIn,
  ) {
    const b = obj(body);
    this.id = typeof b.id === 'string' ? b.id : '';
    this.displayName = typeof b.displayName === 'string' ? b.displayName : '(no name)';
    this.state = typeof b.state === 'string' ? b.state : '';
    this.reportOnly = this.state === REPORT_ONLY;
    this.grant = grantOf(b);
    this.session = sessionOf(b);
    this.conditions = obj(b.conditions);
    this.fixed = this.state === 'disabled' ? DISABLED : this.state !== 'enabled' && !this.reportOnly ? BAD_STATE : undefined;
  }

  private setId = 0;

  private outcome(step: number, shape: SignInShape): Cached {
    const group = STEP_GROUPS[step]!;
    const value = group < 0 ? 0 : shape.groups[group]!;
    const cache = this.cache[step]!;
    let cached = cache[value];
    if (cached === undefined) {
      const [condition, run] = steps(this.conditions, this.prepared(shape))[step]!;
      const outcome = run();
      cached = outcome ? { condition, outcome } : null;
      cache[value] = cached;
    }
    return cached;
  }

  /** The result for a shape, as evaluatePreparedPolicy would give it (without the words). */
  resultFor(shape: SignInShape): FastResult {
    if (this.fixed) return this.fixed;
    if (shape.setId !== this.setId) {
      // The caches are by group index, which another builder numbers differently.
      if (this.setId !== 0)
        throw new Error(`A compiled policy (${this.displayName}) was given shapes of another shape set: compile it again for them.`);
      this.setId = shape.setId;
    }
    let open: { condition: ConditionName; outcome: Extract<Outcome, { kind: 'unknown' }> }[] | undefined;
    for (let step = 0; step < STEP_GROUPS.length; step++) {
      const cached = this.outcome(step, shape);
      if (!cached) continue;
      const { condition, outcome } = cached;
      if (outcome.kind === 'noMatch') {
        let result = this.failed.get(condition);
        if (!result) this.failed.set(condition, (result = { result: 'notApplied', failedCondition: condition }));
        return result;
      }
      if (outcome.kind === 'unknown') (open ??= []).push({ condition, outcome });
    }
    if (!open) return APPLIES;
    return {
      result: 'indeterminate',
      failedCondition: open[0]!.condition,
      missing: [...new Set(open.flatMap((o) => o.outcome.missing))],
    };
  }

  /** The conditions the policy sets, as evaluated for a shape (those after a failing one too). */
  conditionsFor(shape: SignInShape): ConditionName[] {
    if (this.fixed) return [];
    this.resultFor(shape);
    const found: ConditionName[] = [];
    for (let step = 0; step < STEP_GROUPS.length; step++) {
      const cached = this.outcome(step, shape);
      if (!cached) continue;
      found.push(cached.condition);
    }
    return found;
  }

  /** The full evaluation with its words and trace, for one shape someone looks at. */
  explain(shape: SignInShape): PolicyEvaluation {
    return evaluatePreparedPolicy(this.body, this.prepared(shape));
  }
}

/** Policies compiled for one context; a shape is prepared (its id lists made sets) once for them all. */
export class BulkEvaluator {
  private readonly preparedShapes = new Map<SignInShape, PreparedSignIn>();
  readonly prepared = (shape: SignInShape): PreparedSignIn => {
    let p = this.preparedShapes.get(shape);
    if (!p) this.preparedShapes.set(shape, (p = prepareSignIn(shape.facts, this.context)));
    return p;
  };

  constructor(readonly context: EvaluationContext = {}) {}

  compile(policy: unknown): CompiledPolicy {
    return new CompiledPolicy(policy, this.prepared);
  }
}
