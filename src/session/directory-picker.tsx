// Picks a user, group, role, application or named location by name (users also by sign-in name or
// mail), searching the tenant as the admin types. Keyboard: type, arrow through the results, Enter
// to choose, and type again for the next. A failed search says so (said too) and offers to try again,
// never "No matches". The tenant's names are isolated: a direction control in one cannot reorder the list.
import { Combobox, Option, Spinner, type ComboboxProps } from '@fluentui/react-components';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useDeferredValue, useRef, useState } from 'react';
import { describeError } from '../graph/describe-error';
import { AGENT_WORDS } from '../domain/references';
import { searchDirectory, type DirectoryEntry, type DirectoryKind } from '../graph/directory';
import { Isolated, isolatedText } from '../shared/ui/isolated-text';
import { SpokenStatus } from '../shared/ui/live-status';
import { queryKeys } from './query-keys';
import { useTenantSession, type TenantSession } from './tenant-session';

/** Kinds listed in full before anything is typed. */
const BROWSABLE = new Set<DirectoryKind>(['roles', 'namedLocations']);

/** Directory objects of one kind that match the term (users, groups and apps by the words of their names, an app also by its pasted appId; roles and named locations: all of them). */
export const directorySearchQuery = (tenant: TenantSession, kind: DirectoryKind, term: string) =>
  queryOptions({
    queryKey: queryKeys.directorySearchFor(tenant, kind, term),
    queryFn: ({ signal }) => searchDirectory(tenant.client, kind, term, signal),
    enabled: term.trim().length > 0 || BROWSABLE.has(kind),
    staleTime: 60_000,
  });

const NONE: string[] = [];
/** The value of the option that runs a failed search again (no directory id looks like it). */
const RETRY = 'gatehouse:retry-search';

export function DirectoryPicker({
  kind,
  label,
  onPick,
  exclude = [],
  ...rest
}: {
  kind: DirectoryKind;
  label: string;
  onPick(entry: DirectoryEntry): void;
  /** Ids already chosen, left out of the results. */
  exclude?: string[];
} & Omit<ComboboxProps, 'onOptionSelect'>) {
  const tenant = useTenantSession();
  const [text, setText] = useState('');
  // Results show as soon as there is text, typed or pasted.
  const [open, setOpen] = useState(false);
  // "Try again" is chosen like a result, and the Combobox closes on a choice: the list stays open for the new answer.
  const retrying = useRef(false);
  const term = useDeferredValue(text);
  const results = useQuery(directorySearchQuery(tenant, kind, term));
  const options = (results.data ?? []).filter((entry) => !exclude.includes(entry.id));
  const failed = results.isError && !results.isFetching ? `Search failed: ${describeError(results.error, 'search').message}` : null;
  return (
    <>
      <Combobox
        placeholder={`Search ${label.toLowerCase()}…`}
        {...rest}
        aria-label={label}
        // The arrow is a second Tab stop beside the box. Kinds found only by typing drop it (it opened an
        // empty list); roles and named locations keep it for the mouse, and the keys open the list by ArrowDown.
        expandIcon={BROWSABLE.has(kind) ? { tabIndex: -1 } : null}
        freeform
        value={text}
        // Nothing stays selected: a pick is added to the list beside. Left to itself, the Combobox kept
        // the pick selected and cleared it on the next keystroke, reporting a deselection that emptied
        // the text: the first letter typed after a pick was lost.
        selectedOptions={NONE}
        open={open}
        onOpenChange={(_, data) => {
          if (!data.open && retrying.current) {
            retrying.current = false;
            return;
          }
          setOpen(data.open);
        }}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
        }}
        onOptionSelect={(_, data) => {
          if (data.optionValue === RETRY) {
            // A click closes the list after this, the Enter key before it: either way it stays open.
            retrying.current = true;
            queueMicrotask(() => (retrying.current = false));
            setOpen(true);
            void results.refetch();
            return;
          }
          const entry = options.find((o) => o.id === data.optionValue);
          if (!entry) return;
          onPick(entry);
          setText('');
          setOpen(false);
        }}
      >
        {results.isFetching && (
          <Option disabled value="" text="Searching">
            Searching… <Spinner size="extra-tiny" />
          </Option>
        )}
        {failed && (
          <Option disabled value="" text={failed}>
            {failed}
          </Option>
        )}
        {failed && (
          <Option value={RETRY} text="Try again">
            Try again
          </Option>
        )}
        {!results.isFetching && !results.isError && term.trim() && options.length === 0 && (
          <Option disabled value="" text="No matches">
            No matches
          </Option>
        )}
        {options.map((entry) => (
          <Option key={entry.id} value={entry.id} text={isolatedText(entry.displayName)}>
            <Isolated>{entry.displayName}</Isolated>
            {/* An agent user is a user by kind, but no person: an admin picking it should know. */}
            {entry.agent ? ` · ${AGENT_WORDS[entry.agent]}` : null}
            {entry.detail ? (
              <>
                {' · '}
                <Isolated>{entry.detail}</Isolated>
              </>
            ) : null}
          </Option>
        ))}
      </Combobox>
      <SpokenStatus>{failed}</SpokenStatus>
    </>
  );
}
