// The decision for one sign-in in words ("Blocked by CA001." / "Allowed, requires multifactor authentication
// (CA002)."), with each policy's name kept apart: shown, a name is a <bdi>; said or in a plain string, it is
// set between direction isolates, so a name holding U+202E or right-to-left letters cannot reorder the words.
import { Fragment } from 'react';
import { grantInWords, type PolicyRef, type Requirements } from '../../domain/evaluation/evaluate-policies';
import { Isolated, isolatedText } from '../../shared/ui/isolated-text';

/** Words, and the tenant's names among them. */
export type Part = string | { name: string };

/** Policies' names, comma-separated. */
export const names = (refs: readonly PolicyRef[]): Part[] =>
  refs.flatMap((r, i) => (i === 0 ? [{ name: r.displayName }] : [', ', { name: r.displayName }]));

/** The decision first, then what may still change it. */
export function decisionParts(requirements: Requirements): Part[] {
  const { decision, grants, indeterminate, certain } = requirements;
  const parts: Part[] =
    decision === 'block'
      ? ['Blocked by ', ...names(requirements.blockedBy), '.']
      : decision === 'controls'
        ? [
            'Allowed, requires ',
            ...grants.flatMap((g, i): Part[] => [...(i > 0 ? ['; '] : []), `${grantInWords(g.grant)} (`, { name: g.displayName }, ')']),
            '.',
          ]
        : // No grant asked: the domain's words say whether any policy applies at all.
          [
            requirements.summary.startsWith('No policy applies')
              ? 'Allowed: no policy applies.'
              : 'Allowed: no policy that applies asks for a grant control.',
          ];
  if (!certain) parts.push(` ${indeterminate.length} more may apply but cannot be evaluated: `, ...names(indeterminate), '.');
  return parts;
}

/** For a status or an aria-label. */
export const partsText = (parts: readonly Part[]): string => parts.map((p) => (typeof p === 'string' ? p : isolatedText(p.name))).join('');

/** For the page. */
export function PartsView({ parts }: { parts: readonly Part[] }) {
  return (
    <>
      {parts.map((p, i) => (
        <Fragment key={i}>{typeof p === 'string' ? p : <Isolated>{p.name}</Isolated>}</Fragment>
      ))}
    </>
  );
}
