// Beyond deleted items: a policy purged or deleted more than 30 days ago can still come back from
// its last known version (the audit log's, or one kept on this device before deleting). It is
// re-created as a new policy: report-only, service-owned fields stripped, dependencies checked,
// and through the editor's create flow (review first). When what it refers to could not be checked
// (the names' lookup failed), that is said, with Graph's reason and Try again, not "nothing missing".
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { DeletedNamedLocation } from '../../graph/deleted-items';
import { toWritableBody } from '../../domain/policy-body';
import { useTenantSession } from '../../session/tenant-session';
import { ErrorState } from '../../shared/ui/error-state';
import { useWriteAccess, WriteAccessTooltip } from '../../session/write-access';
import { formatDateTime } from '../../shared/ui/format';
import { useNames } from '../../policy-ui/queries';
import { openNewPolicyDraft } from '../../policy-ui/open-in-editor';
import { findMissingDependencies } from '../../domain/dependencies';
import { DependenciesUnchecked, MissingDependencies, useRecheck } from './deleted-actions';
import { checkedWords, namesFailure } from './dependencies-check';
import { SpokenStatus } from '../../shared/ui/live-status';
import type { LastKnownVersion } from './last-known-versions';
import type { GoneNames } from './gone-names';
import { asPolicies } from '../../domain/json';
import { TableScroll } from '../../shared/ui/table-scroll';
import { Isolated } from '../../shared/ui/isolated-text';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

function RecreateDialog({
  item,
  deletedLocations,
  known,
  onClose,
}: {
  item: LastKnownVersion;
  deletedLocations: DeletedNamedLocation[];
  known: GoneNames | undefined;
  onClose(): void;
}) {
  const styles = useStyles();
  const tenant = useTenantSession();
  const navigate = useNavigate();
  const asPolicy = useMemo(() => asPolicies([item.version]), [item]);
  const names = useNames(tenant, asPolicy);
  const missing = findMissingDependencies(asPolicy[0]!, names.data, deletedLocations, 'recreate');
  const failure = namesFailure(names);
  const unchecked = failure ? { reason: failure, onRetry: () => void names.refetch() } : null;
  const checking = names.isPending || (!!failure && names.isFetching);
  const primary = useRef<HTMLButtonElement>(null);
  const recheck = useRecheck(unchecked, checking, () => checkedWords(missing, known), primary);
  const [notKept, setNotKept] = useState<string | null>(null);
  const open = () => {
    const body = { ...toWritableBody(item.version), state: 'enabledForReportingButNotEnforced' };
    try {
      navigate(
        openNewPolicyDraft(
          tenant.account.key,
          body,
          `Re-creating “${item.name}” from its version of ${formatDateTime(item.at)} (${item.source}), in report-only`,
          `re-creating “${item.name}”`,
        ),
      );
    } catch (error) {
      setNotKept(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>
            Re-create “<Isolated>{item.name}</Isolated>”?
          </DialogTitle>
          <DialogContent className={styles.content}>
            <Text>
              It comes back as a new policy (with a new id) from its version of {formatDateTime(item.at)}, in report-only so that it
              enforces nothing until you turn it on. It opens in the editor: nothing is created until you review and create it.
            </Text>
            {names.isPending ? (
              <Text>Checking what it refers to…</Text>
            ) : (
              <>
                {unchecked && (
                  <DependenciesUnchecked
                    orElse="open it in the editor as it is"
                    unchecked={unchecked}
                    checking={checking}
                    onRetry={recheck.onRetry}
                    onGone={recheck.onGone}
                  />
                )}
                <MissingDependencies missing={missing} known={known} />
              </>
            )}
            {notKept && <ErrorState title="Could not open the editor" message={notKept} />}
          </DialogContent>
          {/* Polite: the focus stays on Try again while it checks again, then goes to Open in the editor. */}
          <SpokenStatus>{recheck.status}</SpokenStatus>
          <DialogActions>
            <Button appearance="primary" onClick={open} ref={primary}>
              Open in the editor
            </Button>
            <Button onClick={onClose}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

export function RecreateSection({
  items,
  deletedLocations,
  known,
  auditUnavailable,
}: {
  items: LastKnownVersion[];
  deletedLocations: DeletedNamedLocation[];
  /** Names of gone objects, for what the policy refers to that is gone. */
  known: GoneNames | undefined;
  auditUnavailable: boolean;
}) {
  const styles = useStyles();
  const [chosen, setChosen] = useState<LastKnownVersion | null>(null);
  const write = useWriteAccess();
  // Cancel or Esc in the dialog returns focus to the Re-create… button that opened it.
  const restoreFocusTarget = useRestoreFocusTarget();
  return (
    <section className={styles.section} aria-labelledby="recreate-title">
      <Text as="h2" id="recreate-title" size={500} weight="semibold">
        No longer in deleted items
      </Text>
      <Text>
        Policies deleted for good (or more than 30 days ago) whose last version is known
        {auditUnavailable ? ' on this device (the audit log could not be read)' : ' from the audit log or this device'}.
      </Text>
      {items.length === 0 ? (
        <Text>None known.</Text>
      ) : (
        <TableScroll label="Policies that can be re-created">
          <Table aria-label="Policies that can be re-created">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Name</TableHeaderCell>
                <TableHeaderCell>Last known version</TableHeaderCell>
                <TableHeaderCell>From</TableHeaderCell>
                <TableHeaderCell>Actions</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((item) => (
                <TableRow key={item.id}>
                  <TableCell>{item.name}</TableCell>
                  <TableCell>{formatDateTime(item.at)}</TableCell>
                  <TableCell>{item.source}</TableCell>
                  <TableCell>
                    <WriteAccessTooltip access={write}>
                      <Button {...restoreFocusTarget} disabledFocusable={!write.allowed} onClick={() => setChosen(item)}>
                        Re-create…
                      </Button>
                    </WriteAccessTooltip>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableScroll>
      )}
      {chosen && <RecreateDialog item={chosen} deletedLocations={deletedLocations} known={known} onClose={() => setChosen(null)} />}
    </section>
  );
}
