// Documentation from a backup file the admin chooses (.json, or .zip of the folder form): read on
// this device, its origin shown, its integrity problems named, then the three documents.
import { MessageBar, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import { useState } from 'react';
import type { ReadBundle } from '../../domain/bundle/read-bundle';
import { FileDropZone } from '../../shared/ui/file-drop-zone';
import { formatDateTime } from '../../shared/ui/format';
import { DocumentationDownloads } from './documentation-downloads';
import { readBackupFile } from '../../shared/files/read-backup-file';

type FileState =
  | { kind: 'none' }
  | { kind: 'reading'; name: string }
  | { kind: 'read'; name: string; read: ReadBundle }
  | { kind: 'failed'; name: string; message: string };

export function DocumentationFromFile({ mask }: { mask: boolean }) {
  const [state, setState] = useState<FileState>({ kind: 'none' });
  const open = async (file: File) => {
    setState({ kind: 'reading', name: file.name });
    try {
      const read = await readBackupFile(file.name, new Uint8Array(await file.arrayBuffer()));
      setState({ kind: 'read', name: file.name, read });
    } catch (error) {
      setState({ kind: 'failed', name: file.name, message: error instanceof Error ? error.message : String(error) });
    }
  };
  const bundle = state.kind === 'read' ? state.read.bundle : null;
  return (
    <>
      <FileDropZone
        label="Backup file (.json, or .zip of a backup folder)"
        accept=".json,.zip,application/json,application/zip"
        error={state.kind === 'failed' ? state.message : null}
        onFile={(file) => void open(file)}
      />
      {state.kind === 'reading' && <Spinner size="tiny" label={`Reading ${state.name}…`} />}
      {state.kind === 'read' && bundle && (
        <>
          <MessageBar intent="success">
            <MessageBarBody>
              <MessageBarTitle>{state.name}</MessageBarTitle>
              Backup of {bundle.manifest.tenant.name ?? (bundle.manifest.tenant.id || 'an unnamed tenant')}, taken{' '}
              {formatDateTime(bundle.manifest.capturedAt)}: {bundle.policies.length} {bundle.policies.length === 1 ? 'policy' : 'policies'}.
            </MessageBarBody>
          </MessageBar>
          {state.read.problems.length > 0 && (
            <MessageBar intent="warning">
              <MessageBarBody>
                <MessageBarTitle>This backup was changed after it was taken</MessageBarTitle>
                The documents show it as it is now. {state.read.problems.slice(0, 5).join(' ')}
                {state.read.problems.length > 5 ? ` And ${state.read.problems.length - 5} more.` : ''}
              </MessageBarBody>
            </MessageBar>
          )}
          <DocumentationDownloads bundle={bundle} mask={mask} label={`Documentation of ${state.name}`} />
        </>
      )}
    </>
  );
}
