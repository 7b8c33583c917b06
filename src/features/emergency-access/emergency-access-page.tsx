// Emergency access across every policy: for each policy and each emergency account of Settings,
// excluded (and how), out of scope, deliberately targeted, or affected with a severity; the health
// of the emergency group; and a bulk fix of the chosen policies written through the shared plan
// (each policy read fresh, the emergency accounts merged into its exclusions, the review with its
// differences and lock-out guard, the paced journalled run), with an exact revert of the last fix.
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { emergencyFix, emergencyRevert, fixRecord, mergeFixRecords, suggestCandidates, type FixedPolicy } from '../../domain/emergency/fix';
import type { ImportSet } from '../../domain/import/import-set';
import { policyJson } from '../../domain/json';
import type { EmergencyAccess } from '../../domain/lockout';
import { listWords } from '../../domain/import/words';
import type { PlanPurpose } from '../../domain/plan/plan-counts';
import { lookupName } from '../../domain/references';
import { describeError } from '../../graph/describe-error';
import { PlanAndApply } from '../../policy-ui/plan/plan-and-apply';
import { planTargetQuery, useNames } from '../../policy-ui/queries';
import { useOrganizationName } from '../../session/organization-query';
import { paths } from '../../shared/routes/paths';
import { ErrorState } from '../../shared/ui/error-state';
import { isolatedText } from '../../shared/ui/isolated-text';
import { LiveStatus, SpokenStatus } from '../../shared/ui/live-status';
import { Candidates } from './candidates';
import { CoverageTable } from './coverage-table';
import { useFixRecord } from './fix-record-store';
import { HygieneSection } from './hygiene-section';
import { FIX_ORIGIN, isRevertRun, LastFixNote, REVERT_ORIGIN } from './last-fix';
import { useEmergencyCheck } from './use-emergency-check';

// What the fix and its revert do to each policy, for the plan's counts ("2 get the emergency accounts excluded").
const FIX_PURPOSE: PlanPurpose = { one: 'gets the emergency accounts excluded', many: 'get the emergency accounts excluded' };
const REVERT_PURPOSE: PlanPurpose = {
  one: 'has the exclusions of the last fix taken out',
  many: 'have the exclusions of the last fix taken out',
};

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '1400px' },
  title: { margin: 0, fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
});

interface Work {
  kind: 'fix' | 'revert';
  source: ImportSet;
  fixed: FixedPolicy[];
  key: number;
}

/** "the group A and the accounts B and C": each named with its kind. */
function emergencyWords({ groups, users }: EmergencyAccess): string {
  const kind = (one: string, named: readonly { name: string }[]) =>
    named.length === 0 ? [] : [`the ${named.length === 1 ? one : `${one}s`} ${listWords(named.map((n) => isolatedText(n.name)))}`];
  return listWords([...kind('group', groups), ...kind('account', users)]);
}

