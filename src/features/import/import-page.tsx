// Import: a backup restored, or policies copied from another tenant, into the signed-in tenant, in
// one plan reviewed before anything is written. Files are read on this device; the plan is made
// against the tenant as it is now; applying writes one object at a time with a journal, so a run
// that stops (a closed tab included) resumes where it stopped.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { Plan } from '../../domain/plan/types';
import { describeError, type ErrorDescription } from '../../graph/describe-error';
import { newApplyRun, type ApplyRun } from '../../operations/apply-plan';
import { useApplyJournal, useApplyPlan } from '../../policy-ui/writes';
import { useOrganizationName } from '../../session/organization-query';
import { useTenantSession } from '../../session/tenant-session';
import { ErrorState } from '../../shared/ui/error-state';
import { ApplyPanel } from './apply-panel';
import { FileResults } from './file-results';
import { ImportSource, type LoadedSource } from './import-source';
import { PlanReview } from './plan-review';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '1280px' },
  title: { margin: 0, fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
});

export function ImportPage() {
  const styles = useStyles();
  const tenant = useTenantSession();
  const targetName = useOrganizationName(tenant) ?? 'this tenant';
  const journal = useApplyJournal();
  const apply = useApplyPlan();
  const [source, setSource] = useState<LoadedSource | null>(null);
  const [sourceError, setSourceError] = useState<string | null>(null);
  // A run this device journalled and did not finish is shown first, ready to resume.
  const [run, setRun] = useState<ApplyRun | null>(() => {
    const saved = journal.load();
    return saved && !saved.finishedAt ? saved : null;
  });
  const [confirming, setConfirming] = useState<Plan | null>(null);
  const [failure, setFailure] = useState<ErrorDescription | null>(null);
  const stop = useRef<AbortController | null>(null);

  const start = (next: ApplyRun) => {
    stop.current = new AbortController();
    setFailure(null);
    setRun(next);
    apply.mutate(
      { run: next, onChange: setRun, signal: stop.current.signal },
      {
        onSuccess: setRun,
        onError: (error) => setFailure(describeError(error, 'apply the plan')),
      },
    );
  };

  const writes = confirming ? confirming.counts.create + confirming.counts.update : 0;
  return (
    <section className={styles.page} aria-labelledby="import-title">
      <h1 id="import-title" className={styles.title}>
        Import
      </h1>
      <Text>
        Restore a backup, or copy policies from another tenant or from another tool’s export, into {targetName}. The files are read on this
        device. You review the whole plan first; nothing is written until you apply it.
      </Text>

      {run ? (
        <ApplyPanel
          run={run}
          running={apply.isPending}
          targetName={targetName}
          onStop={() => stop.current?.abort()}
          onResume={() => start(run)}
          onClose={() => {
            journal.clear();
            setRun(null);
          }}
        />
      ) : null}
      {failure ? <ErrorState {...failure} /> : null}

      {!run ? (
        <>
          <ImportSource
            onLoaded={(loaded) => {
              setSourceError(null);
              setSource(loaded);
            }}
            onError={(message) => {
              setSourceError(message);
              setSource(null);
            }}
          />
          {sourceError ? (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>Could not read that</MessageBarTitle>
                {sourceError}
              </MessageBarBody>
            </MessageBar>
          ) : null}
          {source ? <FileResults source={source} /> : null}
          {source && source.set.sections.policies.length > 0 ? (
            // A new import starts a new review: choices made for another import do not carry over.
            <PlanReview key={source.label + source.set.files.length} source={source.set} targetName={targetName} onApply={setConfirming} />
          ) : null}
        </>
      ) : null}

      <Dialog open={!!confirming} onOpenChange={(_, data) => !data.open && setConfirming(null)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>
              Write {writes} change{writes === 1 ? '' : 's'} to {targetName}?
            </DialogTitle>
            <DialogContent>
              {confirming ? (
                <Text>
                  {confirming.counts.create} to create and {confirming.counts.update} to update, one at a time. Each object is read back and
                  compared with the plan. The versions replaced are kept in this device’s history; if the run stops, it can resume.
                </Text>
              ) : null}
            </DialogContent>
            <DialogActions>
              <Button onClick={() => setConfirming(null)}>Cancel</Button>
              <Button
                appearance="primary"
                onClick={() => {
                  const plan = confirming!;
                  setConfirming(null);
                  start(newApplyRun(plan, tenant.account.tenantId, tenant.context.clock));
                }}
              >
                Write to {targetName}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}
