// What an action on the rollout page did (a rollout removed, a step forgotten, a gate overridden, the
// copy deleted), said where it is shown: again when the same thing is done again, each saying an
// occasion of its own (counted for the page's life, not from the last notice shown).
import { MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useCallback, useRef, useState } from 'react';
import { Notice } from '../../shared/ui/notice';

export interface Outcome {
  title: string;
  text: string;
  occasion: number;
}

export function useOutcome() {
  const occasions = useRef(0);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  /** Shows and says the words; returns the occasion they were said on. */
  const say = useCallback((words: { title: string; text: string }) => {
    occasions.current += 1;
    const occasion = occasions.current;
    setOutcome({ ...words, occasion });
    return occasion;
  }, []);
  const clear = useCallback(() => setOutcome(null), []);
  return { outcome, say, clear };
}

export function OutcomeNotice({ outcome }: { outcome: Outcome | null }) {
  if (!outcome) return null;
  return (
    <Notice intent="success" layout="multiline" occasion={outcome.occasion}>
      <MessageBarBody>
        <MessageBarTitle>{outcome.title}</MessageBarTitle>
        {outcome.text}
      </MessageBarBody>
    </Notice>
  );
}
