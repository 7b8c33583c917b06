// Several deleted policies at once: a confirmation (restore in report-only or as they were, the
// deleted named locations they need restored first or the policies that need them left out; purge
// only after typing the count). The run that follows is shown by bulk-progress.tsx.
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { DeletedPolicy } from '../../graph/deleted-items';
import type { MissingDependency } from '../../domain/dependencies';
import type { BulkKind } from '../../operations/bulk-run';
import { neededLocations, splitForRestore } from './bulk-restore-plan';
import { nameOfMissing, type GoneNames } from './gone-names';
import { Isolated, isolatedText } from '../../shared/ui/isolated-text';
import { DependenciesUnchecked, useRecheck, type UncheckedDependencies } from './deleted-actions';
import { SpokenStatus } from '../../shared/ui/live-status';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  // The dialog scrolls: nothing in it may shrink under its own content (a squeezed warning had its
  // checkboxes drawn over what follows it).
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, '& > *': { flexShrink: 0 } },
});

export function BulkConfirmDialog({
  kind,
  policies,
  missingOf,
  known,
  checking,
  unchecked = null,
  onStart,
  onClose,
}: {
  kind: BulkKind;
  policies: DeletedPolicy[];
  missingOf(policy: DeletedPolicy): MissingDependency[];
  known: GoneNames | undefined;
  /** What they refer to is still being checked: a restore waits for the answer. */
  checking: boolean;
  /** It could not be checked: said, with Try again; the restore is then one without the check. */
  unchecked?: UncheckedDependencies | null;
  /** The policies to run: for a restore, those whose deleted named locations are restored first or not needed. */
  onStart(reportOnly: boolean, included: DeletedPolicy[]): void;
  onClose(): void;
}) {
  const styles = useStyles();
  const [mode, setMode] = useState<'reportOnly' | 'asItWas'>('reportOnly');
  const [typed, setTyped] = useState('');
  // Deleted named locations they need are restored first unless the admin unticks them, which leaves
  // out the policies that need them (the list can arrive after the dialog opens: what is kept is what was unticked).
  const [skipped, setSkipped] = useState<ReadonlySet<string>>(new Set());
  const restoring = kind === 'restore';
  const needed = restoring ? neededLocations(policies, missingOf) : [];
  const { included, leftOut } = restoring ? splitForRestore(policies, missingOf, skipped) : { included: policies, leftOut: [] };
  const locationsFirst = neededLocations(included, missingOf);
  const count = policies.length;
  const phrase = `delete ${count} ${count === 1 ? 'policy' : 'policies'}`;
  const wereOn = included.filter((p) => p.state === 'enabled').length;
  const whyLeftOut = new Map(
    leftOut.map(({ policy, locations }) => [
      policy.id,
      `left out: it needs the deleted named location${locations.length === 1 ? '' : 's'} ${locations.map((l) => `“${isolatedText(l.displayName)}”`).join(', ')}, not restored in this run`,
    ]),
  );
  const primary = useRef<HTMLButtonElement>(null);
  const recheck = useRecheck(
    unchecked,
    checking,
    () => {
      const referring = policies.filter((p) => missingOf(p).length > 0);
      return referring.length === 0
        ? 'Checked: nothing they refer to is missing.'
        : `Checked: ${referring
            .map(
              (p) =>
                `${isolatedText(p.displayName ?? '')} refers to ${missingOf(p)
                  .map((m) => `${m.where.toLowerCase()} ${nameOfMissing(m, known)}`)
                  .join(', ')}`,
            )
            .join('; ')}.`;
    },
    primary,
  );
  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>
            {restoring
              ? `Restore ${count} ${count === 1 ? 'policy' : 'policies'}?`
              : `Delete ${count} ${count === 1 ? 'policy' : 'policies'} permanently?`}
          </DialogTitle>
          <DialogContent className={styles.content}>
            <ul aria-label="Policies in this run">
              {policies.map((p) => {
                const missing = restoring ? missingOf(p) : [];
                const reason = whyLeftOut.get(p.id);
                return (
                  <li key={p.id}>
                    <Isolated>{p.displayName}</Isolated>
                    {missing.length > 0 &&
                      `: refers to ${missing.map((m) => `${m.where.toLowerCase()} ${nameOfMissing(m, known)}`).join(', ')}`}
                    {reason && <strong>{` (${reason})`}</strong>}
                  </li>
                );
              })}
            </ul>
            {needed.length > 0 && (
              <MessageBar intent={leftOut.length ? 'warning' : 'info'} layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>
                    {needed.length === 1
                      ? 'A named location they need is deleted too'
                      : `${needed.length} named locations they need are deleted too`}
                  </MessageBarTitle>
                  Restored first, in this run, before the policies that use them: restored without, a policy would point at a deleted
                  location. Untick one to leave out the policies that need it.
                  <ul className={styles.list} aria-label="Deleted named locations they need">
                    {needed.map(({ location, neededBy }) => (
                      <li key={location.id}>
                        <Checkbox
                          label={`Restore named location “${isolatedText(location.displayName)}” first`}
                          checked={!skipped.has(location.id)}
                          onChange={(_, data) =>
                            setSkipped((current) => {
                              const next = new Set(current);
                              if (data.checked === true) next.delete(location.id);
                              else next.add(location.id);
                              return next;
                            })
                          }
                        />
                        <Text block size={200}>
                          Needed by {neededBy.map((p) => isolatedText(p.name)).join(', ')}
                        </Text>
                      </li>
                    ))}
                  </ul>
                </MessageBarBody>
              </MessageBar>
            )}
            {restoring ? (
              <>
                {unchecked && (
                  <DependenciesUnchecked
                    unchecked={unchecked}
                    plural
                    checking={checking}
                    onRetry={recheck.onRetry}
                    onGone={recheck.onGone}
                  />
                )}
                {wereOn > 0 && (
                  <MessageBar intent="warning">
                    <MessageBarBody>
                      {wereOn === 1 ? '1 of them was On' : `${wereOn} of them were On`} when deleted: restored as they were, they enforce
                      again at once.
                    </MessageBarBody>
                  </MessageBar>
                )}
                <RadioGroup
                  value={mode}
                  onChange={(_, data) => setMode(data.value as 'reportOnly' | 'asItWas')}
                  aria-label="How to restore"
                >
                  <Radio value="reportOnly" label="Restore in report-only, to check their effect first" />
                  <Radio value="asItWas" label="Restore as they were" />
                </RadioGroup>
                {checking && <Spinner size="tiny" label="Checking what they refer to…" labelPosition="after" />}
              </>
            ) : (
              <>
                <p>This is final: Microsoft Entra cannot bring them back afterwards.</p>
                <Field label={`Type “${phrase}” to confirm`}>
                  <Input value={typed} onChange={(_, data) => setTyped(data.value)} />
                </Field>
              </>
            )}
            <Text>
              They are done one at a time, about one a second (the Conditional Access limit); if something fails, the rest go on and the run
              can be resumed.
            </Text>
          </DialogContent>
          <SpokenStatus>{restoring ? recheck.status : null}</SpokenStatus>
          <DialogActions>
            {/* Focusable while it checks again: the focus comes here once the warning with Try again goes. */}
            <Button
              ref={primary}
              appearance="primary"
              disabled={restoring ? included.length === 0 : typed.trim().toLowerCase() !== phrase}
              disabledFocusable={restoring && checking}
              onClick={() => onStart(mode === 'reportOnly', included)}
            >
              {restoring
                ? unchecked
                  ? 'Restore without the check'
                  : restoreLabel(locationsFirst.length, included.length, leftOut.length)
                : 'Delete permanently'}
            </Button>
            <Button onClick={onClose}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What the restore button does, counted: the locations first, then the policies, and how many are left out. */
function restoreLabel(locations: number, policies: number, leftOut: number): string {
  if (!locations && !leftOut) return 'Restore';
  const what = `${locations ? `${plural(locations, 'named location', 'named locations')} and ` : ''}${plural(policies, 'policy', 'policies')}`;
  return `Restore ${what}${leftOut ? ` (${leftOut} left out)` : ''}`;
}
