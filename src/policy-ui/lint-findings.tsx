// Lint findings as a list, shared by each policy's page and the Lint page: each with its severity,
// our rule id and the Maester or ScubaGear id beside it, the message in the admin center's words,
// the policy it concerns, a quick fix (opening the editor, never writing) and suppression with a
// reason (kept on this device), with Undo. A suppressed finding stays listed, with why and by whom.
import {
  Badge,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Link,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Text,
  Textarea,
  tokens,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { ArrowUndoRegular, EyeOffRegular, EyeRegular, WrenchRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { withoutSuppression, withSuppression } from '../domain/lint/suppressions';
import { REFERENCE_PLACES } from '../domain/plan/reference-places';
import type { LintFinding, LintSeverity, LintSuppression } from '../domain/lint/types';
import { useLintSuppressions } from '../session/lint-suppressions-store';
import { useTenantSession } from '../session/tenant-session';
import { useWriteAccess, WriteAccessTooltip } from '../session/write-access';
import { paths } from '../shared/routes/paths';
import { AnnouncedElsewhere } from '../shared/ui/announced-elsewhere';
import { formatDateTime } from '../shared/ui/format';
import { isolatedText } from '../shared/ui/isolated-text';
import { SpokenStatus } from '../shared/ui/live-status';
import { useOpenLintFix } from './lint-fix';
import { externalIds } from './lint-summary';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  suppressedItem: { backgroundColor: tokens.colorNeutralBackground2 },
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  external: { color: tokens.colorNeutralForeground3 },
  note: { color: tokens.colorNeutralForeground2, fontStyle: 'italic' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

const SEVERITY: Record<LintSeverity, { label: string; color: 'danger' | 'warning' | 'informative' }> = {
  error: { label: 'Error', color: 'danger' },
  warning: { label: 'Warning', color: 'warning' },
  info: { label: 'Suggestion', color: 'informative' },
};

export const severityLabel = (s: LintSeverity) => SEVERITY[s].label;

export function SeverityBadge({ severity }: { severity: LintSeverity }) {
  return (
    <Badge appearance="tint" color={SEVERITY[severity].color}>
      {SEVERITY[severity].label}
    </Badge>
  );
}

/** A finding told apart from every other of the list, whatever its place: its rule, policy and place in the policy. */
export const findingIdentity = (f: LintFinding) => `${f.ruleId}|${f.policyId ?? ''}|${(f.path ?? []).join('.')}`;
/** The key of a finding in a list: the same finding keeps its row across a new lint. */
export const findingKey = (f: LintFinding, i: number) => `${findingIdentity(f)}|${i}`;

/** A link to a screen of the console: a real link (a new tab works), followed without reloading. */
export function RouteLink({ to, children }: { to: string; children: ReactNode }) {
  const navigate = useNavigate();
  return (
    <Link
      inline
      href={to}
      onClick={(event) => {
        if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </Link>
  );
}

type Outcome =
  | { kind: 'suppressed' | 'restored'; finding: LintFinding; count: number; previous: readonly LintSuppression[] }
  | { kind: 'failed'; text: string };

/**
 * The findings one suppression of this finding covers: a suppression names a rule and a policy (the
 * command line's suppressions file shares the shape), so every finding of the rule on that policy, or
 * on every policy for a tenant-wide finding.
 */
export function coveredBy(finding: LintFinding, findings: readonly LintFinding[]): LintFinding[] {
  const covered = findings.filter(
    (f) => f.ruleId === finding.ruleId && (!finding.policyId || f.policyId === finding.policyId) && !f.suppressed,
  );
  return covered.includes(finding) ? covered : [finding, ...covered];
}

/** What tells a finding apart from the rule's others on its policy: where in the policy, else its message without the policy's words. */
export function findingDetail(finding: LintFinding): string {
  const path = (finding.path ?? []).join('.');
  const place = REFERENCE_PLACES.find((p) => p.path.join('.') === path);
  if (place) return place.label;
  const words = `'${finding.policyName}'`;
  return finding.policyName && finding.message.startsWith(words)
    ? finding.message.slice(words.length).replace(/^\s*\([^)]*\):\s*/, '')
    : finding.message;
}

const joinAnd = (items: readonly string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

function SuppressDialog({
  finding,
  covered,
  onSuppress,
  onClose,
}: {
  finding: LintFinding;
  /** Every finding the suppression covers, this one included. */
  covered: readonly LintFinding[];
  onSuppress(reason: string): void;
  onClose(): void;
}) {
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const empty = !reason.trim();
  const scope = finding.policyName ? `for “${isolatedText(finding.policyName)}”` : 'for the tenant';
  const several = covered.length > 1;
  const on = finding.policyId ? `on “${isolatedText(finding.policyName ?? finding.policyId)}”` : 'on every policy';
  const detail = (f: LintFinding) => (!finding.policyId && f.policyName ? `${f.policyName}: ${findingDetail(f)}` : findingDetail(f));
  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface>
        <form
          // The reason's own message says what is missing, rather than the browser's bubble.
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            setTried(true);
            if (!empty) onSuppress(reason.trim());
          }}
        >
          <DialogBody>
            <DialogTitle>Suppress {finding.ruleId}?</DialogTitle>
            <DialogContent>
              {several && (
                <Text as="p" block weight="semibold">
                  Suppresses {covered.length} findings of this rule {on}: {joinAnd(covered.map(detail))}.
                </Text>
              )}
              <Text as="p" block>
                {several
                  ? `A suppression covers a rule on a whole policy, not one finding. The ${covered.length} findings stay listed as suppressed ${scope}, with your reason, and are no longer counted.`
                  : `The finding stays listed as suppressed ${scope}, with your reason, and is no longer counted.`}{' '}
                The suppression is kept on this device and in its backups; it changes nothing in the tenant.
              </Text>
              <Field
                label="Reason"
                required
                validationMessage={tried && empty ? 'Say why this finding is accepted: the next admin will read it.' : undefined}
              >
                <Textarea value={reason} onChange={(_, data) => setReason(data.value)} resize="vertical" />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit">
                Suppress
              </Button>
              <Button onClick={onClose}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

export function LintFindingsList({
  findings,
  related = findings,
  label,
  showPolicy = true,
  onFixOpened,
}: {
  findings: readonly LintFinding[];
  /** Every finding a suppression could cover, when the list shows part of them (a category, a filter). */
  related?: readonly LintFinding[];
  /** The list's accessible name. */
  label: string;
  /** Beside each finding, a link to its policy (the Lint page); a policy's own page leaves it out. */
  showPolicy?: boolean;
  /** A finding's quick fix opened the editor: the page may remember where to bring the keyboard back to. */
  onFixOpened?(finding: LintFinding): void;
}) {
  const styles = useStyles();
  const tenant = useTenantSession();
  const [suppressions, update] = useLintSuppressions(tenant.account.tenantId);
  const write = useWriteAccess();
  const openFix = useOpenLintFix();
  const [asking, setAsking] = useState<LintFinding | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [fixing, setFixing] = useState<string | null>(null);
  // An undo takes its message bar away: said from a status that stays, with the focus on the finding's own button.
  const [undone, setUndone] = useState<{ text: string; occasion: number; finding: LintFinding } | null>(null);
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    if (!undone || !list.current) return;
    const same = (f: LintFinding) =>
      f.ruleId === undone.finding.ruleId &&
      f.policyId === undone.finding.policyId &&
      (f.path ?? []).join('.') === (undone.finding.path ?? []).join('.');
    const at = findings.findIndex(same);
    const item = at < 0 ? null : list.current.children.item(at);
    item?.querySelector<HTMLButtonElement>('[data-suppression]')?.focus();
    // Once, when the undo is made: later changes of the list leave the focus where it is.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [undone]);
  // The dialog's surface is a focus-restore source: marking its openers as targets returns focus to
  // the one that opened it when it closes (opened by state, it has no DialogTrigger to do so).
  const restoreFocusTarget = useRestoreFocusTarget();

  const change = (
    kind: 'suppressed' | 'restored',
    finding: LintFinding,
    count: number,
    next: (current: readonly LintSuppression[]) => LintSuppression[],
  ) => {
    const previous = suppressions;
    setUndone(null);
    const kept = update(next);
    setOutcome(
      kept
        ? { kind, finding, count, previous }
        : {
            kind: 'failed',
            text: 'The browser would not keep the change (its storage is full or blocked): it lasts until this page is closed.',
          },
    );
  };
  const suppress = (finding: LintFinding, reason: string) => {
    setAsking(null);
    const by = tenant.account.name || tenant.account.username;
    change('suppressed', finding, coveredBy(finding, related).length, (current) =>
      withSuppression(current, {
        ruleId: finding.ruleId,
        ...(finding.policyId && { policyId: finding.policyId }),
        reason,
        ...(by && { by }),
        at: new Date().toISOString(),
      }),
    );
  };
  const unsuppress = (finding: LintFinding) =>
    change(
      'restored',
      finding,
      related.filter((f) => f.suppressed && f.ruleId === finding.ruleId && (!finding.policyId || f.policyId === finding.policyId)).length,
      (current) => withoutSuppression(current, finding.ruleId, finding.policyId),
    );
  const fix = async (finding: LintFinding, key: string) => {
    setFixing(key);
    try {
      await openFix(finding);
      onFixOpened?.(finding);
    } catch (error) {
      setFixing(null);
      setOutcome({ kind: 'failed', text: error instanceof Error ? error.message : String(error) });
    }
  };

  // The policy's name isolated: a direction control in it cannot reorder the words around it.
  const where = (f: LintFinding) => (f.policyName ? ` for “${isolatedText(f.policyName)}”` : '');
  // A finding's name says it apart from the rule's others on the same policy: "(excluded users)".
  const named = (f: LintFinding) =>
    `${f.ruleId}${where(f)}${findings.some((g) => g !== f && g.ruleId === f.ruleId && g.policyId === f.policyId) ? ` (${findingDetail(f)})` : ''}`;
  const findingsWord = (n: number) => (n > 1 ? `${n} findings of ` : '');
  return (
    <>
      {/* Its own live region says each outcome, also one that replaces another in the same bar. */}
      {outcome && (
        <AnnouncedElsewhere>
          <MessageBar intent={outcome.kind === 'failed' ? 'error' : 'success'} aria-live="polite">
            <MessageBarBody>
              {outcome.kind === 'failed'
                ? outcome.text
                : outcome.kind === 'suppressed'
                  ? `Suppressed ${findingsWord(outcome.count)}${outcome.finding.ruleId}${where(outcome.finding)}. ${outcome.count > 1 ? 'They are' : 'It is'} no longer counted.`
                  : `${findingsWord(outcome.count)}${outcome.finding.ruleId}${where(outcome.finding)} ${outcome.count > 1 ? 'are' : 'is'} counted again.`}
            </MessageBarBody>
            {outcome.kind !== 'failed' && (
              <MessageBarActions>
                <Button
                  icon={<ArrowUndoRegular />}
                  onClick={() => {
                    const previous = outcome.previous;
                    if (!update(() => previous)) {
                      setOutcome({
                        kind: 'failed',
                        text: 'The browser would not keep the undo (its storage is full or blocked): it lasts until this page is closed.',
                      });
                      return;
                    }
                    const { finding, count, kind } = outcome;
                    setOutcome(null);
                    setUndone({
                      text: `Undone: ${findingsWord(count)}${finding.ruleId}${where(finding)} ${count > 1 ? 'are' : 'is'} ${kind === 'suppressed' ? 'counted again' : 'suppressed again'}.`,
                      occasion: (undone?.occasion ?? 0) + 1,
                      finding,
                    });
                  }}
                >
                  Undo
                </Button>
              </MessageBarActions>
            )}
          </MessageBar>
        </AnnouncedElsewhere>
      )}
      <SpokenStatus occasion={undone?.occasion}>{undone?.text}</SpokenStatus>
      <ul ref={list} className={styles.list} aria-label={label}>
        {findings.map((f, i) => {
          const key = findingKey(f, i);
          const external = externalIds(f.external);
          return (
            <li
              key={key}
              className={f.suppressed ? `${styles.item} ${styles.suppressedItem}` : styles.item}
              aria-label={named(f)}
              data-finding={findingIdentity(f)}
            >
              <div className={styles.head}>
                {f.suppressed ? (
                  <Badge appearance="outline" color="brand">
                    Suppressed
                  </Badge>
                ) : (
                  <SeverityBadge severity={f.severity} />
                )}
                <code>{f.ruleId}</code>
                {external && <Text className={styles.external}>({external})</Text>}
                {showPolicy &&
                  (f.policyId ? (
                    <RouteLink to={paths.policy(f.policyId)}>{f.policyName ?? f.policyId}</RouteLink>
                  ) : (
                    <Text className={styles.external}>Whole tenant</Text>
                  ))}
              </div>
              <Text>{f.message}</Text>
              {f.fix && !f.suppressed && <Text className={styles.external}>Quick fix: {f.fix.description}</Text>}
              {f.suppressed && (
                <Text className={styles.note}>
                  Suppressed{f.suppressed.by ? ` by ${f.suppressed.by}` : ''} on {formatDateTime(f.suppressed.at)}: {f.suppressed.reason}
                </Text>
              )}
              <div className={styles.actions}>
                {f.fix && f.policyId && !f.suppressed && (
                  <WriteAccessTooltip access={write}>
                    <Button
                      data-fix
                      icon={<WrenchRegular />}
                      disabledFocusable={!write.allowed || fixing !== null}
                      onClick={() => void fix(f, key)}
                      aria-label={`Fix ${named(f)} in the editor`}
                    >
                      {fixing === key ? 'Opening the editor…' : 'Fix…'}
                    </Button>
                  </WriteAccessTooltip>
                )}
                {f.suppressed ? (
                  <Button data-suppression icon={<EyeRegular />} onClick={() => unsuppress(f)} aria-label={`Count ${named(f)} again`}>
                    Count again
                  </Button>
                ) : (
                  <Button
                    {...restoreFocusTarget}
                    data-suppression
                    icon={<EyeOffRegular />}
                    onClick={() => setAsking(f)}
                    aria-label={`Suppress ${named(f)}…`}
                  >
                    Suppress…
                  </Button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      {asking && (
        <SuppressDialog
          finding={asking}
          covered={coveredBy(asking, related)}
          onSuppress={(reason) => suppress(asking, reason)}
          onClose={() => setAsking(null)}
        />
      )}
    </>
  );
}
