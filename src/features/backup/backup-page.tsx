// Backing up the tenant: everything its Conditional Access is made of, read in two round trips and
// kept as a bundle (one JSON file, or a zip of a folder that reads well under git). Made in the
// browser; nothing leaves it but the download. Reading only, so read-only accounts can back up too.
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ArchiveRegular, ArrowDownloadRegular, FolderZipRegular } from '@fluentui/react-icons';
import { Fragment, useEffect, useMemo, useRef, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { bundleText, withLintSuppressions, type Bundle, type ReferenceEntry } from '../../domain/bundle/bundle';
import type { JsonObject } from '../../domain/json';
import { bundleFiles, safeFileName } from '../../domain/bundle/folder';
import { selectFromBundle } from '../../domain/bundle/select';
import { agentKindOf, placesOf } from '../../domain/plan/reference-places';
import type { AgentKind } from '../../domain/plan/types';
import { Isolated } from '../../shared/ui/isolated-text';
import { SpokenStatus } from '../../shared/ui/live-status';
import { describeError, type ErrorDescription } from '../../graph/describe-error';
import { exportTenant } from '../../operations/export-tenant';
import { PolicySelection } from '../../policy-ui/policy-selection';
import { useContingencyStore } from '../../session/contingency-store';
import { useLintSuppressions } from '../../session/lint-suppressions-store';
import { useRolloutStore } from '../../session/rollout-store';
import { useOrganizationName } from '../../session/organization-query';
import { useTenantSession } from '../../session/tenant-session';
import { downloadFile } from '../../shared/download';
import { ErrorState } from '../../shared/ui/error-state';
import { formatDateTime } from '../../shared/ui/format';
import { paths } from '../../shared/routes/paths';
import { writeZip } from '../../shared/zip';
import { DocumentationSection } from './documentation-section';
import { TableScroll } from '../../shared/ui/table-scroll';
import { useDocumentationAnchor } from './use-documentation-anchor';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '880px' },
  title: { margin: 0, fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  counts: { maxWidth: '480px' },
  // A policy's name may be one unbroken word of 200 characters: it breaks rather than widen the page.
  names: { overflowWrap: 'anywhere' },
});

type Step =
  { kind: 'idle' } | { kind: 'reading'; progress: string } | { kind: 'done'; bundle: Bundle } | { kind: 'failed'; error: ErrorDescription };

const SECTION_WORDS: [keyof Bundle['manifest']['counts'], string][] = [
  ['policies', 'Policies'],
  ['namedLocations', 'Named locations'],
  ['authenticationStrengths', 'Custom authentication strengths'],
  ['authenticationContexts', 'Authentication contexts'],
  ['termsOfUse', 'Terms of use'],
  ['references', 'Users, groups, roles and applications named by the policies'],
];

/** A file name that says what and when: gatehouse-backup-contoso-2026-11-30-1405Z, the time in UTC (ISO 8601's Z). */
const fileBase = (bundle: Bundle) =>
  `gatehouse-backup-${safeFileName(bundle.manifest.tenant.name ?? bundle.manifest.tenant.id, bundle.manifest.tenant.id).toLowerCase()}-${bundle.manifest.capturedAt
    .slice(0, 16)
    .replace(/[T:]/g, '-')
    .replace(/-(\d\d)$/, '$1')}Z`;

const GONE_KIND_WORDS: Record<ReferenceEntry['kind'] | AgentKind, string> = {
  user: 'A user',
  group: 'A group',
  role: 'A role',
  application: 'An application',
  servicePrincipal: 'A workload identity',
  agentIdentity: 'An agent identity',
  agentUser: 'An agent user',
};

/** The names of the policies whose JSON holds this id: where an admin goes to clean the reference up. */
const namedBy = (policies: readonly JsonObject[], id: string) =>
  policies.filter((policy) => JSON.stringify(policy).toLowerCase().includes(id.toLowerCase())).map((policy) => String(policy.displayName));

