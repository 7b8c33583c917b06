// Reviewing a plan before anything is written: what it will do (counts, then every row in order),
// how each reference maps, what blocks it, and the choices that change it (states, a domain map,
// per-row actions). Apply stays disabled while anything blocks, and says so beside it.
import { Field, makeStyles, Radio, RadioGroup, Spinner, Text, tokens } from '@fluentui/react-components';
import { useEffect, useId, useRef, useState } from 'react';
import type { ImportSet } from '../../domain/import/import-set';
import { countPlan, countWords, type PlanPurpose } from '../../domain/plan/plan-counts';
import {
  hasReferencesToMap,
  offersDomainMap,
  planIntro,
  stateWords,
  writeCount,
  writeWords,
  type PlanSourceKind,
} from '../../domain/plan/plan-words';
import { defaultChoices, type Plan, type PlanChoices } from '../../domain/plan/types';
import { describeError } from '../../graph/describe-error';
import { ErrorState } from '../../shared/ui/error-state';
import { LiveStatus } from '../../shared/ui/live-status';
import { PolicySelection } from '../policy-selection';
import { withMappingChoices } from './mapping-choices';
import { ApplyBar } from './apply-bar';
import { BlockerList } from './blocker-list';
import { DomainMap } from './domain-map';
import { MappingFileButtons } from './mapping-file-buttons';
import { MappingTable } from './mapping-table';
import { PlanRowsTable } from './plan-rows-table';
import type { RowRevealer } from './revealable-part';
import { RiskConfirmations } from './risk-confirmations';
import { UnresolvedChoices } from './unresolved-choices';
import { useFindUsersAgain } from './use-find-users-again';
import { usePlan } from './use-plan';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  options: { display: 'flex', gap: tokens.spacingHorizontalXXL, flexWrap: 'wrap', alignItems: 'flex-end' },
});

const BLOCKERS_LISTED = 20;

export interface PlanReviewProps {
  source: ImportSet;
  targetName: string;
  onApply(plan: Plan): void;
  /** Choices to start from: a contingency switch writes the states it means, not report-only. */
  initialChoices?: Partial<PlanChoices>;
  /** What the plan is, in a sentence ("Emergency accounts added to 3 policies."); else said from `from`. */
  intro?: string;
  /** What the plan does to each policy it writes, said with their count ("2 get the emergency accounts excluded"); else created or updated. */
  purpose?: PlanPurpose;
  /**
   * A change the console made of the tenant's own policies (a switch, a rollout step, a fix), not an import:
   * its sections are only those a change needs, and the states are the ones it means (no choice of report-only offered).
   */
  change?: boolean;
  /** What the policies come from, for the plan's words: an import unless told (a change is told by `change`). */
  from?: Exclude<PlanSourceKind, 'change'>;
  /** Made by the admin just now: the plan's title takes the keyboard's focus when the plan is first shown. */
  takeFocus?: boolean;
}

