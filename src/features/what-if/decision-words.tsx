// The decision for one sign-in in words ("Blocked by CA001." / "Allowed, requires multifactor authentication
// (CA002)."), with each policy's name kept apart: shown, a name is a <bdi>; said or in a plain string, it is
// set between direction isolates, so a name holding U+202E or right-to-left letters cannot reorder the words.
// As the admin center's What If, it says the grant and the session controls of each policy that applies.
import { Fragment } from 'react';
import type { SessionRequirement } from '../../domain/evaluation/controls';
import { grantInWords, type PolicyRef, type Requirements } from '../../domain/evaluation/evaluate-policies';
import { describePolicy, type SummaryLine } from '../../domain/describe-policy';
import type { ConditionalAccessSessionControls } from '../../domain/types';
import { Isolated, isolatedText } from '../../shared/ui/isolated-text';

/** Words, and the tenant's names among them. */
export type Part = string | { name: string };

/** Policies' names, comma-separated. */
export const names = (refs: readonly PolicyRef[]): Part[] =>
  refs.flatMap((r, i) => (i === 0 ? [{ name: r.displayName }] : [', ', { name: r.displayName }]));

/** Words asked, each with the policies that ask them: policies asking the same words are named together. */
function byWords(asked: readonly (PolicyRef & { words: string })[]): { words: string; refs: PolicyRef[] }[] {
  const groups = new Map<string, PolicyRef[]>();
  for (const a of asked) groups.set(a.words, [...(groups.get(a.words) ?? []), a]);
  return [...groups].map(([words, refs]) => ({ words, refs }));
}

/** "A (CA001, CA002) and B (CA003)", with `verb` before each: one sentence however many policies. */
function asked(asked: readonly (PolicyRef & { words: string })[], verb: string): Part[] {
  const groups = byWords(asked);
  return groups.flatMap(({ words, refs }, i): Part[] => [
    ...(i === 0 ? [] : [groups.length > 2 ? (i === groups.length - 1 ? ', and ' : ', ') : ' and ']),
    `${verb}${words} (`,
    ...names(refs),
    ')',
  ]);
}

/** A session control in the policy page's words: "Sign-in frequency every 12 hours". */
const lineWords = ({ label, text = '' }: SummaryLine) =>
  text === 'On' || text.startsWith('Require ') ? label : `${label} ${text.charAt(0).toLowerCase()}${text.slice(1)}`;

/** A control as the policy holds it: resilience defaults is a flag, the evaluation keeps it as { flag: true }. */
const asHeld = ({ control, settings }: SessionRequirement) => (control === 'disableResilienceDefaults' ? settings[control] : settings);

/**
 * One policy's session controls in words, through the policy page's describer so both say them alike; a control
 * it has no words for (one Graph added since) is named by its property, rather than left out.
 */
export function sessionInWords(controls: readonly SessionRequirement[]): string {
  return controls
    .map((c) => {
      const sessionControls = { [c.control]: asHeld(c) } as ConditionalAccessSessionControls;
      const section = describePolicy({ sessionControls }, undefined).find((s) => s.title === 'Session');
      const lines = (section?.lines ?? []).filter((l) => l.label !== 'Session');
      return lines.length ? lines.map(lineWords).join(' and ') : isolatedText(c.control);
    })
    .join(' and ');
}

/** Each applying policy's session controls, as one entry per policy. */
const sessionsOf = (session: Requirements['session']): (PolicyRef & { words: string })[] => {
  const byPolicy = new Map<string, { ref: PolicyRef; controls: SessionRequirement[] }>();
  for (const s of session) {
    const entry = byPolicy.get(s.policyId) ?? { ref: { policyId: s.policyId, displayName: s.displayName }, controls: [] };
    entry.controls.push(s.control);
    byPolicy.set(s.policyId, entry);
  }
  return [...byPolicy.values()].map(({ ref, controls }) => ({ ...ref, words: sessionInWords(controls) })).filter((s) => s.words);
};

/** The decision first, then the session controls that apply, then what may still change it. */
export function decisionParts(requirements: Requirements): Part[] {
  const { decision, grants, indeterminate, certain } = requirements;
  const parts: Part[] =
    decision === 'block'
      ? ['Blocked by ', ...names(requirements.blockedBy), '.']
      : decision === 'controls'
        ? [
            'Allowed, ',
            ...asked(
              grants.map((g) => ({ ...g, words: grantInWords(g.grant) })),
              'requires ',
            ),
            '.',
          ]
        : // No grant asked: the domain's words say whether any policy applies at all.
          [
            requirements.summary.startsWith('No policy applies')
              ? 'Allowed: no policy applies.'
              : 'Allowed: no policy that applies asks for a grant control.',
          ];
  // A block ends the sign-in: no session follows.
  const sessions = decision === 'block' ? [] : sessionsOf(requirements.session);
  if (sessions.length > 0) parts.push(' Session controls: ', ...asked(sessions, ''), '.');
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
