// A run's write that Graph makes wait before it is sent again (a 429's Retry-After, a 503): the item being written
// counts the wait down on screen, and a screen reader hears it once when it begins and once when it is over. Shown
// by a plan run's rows and a bulk run's items alike, in the same words.
import { Text } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { CurrentWait } from '../session/retry-waits';
import { SpokenStatus } from '../shared/ui/live-status';
import { isolatedText } from '../shared/ui/isolated-text';

/**
 * Seconds left of the wait, counted down on screen (not said each second: WaitSpoken says it once); once it is over,
 * `busy`, what the item says while it is written.
 */
export function WaitCountdown({ wait, busy }: { wait: CurrentWait; busy: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [wait]);
  const left = Math.ceil((wait.endsAt - now) / 1000);
  if (left <= 0) return <Text>{busy}</Text>;
  return (
    <Text>
      Waiting {left} s: {wait.reason}
    </Text>
  );
}

/** The item a run is writing now, told from the others by its key. */
export interface RunningItem {
  key: string;
  name: string;
}

/**
 * Said once when a wait begins and once when it ends, for the item being written; gone when another item is.
 * Derived while rendering from the wait last seen, as React advises, with no effect.
 */
export function WaitSpoken({ wait, running }: { wait: CurrentWait | null; running: RunningItem | undefined }) {
  const [last, setLast] = useState<{ wait: CurrentWait; key: string } | null>(null);
  if (wait && running && (last?.wait !== wait || last.key !== running.key)) setLast({ wait, key: running.key });
  // Between items (a run ended, failed, or is resumed), a wait seen before is over and said: forgotten.
  if (!running && last) setLast(null);
  const name = running ? `‘${isolatedText(running.name)}’` : '';
  const words = !running
    ? null
    : wait
      ? `Waiting ${wait.seconds} s before ${name} is sent again: ${wait.reason}.`
      : last?.key === running.key
        ? `Wait over: writing ${name} again.`
        : null;
  return <SpokenStatus>{words}</SpokenStatus>;
}
