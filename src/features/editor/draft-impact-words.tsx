// What the review's sign-in check says of each kind of impact, as whole sentences: the domain's short
// words ("cannot be evaluated", "with other session controls") do not follow "would be" in every case.
import type { ReactNode } from 'react';
import { Fragment } from 'react';
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

/** The counts behind the headline, each a sentence: what was compared, where it differs, what it could not judge. */
export function trustDetails(m: AgreementMeasure): ReactNode[] {
  const details: ReactNode[] = [
    m.compared === 0
      ? `Nothing could be compared over ${plural(m.signIns, 'sign-in')} and ${plural(m.policies, 'policy', 'policies')}.`
      : `Compared over ${plural(m.signIns, 'sign-in')} and ${plural(m.policies, 'policy', 'policies')}: ${plural(m.compared, 'decision')} (one policy on one sign-in) worked out by both.`,
  ];
  if (m.differIn.length > 0) details.push(`Where they differ: ${m.differIn.join(', ')}.`);
  if (m.undecided > 0) details.push(`Not counted: ${plural(m.undecided, 'more decision')} Gatehouse could not judge from the log.`);
  if (m.tooFewDecided.length > 0) {
    const one = m.tooFewDecided.length === 1;
    details.push(
      <>
        For{' '}
        {m.tooFewDecided.map((name, i) => (
          <Fragment key={`${i}:${name}`}>
            {i === 0 ? '' : i === m.tooFewDecided.length - 1 ? ' and ' : ', '}
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
