// What is kept on this device that no plan was given (choices or switch records an earlier version kept under an
// id, or kept for a plan the tenant no longer has): said, each with a way to forget it. Forgetting cannot be undone,
// so it is confirmed first, saying what is lost.
import { Button, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Text, tokens } from '@fluentui/react-components';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { HeldEntry } from '../../domain/contingency/saved-choices';

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

interface Props {
  held: readonly HeldEntry[];
  /** Removes it from the device; false when the browser would not keep that. */
  onForget: (entry: HeldEntry) => boolean;
  /** Where the keyboard's focus goes when the last one is forgotten (this notice is gone then). */
  onEmptied: () => void;
}

export function HeldNotice({ held, onForget, onEmptied }: Props) {
  const styles = useStyles();
  const base = useId();
  const [asking, setAsking] = useState<string | null>(null);
  const [unkept, setUnkept] = useState(false);
  const forgetButtons = useRef(new Map<string, HTMLElement>());
  const keepButton = useRef<HTMLButtonElement>(null);
  // The confirmation takes the focus, on its safe answer.
  useEffect(() => {
    if (asking) keepButton.current?.focus();
  }, [asking]);
  if (held.length === 0)
    return unkept ? <Text role="status">The browser did not keep that: it is forgotten for this session only.</Text> : null;

  const keep = (entry: HeldEntry) => {
    setAsking(null);
    forgetButtons.current.get(idOf(entry))?.focus();
  };
  const forget = (entry: HeldEntry, index: number) => {
    const next = held[index + 1] ?? held[index - 1];
    setAsking(null);
    setUnkept(!onForget(entry));
    // The next one's Forget it, or, the last gone, wherever the page says.
    if (next) forgetButtons.current.get(idOf(next))?.focus();
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
            const lossId = `${base}-loss-${index}`;
            return (
              <li key={id}>
                <Text id={textId}>{entry.text}</Text>{' '}
                <Button
                  size="small"
                  aria-describedby={textId}
                  aria-expanded={asking === id}
                  ref={(el) => {
                    if (el) forgetButtons.current.set(id, el);
                    else forgetButtons.current.delete(id);
                  }}
                  onClick={() => setAsking(id)}
                >
                  Forget it
                </Button>
                {asking === id ? (
                  <div
                    role="group"
                    aria-labelledby={lossId}
                    className={styles.confirm}
                    onKeyDown={(e: KeyboardEvent) => {
                      if (e.key === 'Escape') keep(entry);
                    }}
                  >
                    <Text id={lossId} weight="semibold">
                      {lossOf(entry)}
                    </Text>
                    <Button size="small" appearance="primary" onClick={() => forget(entry, index)}>
                      {entry.kind === 'switch' ? 'Forget the switch record' : 'Forget the choices'}
                    </Button>
                    <Button size="small" ref={keepButton} onClick={() => keep(entry)}>
                      Keep it
                    </Button>
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
        {unkept ? <Text>The browser did not keep that: it is forgotten for this session only.</Text> : null}
      </MessageBarBody>
    </MessageBar>
  );
}
