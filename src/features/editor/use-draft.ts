// The draft being edited: its text (saved to the device as it changes), the parsed policy when the
// text is valid JSON, the checks' findings, and the base it started from.
import { useEffect, useMemo, useRef, useState } from 'react';
import { comparableText, type JsonObject } from '../../domain/policy-body';
import { describeChanges } from '../../domain/describe-changes';
import { checkPolicy, type PolicyFinding } from '../../domain/policy-checks';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { draftStore, type Draft } from '../../policy-ui/draft-store';
import { policyForEditing } from '../../policy-ui/open-in-editor';
import { parseJson } from '../../domain/policy-file';

export interface DraftState {
  text: string;
  setText(text: string): void;
  policy: JsonObject | null;
  parseError: string | null;
  findings: PolicyFinding[];
  base: JsonObject;
  baseModified: string | null;
  /** A saved draft was found on this device and restored. */
  restoredAt: string | null;
  /** Why the draft was started for the admin (a revert), if it was. */
  origin: string | null;
  dirty: boolean;
  /** Starts again from a (new) base: after a save, a discard or a rebase. */
  reset(base: JsonObject, text?: string): void;
  /** Another tab of this device changed or discarded this draft while this one was open, and when. */
  elsewhere: { what: 'changed' | 'discarded'; at: string } | null;
}

const pretty = (policy: JsonObject) => JSON.stringify(policy, null, 2);

/** A draft of an existing policy starts from the policy as Graph returned it. */
export function startFromPolicy(live: ConditionalAccessPolicy): { base: JsonObject; text: string } {
  const policy = policyForEditing(live);
  return { base: policy, text: pretty(policy) };
}

/**
 * @param draftId the policy's id, or "new" for a policy being created
 * @param start where a draft begins when none is saved: its base (what saving compares against) and text
 */
export function useDraft(accountKey: string, draftId: string, start: () => { base: JsonObject; text: string }): DraftState {
  const id = draftId;
  const [state, setState] = useState(() => {
    const saved = draftStore.load(accountKey, id);
    if (saved)
      return {
        text: saved.text,
        base: JSON.parse(saved.baseText) as JsonObject,
        baseModified: saved.baseModified,
        restoredAt: saved.updatedAt as string | null,
        origin: saved.origin ?? null,
      };
    const { base, text } = start();
    return {
      text,
      base,
      baseModified: typeof base.modifiedDateTime === 'string' ? base.modifiedDateTime : null,
      restoredAt: null as string | null,
      origin: null as string | null,
    };
  });

  const parsed = useMemo(() => {
    try {
      // The same plain words as a pasted or opened file ("a property name in double quotes expected at
      // line 1, column 26"), not the browser's.
      const value = parseJson(state.text, 'The text');
      return typeof value === 'object' && value !== null && !Array.isArray(value)
        ? { policy: value as JsonObject, error: null }
        : { policy: null, error: 'The JSON must be one object: the policy.' };
    } catch (error) {
      return { policy: null, error: error instanceof Error ? error.message : String(error) };
    }
  }, [state.text]);
  const findings = useMemo(() => (parsed.policy ? checkPolicy(parsed.policy) : []), [parsed.policy]);
  // Changed when the review would find a change to save: null, absent and an empty list say the same
  // (a location added then removed leaves {"includeLocations": []} where the tenant has null), and a
  // draft that differs only so is clean (else it could never be saved, nor left without a question).
  const dirty = useMemo(
    () =>
      parsed.policy
        ? comparableText(parsed.policy) !== comparableText(state.base) && describeChanges(state.base, parsed.policy).length > 0
        : state.text !== pretty(state.base),
    [parsed.policy, state.text, state.base],
  );

  const draft: Draft | null = useMemo(
    () =>
      dirty
        ? {
            text: state.text,
            baseText: JSON.stringify(state.base),
            baseModified: state.baseModified,
            updatedAt: new Date().toISOString(),
            ...(state.origin ? { origin: state.origin } : {}),
          }
        : null,
    [dirty, state.text, state.base, state.baseModified, state.origin],
  );
  useEffect(() => {
    if (draft) draftStore.save(accountKey, id, draft);
    else draftStore.clear(accountKey, id);
  }, [accountKey, id, draft]);

  // The same draft open in two tabs: each keeps its own text, and the other's changes are said here. When
  // the other discards it (or saves it to the tenant), this tab's unsaved text is kept on the device again
  // at once, so closing this tab afterwards loses nothing. Only then: answering a change with a save would
  // make the two tabs answer each other for ever.
  const [elsewhere, setElsewhere] = useState<DraftState['elsewhere']>(null);
  const mine = useRef(draft);
  useEffect(() => {
    mine.current = draft;
  }, [draft]);
  useEffect(
    () =>
      draftStore.watch(accountKey, id, (theirs) => {
        if (!mine.current || theirs?.text === mine.current.text) return;
        setElsewhere({ what: theirs ? 'changed' : 'discarded', at: new Date().toISOString() });
        if (!theirs) draftStore.save(accountKey, id, { ...mine.current, updatedAt: new Date().toISOString() });
      }),
    [accountKey, id],
  );

  return {
    text: state.text,
    setText: (text) => setState((s) => ({ ...s, text })),
    policy: parsed.policy,
    parseError: parsed.error,
    findings,
    base: state.base,
    baseModified: state.baseModified,
    restoredAt: state.restoredAt,
    origin: state.origin,
    dirty,
    elsewhere,
    reset: (base, text) =>
      setState({
        text: text ?? pretty(base),
        base,
        baseModified: typeof base.modifiedDateTime === 'string' ? base.modifiedDateTime : null,
        restoredAt: null,
        origin: null,
      }),
  };
}
