// Settings for the signed-in tenant: its emergency-access accounts and groups, which the lock-out
// guard protects on every save, and the legacy MFA trusted IPs Graph does not serve. Kept on this device, per tenant: every change says it was saved and
// where, since nothing of it reaches the tenant or the other admins.
import { Button, Card, CardHeader, makeStyles, MessageBar, MessageBarBody, Tag, TagGroup, Text, tokens } from '@fluentui/react-components';
import { useEffect, useId, useRef, useState } from 'react';
import type { EmergencyAccess } from '../../domain/lockout';
import { useEmergencyAccess } from '../../session/emergency-access';
import { DirectoryPicker } from '../../session/directory-picker';
import { useTenantSession } from '../../session/tenant-session';
import { MfaTrustedIpsCard } from './mfa-trusted-ips-card';
import { AnnouncedElsewhere } from '../../shared/ui/announced-elsewhere';
import { Isolated, isolatedText } from '../../shared/ui/isolated-text';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '880px' },
  title: { margin: 0, fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
  row: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  undo: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

const counted = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

/** "Cleared 2 accounts and 1 group: Break Glass 01, Break Glass 02, CA - Emergency access accounts." */
const clearedText = ({ users, groups }: EmergencyAccess) => {
  const what = [users.length ? counted(users.length, 'account') : '', groups.length ? counted(groups.length, 'group') : '']
    .filter(Boolean)
    .join(' and ');
  return `Cleared ${what}: ${[...users, ...groups].map((p) => isolatedText(p.name)).join(', ')}.`;
};

export function SettingsPage() {
  const styles = useStyles();
  const clearedId = useId();
  const tenant = useTenantSession();
  const [access, store] = useEmergencyAccess(tenant.account.tenantId);
  // Each change is said, the same words again too: a new occasion puts them in the status anew.
  const [saved, setSaved] = useState<{ kept: boolean; occasion: number } | null>(null);
  const say = (kept: boolean) => setSaved((last) => ({ kept, occasion: (last?.occasion ?? 0) + 1 }));
  // What Clear emergency access took away, for its Undo (until another change).
  const [cleared, setCleared] = useState<EmergencyAccess | null>(null);
  const setAccess = (next: EmergencyAccess) => {
    setCleared(null);
    say(store(next));
  };
  // A button that goes away leaves the focus to what takes its place: Clear's Undo, Undo's Clear, and
  // the last account's or group's Remove the box that adds one.
  const undoButton = useRef<HTMLButtonElement>(null);
  const clearButton = useRef<HTMLButtonElement>(null);
  const rows = useRef<Partial<Record<'users' | 'groups', HTMLDivElement | null>>>({});
  const focusNext = useRef<'undo' | 'clear' | 'users' | 'groups' | null>(null);
  useEffect(() => {
    const next = focusNext.current;
    if (!next) return;
    focusNext.current = null;
    if (next === 'undo') undoButton.current?.focus();
    else if (next === 'clear') clearButton.current?.focus();
    else rows.current[next]?.querySelector<HTMLElement>('input')?.focus();
  });
  const clear = () => {
    const before = access;
    const kept = store({ users: [], groups: [] });
    // The Undo beside says what was cleared; only a refusal to store it is said below.
    if (kept) setSaved(null);
    else say(false);
    setCleared(before);
    focusNext.current = 'undo';
  };
  const undo = () => {
    if (!cleared) return;
    setAccess(cleared);
    focusNext.current = 'clear';
  };
  const tenantName = tenant.account.tenantName ?? 'this tenant';
  const lists = [
    { key: 'users', label: 'Emergency-access accounts', kind: 'users' },
    { key: 'groups', label: 'Emergency-access groups', kind: 'groups' },
  ] as const;
  return (
    <section className={styles.page} aria-labelledby="settings-title">
      <h1 id="settings-title" className={styles.title}>
        Settings
      </h1>
      <Card>
        <CardHeader
          header={<Text weight="semibold">Emergency access</Text>}
          description="The break-glass accounts that must never be locked out. Before a save turns on a policy that could block them or demand a control they may not have, Gatehouse stops and asks, and offers to exclude them."
        />
        <Text>
          Kept in this browser on this device only, for {tenantName}: not in Microsoft Entra, and not seen by other admins or by your other
          browsers and devices.
        </Text>
        {lists.map((list) => (
          <div
            key={list.key}
            className={styles.row}
            ref={(row) => {
              rows.current[list.key] = row;
            }}
          >
            <Text weight="semibold">{list.label}</Text>
            {access[list.key].length === 0 ? (
              <Text>None set.</Text>
            ) : (
              <TagGroup
                aria-label={list.label}
                onDismiss={(_, data) => {
                  const left = access[list.key].filter((p) => p.id !== data.value);
                  // The list goes with its last one ("None set."): the focus goes to the box that adds one.
                  if (left.length === 0) focusNext.current = list.key;
                  setAccess({ ...access, [list.key]: left });
                }}
              >
                {access[list.key].map((principal) => (
                  <Tag
                    key={principal.id}
                    value={principal.id}
                    dismissible
                    dismissIcon={{ 'aria-label': `Remove ${isolatedText(principal.name)}` }}
                  >
                    <Isolated>{principal.name}</Isolated>
                  </Tag>
                ))}
              </TagGroup>
            )}
            <DirectoryPicker
              kind={list.kind}
              label={list.kind === 'users' ? 'Users' : 'Groups'}
              exclude={access[list.key].map((p) => p.id)}
              onPick={(entry) => setAccess({ ...access, [list.key]: [...access[list.key], { id: entry.id, name: entry.displayName }] })}
            />
          </div>
        ))}
        {(access.users.length > 0 || access.groups.length > 0) && (
          <Button ref={clearButton} appearance="subtle" onClick={clear}>
            Clear emergency access
          </Button>
        )}
        {cleared && (
          <div className={styles.undo}>
            <Text id={clearedId}>{clearedText(cleared)}</Text>
            <Button ref={undoButton} size="small" aria-describedby={clearedId} onClick={undo}>
              Undo
            </Button>
          </div>
        )}
      </Card>
      <MfaTrustedIpsCard
        accountKey={tenant.account.key}
        tenantId={tenant.account.tenantId}
        onSaved={say}
        onForgot={(kept) => (kept ? setSaved(null) : say(false))}
      />
      {/* Announced after each change; the same region stays mounted so screen readers hear it. */}
      <div role="status" aria-live="polite">
        {saved && (
          <AnnouncedElsewhere key={saved.occasion}>
            <MessageBar intent={saved.kept ? 'success' : 'error'}>
              <MessageBarBody>
                {saved.kept
                  ? 'Saved in this browser on this device. Name them again on any other device or browser you use.'
                  : 'Not saved: this browser refused to store it (storage full or blocked). It applies until this tab is closed.'}
              </MessageBarBody>
            </MessageBar>
          </AnnouncedElsewhere>
        )}
      </div>
    </section>
  );
}
