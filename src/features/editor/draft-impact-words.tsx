// What the review's sign-in check says of each kind of impact, as whole sentences: the domain's short
// words ("cannot be evaluated", "with other session controls") do not follow "would be" in every case.
import type { ReactNode } from 'react';
import { Fragment } from 'react';
import { CONDITION_WORDS, type Distrust } from '../../domain/evaluation/bulk/agreement';
import type { ImpactClass } from '../../domain/evaluation/bulk/impact';
import type { AgreementMeasure } from '../../domain/evaluation/impact-of-draft';
import { Isolated } from '../../shared/ui/isolated-text';

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** The alert on an emergency account or the admin: `who` is the account, named and isolated, with whose it is. */
export function alertSentence(impact: ImpactClass, who: ReactNode, signIns: number, days: number): ReactNode {
  const inSignIns = `in ${plural(signIns, 'sign-in')} of the last ${days} days.`;
  switch (impact) {
    case 'newlyBlocked':
      return (
        <>
          {who} would be newly blocked {inSignIns}
        </>
      );
    case 'newlyRequiredWouldPrompt':
      return (
        <>
          {who} would newly be asked for a control they would be prompted for {inSignIns}
        </>
      );
    case 'newlyRequiredSatisfied':
      return (
        <>
          {who} would newly be asked for a control they already satisfied {inSignIns}
        </>
      );
    case 'indeterminate':
      return (
        <>
          The draft cannot be evaluated for {plural(signIns, 'sign-in')} of {who} in the last {days} days: it may keep them out or prompt
          them.
        </>
      );
    case 'sessionChanged':
      return (
        <>
          {who} would get other session controls {inSignIns}
        </>
      );
    case 'relaxed':
      return (
        <>
          {who} would no longer be blocked or asked for a control {inSignIns}
        </>
      );
    case 'unchanged':
      return (
        <>
          {who} would see no change {inSignIns}
        </>
      );
  }
}

/** The lock-out guard's reason for an account (the grave kinds, mostly): a sentence of its own. */
export function riskSentence(impact: ImpactClass, signIns: number, days: number): string {
  const n = plural(signIns, 'sign-in');
  switch (impact) {
    case 'indeterminate':
      return `In the last ${days} days, ${n} could not be evaluated against the draft: it may keep them out or prompt them.`;
    case 'sessionChanged':
      return `In the last ${days} days, ${n} would have had other session controls.`;
    case 'unchanged':
      return `In the last ${days} days, ${n} would have been unchanged.`;
    case 'newlyBlocked':
      return `In the last ${days} days, ${n} would have been newly blocked.`;
    case 'newlyRequiredWouldPrompt':
      return `In the last ${days} days, ${n} would have been newly asked for a control they would be prompted for.`;
    case 'newlyRequiredSatisfied':
      return `In the last ${days} days, ${n} would have been newly asked for a control they already satisfied.`;
    case 'relaxed':
      return `In the last ${days} days, ${n} would no longer have been blocked or asked for a control.`;
  }
}

/** The name of the list of people behind a kind of impact, when its sign-ins are shown. */
export const WHO_WORDS: Record<ImpactClass, string> = {
  newlyBlocked: 'Who would be newly blocked',
  newlyRequiredWouldPrompt: 'Who would newly be asked for a control they would be prompted for',
  newlyRequiredSatisfied: 'Who would newly be asked for a control they already satisfied',
  indeterminate: 'Whose sign-ins cannot be evaluated',
  sessionChanged: 'Who would get other session controls',
  relaxed: 'Who would no longer be blocked or asked for a control',
  unchanged: 'Whose sign-ins would not change',
};

// As the engine's report rounds it (down), so both say the same figure.
const percentOf = (agreed: number, compared: number) => `${(Math.floor((agreed / compared) * 1000) / 10).toFixed(1)} %`;

/**
 * How far to trust the impact's figures, in a sentence an admin reads first: what share of the recent
 * sign-ins' decisions Gatehouse worked out as Entra did. Null when nothing could be compared.
 */
export function trustHeadline(m: AgreementMeasure): string | null {
  if (m.compared === 0) return null;
  return `Gatehouse came to the same result as Entra itself in ${percentOf(m.agreed, m.compared)} of the decisions on these sign-ins it could judge.`;
}

