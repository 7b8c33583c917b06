// Choosing a file the way the rest of the console looks: a Fluent button that opens the browser's
// file picker (reachable by keyboard like any button), a zone a file can be dropped on, and the
// chosen file's name. The native input stays hidden; its label lets tests and assistive tools find it.
import { Button, Field, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { DocumentArrowUpRegular } from '@fluentui/react-icons';
import { useId, useRef, useState, type DragEvent } from 'react';

const useStyles = makeStyles({
  zone: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
  },
  over: { border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  hint: { color: tokens.colorNeutralForeground3 },
  chosen: { overflowWrap: 'anywhere' },
});

export interface FileDropZoneProps {
  /** What the file is, e.g. "Policy file (.json)": the field's label and the hidden input's name. */
  label: string;
  accept: string;
  /** Why the last file was refused, if it was. */
  error?: string | null;
  /**
   * Reads the file and says its own refusals through `error`; when it returns a promise, the error is
   * said once it settles. A reader that throws is said here, so the file is never refused in silence.
   */
  onFile(file: File): void | Promise<unknown>;
}

export function FileDropZone({ label, accept, error, onFile }: FileDropZoneProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [chosen, setChosen] = useState<string | null>(null);
  const chosenId = useId();
  // Each file read puts its refusal in the alert anew: the same refusal of a second file (or of the
  // same file again) was left standing, so the admin who chose it heard nothing.
  const [reads, setReads] = useState(0);
  const [thrown, setThrown] = useState<string | null>(null);
  // Only the last file chosen speaks: an earlier one that settles late would say its refusal beside the new name.
  const latest = useRef(0);
  const take = (file: File | undefined) => {
    if (!file) return;
    const read = ++latest.current;
    setChosen(file.name);
    setThrown(null);
    new Promise((resolve) => resolve(onFile(file)))
      .catch((failure: unknown) => {
        if (read === latest.current)
          setThrown(`${file.name} could not be read: ${failure instanceof Error ? failure.message : String(failure)}`);
      })
      .finally(() => {
        if (read === latest.current) setReads((count) => count + 1);
      });
  };
  const refusal = error ?? thrown;
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    take(event.dataTransfer.files[0]);
  };
  return (
    <Field
      label={label}
      validationMessage={refusal ? <span key={reads}>{refusal}</span> : undefined}
      validationState={refusal ? 'error' : 'none'}
    >
      <div
        className={mergeClasses(styles.zone, over && styles.over)}
        onDragOver={(event) => {
          // Without this the browser opens a dropped file itself, leaving the console.
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <Button icon={<DocumentArrowUpRegular />} onClick={() => input.current?.click()} aria-describedby={chosenId}>
          Choose a file…
        </Button>
        <Text id={chosenId} size={200} className={chosen ? styles.chosen : styles.hint} aria-live="polite">
          {chosen ? `Chosen: ${chosen}` : 'or drop it here'}
        </Text>
        <input
          ref={input}
          type="file"
          accept={accept}
          hidden
          aria-label={label}
          aria-invalid={!!refusal}
          onChange={(event) => {
            take(event.target.files?.[0]);
            // The same file chosen again (after fixing it) is read again.
            event.target.value = '';
          }}
        />
      </div>
    </Field>
  );
}
