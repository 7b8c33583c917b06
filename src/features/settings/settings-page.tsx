// Settings for the signed-in tenant: its emergency-access accounts and groups, which the lock-out
// guard protects on every save, and the legacy MFA trusted IPs Graph does not serve. Kept on this device, per tenant: every change says it was saved and
// where, since nothing of it reaches the tenant or the other admins.
import { Button, Card, CardHeader, makeStyles, MessageBar, MessageBarBody, Tag, TagGroup, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { EmergencyAccess } from '../../domain/lockout';
import { useEmergencyAccess } from '../../session/emergency-access';
import { DirectoryPicker } from '../../session/directory-picker';
import { useTenantSession } from '../../session/tenant-session';
import { MfaTrustedIpsCard } from './mfa-trusted-ips-card';
import { AnnouncedElsewhere } from '../../shared/ui/announced-elsewhere';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '880px' },
  title: { margin: 0, fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
  row: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export function SettingsPage() {
  const styles = useStyles();
  const tenant = useTenantSession();
  const [access, store] = useEmergencyAccess(tenant.account.tenantId);
  const [saved, setSaved] = useState<'kept' | 'not kept' | null>(null);
  const setAccess = (next: EmergencyAccess) => setSaved(store(next) ? 'kept' : 'not kept');
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
          <div key={list.key} className={styles.row}>
            <Text weight="semibold">{list.label}</Text>
            {access[list.key].length === 0 ? (
              <Text>None set.</Text>
            ) : (
              <TagGroup
                aria-label={list.label}
                onDismiss={(_, data) => setAccess({ ...access, [list.key]: access[list.key].filter((p) => p.id !== data.value) })}
              >
                {access[list.key].map((principal) => (
                  <Tag key={principal.id} value={principal.id} dismissible dismissIcon={{ 'aria-label': `Remove ${principal.name}` }}>
                    {principal.name}
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
          <Button appearance="subtle" onClick={() => setAccess({ users: [], groups: [] })}>
            Clear emergency access
          </Button>
        )}
      </Card>
      <MfaTrustedIpsCard
        tenantId={tenant.account.tenantId}
        onSaved={(kept) => setSaved(kept ? 'kept' : 'not kept')}
        onForgot={(kept) => setSaved(kept ? null : 'not kept')}
      />
      {/* Announced after each change; the same region stays mounted so screen readers hear it. */}
      <div role="status" aria-live="polite">
        {saved && (
          <AnnouncedElsewhere>
            <MessageBar intent={saved === 'kept' ? 'success' : 'error'}>
              <MessageBarBody>
                {saved === 'kept'
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
