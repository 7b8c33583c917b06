// Something kept on this device (contingency plans, rollouts) brought back from a backup file: the
// file read, what the caller could place in this tenant kept, what it could not said, a refusal by
// the browser's storage said too, and one Undo that puts back what was kept before.
import { Button, makeStyles, MessageBarActions, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { ArrowUndoRegular, DocumentArrowUpRegular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import type { Bundle } from '../domain/bundle/bundle';
import { BackupFileError, readBackupFile } from '../shared/files/read-backup-file';
import { SpokenStatus } from '../shared/ui/live-status';
import { Notice } from '../shared/ui/notice';

const useStyles = makeStyles({
  row: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
});

/** What the caller makes of a backup: the next value to keep and how many items it placed, or why none. */
export type Restored<T> = { next: T; placed: number; notes: string[] } | { none: string };

type Outcome<T> = { kind: 'restored'; file: string; placed: number; notes: string[]; previous: T } | { kind: 'failed'; text: string };

export function RestoreFromBackup<T>({
  noun,
  current,
  restore,
  onChange,
}: {
  /** What is restored, as in "One plan" / "2 plans". */
  noun: { one: string; many: string };
  current: T;
  restore(bundle: Bundle, fileName: string): Restored<T>;
  /** Replaces what is kept; false when the browser would not keep it. */
  onChange(next: T): boolean;
}) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [outcome, setOutcome] = useState<Outcome<T> | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  // An undo takes its message bar away: said from a status that stays, with the focus on the button
  // that started it rather than on the page's title.
  const [undone, setUndone] = useState<string | null>(null);

  const load = async (file: File) => {
    setUndone(null);
    try {
      const { bundle } = await readBackupFile(file.name, new Uint8Array(await file.arrayBuffer()));
      const restored = restore(bundle, file.name);
      if ('none' in restored) return setOutcome({ kind: 'failed', text: restored.none });
      if (!onChange(restored.next)) {
        setOutcome({
          kind: 'failed',
          text: `The browser would not keep the ${noun.many} (its storage is full or blocked). Nothing changed.`,
        });
        return;
      }
      setOutcome({ kind: 'restored', file: file.name, placed: restored.placed, notes: restored.notes, previous: current });
    } catch (error) {
      // The reader's words name the file already.
      const text =
        error instanceof BackupFileError
          ? error.message
          : `${file.name} could not be read: ${error instanceof Error ? error.message : String(error)}`;
      setOutcome({ kind: 'failed', text });
    }
  };

  return (
    <div className={styles.row}>
      <Button ref={button} icon={<DocumentArrowUpRegular />} onClick={() => input.current?.click()}>
        Restore {noun.many} from a backup…
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
        <Notice occasion={outcome} intent="error">
          <MessageBarBody>
            <MessageBarTitle>No {noun.one} was restored</MessageBarTitle>
            {outcome.text}
          </MessageBarBody>
        </Notice>
      ) : null}
      {outcome?.kind === 'restored' ? (
        <Notice occasion={outcome} intent={outcome.notes.length > 0 ? 'warning' : 'success'}>
          <MessageBarBody>
            <MessageBarTitle>
              {outcome.placed === 1 ? `One ${noun.one}` : `${outcome.placed} ${noun.many}`} restored from {outcome.file}
            </MessageBarTitle>
            {outcome.notes.join(' ')}
          </MessageBarBody>
          <MessageBarActions>
            <Button
              icon={<ArrowUndoRegular />}
              onClick={() => {
                if (!onChange(outcome.previous)) return;
                setOutcome(null);
                setUndone(`Undone: the ${noun.many} kept before ${outcome.file} was restored are back.`);
                button.current?.focus();
              }}
            >
              Undo
            </Button>
          </MessageBarActions>
        </Notice>
      ) : null}
      <SpokenStatus>{undone}</SpokenStatus>
    </div>
  );
}
