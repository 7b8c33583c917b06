// The mapping's file actions: saving the admin's choices to a file and using a saved one (the next
// copy between the same two tenants, or a pipeline, starts from them; a file for another tenant is
// refused). A saved file's choices are set through `onLoad`, in one update, and each can still be
// changed on its own row. Creating every missing group is the mapping table's own action.
import { Button, makeStyles, MessageBarBody, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular, DocumentArrowUpRegular } from '@fluentui/react-icons';
import { useId, useRef, useState } from 'react';
import type { ImportSet } from '../../domain/import/import-set';
import { applyMappingFile, mappingFile } from '../../domain/plan/mapping-file';
import { parseJson, PolicyFileError } from '../../domain/policy-file';
import { decodeText } from '../../domain/text-decoding';
import type { MappingChoice, MappingRow, PlanChoices } from '../../domain/plan/types';
import { describeError } from '../../graph/describe-error';
import { useTenantSession } from '../../session/tenant-session';
import { downloadFile } from '../../shared/download';
import { LiveStatus, UnseenText } from '../../shared/ui/live-status';
import { Notice } from '../../shared/ui/notice';
import { isolatedText } from '../../shared/ui/isolated-text';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  bar: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

export interface MappingFileButtonsProps {
  rows: readonly MappingRow[];
  choices: PlanChoices;
  source: ImportSet;
  targetName: string;
  /** A saved mapping's choices, and its domain map (null: the users could not be looked up with it, the review's own stays). */
  onLoad(mapping: Record<string, MappingChoice>, domains: { from: string; to: string }[] | null): void;
  /** The review's directory read for a domain map (Find users again's own): a saved domain map is read through it. */
  lookUpUsers(domains: { from: string; to: string }[]): Promise<unknown>;
  /** The directory is being read for the review's own domain map (Find users again): a file's read waits for it. */
  directoryBusy?: boolean;
  /** Told when a saved domain map's directory read starts and ends: the review's Find users again waits meanwhile. */
  onReading?(reading: boolean): void;
}

export function MappingFileButtons({
  rows,
  choices,
  source,
  targetName,
  onLoad,
  lookUpUsers,
  directoryBusy = false,
  onReading,
}: MappingFileButtonsProps) {
  const styles = useStyles();
  const tenant = useTenantSession();
  const input = useRef<HTMLInputElement>(null);
  const [reading, setReading] = useState(false);
  // Each file chosen is a new occasion: the same words (the same file again, refused or applied) are said again.
  // A warning: the choices applied, the domain map not (its users could not be looked up); an error: the file refused.
  const [said, setSaid] = useState<{ text: string; intent: 'success' | 'warning' | 'error'; occasion: number } | null>(null);
  // Counted apart from what is said: a fresh occasion for each file, whatever `said` held before.
  const occasions = useRef(0);
  const say = (text: string, intent: 'success' | 'warning' | 'error') => {
    occasions.current += 1;
    setSaid({ text, intent, occasion: occasions.current });
  };
  const chosen = rows.filter((r) => r.chosen).length;
  const whyNotId = `${useId()}-why-not-save`;

  const save = () => {
    const file = mappingFile(
      rows,
      choices,
      {
        source: { tenantId: source.origin.tenantId, tenantName: source.origin.tenantName },
        target: { tenantId: tenant.account.tenantId, tenantName: targetName },
      },
      tenant.context.clock.now(),
    );
    const name = `gatehouse-mapping-${(source.origin.tenantName ?? 'import').replace(/[^\w.-]+/g, '-')}-to-${targetName.replace(/[^\w.-]+/g, '-')}.json`;
    downloadFile(name.toLowerCase(), `${JSON.stringify(file, null, 2)}\n`, 'application/json');
  };

  const load = async (file: File) => {
    try {
      // Read as an import's files are: UTF-16 too (PowerShell 5.1's Out-File), and JSON that does not parse said with where.
      const text = decodeText(new Uint8Array(await file.arrayBuffer())).replace(/^\uFEFF/, '');
      const applied = applyMappingFile(parseJson(text, file.name), rows, tenant.account.tenantId);
      // A saved domain map looks users up by other names. Read first, the plan is made again in place: else the
      // review waited for the read in place of the mapping (this button with it), and the focus fell to the page's heading.
      // A failed read applies the choices without the domain map: the plan stays as it was read, and the words say so.
      let failed: string | null = null;
      if (applied.domains.length > 0) {
        setReading(true);
        onReading?.(true);
        try {
          await lookUpUsers(applied.domains);
        } catch (failure) {
          // Graph's words for it, a whole sentence: "Failed to fetch" is no sentence of its own.
          const why = describeError(failure, 'look up the users').message.trim();
          const map = applied.domains.map((d) => `${d.from} to ${d.to}`).join(', ');
          failed = `Its domain map (${map}) is not applied: the users could not be looked up with it. ${why}${/[.!?]$/.test(why) ? '' : '.'}`;
        } finally {
          setReading(false);
          onReading?.(false);
        }
      }
      onLoad(applied.mapping, failed ? null : applied.domains);
      say([...applied.notes, ...(failed ? [failed] : [])].join(' '), failed ? 'warning' : 'success');
    } catch (error) {
      // The JSON's own errors name the file already.
      const why = error instanceof Error ? error.message : String(error);
      const text = error instanceof PolicyFileError ? why : `${isolatedText(file.name)}: ${why}`;
      say(text, 'error');
    }
  };

  return (
    <div className={styles.root}>
      <div className={styles.bar}>
        {/* Reached by Tab with nothing to save, and says why (a disabled button was skipped, its reason unsaid). */}
        <Button
          size="small"
          icon={<ArrowDownloadRegular />}
          disabledFocusable={chosen === 0}
          {...(chosen === 0 && { 'aria-describedby': whyNotId })}
          onClick={save}
        >
          Save my choices ({chosen})
        </Button>
        {chosen === 0 ? (
          <UnseenText id={whyNotId}>Nothing to save yet: choose what a reference becomes in the table below first.</UnseenText>
        ) : null}
        {/* One read of the directory at a time: a second file, or Find users again, while one reads would race it and
            the later answer would win. Focusable while it waits, so the focus stays on it; the status says what it waits for. */}
        <Button
          size="small"
          icon={<DocumentArrowUpRegular />}
          disabledFocusable={reading || directoryBusy}
          onClick={() => input.current?.click()}
        >
          Use a saved mapping…
        </Button>
        <input
          ref={input}
          type="file"
          hidden
          accept=".json"
          aria-label="Saved mapping"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void load(file);
            event.target.value = '';
          }}
        />
        {/* What was applied, a status in the page from the start; each file's words put in anew, so they are said again. */}
        <LiveStatus occasion={reading ? undefined : said?.occasion}>
          {reading ? 'Finding users with the saved domain map…' : said?.intent === 'success' ? said.text : null}
        </LiveStatus>
      </div>
      {/* A file refused (or its domain map not applied) is an alert, said again when another (or the same) file is. */}
      {said && said.intent !== 'success' ? (
        <Notice intent={said.intent} layout="multiline" occasion={said.occasion}>
          <MessageBarBody>{said.text}</MessageBarBody>
        </Notice>
      ) : null}
    </div>
  );
}
