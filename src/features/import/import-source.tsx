// Where an import comes from: files (a backup, a zip, a folder, exports of other tools: chosen or
// dropped), or the policies of another tenant this browser is signed in to, read live. Each file
// gets its result, so a file that was not read says why and where.
import { Button, Dropdown, Field, makeStyles, mergeClasses, Option, Spinner, Text, tokens } from '@fluentui/react-components';
import { DocumentArrowUpRegular, FolderArrowUpRegular } from '@fluentui/react-icons';
import { useId, useRef, useState, type DragEvent } from 'react';
import { useAuth } from '../../auth';
import type { ImportFile, ImportSet } from '../../domain/import/import-set';
import { readImport } from '../../domain/import/read-import';
import { exportTenant } from '../../operations/export-tenant';
import { useOtherTenantSession, useTenantSession } from '../../session/tenant-session';
import { filesFromDrop, filesFromList } from '../../shared/files/dropped-files';
import { importSetOfBundle } from '../../domain/import/bundle-import';
import { UnseenText } from '../../shared/ui/live-status';
import { Isolated, isolatedText } from '../../shared/ui/isolated-text';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalXL, flexWrap: 'wrap', alignItems: 'flex-start' },
  zone: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    boxSizing: 'border-box',
    padding: tokens.spacingVerticalM,
    minWidth: 'min(100%, 320px)',
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
  },
  over: { border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  hint: { color: tokens.colorNeutralForeground3 },
  tenant: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 'min(100%, 280px)', maxWidth: '100%' },
});

export interface LoadedSource {
  /** What the admin brought, in words: "3 files", "Contoso (signed in)". */
  label: string;
  set: ImportSet;
}

export function ImportSource({ onLoaded, onError }: { onLoaded(source: LoadedSource): void; onError(message: string): void }) {
  const styles = useStyles();
  const files = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const { accounts } = useAuth();
  const tenant = useTenantSession();
  const others = accounts.filter((a) => a.key !== tenant.account.key);
  const [otherKey, setOtherKey] = useState<string | null>(null);
  const other = useOtherTenantSession(otherKey);
  const ids = useId();
  const busyId = `${ids}-busy`;
  const whyNotId = `${ids}-why-not`;

  // One read at a time: a second drop while the first is read would replace its import when it ends, and the first to
  // end would clear the spinner of the other. Kept in a ref, not only in state: two drops may come before a render.
  const reading = useRef(false);
  const startReading = (words: string) => {
    if (reading.current) return false;
    reading.current = true;
    setBusy(words);
    return true;
  };
  const doneReading = () => {
    reading.current = false;
    setBusy(null);
  };

  /** `chosen` names what the admin picked, when it was one thing (a zip, a folder). */
  const load = async (what: string, read: () => Promise<ImportFile[]>, chosen?: string) => {
    if (!startReading(`Reading ${what}…`)) return;
    try {
      const all = await read();
      if (all.length === 0) throw new Error('No files were chosen.');
      const files = `${all.length} file${all.length === 1 ? '' : 's'}`;
      // Names from the admin's disk or another tenant are isolated wherever the label is said.
      const label = chosen
        ? all.length === 1 && all[0]!.path === chosen
          ? isolatedText(chosen)
          : `${isolatedText(chosen)} (${files})`
        : all.length === 1
          ? isolatedText(all[0]!.path)
          : files;
      onLoaded({ label, set: await readImport(all) });
    } catch (error) {
      onError(error instanceof Error ? error.message : String(error));
    } finally {
      doneReading();
    }
  };

  const readTenant = async () => {
    if (!other || !startReading(`Reading ${other.account.tenantName ? isolatedText(other.account.tenantName) : 'the other tenant'}…`))
      return;
    try {
      const bundle = await exportTenant(other.context, other.account.tenantName ?? null);
      onLoaded({
        label: `${isolatedText(other.account.tenantName ?? other.account.tenantId)} (signed in)`,
        set: importSetOfBundle(bundle),
      });
    } catch (error) {
      onError(error instanceof Error ? error.message : String(error));
    } finally {
      doneReading();
    }
  };

  return (
    <div className={styles.row}>
      <div
        className={mergeClasses(styles.zone, over && styles.over)}
        onDragOver={(event) => {
          event.preventDefault();
          // While a read goes on, the pointer says a drop is not taken; the status says what is being read.
          if (reading.current) {
            event.dataTransfer.dropEffect = 'none';
            return;
          }
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(event: DragEvent) => {
          event.preventDefault();
          setOver(false);
          void load('the dropped files', () => filesFromDrop(event.dataTransfer));
        }}
      >
        <Text weight="semibold">Files</Text>
        <Text size={200} className={styles.hint}>
          A Gatehouse backup (.json or .zip), a folder exported by another tool, or policy files. Drop them here or choose them.
        </Text>
        <div className={styles.buttons}>
          {/* Focusable while reading, described by it: a disabled button dropped the keyboard's focus to the page's start. */}
          <Button
            icon={<DocumentArrowUpRegular />}
            onClick={() => files.current?.click()}
            disabledFocusable={!!busy}
            {...(busy && { 'aria-describedby': busyId })}
          >
            Choose files…
          </Button>
          <Button
            icon={<FolderArrowUpRegular />}
            onClick={() => folder.current?.click()}
            disabledFocusable={!!busy}
            {...(busy && { 'aria-describedby': busyId })}
          >
            Choose a folder…
          </Button>
        </div>
        <input
          ref={files}
          type="file"
          multiple
          hidden
          accept=".json,.zip,.ps1,.txt"
          aria-label="Files to import"
          onChange={(event) => {
            const list = event.target.files;
            if (list) void load('the files', () => filesFromList(Array.from(list)), list.length === 1 ? list[0]!.name : undefined);
            event.target.value = '';
          }}
        />
        <input
          ref={(input) => {
            folder.current = input;
            // Not in React's attribute list: set on the element so the picker chooses a folder.
            input?.setAttribute('webkitdirectory', '');
          }}
          type="file"
          hidden
          aria-label="Folder to import"
          onChange={(event) => {
            const list = event.target.files;
            if (list)
              void load('the folder', () => filesFromList(Array.from(list)), list[0]?.webkitRelativePath.split('/')[0] || undefined);
            event.target.value = '';
          }}
        />
      </div>
      {others.length > 0 ? (
        <div className={styles.tenant}>
          <Field label="Or copy from another tenant you are signed in to">
            <Dropdown
              placeholder="Choose a tenant"
              value={isolatedText(others.find((a) => a.key === otherKey)?.tenantName ?? '')}
              selectedOptions={otherKey ? [otherKey] : []}
              onOptionSelect={(_, data) => setOtherKey(data.optionValue ?? null)}
            >
              {others.map((account) => (
                <Option key={account.key} value={account.key} text={account.tenantName ?? account.tenantId}>
                  <Isolated>{account.tenantName ?? account.tenantId}</Isolated> · <Isolated>{account.username}</Isolated>
                </Option>
              ))}
            </Dropdown>
          </Field>
          <Button
            onClick={() => void readTenant()}
            disabledFocusable={!other || !!busy}
            {...((!other || busy) && { 'aria-describedby': busy ? busyId : whyNotId })}
          >
            Read its policies
          </Button>
          {other ? null : <UnseenText id={whyNotId}>Choose a tenant first.</UnseenText>}
        </div>
      ) : null}
      {/* In the page before anything is read, so that reading is said when it starts. */}
      <div role="status" id={busyId}>
        {busy ? <Spinner size="tiny" label={busy} /> : null}
      </div>
    </div>
  );
}
