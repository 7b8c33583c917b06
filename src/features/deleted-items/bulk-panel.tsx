// Several deleted policies at once: a confirmation (restore in report-only or as they were; purge
// only after typing the count), then each item's own status as the run goes, with stop and resume.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { CheckmarkCircleRegular, CircleRegular, DismissCircleRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { DeletedPolicy } from '../../graph/deleted-items';
import type { MissingDependency } from '../../domain/dependencies';
import { unfinished, type BulkKind, type BulkRun } from '../../operations/bulk-run';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  item: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  done: { color: tokens.colorPaletteGreenForeground1 },
  failed: { color: tokens.colorPaletteRedForeground1 },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export function BulkConfirmDialog({
  kind,
  policies,
  missingOf,
  onStart,
  onClose,
}: {
  kind: BulkKind;
  policies: DeletedPolicy[];
  missingOf(policy: DeletedPolicy): MissingDependency[];
  onStart(reportOnly: boolean): void;
  onClose(): void;
}) {
  const styles = useStyles();
  const [mode, setMode] = useState<'reportOnly' | 'asItWas'>('reportOnly');
  const [typed, setTyped] = useState('');
  const count = policies.length;
  const phrase = `delete ${count} ${count === 1 ? 'policy' : 'policies'}`;
  const wereOn = policies.filter((p) => p.state === 'enabled').length;
  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>
            {kind === 'restore'
              ? `Restore ${count} ${count === 1 ? 'policy' : 'policies'}?`
              : `Delete ${count} ${count === 1 ? 'policy' : 'policies'} permanently?`}
          </DialogTitle>
          <DialogContent className={styles.content}>
            <ul aria-label="Policies in this run">
              {policies.map((p) => {
                const missing = kind === 'restore' ? missingOf(p) : [];
                return (
                  <li key={p.id}>
                    {p.displayName}
                    {missing.length > 0 &&
                      `: refers to ${missing.map((m) => `${m.where.toLowerCase()} ${m.restorable ? `“${m.restorable.displayName}” (deleted: restore it first, under Deleted named locations)` : 'that no longer exists'}`).join(', ')}`}
                  </li>
                );
              })}
            </ul>
            {kind === 'restore' ? (
              <>
                {wereOn > 0 && (
                  <MessageBar intent="warning">
                    <MessageBarBody>
                      {wereOn === 1 ? '1 of them was On' : `${wereOn} of them were On`} when deleted: restored as they were, they enforce
                      again at once.
                    </MessageBarBody>
                  </MessageBar>
                )}
                <RadioGroup
                  value={mode}
                  onChange={(_, data) => setMode(data.value as 'reportOnly' | 'asItWas')}
                  aria-label="How to restore"
                >
                  <Radio value="reportOnly" label="Restore in report-only, to check their effect first" />
                  <Radio value="asItWas" label="Restore as they were" />
                </RadioGroup>
              </>
            ) : (
              <>
                <p>This is final: Microsoft Entra cannot bring them back afterwards.</p>
                <Field label={`Type “${phrase}” to confirm`}>
                  <Input value={typed} onChange={(_, data) => setTyped(data.value)} />
                </Field>
              </>
            )}
            <Text>
              They are done one at a time, about one a second (the Conditional Access limit); if something fails, the rest go on and the run
              can be resumed.
            </Text>
          </DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              disabled={kind === 'purge' && typed.trim().toLowerCase() !== phrase}
              onClick={() => onStart(mode === 'reportOnly')}
            >
              {kind === 'restore' ? 'Restore' : 'Delete permanently'}
            </Button>
            <Button onClick={onClose}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

const statusWords = {
  restore: { pending: 'Waiting', running: 'Restoring…', done: 'Restored', failed: 'Failed' },
  purge: { pending: 'Waiting', running: 'Deleting…', done: 'Deleted permanently', failed: 'Failed' },
} as const;

export function BulkProgress({
  run,
  running,
  onStop,
  onResume,
  onDismiss,
}: {
  run: BulkRun;
  running: boolean;
  onStop(): void;
  onResume(): void;
  onDismiss(): void;
}) {
  const styles = useStyles();
  const left = unfinished(run);
  const failed = run.items.filter((i) => i.status === 'failed').length;
  const done = run.items.length - left.length;
  const verb = run.kind === 'restore' ? (run.reportOnly ? 'Restoring in report-only' : 'Restoring') : 'Deleting permanently';
  const title = running
    ? `${verb}: ${done} of ${run.items.length} done`
    : left.length === 0
      ? `Done: ${done} of ${run.items.length}`
      : `Stopped: ${done} of ${run.items.length} done${failed ? `, ${failed} failed` : ''}`;
  return (
    <MessageBar intent={running ? 'info' : left.length === 0 ? 'success' : 'warning'} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {run.stopped && !running && <Text block>The rest were not tried: {run.stopped}</Text>}
        <ul className={styles.list} aria-label="Progress of each policy">
          {run.items.map((item) => (
            <li key={item.id} className={styles.item}>
              {item.status === 'running' ? (
                <Spinner size="extra-tiny" />
              ) : item.status === 'done' ? (
                <CheckmarkCircleRegular className={styles.done} />
              ) : item.status === 'failed' ? (
                <DismissCircleRegular className={styles.failed} />
              ) : (
                <CircleRegular />
              )}
              <span>
                {item.name}: {statusWords[run.kind][item.status]}
                {item.status === 'failed' && item.message ? ` (${item.message})` : ''}
                {item.status !== 'done' && item.restored ? ' (restored; report-only still to set)' : ''}
              </span>
            </li>
          ))}
        </ul>
      </MessageBarBody>
      <MessageBarActions>
        {running ? (
          <Button onClick={onStop}>Stop after this one</Button>
        ) : left.length > 0 ? (
          <>
            <Button appearance="primary" onClick={onResume}>
              Resume ({left.length} left)
            </Button>
            <Button onClick={onDismiss}>Discard</Button>
          </>
        ) : (
          <Button onClick={onDismiss}>Dismiss</Button>
        )}
      </MessageBarActions>
    </MessageBar>
  );
}
