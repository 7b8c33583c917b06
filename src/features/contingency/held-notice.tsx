// What is kept on this device that no plan was given (choices or switch records an earlier version kept under an
// id, or kept for a plan the tenant no longer has): said, each with a way to forget it. Forgetting cannot be undone,
// so it is confirmed first, saying what is lost. Choices an earlier version kept before their plan was deleted may
// be the plan's with that id now (its policies restored): offered, and given only once the admin confirms it.
import { Button, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Text, tokens } from '@fluentui/react-components';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { HeldEntry } from '../../domain/contingency/saved-choices';
import { isolatedText } from '../../shared/ui/isolated-text';

const useStyles = makeStyles({
  list: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  confirm: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    marginBlockStart: tokens.spacingVerticalXS,
  },
});

const idOf = (entry: HeldEntry) => `${entry.kind}\n${entry.key}`;

function titleOf(held: readonly HeldEntry[]) {
  const choices = held.some((h) => h.kind === 'choices');
  const switches = held.some((h) => h.kind === 'switch');
  if (choices && switches) return 'Saved choices and switch records not given to a plan';
  return switches
    ? held.length === 1
      ? 'A switch record not given to a plan'
      : 'Switch records not given to a plan'
    : 'Saved choices not given to a plan';
}

const lossOf = (entry: HeldEntry) =>
  entry.kind === 'switch'
    ? 'Forget this switch record? It holds what each policy it changed was before the switch: what a switch back would need. Once forgotten it cannot be recovered, and those policies can only be put back by hand.'
    : 'Forget these choices? The policies to turn off and the exclusions to add that were saved cannot be recovered once forgotten.';

type Asked = { id: string; to: 'forget' | 'use' };

interface Props {
  held: readonly HeldEntry[];
  /** Removes it from the device; false when the browser would not keep that. */
  onForget: (entry: HeldEntry) => boolean;
  /** Gives it to the plan it is offered to, if it still is (`given`); `kept` false when the browser would not keep that. */
  onUse: (entry: HeldEntry) => { kept: boolean; given: boolean };
  /** Where the keyboard's focus goes when the last one is forgotten or used (this notice is gone then). */
  onEmptied: () => void;
}

const UNKEPT = {
  forget: 'The browser did not keep that: it is forgotten for this session only.',
  use: 'The browser did not keep that: the plan has these choices for this session only.',
};

/** What became of choices the admin chose to use: given, given for this session only, or not given at all. */
function usedWords(entry: HeldEntry, { kept, given }: { kept: boolean; given: boolean }) {
  const disruption = isolatedText(entry.offer?.disruption ?? '');
  if (!given)
    return `Nothing was given: the policies or what this device keeps changed since this was shown, and these choices are no longer offered to the plan for ${disruption}. What is kept now is shown on this page.`;
  return kept ? `The plan for ${disruption} has the choices kept before it was deleted.` : UNKEPT.use;
}

export function HeldNotice({ held, onForget, onUse, onEmptied }: Props) {
  const styles = useStyles();
  const base = useId();
  const [asking, setAsking] = useState<Asked | null>(null);
  // What was just done, said: given to a plan, or not kept by the browser.
  const [said, setSaid] = useState<string | null>(null);
  const buttons = useRef(new Map<string, HTMLElement>());
  const safeButton = useRef<HTMLButtonElement>(null);
  // The confirmation takes the focus, on its safe answer.
  useEffect(() => {
    if (asking) safeButton.current?.focus();
  }, [asking]);
  if (held.length === 0) return said ? <Text role="status">{said}</Text> : null;

  const button = (id: string, to: Asked['to']) => `${to}\n${id}`;
  const keep = (entry: HeldEntry) => {
    if (asking) buttons.current.get(button(idOf(entry), asking.to))?.focus();
    setAsking(null);
  };
  const act = (entry: HeldEntry, index: number, to: Asked['to']) => {
    const next = held[index + 1] ?? held[index - 1];
    setAsking(null);
    setSaid(to === 'forget' ? (onForget(entry) ? null : UNKEPT.forget) : usedWords(entry, onUse(entry)));
    // The next one's Forget it, or, the last gone, wherever the page says.
    if (next) buttons.current.get(button(idOf(next), 'forget'))?.focus();
    else onEmptied();
  };
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{titleOf(held)}</MessageBarTitle>
        <ul className={styles.list}>
          {held.map((entry, index) => {
            const id = idOf(entry);
            const textId = `${base}-text-${index}`;
            const askedId = `${base}-asked-${index}`;
            const asked = asking?.id === id ? asking.to : null;
            const opener = (to: Asked['to'], label: string) => (
              <Button
                size="small"
                aria-describedby={textId}
                aria-expanded={asked === to}
                ref={(el) => {
                  if (el) buttons.current.set(button(id, to), el);
                  else buttons.current.delete(button(id, to));
                }}
                onClick={() => setAsking({ id, to })}
              >
                {label}
              </Button>
            );
            return (
              <li key={id}>
                <Text id={textId}>{entry.text}</Text>{' '}
                {entry.offer ? <>{opener('use', 'Use the choices kept before it was deleted')} </> : null}
                {opener('forget', 'Forget it')}
                {/* No longer offered (read again meanwhile): nothing left to confirm. */}
                {asked === 'forget' || (asked === 'use' && entry.offer) ? (
                  <div
                    role="group"
                    aria-labelledby={askedId}
                    className={styles.confirm}
                    onKeyDown={(e: KeyboardEvent) => {
                      if (e.key === 'Escape') keep(entry);
                    }}
                  >
                    <Text id={askedId} weight="semibold">
                      {asked === 'use' ? entry.offer?.question : lossOf(entry)}
                    </Text>
                    <Button size="small" appearance="primary" onClick={() => act(entry, index, asked)}>
                      {asked === 'use' ? 'Use the choices' : entry.kind === 'switch' ? 'Forget the switch record' : 'Forget the choices'}
                    </Button>
                    <Button size="small" ref={safeButton} onClick={() => keep(entry)}>
                      {asked === 'use' ? 'Not now' : 'Keep it'}
                    </Button>
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
        {/* Spoken whenever it changes, while other entries remain. */}
        <Text role="status">{said}</Text>
      </MessageBarBody>
    </MessageBar>
  );
}
