// Documentation from a backup file with no one signed in: reached from the sign-in page, loaded
// only when opened (the sign-in page's first screen stays small). Reads the file on this device
// and talks to no tenant.
import { Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { DocumentationFromFile } from './documentation-from-file';
import { MaskNames } from './mask-names';

const useStyles = makeStyles({
  root: {
    maxWidth: '720px',
    margin: '6vh auto',
    padding: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
  },
  title: { margin: 0, fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
});

export default function DocumentationPage() {
  const styles = useStyles();
  const [mask, setMask] = useState(false);
  useEffect(() => {
    const before = document.title;
    document.title = 'Documentation from a backup · Gatehouse';
    return () => void (document.title = before);
  }, []);
  return (
    <main className={styles.root}>
      <h1 className={styles.title}>Documentation from a backup file</h1>
      <Text>
        Choose a Gatehouse backup (one .json file, or a .zip of a backup folder) to make its documentation: every policy in the admin
        center’s words with a summary of the tenant, as a printable page (HTML), Markdown, or the policy grid as CSV. The file is read on
        this device; no one needs to sign in and nothing is sent anywhere.
      </Text>
      <MaskNames checked={mask} onChange={setMask} />
      <DocumentationFromFile mask={mask} />
      <Link href="/">Back to sign-in</Link>
    </main>
  );
}
