// Documentation from a backup file the admin chooses (.json, or .zip of the folder form): read on
// this device, its origin shown, its integrity problems named, then the three documents.
import { MessageBar, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import { Fragment, useState } from 'react';
import type { ReadBundle } from '../../domain/bundle/read-bundle';
import { FileDropZone } from '../../shared/ui/file-drop-zone';
import { Isolated, isolatedText } from '../../shared/ui/isolated-text';
import { LiveStatus } from '../../shared/ui/live-status';
import { formatDateTime } from '../../shared/ui/format';
import { DocumentationDownloads } from './documentation-downloads';
import { isZipFile, readBackupFile } from '../../shared/files/read-backup-file';
import { notTextMessage } from '../../domain/file-signature';

interface ReadFile {
  name: string;
  read: ReadBundle;
}

export function DocumentationFromFile({ mask }: { mask: boolean }) {
  // The last backup read stays when a later file is refused, as Compare keeps its file: a wrong
  // choice costs the admin nothing.
  const [current, setCurrent] = useState<ReadFile | null>(null);
  const [reading, setReading] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Each backup read counts: its notes are put in the page anew, so a second file's are read out too.
  const [reads, setReads] = useState(0);
  const open = async (file: File) => {
    setReading(file.name);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      // A screenshot dropped here is named for what it is, not reported as JSON that breaks at line 1.
      const notText = isZipFile(file.name, bytes) ? null : notTextMessage(bytes, `“${file.name}”`);
      if (notText) throw new Error(notText);
      const read = await readBackupFile(file.name, bytes);
      setCurrent({ name: file.name, read });
      setError(null);
      setReads((count) => count + 1);
    } catch (cause) {
      const message = cause instanceof Error ? cause.message : String(cause);
      setError(current ? `${message} The documentation below is still of “${isolatedText(current.name)}”.` : message);
    } finally {
      setReading(null);
    }
  };
  const bundle = current?.read.bundle;
  return (
    <>
      <FileDropZone
        label="Backup file (.json, or .zip of a backup folder)"
        accept=".json,.zip,application/json,application/zip"
        error={error}
        onFile={open}
      />
      {/* Said as well as shown: the admin who chose by keys is still on the button. */}
      <LiveStatus>{reading && <Spinner size="tiny" label={`Reading ${reading}…`} />}</LiveStatus>
      {current && bundle && (
        <Fragment key={reads}>
          <MessageBar intent="success">
            <MessageBarBody>
              <MessageBarTitle>{current.name}</MessageBarTitle>
              Backup of <Isolated>{bundle.manifest.tenant.name ?? (bundle.manifest.tenant.id || 'an unnamed tenant')}</Isolated>, taken{' '}
              {formatDateTime(bundle.manifest.capturedAt)}: {bundle.policies.length} {bundle.policies.length === 1 ? 'policy' : 'policies'}.
            </MessageBarBody>
          </MessageBar>
          {current.read.problems.length > 0 && (
            <MessageBar intent="warning">
              <MessageBarBody>
                <MessageBarTitle>This backup was changed after it was taken</MessageBarTitle>
                The documents show it as it is now. {current.read.problems.slice(0, 5).join(' ')}
                {current.read.problems.length > 5 ? ` And ${current.read.problems.length - 5} more.` : ''}
              </MessageBarBody>
            </MessageBar>
          )}
          <DocumentationDownloads bundle={bundle} mask={mask} label={`Documentation of ${isolatedText(current.name)}`} />
        </Fragment>
      )}
    </>
  );
}
