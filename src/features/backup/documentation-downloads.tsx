// The three documents of one backup, each a button that saves it: printable HTML, Markdown and the
// policy grid as CSV. Made on this device from the bundle; nothing is sent anywhere.
import { Button, makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import { DocumentRegular, DocumentTableRegular, DocumentTextRegular } from '@fluentui/react-icons';
import { useState, type ReactElement } from 'react';
import type { Bundle } from '../../domain/bundle/bundle';
import { documentationFile, type DocumentationFormat } from '../../domain/documentation/documentation';
import { downloadFile } from '../../shared/download';

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
});

const BUTTONS: { format: DocumentationFormat; words: string; icon: ReactElement }[] = [
  { format: 'html', words: 'HTML (printable)', icon: <DocumentRegular /> },
  { format: 'markdown', words: 'Markdown', icon: <DocumentTextRegular /> },
  { format: 'csv', words: 'CSV (policy grid)', icon: <DocumentTableRegular /> },
];

export function DocumentationDownloads({ bundle, mask, label }: { bundle: Bundle; mask: boolean; label: string }) {
  const styles = useStyles();
  const [error, setError] = useState<string | null>(null);
  const save = (format: DocumentationFormat) => {
    setError(null);
    try {
      const file = documentationFile(bundle, format, { mask });
      downloadFile(file.fileName, file.content, file.type);
    } catch (cause) {
      setError(`The ${format === 'markdown' ? 'Markdown' : format.toUpperCase()} document could not be made: ${String(cause)}`);
    }
  };
  return (
    <>
      <div role="group" aria-label={label} className={styles.actions}>
        {BUTTONS.map(({ format, words, icon }) => (
          <Button key={format} icon={icon} onClick={() => save(format)}>
            {words}
          </Button>
        ))}
      </div>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
