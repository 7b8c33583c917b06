// The save review's hold on its sign-in read while a save is under way: the page being read finishes, the next
// waits until the hold is released (the save failed, back to the review) or the read is stopped (the page left).

export interface PageHold {
  hold(): void;
  release(): void;
  /** Resolves at once when not held; else on release, or when `signal` stops the read. */
  wait(signal?: AbortSignal): Promise<void>;
}

export function pauseBetweenPages(): PageHold {
  let held: { released: Promise<void>; release(): void } | null = null;
  return {
    hold() {
      if (held) return;
      let release = () => {};
      const released = new Promise<void>((resolve) => (release = resolve));
      held = { released, release };
    },
    release() {
      held?.release();
      held = null;
    },
    wait(signal) {
      if (!held || signal?.aborted) return Promise.resolve();
      const { released } = held;
      return new Promise<void>((resolve) => {
        const stopped = () => resolve();
        signal?.addEventListener('abort', stopped, { once: true });
        // Released first, the listener goes: a long read must not gather one per page on its signal.
        void released.then(() => {
          signal?.removeEventListener('abort', stopped);
          resolve();
        });
      });
    },
  };
}
