// The saved scenarios as a suite: each evaluated by the engine with the saved policies and with the
// draft, its change in words, and whether it still gets what the admin expects; one sentence sums
// it up. Scenarios are opened, removed (with Undo), exported and imported as a JSON file.
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownloadRegular, ArrowUploadRegular, DeleteRegular } from '@fluentui/react-icons';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { scenariosFile, type Scenario, type SubjectFacts } from '../../domain/evaluation/scenario';
import { runSuite, suiteResultsSummary, type SuiteResult } from '../../domain/evaluation/scenario-suite';
import { namedLocationsQuery, policiesQuery } from '../../policy-ui/queries';
import { useMfaTrustedIps } from '../../session/mfa-trusted-ips';
import type { TenantSession } from '../../session/tenant-session';
import { downloadFile } from '../../shared/download';
import { PolicyFileError } from '../../domain/policy-file';
import { readScenariosFile } from './scenarios-file';
import { applicationOwnerQuery, signInSubjectQuery, workloadQuery, type DraftChoice } from './use-what-if';
import { LiveStatus } from '../../shared/ui/live-status';
import { ErrorState } from '../../shared/ui/error-state';
import { describeError } from '../../graph/describe-error';
import { TableScroll } from '../../shared/ui/table-scroll';
import { Isolated, isolatedText } from '../../shared/ui/isolated-text';
import { OutcomeCells } from './suite-outcome-cells';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  // Open and Remove side by side (the column was squeezed until they stacked, touching); a narrow window scrolls the table.
  rowActions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', whiteSpace: 'nowrap' },
  actionsColumn: { width: '8rem' },
  summary: { fontWeight: tokens.fontWeightSemibold },
});

/** The users' groups and roles as one value that changes only when one of them does (combine is structurally shared). */
const combineSubjects = <T,>(results: { data?: T; error: unknown }[]) => ({
  data: results.map((r) => r.data),
  settled: results.every((r) => !!r.data || !!r.error),
});
/** An application's owner may be read as null (not known): that too is settled. */
const combineOwners = (results: { data?: string | null; error: unknown }[]) => ({
  data: results.map((r) => r.data),
  settled: results.every((r) => r.data !== undefined || !!r.error),
});

/** What the section last said: its words, what Undo puts back (and which scenario it brings back, if one was removed). */
interface Notice {
  text: string;
  warning?: boolean;
  undo?: Scenario[];
  removed?: string;
  /** A new one for each notice, even with the same words. */
  occasion: number;
}

// The device store keeps a refused change for this page's life: it is shown, and said not to last.
const NOT_KEPT = ' The browser would not keep this (its storage is full or blocked): after a reload, the list it last kept comes back.';

