// The signed-in accounts and their tenants: switch, add another (beside the account in use, which stays
// in use: the shell's notice offers the switch), sign out; the theme; in the demo,
// "Make Graph misbehave" (demo-misbehaviour.tsx) and "Reset demo tenant" (after a confirmation, since it
// discards every change made in the demo). The
// names of accounts and tenants come from the tenant: isolated wherever shown, in the tooltip too.
import {
  Avatar,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Menu,
  MenuDivider,
  MenuGroup,
  MenuGroupHeader,
  MenuItem,
  MenuItemRadio,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowResetRegular, PersonAddRegular, PlugDisconnectedRegular, SignOutRegular } from '@fluentui/react-icons';
import { useIsMutating } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { personName, useAuth, type DemoDirectory, type SignedInAccount } from '../../auth';
import { useOrganizationName } from '../../session/organization-query';
import { useTenantSession } from '../../session/tenant-session';
import { useTheme, type ThemePreference } from '../../shared/theme';
import { Isolated, isolatedText } from '../../shared/ui/isolated-text';
import { SMALL } from '../../shared/ui/media';
import { chooseMisbehaviour, MisbehaviourDialog, type DemoFaults } from './demo-misbehaviour';

const useStyles = makeStyles({
  trigger: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, textAlign: 'left', flexShrink: 0 },
  lines: {
    display: 'flex',
    flexDirection: 'column',
    lineHeight: 1.2,
    // A small window shows the avatar alone; the name and tenant stay the button's words, and its tooltip.
    [SMALL]: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
  },
  tenant: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
});

/** The menu's words for signing in to one more account (the compare page's hint names them). */
const ADD_ACCOUNT = 'Add another account';

export interface DemoControls extends DemoDirectory {
  reset(): void;
  setFaults(tenantId: string, faults: DemoFaults): void;
}

export function useTenantName(account: SignedInAccount) {
  return useOrganizationName(useTenantSession()) ?? account.username.split('@')[1] ?? account.tenantId;
}

export function AccountMenu({ demo }: { demo?: DemoControls }) {
  const styles = useStyles();
  const { accounts, active, session } = useAuth();
  const { preference, setPreference } = useTheme();
  const [confirmReset, setConfirmReset] = useState(false);
  const [misbehaving, setMisbehaving] = useState(false);
  // The menu item that opened a dialog is gone when it closes: the focus goes back to the menu's button.
  const trigger = useRef<HTMLButtonElement>(null);
  const dialogOpen = misbehaving || confirmReset;
  const wasOpen = useRef(false);
  useEffect(() => {
    if (wasOpen.current && !dialogOpen) trigger.current?.focus();
    wasOpen.current = dialogOpen;
  }, [dialogOpen]);
  const tenantName = useTenantName(active!);
  const others = demo?.accounts.filter((a) => !accounts.some((s) => s.key === a.id)) ?? [];
  // A write under way belongs to this account's tenant and journal: switching, adding an account (a redirect
  // outside the demo) or signing out waits for it to end.
  const writing = useIsMutating() > 0;

  return (
    <>
      {/* The checked values belong to the Menu: given to its MenuList, Fluent warns on every opening. */}
      <Menu
        checkedValues={{ account: [active!.key], theme: [preference] }}
        onCheckedValueChange={(_, data) => {
          if (data.name === 'account' && data.checkedItems[0]) session.setActive(data.checkedItems[0]);
          if (data.name === 'theme' && data.checkedItems[0]) setPreference(data.checkedItems[0] as ThemePreference);
        }}
      >
        <MenuTrigger disableButtonEnhancement>
          <Button
            ref={trigger}
            appearance="subtle"
            className={styles.trigger}
            title={`Signed in as ${isolatedText(active!.username)} in ${isolatedText(tenantName)}`}
          >
            <Avatar name={personName(active!)} size={28} aria-hidden />
            <span className={styles.lines}>
              <Text weight="semibold">
                <Isolated>{active!.name}</Isolated>
              </Text>
              <span className={styles.tenant}>
                <Isolated>{tenantName}</Isolated>
              </span>
            </span>
          </Button>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            <MenuGroup>
              <MenuGroupHeader>
                {writing ? 'Signed-in accounts (a write is under way: wait for it to end to switch)' : 'Signed-in accounts'}
              </MenuGroupHeader>
              {accounts.map((account) => (
                <MenuItemRadio
                  key={account.key}
                  name="account"
                  value={account.key}
                  secondaryContent={<Isolated>{account.tenantName ?? account.username}</Isolated>}
                  disabled={writing && account.key !== active!.key}
                >
                  <Isolated>{account.name}</Isolated>
                </MenuItemRadio>
              ))}
            </MenuGroup>
            {demo ? (
              // The same words as outside the demo ("Add another account"), over the demo's accounts.
              others.length > 0 && (
                <MenuGroup>
                  <MenuGroupHeader>{ADD_ACCOUNT}</MenuGroupHeader>
                  {others.map((a) => (
                    <MenuItem key={a.id} icon={<PersonAddRegular />} disabled={writing} onClick={() => void session.signIn(a.id)}>
                      Add <Isolated>{a.displayName}</Isolated> ({a.role === 'admin' ? 'administrator' : 'read-only'}) ·{' '}
                      <Isolated>{a.tenantName}</Isolated>
                    </MenuItem>
                  ))}
                </MenuGroup>
              )
            ) : (
              <MenuItem icon={<PersonAddRegular />} disabled={writing} onClick={() => void session.signIn()}>
                {ADD_ACCOUNT}
              </MenuItem>
            )}
            <MenuItem icon={<SignOutRegular />} disabled={writing} onClick={() => void session.signOut(active!.key)}>
              Sign out <Isolated>{active!.name}</Isolated>
            </MenuItem>
            <MenuDivider />
            <MenuGroup>
              <MenuGroupHeader>Theme</MenuGroupHeader>
              <MenuItemRadio name="theme" value="system">
                Follow the system
              </MenuItemRadio>
              <MenuItemRadio name="theme" value="light">
                Light
              </MenuItemRadio>
              <MenuItemRadio name="theme" value="dark">
                Dark
              </MenuItemRadio>
            </MenuGroup>
            {demo && (
              <>
                <MenuDivider />
                <MenuItem icon={<PlugDisconnectedRegular />} onClick={() => setMisbehaving(true)}>
                  Make Graph misbehave…
                </MenuItem>
                <MenuItem icon={<ArrowResetRegular />} onClick={() => setConfirmReset(true)}>
                  Reset demo tenant…
                </MenuItem>
              </>
            )}
          </MenuList>
        </MenuPopover>
      </Menu>
      {demo && (
        <MisbehaviourDialog
          open={misbehaving}
          onClose={() => setMisbehaving(false)}
          onChoose={(kind) => {
            chooseMisbehaviour(demo, kind);
            setMisbehaving(false);
          }}
        />
      )}
      {demo && (
        <Dialog open={confirmReset} onOpenChange={(_, data) => setConfirmReset(data.open)}>
          <DialogSurface>
            <DialogBody>
              <DialogTitle>Reset the demo tenants?</DialogTitle>
              <DialogContent>
                Every change made in the demo (policies, deletions, restores) is discarded and the demo tenants return to how they started.
              </DialogContent>
              <DialogActions>
                <Button appearance="secondary" onClick={() => setConfirmReset(false)}>
                  Cancel
                </Button>
                <Button
                  appearance="primary"
                  onClick={() => {
                    demo.reset();
                    window.location.reload();
                  }}
                >
                  Reset demo tenants
                </Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      )}
    </>
  );
}
