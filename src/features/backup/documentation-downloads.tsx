// The three documents of one backup, each a button that saves it: printable HTML, Markdown and the
// policy grid as CSV. Made on this device from the bundle; nothing is sent anywhere. Masked, it
// lists the policy names masking rewrote, for the admin to check before sharing.
import { Button, makeStyles, MessageBarBody, tokens } from '@fluentui/react-components';
import { DocumentRegular, DocumentTableRegular, DocumentTextRegular } from '@fluentui/react-icons';
import { useMemo, useState, type ReactElement } from 'react';
import type { Bundle } from '../../domain/bundle/bundle';
import { buildDocument } from '../../domain/documentation/document-model';
import { documentationFile, type DocumentationFormat } from '../../domain/documentation/documentation';
import { downloadFile } from '../../shared/download';
import { Isolated } from '../../shared/ui/isolated-text';
import { LiveStatus } from '../../shared/ui/live-status';
import { Notice } from '../../shared/ui/notice';

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  // A policy's name may be one unbroken word of 200 characters: it breaks rather than widen the page.
  renamed: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, overflowWrap: 'anywhere' },
  was: { color: tokens.colorNeutralForeground3 },
});

interface Rewritten {
  total: number;
  names: { id: string; name: string; was: string }[];
}

/** The policy names a masked document rewrites, each with the name it had; null when the documents cannot be made. */
function useRewrittenPolicyNames(bundle: Bundle, mask: boolean): Rewritten | null {
  return useMemo(() => {
    if (!mask) return null;
    try {
      const doc = buildDocument(bundle, { mask: true });
      const before = new Map(bundle.policies.map((p) => [p.id, typeof p.displayName === 'string' ? p.displayName : '']));
      const names = doc.policies.filter((p) => p.nameRewritten).map((p) => ({ id: p.id, name: p.name, was: before.get(p.id) ?? '' }));
      return { total: doc.policies.length, names };
    } catch {
      // A bundle the documents cannot be made of says so when a button is pressed.
      return null;
    }
  }, [bundle, mask]);
}

function rewrittenSentence({ total, names }: Rewritten): string {
  if (names.length === 0)
    return `No policy name holds a masked name or the tenant’s name: ${total === 1 ? 'it is' : `all ${total} are`} kept as written.`;
  const count = names.length === 1 ? 'One policy name' : `${names.length} policy names`;
  return `${count} of ${total} held a masked name or the tenant’s name, replaced in the documents:`;
}

function RewrittenList({ names }: { names: Rewritten['names'] }) {
  const styles = useStyles();
  return (
    <ul className={styles.renamed} aria-label="Policy names rewritten">
      {names.map((p) => (
        <li key={p.id}>
          <Isolated>{p.name}</Isolated>{' '}
          <span className={styles.was}>
            (was “<Isolated>{p.was}</Isolated>”)
          </span>
        </li>
      ))}
    </ul>
  );
}

const BUTTONS: { format: DocumentationFormat; words: string; icon: ReactElement }[] = [
  { format: 'html', words: 'HTML (printable)', icon: <DocumentRegular /> },
  { format: 'markdown', words: 'Markdown', icon: <DocumentTextRegular /> },
  { format: 'csv', words: 'CSV (policy grid)', icon: <DocumentTableRegular /> },
];

export function DocumentationDownloads({ bundle, mask, label }: { bundle: Bundle; mask: boolean; label: string }) {
  const styles = useStyles();
  const rewritten = useRewrittenPolicyNames(bundle, mask);
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
      {/* Said when Mask names is ticked: the list appears away from the box the admin is on. */}
      <LiveStatus>{rewritten && rewritten.total > 0 ? rewrittenSentence(rewritten) : null}</LiveStatus>
      {rewritten && rewritten.names.length > 0 && <RewrittenList names={rewritten.names} />}
      {error && (
        <Notice intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </Notice>
      )}
    </>
  );
}