const share = (x: number) => percentOf(x, 1);
/** The condition in the admin's words: Gatehouse, not "the engine". */
const conditionWords = (c: keyof typeof CONDITION_WORDS) =>
  c === 'otherConditions' ? 'conditions Gatehouse does not evaluate' : CONDITION_WORDS[c];

/**
 * Why the figures are not to be relied on, in one sentence: the figure that made it so, named (the
 * condition, the policy), never the overall share beside a lower one.
 */
export function distrustSentence(why: Distrust): ReactNode {
  switch (why.kind) {
    case 'tooFewCompared':
      return why.compared === 0
        ? 'Gatehouse could not compare any of its decisions on these sign-ins with Entra’s own, so nothing shows how often it comes to the same result.'
        : `Gatehouse could compare only ${plural(why.compared, 'decision')} on these sign-ins with Entra’s own: too few to tell how often it comes to the same result (at least ${why.minimum.toLocaleString('en')} are needed).`;
    case 'lowAgreement':
      return `Gatehouse came to the same result as Entra itself in only ${share(why.agreement)} of the decisions on these sign-ins it could judge, under the ${share(why.threshold)} needed to rely on it${why.mostIn ? `; most of the differences are on ${conditionWords(why.mostIn)}` : ''}.`;
    case 'policyUndecided':
      return (
        <>
          Gatehouse could judge only {share(why.decidedShare)} of the sign-ins to <Isolated>{why.displayName}</Isolated>, fewer than half:
          too few to rely on its figures for this policy.
        </>
      );
    case 'weakConditions': {
      const weakest = why.conditions[0]!;
      return `The draft sets ${conditionWords(weakest.condition)}, and on policies that set ${conditionWords(weakest.condition)} Gatehouse came to the same result as Entra itself in only ${share(weakest.agreement)} of the decisions, under the ${share(why.threshold)} needed to rely on it.`;
    }
  }
}

/**
 * The counts behind the headline, each a sentence: what was compared, where it differs, what it could not judge.
 * When the figures are not to be relied on, the share over every decision joins them (the warning said
 * the figure that mattered) and so do the draft's other weak conditions.
 */
export function trustDetails(m: AgreementMeasure, why?: Distrust): ReactNode[] {
  const over = `over ${plural(m.signIns, 'sign-in')} and ${plural(m.policies, 'policy', 'policies')}`;
  const overall =
    why && why.kind !== 'lowAgreement' && m.compared > 0 ? `; ${percentOf(m.agreed, m.compared)} of them came out the same` : '';
  const details: ReactNode[] = [
    m.compared === 0
      ? `Nothing could be compared ${over}.`
      : `Compared ${over}: ${plural(m.compared, 'decision')} (one policy on one sign-in) worked out by both${overall}.`,
  ];
  if (why?.kind === 'weakConditions' && why.conditions.length > 1)
    details.push(
      `Also under ${share(why.threshold)} on a condition the draft sets: ${why.conditions
        .slice(1)
        .map((c) => `${conditionWords(c.condition)} (${share(c.agreement)})`)
        .join(', ')}.`,
    );
  if (m.differIn.length > 0) details.push(`Where they differ: ${m.differIn.join(', ')}.`);
  if (m.undecided > 0) details.push(`Not counted: ${plural(m.undecided, 'more decision')} Gatehouse could not judge from the log.`);
  // The draft's own policy, when that is why, the warning named already.
  const others = why?.kind === 'policyUndecided' ? m.tooFewDecided.filter((name) => name !== why.displayName) : m.tooFewDecided;
  if (others.length > 0) {
    const one = others.length === 1;
    details.push(
      <>
        For{' '}
        {others.map((name, i) => (
          <Fragment key={`${i}:${name}`}>
            {i === 0 ? '' : i === others.length - 1 ? ' and ' : ', '}
            <Isolated>{name}</Isolated>
          </Fragment>
        ))}
        , Gatehouse could judge fewer than half of the sign-ins: too few to rely on its figures for {one ? 'that policy' : 'those policies'}
        .
      </>,
    );
  }
  return details;
}
