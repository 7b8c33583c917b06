// Contingency plans brought back from a backup: the edits the naming cannot carry (what to turn off,
// which exclusions to add first) are kept on this device again, their steps found in this tenant by
// id or, after a restore made the policies anew, by name. What cannot be placed is said; one Undo
// puts back the edits that were there before.
import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { ArrowUndoRegular, DocumentArrowUpRegular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import { restoreEdits, type PlanEdits } from '../../domain/contingency/contingency-plan';
import type { JsonObject } from '../../domain/json';
import { readBackupFile } from '../../shared/files/read-backup-file';

const useStyles = makeStyles({
  row: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
});

type Outcome =
  | { kind: 'restored'; file: string; plans: number; notes: string[]; previous: Record<string, PlanEdits> }
  | { kind: 'failed'; text: string };

export function RestorePlans({
  policies,
  edits,
  onChange,
}: {
  policies: readonly JsonObject[];
  edits: Record<string, PlanEdits>;
  /** Replaces the kept edits; false when the browser would not keep them. */
  onChange: (next: Record<string, PlanEdits>) => boolean;
}) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const load = async (file: File) => {
    try {
      const { bundle } = await readBackupFile(file.name, new Uint8Array(await file.arrayBuffer()));
      if (bundle.contingencyPlans.length === 0) {
        setOutcome({ kind: 'failed', text: `“${file.name}” holds no contingency plans (backups made before plans were kept hold none).` });
        return;
      }
      const restored = restoreEdits(bundle.contingencyPlans, policies);
      const notes = [
        ...restored.absentPlans.map((plan) => `This tenant has no contingency policies for “${plan}”: that plan was not restored.`),
        ...restored.unmatched.map((step) => `${step} is not in this tenant: left out of its plan.`),
      ];
      const placed = Object.keys(restored.edits).length;
      if (placed === 0) {
        setOutcome({ kind: 'failed', text: notes.join(' ') });
        return;
      }
      if (!onChange({ ...edits, ...restored.edits })) {
        setOutcome({ kind: 'failed', text: 'The browser would not keep the plans (its storage is full or blocked). Nothing changed.' });
        return;
      }
      setOutcome({ kind: 'restored', file: file.name, plans: placed, notes, previous: edits });
    } catch (error) {
      setOutcome({ kind: 'failed', text: `${file.name} could not be read: ${error instanceof Error ? error.message : String(error)}` });
    }
  };

  return (
    <div className={styles.row}>
      <Button icon={<DocumentArrowUpRegular />} onClick={() => input.current?.click()}>
        Restore plans from a backup…
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
            <MessageBarTitle>No plan was restored</MessageBarTitle>
            {outcome.text}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {outcome?.kind === 'restored' ? (
        <MessageBar intent={outcome.notes.length > 0 ? 'warning' : 'success'}>
          <MessageBarBody>
            <MessageBarTitle>
              {outcome.plans === 1 ? 'One plan' : `${outcome.plans} plans`} restored from {outcome.file}
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