export function ScenarioSuitePanel({
  tenant,
  scenarios,
  onChange,
  onOpen,
  draft,
}: {
  tenant: TenantSession;
  scenarios: Scenario[];
  onChange(next: Scenario[]): boolean;
  onOpen(scenario: Scenario): void;
  draft: DraftChoice | null;
}) {
  const styles = useStyles();
  const noneSavedId = useId();
  const file = useRef<HTMLInputElement>(null);
  const [said, setSaid] = useState<Notice | null>(null);
  // Each notice is a new message bar, said as it appears: one left in place with new words (another file
  // refused, another scenario removed), or the same words again (the same file chosen again), was not said.
  const notices = useRef(0);
  const say = (notice: Omit<Notice, 'occasion'>) => setSaid({ ...notice, occasion: ++notices.current });
  // A Remove or Undo button leaves the page with its row or its notice, and the focus with it (to the page's
  // start, then to this section's title): it is put where the work goes on, once the page shows the change.
  const importButton = useRef<HTMLButtonElement>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  const removeButtons = useRef(new Map<string, HTMLButtonElement>());
  const focusNext = useRef<(() => HTMLElement | null | undefined) | null>(null);
  useEffect(() => {
    const next = focusNext.current?.();
    focusNext.current = null;
    next?.focus();
  }, [said, scenarios]);
  const policies = useQuery(policiesQuery(tenant));
  const locations = useQuery(namedLocationsQuery(tenant));
  const [mfaTrustedIps] = useMfaTrustedIps(tenant.account.tenantId);
  const userIds = [...new Set(scenarios.flatMap((s) => (s.identity.kind === 'user' ? [s.identity.id] : [])))];
  const subjects = useQueries({ queries: userIds.map((id) => signInSubjectQuery(tenant, id)), combine: combineSubjects });
  // What the page reads for one scenario, for every one: a workload identity's type and owner, and each
  // target application's owner. One that cannot be read leaves its scenario uncertain, not the suite stuck.
  const workloadIds = [...new Set(scenarios.flatMap((s) => (s.identity.kind === 'servicePrincipal' ? [s.identity.id] : [])))];
  const workloads = useQueries({ queries: workloadIds.map((id) => workloadQuery(tenant, id)), combine: combineSubjects });
  const appIds = [...new Set(scenarios.flatMap((s) => (s.target.kind === 'application' ? [s.target.appId] : [])))];
  const owners = useQueries({ queries: appIds.map((id) => applicationOwnerQuery(tenant, id)), combine: combineOwners });
  const ready = !!policies.data && !!locations.data && subjects.settled && workloads.settled && owners.settled;
  // A failed read is not retried by itself: without it the suite cannot run, so it says what it could not read.
  const unread = policies.error
    ? { what: 'the policies', error: policies.error }
    : locations.error
      ? { what: 'the named locations', error: locations.error }
      : null;

  const results = useMemo((): SuiteResult[] | null => {
    if (!ready) return null;
    const byIdentity = new Map<string, SubjectFacts | undefined>([
      ...userIds.map((id, i): [string, SubjectFacts | undefined] => [id, subjects.data[i]]),
      ...workloadIds.map((id, i): [string, SubjectFacts | undefined] => [id, workloads.data[i] && { workload: workloads.data[i] }]),
    ]);
    const ownerOf = new Map(appIds.map((id, i) => [id, owners.data[i]]));
    const context = { namedLocations: locations.data, ...(mfaTrustedIps && { mfaTrustedIps }) };
    const withDraft = draft
      ? [...policies.data!.filter((p) => p.id !== draft.policyId), { ...draft.policy, id: draft.policyId ?? 'draft' }]
      : null;
    return runSuite(scenarios, policies.data!, withDraft, byIdentity, context, ownerOf);
    // userIds, workloadIds and appIds follow from scenarios.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready, scenarios, policies.data, locations.data, draft, subjects, workloads, owners, mfaTrustedIps]);

  const importFile = async (chosen: File) => {
    try {
      const read = readScenariosFile(chosen.name, new Uint8Array(await chosen.arrayBuffer()), scenarios, () => crypto.randomUUID());
      const kept = read.added.length === 0 || onChange([...scenarios, ...read.added]);
      // Nothing added is not a success: it says so as a warning.
      say(
        read.added.length > 0
          ? { text: `${read.text}${kept ? '' : NOT_KEPT}`, undo: scenarios, warning: !kept }
          : { text: read.text, warning: true },
      );
    } catch (error) {
      // The shared reader's words name the file and what it is ("looks like an image (PNG)", "ends before its JSON does").
      const why =
        error instanceof PolicyFileError
          ? error.message
          : `${chosen.name} could not be read: ${error instanceof Error ? error.message : String(error)}`;
      say({ text: why, warning: true });
    }
  };

  const byId = new Map((results ?? []).map((r) => [r.scenario.id, r]));
  // Two scenarios of the same name (a file imported twice, a name reused) would give two rows the same
  // Open and Remove: each is told apart by its place among its namesakes.
  const namesakes = new Map<string, string[]>();
  for (const s of scenarios) namesakes.set(s.name, [...(namesakes.get(s.name) ?? []), s.id]);
  const namedFor = (scenario: Scenario) => {
    const ids = namesakes.get(scenario.name) ?? [];
    const name = isolatedText(scenario.name);
    return ids.length > 1 ? `${name} (${ids.indexOf(scenario.id) + 1} of ${ids.length})` : name;
  };
  return (
    <section className={styles.root} aria-labelledby="suite-title">
      <h2 id="suite-title">Saved scenarios</h2>
      {scenarios.length === 0 ? (
        <Text id={noneSavedId}>No scenario saved yet. Save the one above, or import a file of scenarios.</Text>
      ) : results ? null : unread ? (
        <UnreadState
          {...unread}
          onRetry={() => {
            for (const query of [policies, locations]) if (query.isError) void query.refetch();
          }}
        />
      ) : (
        <Text>Evaluating the scenarios…</Text>
      )}
      {/* In the page before it has words, so a screen reader hears them arrive: a status put in already
          filled (the first scenario saved, the suite evaluated again) is often not read out. */}
      <LiveStatus className={styles.summary}>
        {scenarios.length > 0 && results
          ? `${draft ? `With ${draft.label}: ` : 'With the saved policies: '}${suiteResultsSummary(results)}`
          : null}
      </LiveStatus>
      <div className={styles.actions}>
        <Button
          icon={<ArrowDownloadRegular />}
          disabledFocusable={scenarios.length === 0}
          aria-describedby={scenarios.length === 0 ? noneSavedId : undefined}
          onClick={() => downloadFile('what-if-scenarios.json', scenariosFile(scenarios), 'application/json')}
        >
          Export scenarios
        </Button>
        <Button ref={importButton} icon={<ArrowUploadRegular />} onClick={() => file.current?.click()}>
          Import scenarios…
        </Button>
        <input
          ref={file}
          type="file"
          hidden
          accept=".json,application/json"
          aria-label="Scenarios file"
          onChange={(event) => {
            const chosen = event.target.files?.[0];
            if (chosen) void importFile(chosen);
            event.target.value = '';
          }}
        />
      </div>
      {said ? (
        <MessageBar key={said.occasion} intent={said.warning ? 'warning' : 'info'}>
          <MessageBarBody>{said.text}</MessageBarBody>
          {said.undo ? (
            <MessageBarActions>
              <Button
                ref={undoButton}
                onClick={() => {
                  const kept = onChange(said.undo!);
                  // Back where it was before: the scenario's own Remove, or Import for a file's scenarios.
                  const removed = said.removed;
                  focusNext.current = () => (removed ? removeButtons.current.get(removed) : importButton.current);
                  if (kept) setSaid(null);
                  else say({ text: `${removed ? 'Put back.' : 'The imported scenarios are taken out again.'}${NOT_KEPT}`, warning: true });
                }}
              >
                Undo
              </Button>
            </MessageBarActions>
          ) : null}
        </MessageBar>
      ) : null}
      {scenarios.length > 0 ? (
        <TableScroll label="Saved scenarios">
          <Table aria-label="Saved scenarios" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Scenario</TableHeaderCell>
                <TableHeaderCell>{draft ? 'Outcome with the draft' : 'Outcome'}</TableHeaderCell>
                <TableHeaderCell>Change</TableHeaderCell>
                <TableHeaderCell>Expected</TableHeaderCell>
                <TableHeaderCell className={styles.actionsColumn}>Actions</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {scenarios.map((scenario) => {
                const result = byId.get(scenario.id);
                const called = namedFor(scenario);
                return (
                  <TableRow key={scenario.id} aria-label={called}>
                    <TableCell>
                      <Isolated>{scenario.name}</Isolated>
                    </TableCell>
                    <OutcomeCells scenario={scenario} result={result} />
                    <TableCell>
                      <div className={styles.rowActions}>
                        {/* Named for its scenario (every row has one), starting with the word it shows. */}
                        <Button size="small" aria-label={`Open ${called}`} onClick={() => onOpen(scenario)}>
                          Open
                        </Button>
                        <Button
                          size="small"
                          icon={<DeleteRegular />}
                          aria-label={`Remove ${called}`}
                          ref={(button) => {
                            if (button instanceof HTMLButtonElement) removeButtons.current.set(scenario.id, button);
                            else removeButtons.current.delete(scenario.id);
                          }}
                          onClick={() => {
                            const kept = onChange(scenarios.filter((s) => s.id !== scenario.id));
                            say({
                              text: `“${isolatedText(scenario.name)}” removed.${kept ? '' : NOT_KEPT}`,
                              warning: !kept,
                              undo: scenarios,
                              removed: scenario.id,
                            });
                            focusNext.current = () => undoButton.current;
                          }}
                        />
                      </div>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </TableScroll>
      ) : null}
    </section>
  );
}

/** What the suite could not read, in Graph's words, with Try again (the focus goes to the section's title meanwhile). */
function UnreadState({ what, error, onRetry }: { what: string; error: unknown; onRetry(): void }) {
  const { title, message, ...details } = describeError(error, `read ${what}`);
  return (
    <ErrorState
      {...details}
      title={`The scenarios could not be evaluated: ${what} could not be read`}
      message={`${title}. ${message}`}
      onRetry={onRetry}
    />
  );
}
