// The Backup page's Documentation section: the tenant just backed up, or a backup file, as
// printable HTML, Markdown or the policy grid as CSV, names masked on request.
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Bundle } from '../../domain/bundle/bundle';
import { isolatedText } from '../../shared/ui/isolated-text';
import { DocumentationDownloads } from './documentation-downloads';
import { DocumentationFromFile } from './documentation-from-file';
import { MaskNames } from './mask-names';
import { DOCUMENTATION_SECTION } from './documentation-path';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  title: { margin: `${tokens.spacingVerticalL} 0 0`, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  subtitle: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
});

/** `tenantBundle` is the whole backup just made (the tenant as read), never the part chosen for a download. */
export function DocumentationSection({
  tenantBundle,
  backingUp,
  tenantName,
}: {
  tenantBundle: Bundle | null;
  backingUp: boolean;
  tenantName: string;
}) {
  const styles = useStyles();
  const [mask, setMask] = useState(false);
  return (
    <section id={DOCUMENTATION_SECTION} className={styles.section} aria-labelledby="documentation-title">
      <h2 id="documentation-title" className={styles.title}>
        Documentation
      </h2>
      <Text>
        Every policy in the admin center’s words, a card each, with a summary of the tenant: a printable page (HTML), Markdown for a wiki or
        a repository, or the policy grid as CSV. Made on this device from a backup.
      </Text>
      <MaskNames checked={mask} onChange={setMask} />
      <h3 className={styles.subtitle}>This tenant</h3>
      {tenantBundle ? (
        <DocumentationDownloads bundle={tenantBundle} mask={mask} label={`Documentation of ${isolatedText(tenantName)}`} />
      ) : backingUp ? (
        <Text>This tenant is being backed up (above); its documentation can be made here once the backup is ready.</Text>
      ) : (
        <Text>Back up this tenant (above) to document it as it is now.</Text>
      )}
      <h3 className={styles.subtitle}>A backup file</h3>
      <DocumentationFromFile mask={mask} />
    </section>
  );
}
