// Import: a backup restored, or policies copied from another tenant or another tool's export, into
// the signed-in tenant, in one plan reviewed before anything is written. Files are read on this
// device; the plan, its review and the run are the shared flow of policy-ui/plan.
import { makeStyles, MessageBarBody, MessageBarTitle, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { PlanAndApply } from '../../policy-ui/plan/plan-and-apply';
import { useOrganizationName } from '../../session/organization-query';
import { useTenantSession } from '../../session/tenant-session';
import { FileResults } from './file-results';
import { ImportSource, type LoadedSource } from './import-source';
import { paths } from '../../shared/routes/paths';
import { Notice } from '../../shared/ui/notice';

/** A run written from this page resumes here. */
const ORIGIN = { key: 'import', path: paths.import, label: 'Import' };

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '1280px' },
  title: { margin: 0, fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
});

export function ImportPage() {
  const styles = useStyles();
  const tenant = useTenantSession();
  const targetName = useOrganizationName(tenant) ?? 'this tenant';
  const [source, setSource] = useState<LoadedSource | null>(null);
  const [sourceError, setSourceError] = useState<string | null>(null);
  // Each refusal is said, even of the same file chosen again: its words alone would not change.
  const [refusals, setRefusals] = useState(0);
  // Each file read or tenant read is a new source, even when it has the same name.
  const [reads, setReads] = useState(0);

  return (
    <section className={styles.page} aria-labelledby="import-title">
      <h1 id="import-title" className={styles.title}>
        Import
      </h1>
      <Text>
        Restore a backup, or copy policies from another tenant or from another tool’s export, into {targetName}. The files are read on this
        device. You review the whole plan first; nothing is written until you apply it.
      </Text>
      <PlanAndApply source={source?.set ?? null} sourceKey={String(reads)} targetName={targetName} origin={ORIGIN}>
        <ImportSource
          onLoaded={(loaded) => {
            setSourceError(null);
            setSource(loaded);
            setReads((n) => n + 1);
          }}
          onError={(message) => {
            setSourceError(message);
            setRefusals((n) => n + 1);
            setSource(null);
          }}
        />
        {sourceError ? (
          <Notice intent="error" layout="multiline" occasion={refusals}>
            <MessageBarBody>
              <MessageBarTitle>Could not read that</MessageBarTitle>
              {sourceError}
            </MessageBarBody>
          </Notice>
        ) : null}
        <FileResults source={source} />
      </PlanAndApply>
    </section>
  );
}
