// What the review's sign-in check says of each kind of impact, as whole sentences: the domain's short
// words ("cannot be evaluated", "with other session controls") do not follow "would be" in every case.
import type { ReactNode } from 'react';
import type { ImpactClass } from '../../domain/evaluation/bulk/impact';

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
