// The three documents of one backup, each a button that saves it: printable HTML, Markdown and the
// policy grid as CSV. Made on this device from the bundle; nothing is sent anywhere. Masked, it
// lists the policy names masking rewrote, for the admin to check before sharing.
import { Button, makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import { DocumentRegular, DocumentTableRegular, DocumentTextRegular } from '@fluentui/react-icons';
import { useMemo, useState, type ReactElement } from 'react';
import type { Bundle } from '../../domain/bundle/bundle';
import { buildDocument } from '../../domain/documentation/document-model';
import { documentationFile, type DocumentationFormat } from '../../domain/documentation/documentation';
import { downloadFile } from '../../shared/download';
import { Isolated } from '../../shared/ui/isolated-text';

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  // A policy's name may be one unbroken word of 200 characters: it breaks rather than widen the page.
  renamed: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, overflowWrap: 'anywhere' },
  was: { color: tokens.colorNeutralForeground3 },
});

/** The policy names a masked document rewrites, each with the name it had. */
function RewrittenPolicyNames({ bundle }: { bundle: Bundle }) {
  const styles = useStyles();
  const rewritten = useMemo(() => {
    try {
      const doc = buildDocument(bundle, { mask: true });
      const before = new Map(bundle.policies.map((p) => [p.id, typeof p.displayName === 'string' ? p.displayName : '']));
      const names = doc.policies.filter((p) => p.nameRewritten).map((p) => ({ id: p.id, name: p.name, was: before.get(p.id) ?? '' }));
      return { total: doc.policies.length, names };
    } catch {
      // A bundle the documents cannot be made of says so when a button is pressed.
      return null;
    }
  }, [bundle]);
  if (!rewritten || rewritten.total === 0) return null;
  const count = rewritten.names.length;
  if (count === 0)
    return (
      <Text>
        No policy name holds a masked name or the tenant’s name: {rewritten.total === 1 ? 'it is' : `all ${rewritten.total} are`} kept as
        written.
      </Text>
    );
  return (
    <div>
      <Text block>
        {count === 1 ? 'One policy name' : `${count} policy names`} of {rewritten.total} held a masked name or the tenant’s name, replaced
        in the documents:
      </Text>
      <ul className={styles.renamed} aria-label="Policy names rewritten">
        {rewritten.names.map((p) => (
          <li key={p.id}>
            {p.name}{' '}
            <span className={styles.was}>
              (was “<Isolated>{p.was}</Isolated>”)
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

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
      {mask && <RewrittenPolicyNames bundle={bundle} />}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
