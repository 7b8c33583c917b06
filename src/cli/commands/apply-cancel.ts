// A cancelled apply (Ctrl+C, or a CI job cancelled: GitHub Actions sends SIGINT, then SIGTERM, then kills): the first
// signal stops new writes from starting and lets the one under way finish, so the run ends saying what was done and
// how to resume; a second one stops at once, the write under way left in the journal as unknown (a resume looks for it).
export type StopSignal = 'SIGINT' | 'SIGTERM';

/** The exit code of a process stopped by the signal, as shells and CI runners read it (128 + its number). */
export const SIGNAL_EXIT: Record<StopSignal, number> = { SIGINT: 130, SIGTERM: 143 };

export interface Cancellation {
  signal: AbortSignal;
  /** The signal that cancelled the run, or null. */
  received(): StopSignal | null;
  /** Removes the handlers: the signals again end the process as they do by default. */
  dispose(): void;
}

/**
 * Handles SIGINT and SIGTERM for the run: `onFirst` says the run is stopping; `onSecond` says what is left as it
 * stands, and the process exits at once with the code of the signal first received.
 */
export function cancelOnSignals(onFirst: (signal: StopSignal) => void, onSecond: (signal: StopSignal) => void): Cancellation {
  const controller = new AbortController();
  let first: StopSignal | null = null;
  const handle = (signal: StopSignal) => {
    if (first === null) {
      first = signal;
      controller.abort(signal);
      onFirst(signal);
      return;
    }
    onSecond(signal);
    process.exit(SIGNAL_EXIT[first]);
  };
  const onInt = () => handle('SIGINT');
  const onTerm = () => handle('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  return {
    signal: controller.signal,
    received: () => first,
    dispose: () => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
    },
  };
}