export function PlanReview({
  source,
  targetName,
  onApply,
  initialChoices,
  intro,
  purpose,
  change = false,
  from = 'import',
  takeFocus = false,
}: PlanReviewProps) {
  const styles = useStyles();
  const ids = useId();
  const blockersId = `${ids}-blockers`;
  // A row's key may hold spaces and other signs no id may: encoded, it is one valid id.
  const anchorId = (table: 'mapping' | 'rows') => (rowKey: string) => `${ids}-${table}-${encodeURIComponent(rowKey)}`;
  const mappingHeading = useRef<HTMLHeadingElement>(null);
  const rowsHeading = useRef<HTMLHeadingElement>(null);
  const mappingRows = useRef<RowRevealer>(null);
  const planRows = useRef<RowRevealer>(null);
  // To the choice that lifts it: a row past the rows drawn is drawn first (with the rows before it), so the focus lands
  // on its choice. A row its table does not list (a hidden reference) leads to the table's heading.
  const goTo = (target: { table: 'mapping' | 'rows'; key: string }) => {
    (target.table === 'mapping' ? mappingRows : planRows).current?.reveal(target.key);
    (
      document.getElementById(anchorId(target.table)(target.key)) ?? (target.table === 'mapping' ? mappingHeading : rowsHeading).current
    )?.focus();
  };
  const [choices, setChoices] = useState<PlanChoices>(() => ({ ...defaultChoices(), ...initialChoices }));
  const [domain, setDomain] = useState({ from: source.origin.domain ?? '', to: '' });
  const { plan, policies, loading, planning, error, planError, retry, lookUpUsers } = usePlan(source, choices);
  const update = (patch: Partial<PlanChoices>) => setChoices((c) => ({ ...c, ...patch }));
  // "Find users again": the directory read first, the plan (and the button, with the focus) kept on screen meanwhile.
  const users = useFindUsersAgain({ domain, targetName, lookUpUsers, onDomains: (domains) => update({ domains }) });
  const setRow = (
    key: string,
    patch: { action?: Plan['rows'][number]['action']; state?: NonNullable<Plan['rows'][number]['state']>['choice'] },
  ) => setChoices((c) => ({ ...c, rows: { ...c.rows, [key]: { ...c.rows[key], ...patch } } }));
  const confirmed = new Set(choices.confirmed);
  const confirm = (key: string, yes: boolean) =>
    setChoices((c) => ({ ...c, confirmed: yes ? [...c.confirmed, key] : c.confirmed.filter((k) => k !== key) }));

  const kind: PlanSourceKind = change ? 'change' : from;
  const words = stateWords(kind);

  // Once, when the plan first shows (a new choice re-reads the tenant and shows it again: focus stays put then).
  const title = useRef<HTMLHeadingElement>(null);
  const focused = useRef(!takeFocus);
  const shown = !error && !planError && !loading && !!plan;
  const [drawn, setDrawn] = useState(false);
  useEffect(() => {
    const frame = requestAnimationFrame(() => setDrawn(true));
    return () => cancelAnimationFrame(frame);
  }, []);
  useEffect(() => {
    if (!shown || focused.current) return;
    focused.current = true;
    title.current?.focus();
  }, [shown]);

  // The progress before the plan shows, in a status that is in the page (empty) a frame before it is filled: a status that
  // appears filled is often not said. The same status stays first in the review, so its emptying is no new region.
  const progress =
    error || planError
      ? null
      : loading
        ? `Reading ${targetName} to plan against it…`
        : !plan
          ? `Making the plan for ${policies.length.toLocaleString('en-US')} policies…`
          : null;
  const progressStatus = <LiveStatus>{drawn && progress ? <Spinner label={progress} /> : null}</LiveStatus>;
  if (error || planError || !plan || loading)
    return (
      <div className={styles.root}>
        {progressStatus}
        {error ? (
          <ErrorState {...describeError(error, `read ${targetName} to plan against it`)} onRetry={retry} />
        ) : planError ? (
          <ErrorState title={`Could not make the plan for ${targetName}`} message={planError.message} onRetry={retry} />
        ) : null}
      </div>
    );

  const writes = writeCount(plan.counts);
  const blocked = plan.blockers.length > 0;
  // An oversized import may block on thousands of rows: the list names the first, each row says its own.
  const listedBlockers = plan.blockers.slice(0, BLOCKERS_LISTED);
  return (
    <div className={styles.root}>
      {progressStatus}
      <section className={styles.section} aria-labelledby="plan-summary">
        <h2 id="plan-summary" className={styles.heading} ref={title} tabIndex={-1}>
          The plan for {targetName}
        </h2>
        <LiveStatus>
          {planning ? <Spinner size="tiny" labelPosition="after" label="Making the plan again for your choice…" /> : null}
        </LiveStatus>
        {/* A polite status from the first draw: a row's new action or a policy left out changes these counts, and is said. */}
        <Text role="status">
          {intro ?? planIntro(kind, plan.sameTenant, targetName)}
          {writeWords(plan.counts)}. {countWords(countPlan(plan, choices.selection), purpose)} Nothing is written until you apply it.
        </Text>
        {/* Only which are chosen: what the plan does with them is the counts' to say, in one story. */}
        <PolicySelection
          policies={policies}
          selection={choices.selection}
          onChange={(selection) => update({ selection })}
          verb="chosen"
          label={change ? 'Policies to change' : 'Policies to bring in'}
        />
        <div className={styles.options}>
          {change ? null : (
            <Field label="State of the policies written">
              <RadioGroup value={choices.states} onChange={(_, data) => update({ states: data.value as PlanChoices['states'] })}>
                <Radio value="reportOnly" label="New policies report-only (user actions off); updates keep the state they have" />
                <Radio value="source" label={words.source} />
              </RadioGroup>
            </Field>
          )}
          {offersDomainMap(source, plan) ? (
            <DomainMap
              domain={domain}
              onDomain={setDomain}
              busy={users.busy}
              fileReading={users.fileReading}
              finding={users.finding}
              found={users.found}
              onFind={() => void users.findUsersAgain()}
            />
          ) : null}
        </div>
      </section>

      {blocked ? (
        <BlockerList id={blockersId} blockers={listedBlockers} total={plan.blockers.length} anchorId={anchorId} onGo={goTo} />
      ) : null}

      {/* A change of the tenant's own policies whose references are all as they are has nothing to map: no section for it. */}
      {change && !hasReferencesToMap(plan) ? null : (
        <section className={styles.section} aria-labelledby="plan-mapping">
          <h2 id="plan-mapping" className={styles.heading} ref={mappingHeading} tabIndex={-1}>
            References
          </h2>
          {/* Changes within one tenant (a fix, a switch) have nothing to map or save. */}
          {plan.sameTenant &&
          !plan.mapping.some((row) => row.status !== 'same' && row.status !== 'planned' && row.status !== 'gone') ? null : (
            <MappingFileButtons
              rows={plan.mapping}
              choices={choices}
              source={source}
              targetName={targetName}
              directoryBusy={users.finding}
              onReading={users.setFileReading}
              lookUpUsers={lookUpUsers}
              onLoad={(mapping, domains) => {
                // Onto the choices as they are when it applies: a pick made while the file's directory read went on stays.
                // No domains (its users could not be looked up with them): the domain map in use stays.
                setChoices((c) => ({ ...c, mapping: { ...c.mapping, ...mapping }, ...(domains && { domains }) }));
                if (domains) setDomain(domains[0] ?? { from: '', to: '' });
              }}
            />
          )}
          <UnresolvedChoices
            mapping={plan.mapping}
            policyKeys={policies.map((p) => p.rowKey)}
            selection={choices.selection}
            onSelection={(selection) => update({ selection })}
            onChoose={(picked) => setChoices((c) => ({ ...c, mapping: withMappingChoices(c.mapping, picked) }))}
          />
          <MappingTable
            rows={plan.mapping}
            sourceLabel={kind === 'templates' ? 'In the templates' : kind === 'change' ? 'In the policies' : 'In the import'}
            targetName={targetName}
            confirmed={confirmed}
            onChoose={(picked) => setChoices((c) => ({ ...c, mapping: withMappingChoices(c.mapping, picked) }))}
            onConfirm={confirm}
            anchorId={anchorId('mapping')}
            revealRef={mappingRows}
          />
        </section>
      )}

      <section className={styles.section} aria-labelledby="plan-rows">
        <h2 id="plan-rows" className={styles.heading} ref={rowsHeading} tabIndex={-1}>
          What will be written, in order
        </h2>
        <PlanRowsTable
          rows={plan.rows}
          targetName={targetName}
          stateWords={words}
          onAction={(key, action) => setRow(key, { action })}
          onState={(key, state) => setRow(key, { state })}
          anchorId={anchorId('rows')}
          revealRef={planRows}
        />
        <RiskConfirmations rows={plan.rows} confirmed={confirmed} onConfirm={confirm} />
      </section>

      <ApplyBar
        writes={writes}
        targetName={targetName}
        blockers={plan.blockers.length}
        blockersId={blockersId}
        listedBlockerIds={listedBlockers.map((_, i) => `${blockersId}-${i}`)}
        planning={planning}
        onApply={() => onApply(plan)}
      />
    </div>
  );
}
