// Where the keyboard's focus goes when a policy deleted for good leaves the list (once it is read again):
// to the next row's Delete permanently… (or the one before), or to the page's heading when it was the last.
import { useEffect, useRef, type RefObject } from 'react';

export function usePurgeFocus({
  busy,
  heading,
  table,
}: {
  /** A write is under way: the focus moves once it is over. */
  busy: boolean;
  heading: RefObject<HTMLElement | null>;
  /** Around the policies' table only: its rows' Delete permanently… buttons carry data-purge with their policy's id. */
  table: RefObject<HTMLElement | null>;
}) {
  const purgeButtons = () => [...(table.current?.querySelectorAll<HTMLElement>('[data-purge]') ?? [])];
  const focusAfter = useRef<{ id: string | null } | null>(null);
  // After every render until it has moved: the list is read again some renders after the purge answers.
  useEffect(() => {
    const wanted = focusAfter.current;
    if (!wanted || busy) return;
    focusAfter.current = null;
    const target = purgeButtons().find((b) => b.dataset.purge === wanted.id);
    (target ?? heading.current)?.focus();
  });
  return {
    /** The policy was deleted for good: the row after it (or before it) is picked now, while its row is still drawn. */
    purged(id: string) {
      const rows = purgeButtons().map((b) => b.dataset.purge);
      const at = rows.indexOf(id);
      focusAfter.current = { id: (at < 0 ? undefined : (rows[at + 1] ?? rows[at - 1])) ?? null };
    },
  };
}
