// The legacy MFA trusted IPs, said by the admin: Graph does not serve them, yet Conditional Access
// counts them among 'AllTrusted' locations. Until they are said, Gatehouse's engine answers "cannot
// tell" for a policy that excludes trusted locations when the address is in no trusted named location.
// Forget takes effect at once and offers Undo, which puts back what was kept and what the box held.
// Ranges typed and not saved are asked about before the admin leaves the page, and kept for the account in
// this tab: switching account (which remounts the card) and coming back brings them back.
import { Button, Card, CardHeader, Field, makeStyles, Text, Textarea, tokens } from '@fluentui/react-components';
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { parseCidr } from '../../domain/evaluation/ip-address';
import { keepMfaTrustedIpsDraft, readMfaTrustedIpsDraft, useMfaTrustedIps } from '../../session/mfa-trusted-ips';
import { LeaveDialog, useLeaveGuard } from '../../shared/routes/leave-guard';

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  undo: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

const forgottenText = (ranges: readonly string[]) =>
  ranges.length === 0
    ? 'Forgot that none are configured.'
    : `Forgot ${ranges.length} range${ranges.length === 1 ? '' : 's'}: ${ranges.join(', ')}.`;

export function MfaTrustedIpsCard({
  accountKey,
  tenantId,
  onSaved,
  onForgot,
}: {
  /** Whose typing is kept and brought back: the signed-in account's (Settings is mounted afresh for each). */
  accountKey: string;
  tenantId: string;
  onSaved(kept: boolean): void;
  /** Forgetting is said by the card itself (with its Undo); `kept` is false when the browser refused to store it. */
  onForgot(kept: boolean): void;
}) {
  const forgottenId = useId();
  const styles = useStyles();
  const [ranges, store] = useMfaTrustedIps(tenantId);
  // Typed here with this account before a switch of account, and not saved: brought back, and said to be.
  // Once saved or forgotten it is no longer the typing brought back: later typing is the admin's own.
  const [draft, setDraft] = useState(() => readMfaTrustedIpsDraft(accountKey, tenantId));
  const [text, setText] = useState(() => draft ?? (ranges ?? []).join('\n'));
  const [forgotten, setForgotten] = useState<{ ranges: string[]; text: string } | null>(null);
  // The button pressed goes away (Forget, then Undo): focus moves to the one that takes its place.
  const undoButton = useRef<HTMLButtonElement>(null);
  const forgetButton = useRef<HTMLButtonElement>(null);
  const focusNext = useRef<'undo' | 'forget' | null>(null);
  useEffect(() => {
    if (!focusNext.current) return;
    (focusNext.current === 'undo' ? undoButton : forgetButton).current?.focus();
    focusNext.current = null;
  });
  const save = (next: string[] | null) => {
    setForgotten(null);
    setDraft(null);
    onSaved(store(next));
  };
  const lines = text
    .split(/[\s,;]+/)
    .map((l) => l.trim())
    .filter(Boolean);
  // Typed and not saved (what is kept is what the box would save): leaving asks first, as the editor does.
  const unsaved = lines.join('\n') !== (ranges ?? []).join('\n');
  const leave = useLeaveGuard(unsaved);
  useEffect(() => keepMfaTrustedIpsDraft(accountKey, unsaved ? text : null), [accountKey, unsaved, text]);
  // Leave pressed in the question below: the typing is forgotten, as the question says (a switch of
  // account does not ask, and keeps it).
  const leaving = useRef(false);
  useLayoutEffect(() => {
    leaving.current = leave.blocker.state !== 'unblocked';
  });
  useEffect(
    () => () => {
      if (leaving.current) keepMfaTrustedIpsDraft(accountKey, null);
    },
    [accountKey],
  );
  const broughtBack = draft !== null && unsaved;
  const errors = lines.flatMap((line) => {
    const parsed = parseCidr(line);
    return 'error' in parsed ? [parsed.error] : [];
  });
  // Not refused (the service settings are the admin's), but a range this wide is seldom meant.
  const wide = lines.filter((line) => {
    const parsed = parseCidr(line);
    return !('error' in parsed) && parsed.prefix < (parsed.version === 4 ? 8 : 16);
  });
  const warning = wide.length
    ? `${wide.map((w) => `'${w}'`).join(', ')} ${wide.length === 1 ? 'covers' : 'cover'} a large part of the internet: almost every sign-in would count as from a trusted IP in What if and a draft's impact.`
    : undefined;
  const saveBlocked = errors.length
    ? 'Correct the ranges marked above before saving.'
    : lines.length === 0
      ? 'Type at least one range to save, or choose “None are configured”.'
      : null;
  const blockedId = useId();
  return (
    <Card>
      <CardHeader
        header={<Text weight="semibold">Legacy MFA trusted IPs</Text>}
        description="The trusted IPs of the per-user MFA service settings count as trusted locations in Conditional Access, but Graph does not serve them. Say them here (or that there are none) so What if and a draft's impact can evaluate policies that exclude trusted locations."
      />
      <Text>
        {ranges === null
          ? 'Not said yet: such policies cannot be evaluated for addresses outside your trusted named locations.'
          : ranges.length === 0
            ? 'None are configured.'
            : `${ranges.length} range${ranges.length === 1 ? '' : 's'}: ${ranges.join(', ')}.`}
      </Text>
      <Field
        label="Ranges (CIDR, one a line)"
        validationState={errors.length ? 'error' : warning ? 'warning' : 'none'}
        validationMessage={errors.length ? `${errors.join('; ')}.` : warning}
        hint={
          broughtBack
            ? 'Typed earlier in this tab with this account and not saved yet: brought back. Save them, or change them.'
            : undefined
        }
      >
        <Textarea value={text} onChange={(_, data) => setText(data.value)} placeholder="203.0.113.0/24" resize="vertical" rows={4} />
      </Field>
      <div className={styles.actions}>
        {/* Reached by Tab while it cannot act, with the reason said beside it and by it. */}
        <Button
          appearance="primary"
          disabledFocusable={saveBlocked !== null}
          aria-describedby={saveBlocked ? blockedId : undefined}
          onClick={() => save(lines)}
        >
          Save these ranges
        </Button>
        <Button
          onClick={() => {
            setText('');
            save([]);
          }}
        >
          None are configured
        </Button>
        {ranges !== null ? (
          <Button
            ref={forgetButton}
            appearance="subtle"
            onClick={() => {
              setText('');
              setDraft(null);
              onForgot(store(null));
              setForgotten({ ranges, text });
              focusNext.current = 'undo';
            }}
          >
            Forget
          </Button>
        ) : null}
      </div>
      {saveBlocked && (
        <Text id={blockedId} size={200}>
          {saveBlocked}
        </Text>
      )}
      {forgotten && (
        <div className={styles.undo}>
          <Text id={forgottenId}>{forgottenText(forgotten.ranges)}</Text>
          <Button
            ref={undoButton}
            size="small"
            aria-describedby={forgottenId}
            onClick={() => {
              setText(forgotten.text);
              save(forgotten.ranges);
              focusNext.current = 'forget';
            }}
          >
            Undo
          </Button>
        </div>
      )}
      <LeaveDialog guard={leave} title="Leave without saving the ranges?">
        The ranges you typed are not saved: leaving forgets them. Stay to correct them if needed and save them.
      </LeaveDialog>
    </Card>
  );
}
