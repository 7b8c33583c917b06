// What the shell says of the accounts. An account signed in just now is added beside the one in use,
// which stays in use: an admin of two tenants must not go on editing the other one's policies unawares.
// So the addition is said, with the way to switch; and each switch says which tenant is now worked on.
import { Button, makeStyles, MessageBarActions, MessageBarBody, tokens, useAnnounce } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useEffect, useRef } from 'react';
import { personName, useAuth } from '../../auth';
import { useSettledTenantName } from '../../session/organization-query';
import { useOtherTenantSession, useTenantSession, type TenantSession } from '../../session/tenant-session';
import { Isolated, isolatedText } from '../../shared/ui/isolated-text';
import { Notice } from '../../shared/ui/notice';

const useStyles = makeStyles({
  bar: { marginBottom: tokens.spacingVerticalL },
});

/** The offer to switch to the account just added, until the admin switches or dismisses it. */
export function AccountAddedBar() {
  const { added } = useAuth();
  const tenant = useOtherTenantSession(added ?? null);
  return tenant ? <AddedAccount tenant={tenant} /> : null;
}

function AddedAccount({ tenant }: { tenant: TenantSession }) {
  const styles = useStyles();
  const { session } = useAuth();
  // Shown once the tenant's name is known (a real tenant's is read with the new account), so that it is said once.
  const tenantName = useSettledTenantName(tenant);
  if (!tenantName) return null;
  return (
    <Notice intent="info" layout="multiline" className={styles.bar}>
      <MessageBarBody>
        Added <Isolated>{personName(tenant.account)}</Isolated> (<Isolated>{tenantName}</Isolated>). Switch to it from the account menu.
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button appearance="transparent" icon={<DismissRegular />} aria-label="Dismiss" onClick={() => session.dismissAdded?.()} />
        }
      >
        <Button onClick={() => session.setActive(tenant.account.key)}>Switch</Button>
      </MessageBarActions>
    </Notice>
  );
}

/** Says, at each switch of account (from the menu or the offer above), which tenant the console now works on. */
export function SwitchSaid() {
  const tenant = useTenantSession();
  const tenantName = useSettledTenantName(tenant);
  const { announce } = useAnnounce();
  const said = useRef(tenant.account.key);
  const { account } = tenant;
  useEffect(() => {
    if (said.current === account.key || !tenantName) return;
    said.current = account.key;
    announce(`Now working on ${isolatedText(tenantName)}, as ${isolatedText(personName(account))}.`, { polite: true });
  }, [account, tenantName, announce]);
  return null;
}
