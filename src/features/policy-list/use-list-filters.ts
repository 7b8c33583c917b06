// The list's search, filters and sort live in the URL, so a filtered view can be shared or bookmarked.
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useSearchParams } from 'react-router';
import type { FindingsFilter } from '../../policy-ui/lint-summary';
import { createValueStore, type ValueStore } from '../../shared/value-store';
import type { PolicyState, SortColumn } from './policy-rows';

const states: PolicyState[] = ['enabled', 'enabledForReportingButNotEnforced', 'disabled'];
const columns: SortColumn[] = ['name', 'state', 'modified', 'findings'];
const isFindingsFilter = (value: string | null): value is FindingsFilter =>
  value === 'errors' || value === 'warnings' || value === 'any' || !!value?.startsWith('rule:');

/** What is in the search box: the box shows it at each keystroke, the list follows in a transition. */
export type SearchText = ValueStore<string>;

/** The search box's text, for the box itself: a keystroke re-renders the box alone. */
export const useSearchText = (text: SearchText) => useSyncExternalStore(text.subscribe, text.get);

export function useListFilters() {
  const [params, setParams] = useSearchParams();
  const urlSearch = params.get('q') ?? '';
  // The box's text is a store of its own, which the list follows in the same render and the URL
  // after a pause. Not in a transition: at 195 policies a keystroke's render is bounded (a few
  // dozen rows drawn), and deferring it cost a second frame, the box's alone, before the grid's
  // (at 4x CPU a keystroke's grid was painted ~30 ms later; measured in alternating rounds).
  const [searchText] = useState(() => createValueStore(urlSearch));
  const [search, setSearchState] = useState(urlSearch);
  useEffect(() => searchText.subscribe(() => setSearchState(searchText.get())), [searchText]);
  const typing = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    if (!typing.current) searchText.set(urlSearch);
  }, [urlSearch, searchText]);
  // A pending URL update must not fire after the list is gone (it would navigate back to it).
  useEffect(
    () => () => {
      if (typing.current) clearTimeout(typing.current);
    },
    [],
  );
  const stateParam = params.get('state');
  const control = params.get('control');
  const findingsParam = params.get('findings');
  const findings = isFindingsFilter(findingsParam) ? findingsParam : null;
  const sortParam = params.get('sort') as SortColumn | null;
  const sort = sortParam && columns.includes(sortParam) ? sortParam : 'name';
  const direction: 'ascending' | 'descending' = params.get('dir') === 'desc' ? 'descending' : 'ascending';
  const selectedStates = useMemo(
    () => new Set((stateParam ?? '').split(',').filter((s): s is PolicyState => states.includes(s as PolicyState))),
    [stateParam],
  );

  const update = useCallback(
    (changes: Record<string, string | null>) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(changes)) {
            if (value === null || value === '') next.delete(key);
            else next.set(key, value);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  // The pending URL write runs after later renders: it must read the address as it is then, not
  // as it was at the keystroke (React Router's setter applies its function to the search params of
  // the render it came from, so a sort clicked meanwhile would be undone).
  const latestUpdate = useRef(update);
  useEffect(() => {
    latestUpdate.current = update;
  }, [update]);
  // Stable for the page's life (each reads the address as it is when called): the filter menus
  // skip the renders that typing and the address's changes cause.
  const actions = useMemo(() => {
    const cancelPendingSearch = () => {
      if (typing.current) clearTimeout(typing.current);
      typing.current = null;
    };
    return {
      setSearch: (value: string) => {
        searchText.set(value);
        cancelPendingSearch();
        typing.current = setTimeout(() => {
          typing.current = null;
          latestUpdate.current({ q: value });
        }, 300);
      },
      setStates: (value: PolicyState[]) => latestUpdate.current({ state: value.join(',') }),
      setControl: (value: string | null) => latestUpdate.current({ control: value }),
      setFindings: (value: FindingsFilter | null) => latestUpdate.current({ findings: value }),
      setSort: (column: SortColumn, dir: 'ascending' | 'descending') =>
        latestUpdate.current({ sort: column === 'name' ? null : column, dir: dir === 'descending' ? 'desc' : null }),
      clear: () => {
        cancelPendingSearch();
        searchText.set('');
        latestUpdate.current({ q: null, state: null, control: null, findings: null });
      },
    };
  }, [searchText]);

  return { search, searchText, states: selectedStates, control, findings, sort, direction, ...actions };
}