export function EmergencyAccessPage() {
  const styles = useStyles();
  const check = useEmergencyCheck();
  const { tenant, settings, analysis } = check;
  const tenantId = tenant.account.tenantId;
  const targetName = useOrganizationName(tenant) ?? 'this tenant';
  const names = useNames(tenant, check.configured ? undefined : check.policies.data);
  const queryClient = useQueryClient();
  const [record, setRecord] = useFixRecord(tenantId);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [work, setWork] = useState<Work | null>(null);
  const [preparing, setPreparing] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  // A candidate just chosen: said, with the way back (the choice is this device's, so undoing it is cheap).
  const [named, setNamed] = useState<{ name: string; before: EmergencyAccess } | null>(null);
  const namedMessage = useRef<HTMLDivElement>(null);
  // The candidates' list goes away with the choice: focus goes to what replaced it.
  useEffect(() => {
    if (named) namedMessage.current?.focus();
  }, [named]);
  // The plan's title takes focus when it shows (PlanAndApply); the word that there is nothing to
  // change, which replaces it, takes focus the same way.
  const nothingMessage = useRef<HTMLDivElement>(null);
  // After a run is put away (Done) or a choice undone, what the admin acted on is gone: focus goes to
  // where the work goes on (the revert, else the Fix title; the candidates back), once it is drawn, not
  // to the page's title. Given up after a few seconds, so it never jumps in later.
  const focusNext = useRef<{ to: 'fix' | 'candidates'; until: number } | null>(null);
  const fixTitle = useRef<HTMLHeadingElement>(null);
  const revertButton = useRef<HTMLButtonElement>(null);
  const candidatesBody = useRef<HTMLDivElement>(null);
  // At each render: the place may be drawn only once the policies are read again.
  useEffect(() => {
    const next = focusNext.current;
    if (!next) return;
    const target = next.to === 'fix' ? (revertButton.current ?? fixTitle.current) : candidatesBody.current;
    if (target && Date.now() <= next.until) target.focus();
    if (target || Date.now() > next.until) focusNext.current = null;
  });
  // A render of this page is asked for: the run panel that closed is PlanAndApply's own state.
  const [, rendered] = useState(0);
  const focusSoon = (to: 'fix' | 'candidates') => {
    focusNext.current = { to, until: Date.now() + 5000 };
    rendered((n) => n + 1);
  };
  const nothingToChange = !!work && work.source.sections.policies.length === 0;
  useEffect(() => {
    if (nothingToChange) nothingMessage.current?.focus();
  }, [work, nothingToChange]);

  const candidates = useMemo(() => {
    if (check.configured || !check.policies.data) return [];
    return suggestCandidates(check.policies.data.map(policyJson)).map((c) => ({
      ...c,
      name: lookupName(names.data, [c.kind], c.id)?.displayName ?? c.id,
    }));
  }, [check.configured, check.policies.data, names.data]);

  const findings = analysis?.policies.filter((p) => p.worst) ?? [];
  const count = (severity: string) => findings.filter((p) => p.worst === severity).length;
  // Only what is still a finding is chosen: a policy fixed (here or elsewhere) leaves the choice with its checkbox.
  const findingIds = new Set(findings.map((p) => p.id));
  const chosenFindings: ReadonlySet<string> = new Set([...chosen].filter((id) => findingIds.has(id)));
  const emergencyNames = emergencyWords(settings);
  // What "Choose every finding" did, said: the button stays as it was, so pressing it was heard as nothing.
  // Said each time, even with the same words: a second press was silent.
  const [choiceWords, setChoiceWords] = useState({ text: '', occasion: 0 });
  const ready = check.configured && !!analysis && !check.loading && !check.policies.error;
  const checking = check.configured && (check.loading || !analysis) && !check.policies.error;
  const summary =
    check.configured && analysis && !check.loading
      ? findings.length === 0
        ? `None of the ${analysis.policies.length} policies affects an emergency account.`
        : `${findings.length} of ${analysis.policies.length} policies affect an emergency account: ${count('critical')} critical, ${count('high')} high, ${count('low')} low.`
      : null;

  // Both read the tenant as the planner will: the policies are taken fresh, never from the page's list.
  const prepare = async (build: (policies: Parameters<typeof emergencyFix>[1]) => Omit<Work, 'key'>) => {
    setPreparing(true);
    setFailure(null);
    try {
      const target = await queryClient.fetchQuery(planTargetQuery(tenant));
      const next = build(target.policies);
      setWork((w) => ({ ...next, key: (w?.key ?? 0) + 1 }));
    } catch (error) {
      setFailure(error);
    } finally {
      setPreparing(false);
    }
  };
  const reviewFix = () =>
    prepare((policies) => {
      const { source, fixed } = emergencyFix(
        tenantId,
        policies.filter((p) => typeof p.id === 'string' && chosenFindings.has(p.id)),
        settings,
      );
      return { kind: 'fix', source, fixed };
    });
  const reviewRevert = () => prepare((policies) => ({ kind: 'revert', source: emergencyRevert(tenantId, policies, record!), fixed: [] }));

  return (
    <section className={styles.page} aria-labelledby="emergency-title">
      <h1 id="emergency-title" className={styles.title}>
        Emergency access
      </h1>
      <Text>
        Every policy of {targetName} against the emergency-access accounts named in Settings: excluded (by name, through a group or a role),
        out of scope, written for them on purpose, or affected, graded by what it would do to them.
      </Text>
      <PlanAndApply
        source={work?.source ?? null}
        sourceKey={String(work?.key ?? 0)}
        targetName={targetName}
        origin={work?.kind === 'revert' ? REVERT_ORIGIN : FIX_ORIGIN}
        change
        intro={
          work?.kind === 'revert'
            ? 'The way back from the last fix: only the exclusions it added are taken out. '
            : 'The emergency accounts added to the exclusions of the chosen policies, every other exclusion kept. '
        }
        purpose={work?.kind === 'revert' ? REVERT_PURPOSE : FIX_PURPOSE}
        onStart={(run) => {
          // The choice is spent on the fix: a policy that is a finding again later (a revert) starts unchosen.
          // A fix made before the last was reverted adds to its record: one revert takes out both.
          if (work?.kind === 'fix') {
            setRecord(mergeFixRecords(record, fixRecord(tenantId, run.startedAt, work.fixed, run.items)));
            setChosen(new Set());
            setChoiceWords((before) => ({ ...before, text: '' }));
          }
          setWork(null);
        }}
        // The record goes only with a revert whose every write is done: one cut short or failed can be reverted again
        // (a policy already reverted is left out, having lost the exclusions).
        onFinished={(run) => {
          if (isRevertRun(run)) setRecord(null);
        }}
        onClosed={() => focusSoon('fix')}
        // After the plan: the plan (and its progress while the tenant is read) comes right after the button that asked for it.
        after={ready ? <HygieneSection tenant={tenant} emergency={settings} /> : null}
      >
        {!check.configured && check.policies.data ? (
          <Candidates
            candidates={candidates}
            settings={settings}
            bodyRef={candidatesBody}
            onUse={(next, name) => {
              setNamed({ name, before: settings });
              void check.setSettings(next);
            }}
          />
        ) : null}
        {named ? (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody ref={namedMessage} tabIndex={-1}>
              {named.name} is named as emergency access for {targetName} in Settings, kept in this browser on this device. Every policy is
              checked against it below.
            </MessageBarBody>
            <MessageBarActions>
              <Button
                onClick={() => {
                  void check.setSettings(named.before);
                  setNamed(null);
                  focusSoon('candidates');
                }}
              >
                Undo
              </Button>
              <RouterLink to={paths.settings}>Settings</RouterLink>
            </MessageBarActions>
          </MessageBar>
        ) : null}
        {check.policies.error ? (
          <ErrorState {...describeError(check.policies.error, 'read the policies')} onRetry={() => void check.policies.refetch()} />
        ) : null}
        {/* The heading and the status are there while the check runs: its outcome replaces its progress in the same status,
            and is said (a status that appeared filled, with the table, was not). */}
        {check.configured && !check.policies.error ? (
          <section className={styles.section} aria-labelledby="check-title">
            <h2 id="check-title" className={styles.heading}>
              Every policy
            </h2>
            <LiveStatus>{checking ? <Spinner size="tiny" labelPosition="after" label="Checking every policy…" /> : summary}</LiveStatus>
            {ready && analysis ? (
              <>
                {check.unreadMemberships.length > 0 ? (
                  <MessageBar intent="warning">
                    <MessageBarBody>
                      What {check.unreadMemberships.length} of the emergency accounts or groups belong to could not be read: exclusions
                      through their groups and roles are not counted for them.
                    </MessageBarBody>
                  </MessageBar>
                ) : null}
                <CoverageTable
                  rows={analysis.policies}
                  subjects={analysis.subjects}
                  chosen={chosenFindings}
                  onChoose={(id, yes) => {
                    setChoiceWords((before) => ({ ...before, text: '' }));
                    setChosen((c) => {
                      const next = new Set(c);
                      if (yes) next.add(id);
                      else next.delete(id);
                      return next;
                    });
                  }}
                />
              </>
            ) : null}
          </section>
        ) : null}
        {ready ? (
          <section className={styles.section} aria-labelledby="fix-title">
            <h2 id="fix-title" ref={fixTitle} tabIndex={-1} className={styles.heading}>
              Fix
            </h2>
            <Text>
              The fix adds {emergencyNames} to the exclusions of each chosen policy, keeping every exclusion it has. Each policy is read
              fresh and reviewed with its difference before anything is written; the version replaced is kept on this device.
            </Text>
            <div className={styles.actions}>
              {findings.length > 0 ? (
                <Button
                  onClick={() => {
                    setChosen(new Set(findings.map((p) => p.id)));
                    setChoiceWords((before) => ({
                      text: `${findings.length === 1 ? 'The finding is' : `All ${findings.length} findings are`} chosen for the fix.`,
                      occasion: before.occasion + 1,
                    }));
                  }}
                >
                  Choose every finding
                </Button>
              ) : null}
              {/* Focusable while it cannot be used (aria-disabled), saying why: disabled, Tab skipped it, and the
                    keyboard's focus fell to the page's start while the policies were read. */}
              {findings.length > 0 ? (
                <Button
                  appearance="primary"
                  disabledFocusable={preparing || chosenFindings.size === 0}
                  aria-describedby={chosenFindings.size === 0 ? 'fix-none-chosen' : undefined}
                  onClick={() => void reviewFix()}
                >
                  Review the fix for {chosenFindings.size} {chosenFindings.size === 1 ? 'policy' : 'policies'}
                </Button>
              ) : null}
              {record ? (
                <Button ref={revertButton} disabledFocusable={preparing} onClick={() => void reviewRevert()}>
                  Revert the last fix ({record.policies.length} {record.policies.length === 1 ? 'policy' : 'policies'})
                </Button>
              ) : null}
              <div role="status">{preparing ? <Spinner size="tiny" label="Reading the policies fresh…" /> : null}</div>
              <SpokenStatus occasion={choiceWords.occasion}>{choiceWords.text}</SpokenStatus>
            </div>
            {findings.length > 0 && chosenFindings.size === 0 ? (
              <Text id="fix-none-chosen">
                No policy is chosen yet: choose them in the Fix column of the table, or Choose every finding.
              </Text>
            ) : null}
            {record ? <LastFixNote record={record} /> : null}
            {failure ? <ErrorState {...describeError(failure, 'read the policies fresh')} /> : null}
            {work && work.source.sections.policies.length === 0 ? (
              <MessageBar intent="info">
                <MessageBarBody ref={nothingMessage} tabIndex={-1}>
                  <MessageBarTitle>Nothing to change</MessageBarTitle>
                  {work.kind === 'fix'
                    ? 'The chosen policies already exclude every emergency account and group.'
                    : 'The policies no longer have the exclusions the last fix added.'}
                </MessageBarBody>
              </MessageBar>
            ) : null}
            {work && work.source.sections.policies.length > 0 ? (
              <Text weight="semibold">
                {work.kind === 'fix' ? 'The fix' : 'The revert'}: {work.source.sections.policies.length}{' '}
                {work.source.sections.policies.length === 1 ? 'policy' : 'policies'} to review below.
              </Text>
            ) : null}
          </section>
        ) : null}
      </PlanAndApply>
    </section>
  );
}