export function BackupPage() {
  const styles = useStyles();
  const tenant = useTenantSession();
  const tenantName = useOrganizationName(tenant);
  const [contingency] = useContingencyStore(tenant.account.tenantId);
  const [rollouts] = useRolloutStore(tenant.account.tenantId);
  const [suppressions] = useLintSuppressions(tenant.account.tenantId);
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const backUpButton = useRef<HTMLButtonElement>(null);
  useDocumentationAnchor('backup-title', 'documentation-title');
  // Some policies only: the chosen ones with what they use and name, computed from the whole backup.
  const [selection, setSelection] = useState<readonly string[] | undefined>(undefined);
  const [partial, setPartial] = useState<{ of: Bundle; selection: readonly string[]; bundle: Bundle } | null>(null);
  const whole = step.kind === 'done' ? step.bundle : null;
  useEffect(() => {
    let current = true;
    if (whole && selection)
      void selectFromBundle(whole, selection).then((bundle) => current && setPartial({ of: whole, selection, bundle }));
    return () => {
      current = false;
    };
  }, [whole, selection]);
  // Until the chosen part is made, nothing is offered: never the whole backup by mistake.
  const chosen = !selection ? whole : partial && partial.of === whole && partial.selection === selection ? partial.bundle : null;
  const policies = useMemo(
    () => (whole?.policies ?? []).map((p) => ({ rowKey: String(p.id), name: String(p.displayName ?? p.id) })),
    [whole],
  );

  const backUp = async () => {
    setStep({ kind: 'reading', progress: 'Starting…' });
    setSelection(undefined);
    try {
      const bundle = await withLintSuppressions(
        await exportTenant(
          tenant.context,
          tenantName,
          (progress) => setStep({ kind: 'reading', progress }),
          contingency,
          Object.values(rollouts),
        ),
        suppressions,
      );
      setStep({ kind: 'done', bundle });
    } catch (error) {
      setStep({ kind: 'failed', error: describeError(error, 'back up the tenant') });
    }
  };

  const base = (bundle: Bundle) =>
    `${fileBase(bundle)}${selection ? `-${bundle.policies.length}-${bundle.policies.length === 1 ? 'policy' : 'policies'}` : ''}`;
  const saveJson = (bundle: Bundle) => downloadFile(`${base(bundle)}.json`, bundleText(bundle), 'application/json');
  const saveZip = (bundle: Bundle) => {
    const folder = base(bundle);
    const encoder = new TextEncoder();
    const entries = bundleFiles(bundle).map((file) => ({ path: `${folder}/${file.path}`, bytes: encoder.encode(file.text) }));
    downloadFile(`${folder}.zip`, writeZip(entries, new Date(bundle.manifest.capturedAt)), 'application/zip');
  };

  // While a new choice of policies is being made, the warning keeps the last one's objects: taken out
  // and put back at each toggle, it was said again (assertively) each time.
  const [lastChosen, setLastChosen] = useState<Bundle | null>(null);
  if (chosen && chosen !== lastChosen) setLastChosen(chosen);
  const listed = chosen ?? (lastChosen && whole && lastChosen.manifest.capturedAt === whole.manifest.capturedAt ? lastChosen : null);
  // Each gone object with the policies naming it, read once per backup rather than at every render.
  const gone = useMemo(
    () =>
      (listed?.references ?? [])
        .filter((r) => !r.exists)
        .map((reference) => ({
          ...reference,
          namedBy: namedBy(listed!.policies, reference.id),
          // The bundle records an agent as the service principal or user it is; where the policies name it says which.
          words: GONE_KIND_WORDS[agentKindOf(placesOf(listed!.policies, reference.kind, reference.id)) ?? reference.kind],
        })),
    [listed],
  );
  return (
    <section className={styles.page} aria-labelledby="backup-title">
      <h1 id="backup-title" className={styles.title}>
        Backup
      </h1>
      <Text>
        A backup holds every Conditional Access policy as Graph returns it, the named locations, custom authentication strengths,
        authentication contexts and terms of use they use, the contingency plans, and the users, groups, roles and applications they name,
        with what identifies them in another tenant. It is made on this device and saved only where you save it.
      </Text>
      <Text>
        To restore a backup, bring its file to <RouterLink to={paths.import}>Import</RouterLink>; contingency plans, rollouts and lint
        suppressions are restored from their own pages (Contingency, Rollout, Lint).
      </Text>
      <div className={styles.actions}>
        {/* Focusable while it reads: a disabled button drops the keyboard's focus to the page's start. */}
        <Button
          ref={backUpButton}
          appearance="primary"
          icon={<ArchiveRegular />}
          disabledFocusable={step.kind === 'reading'}
          onClick={() => void backUp()}
        >
          {step.kind === 'done' ? 'Back up again' : 'Back up this tenant'}
        </Button>
        {step.kind === 'reading' && <Spinner size="tiny" label={step.progress} />}
        {/* The spinner is shown, not said: with the focus on the busy button, this says the backup began. */}
        <SpokenStatus>{step.kind === 'reading' ? 'Backing up this tenant…' : null}</SpokenStatus>
      </div>
      {step.kind === 'failed' && (
        <ErrorState
          {...step.error}
          onRetry={() => {
            // Try again goes with the error: the focus waits on the button that reads, not on the page's start.
            backUpButton.current?.focus();
            void backUp();
          }}
        />
      )}
      {step.kind === 'done' && (
        <>
          <PolicySelection
            policies={policies}
            selection={selection}
            onChange={setSelection}
            verb="in the backup"
            label="Policies in the backup"
          />
          {/* The note below stays mounted, so Fluent does not say its change to "No policy chosen": this does. */}
          <SpokenStatus>{selection?.length === 0 ? 'Nothing to download: choose the policies to keep, or All.' : null}</SpokenStatus>
          {selection?.length === 0 ? (
            // Nothing to download: a ready note over a table of zeros would say otherwise.
            // One politeness for both notes: Fluent says a message bar again when its politeness changes,
            // and "Backup ready" was said again at each move from none to some.
            <MessageBar intent="info" politeness="polite">
              <MessageBarBody>
                <MessageBarTitle>No policy chosen</MessageBarTitle>
                Choose the policies to keep in the backup, or All for the whole tenant.
              </MessageBarBody>
            </MessageBar>
          ) : (
            <MessageBar intent="success" politeness="polite">
              <MessageBarBody>
                <MessageBarTitle>Backup ready</MessageBarTitle>
                <Isolated>{step.bundle.manifest.tenant.name ?? step.bundle.manifest.tenant.id}</Isolated>, read{' '}
                {formatDateTime(step.bundle.manifest.capturedAt)}. Save it as one file, or as a folder with a file per object (for git).
              </MessageBarBody>
            </MessageBar>
          )}
          <TableScroll label="What the backup holds">
            <Table className={styles.counts} aria-label="What the backup holds" size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Part</TableHeaderCell>
                  <TableHeaderCell>Count</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {SECTION_WORDS.map(([key, words]) => (
                  <TableRow key={key}>
                    <TableCell>{words}</TableCell>
                    <TableCell>{chosen ? chosen.manifest.counts[key] : '…'}</TableCell>
                  </TableRow>
                ))}
                <TableRow>
                  <TableCell>Contingency plans (with the edits kept on this device)</TableCell>
                  <TableCell>{chosen ? chosen.contingencyPlans.length : '…'}</TableCell>
                </TableRow>
                <TableRow>
                  <TableCell>Staged rollouts (kept on this device)</TableCell>
                  <TableCell>{chosen ? chosen.rolloutPlans.length : '…'}</TableCell>
                </TableRow>
                <TableRow>
                  <TableCell>Lint suppressions, with their reasons (kept on this device)</TableCell>
                  <TableCell>{chosen ? chosen.lintSuppressions.length : '…'}</TableCell>
                </TableRow>
              </TableBody>
            </Table>
          </TableScroll>
          {gone.length > 0 && (
            <MessageBar intent="warning">
              <MessageBarBody className={styles.names}>
                {gone.length === 1
                  ? 'One object the policies name no longer exists in the tenant; the backup records it as gone'
                  : `${gone.length} objects the policies name no longer exist in the tenant; the backup records them as gone`}
                , so that a restore can say so.
                <ul aria-label="Objects that no longer exist">
                  {gone.map((reference) => (
                    <li key={reference.id}>
                      {reference.words} <code>{reference.id}</code>, named by{' '}
                      {reference.namedBy.length === 0
                        ? 'no policy of this backup'
                        : reference.namedBy.map((name, i) => (
                            <Fragment key={i}>
                              {i > 0 && ', '}
                              <Isolated>{name}</Isolated>
                            </Fragment>
                          ))}
                    </li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}
          <div className={styles.actions}>
            <Button
              icon={<ArrowDownloadRegular />}
              disabled={!chosen || chosen.policies.length === 0}
              onClick={() => chosen && saveJson(chosen)}
            >
              Download as one file (.json)
            </Button>
            <Button
              icon={<FolderZipRegular />}
              disabled={!chosen || chosen.policies.length === 0}
              onClick={() => chosen && saveZip(chosen)}
            >
              Download as a folder (.zip)
            </Button>
          </div>
        </>
      )}
      {/* "This tenant" is the tenant as read: every policy of the backup, whatever is chosen above for the download. */}
      <DocumentationSection
        tenantBundle={whole}
        backingUp={step.kind === 'reading'}
        tenantName={step.kind === 'done' ? (step.bundle.manifest.tenant.name ?? 'this tenant') : 'this tenant'}
      />
    </section>
  );
}
