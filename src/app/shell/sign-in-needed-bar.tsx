// A read that needed the admin to sign in again (the session expired, a sign-in policy asks again):
// said once here, on whichever screen, however many reads failed for it, with the way to sign in again.
// Compare reads with two accounts, and both may need it: each is named, with its own Sign in again.
// Nothing leaves the page until the admin chooses to: what they were typing stays.
import { Button, makeStyles, MessageBarActions, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { PersonKeyRegular } from '@fluentui/react-icons';
import { useAuth, type SignedInAccount } from '../../auth';
import { Isolated } from '../../shared/ui/isolated-text';
import { Notice } from '../../shared/ui/notice';

const useStyles = makeStyles({
  bar: { marginBottom: tokens.spacingVerticalL },
  list: { margin: `${tokens.spacingVerticalXS} 0`, paddingInlineStart: tokens.spacingHorizontalXXL },
});

const STAYS =
  "This page stays until you choose to sign in again, which leaves it: the editor's drafts are kept on this device, while other choices not yet saved must be made again.";

interface Needed {
  account: SignedInAccount;
  consent: boolean;
}

export function SignInNeededBar() {
  const styles = useStyles();
  const { signInsNeeded, accounts, active, session } = useAuth();
  // An account signed out meanwhile needs nothing more.
  const needed = (signInsNeeded ?? []).flatMap((n): Needed[] => {
    const account = accounts.find((a) => a.key === n.accountKey);
    return account ? [{ account, consent: n.reason === 'consent_required' }] : [];
  });
  if (!needed.length) return null;
  const signInAgain = (account: SignedInAccount) =>
    void (session.renewSignIn ? session.renewSignIn(account.key) : session.signIn(account.username));
  const button = ({ account }: Needed, named: boolean) => (
    <Button key={account.key} appearance="primary" icon={<PersonKeyRegular />} onClick={() => signInAgain(account)}>
      {named ? (
        <>
          Sign in again as <Isolated>{account.username}</Isolated>
        </>
      ) : (
        'Sign in again'
      )}
    </Button>
  );

  const [first] = needed;
  if (needed.length === 1 && first) {
    const { account, consent } = first;
    const isActive = account.key === active?.key;
    return (
      <Notice intent="warning" layout="multiline" className={styles.bar} occasion={signInsNeeded}>
        <MessageBarBody>
          <MessageBarTitle>{consent ? 'Permission needed again' : 'Your sign-in has expired'}</MessageBarTitle>
          {isActive ? (
            consent ? (
              'The identity provider asks for Gatehouse’s read permissions to be granted again before the tenant can be read.'
            ) : (
              'Your sign-in has expired, or a sign-in policy asks you to sign in again: the tenant cannot be read until you do.'
            )
          ) : (
            <>
              <Isolated>{account.username}</Isolated> must sign in again before its tenant can be read.
            </>
          )}{' '}
          {STAYS}
        </MessageBarBody>
        <MessageBarActions>{button(first, !isActive)}</MessageBarActions>
      </Notice>
    );
  }

  // Several: each account named with what it needs; one sign-in at a time, since each leaves the page.
  return (
    <Notice intent="warning" layout="multiline" className={styles.bar} occasion={signInsNeeded}>
      <MessageBarBody>
        <MessageBarTitle>{needed.length} accounts must sign in again</MessageBarTitle>
        Their tenants cannot be read until they do:
        <ul className={styles.list}>
          {needed.map(({ account, consent }) => (
            <li key={account.key}>
              <Isolated>{account.username}</Isolated>
              {account.key === active?.key && ' (the account in use)'}:{' '}
              {consent ? 'its read permissions must be granted again.' : 'its sign-in has expired, or a sign-in policy asks again.'}
            </li>
          ))}
        </ul>
        {STAYS} One account at a time: each sign-in comes back to this page.
      </MessageBarBody>
      <MessageBarActions>{needed.map((n) => button(n, true))}</MessageBarActions>
    </Notice>
  );
}
