// Rollouts brought back from a backup onto this device: each placed on its policy in this tenant (by
// id, or by name after a restore made the policies anew), what could not be placed said, and one Undo
// that puts back the rollouts kept before.
import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { ArrowUndoRegular, DocumentArrowUpRegular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import type { JsonObject } from '../../domain/json';
import { restoreRollouts } from '../../domain/rollout/restore';
import type { RolloutStore } from '../../session/rollout-store';
import { readBackupFile } from '../../shared/files/read-backup-file';

const useStyles = makeStyles({
  row: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
});

type Outcome =
  { kind: 'restored'; file: string; count: number; notes: string[]; previous: RolloutStore } | { kind: 'failed'; text: string };

export function RestoreRollouts({
  policies,
  store,
  onChange,
}: {
  policies: readonly JsonObject[];
  store: RolloutStore;
  /** Replaces the kept rollouts; false when the browser would not keep them. */
  onChange(next: RolloutStore): boolean;
}) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const load = async (file: File) => {
    try {
      const { bundle } = await readBackupFile(file.name, new Uint8Array(await file.arrayBuffer()));
      if (bundle.rolloutPlans.length === 0) {
        setOutcome({ kind: 'failed', text: `“${file.name}” holds no rollouts (backups made before rollouts were kept hold none).` });
        return;
      }
      const { plans, notes } = restoreRollouts(bundle.rolloutPlans, policies);
      if (plans.length === 0) {
        setOutcome({ kind: 'failed', text: notes.join(' ') });
        return;
      }
      if (!onChange({ ...store, ...Object.fromEntries(plans.map((plan) => [plan.policyId, plan])) })) {
        setOutcome({ kind: 'failed', text: 'The browser would not keep the rollouts (its storage is full or blocked). Nothing changed.' });
        return;
      }
      setOutcome({ kind: 'restored', file: file.name, count: plans.length, notes, previous: store });
    } catch (error) {
      setOutcome({ kind: 'failed', text: `${file.name} could not be read: ${error instanceof Error ? error.message : String(error)}` });
    }
  };

  return (
    <div className={styles.row}>
      <Button icon={<DocumentArrowUpRegular />} onClick={() => input.current?.click()}>
        Restore rollouts from a backup…
      </Button>
      <input
        ref={input}
        type="file"
        hidden
        accept=".json,.zip,application/json,application/zip"
        aria-label="Backup file"
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) void load(file);
          event.target.value = '';
        }}
      />
      {outcome?.kind === 'failed' ? (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>No rollout was restored</MessageBarTitle>
            {outcome.text}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {outcome?.kind === 'restored' ? (
        <MessageBar intent={outcome.notes.length > 0 ? 'warning' : 'success'}>
          <MessageBarBody>
            <MessageBarTitle>
              {outcome.count === 1 ? 'One rollout' : `${outcome.count} rollouts`} restored from {outcome.file}
            </MessageBarTitle>
            {outcome.notes.join(' ')}
          </MessageBarBody>
          <MessageBarActions>
            <Button
              icon={<ArrowUndoRegular />}
              onClick={() => {
                if (onChange(outcome.previous)) setOutcome(null);
              }}
            >
              Undo
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
    </div>
  );
}
