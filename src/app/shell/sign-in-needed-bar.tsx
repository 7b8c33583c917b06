// A read that needed the admin to sign in again (the session expired, a sign-in policy asks again):
// said once here, on whichever screen, however many reads failed for it, with the way to sign in again.
// Nothing leaves the page until the admin chooses to: what they were typing stays.
import { Button, makeStyles, MessageBarActions, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { PersonKeyRegular } from '@fluentui/react-icons';
import { useAuth } from '../../auth';
import { Isolated } from '../../shared/ui/isolated-text';
import { Notice } from '../../shared/ui/notice';

const useStyles = makeStyles({
  bar: { marginBottom: tokens.spacingVerticalL },
});

export function SignInNeededBar() {
  const styles = useStyles();
  const { signInNeeded, accounts, active, session } = useAuth();
  const account = signInNeeded ? accounts.find((a) => a.key === signInNeeded.accountKey) : undefined;
  if (!signInNeeded || !account) return null;
  const consent = signInNeeded.reason === 'consent_required';
  const signInAgain = () => void (session.renewSignIn ? session.renewSignIn(account.key) : session.signIn(account.username));
  return (
    <Notice intent="warning" layout="multiline" className={styles.bar} occasion={signInNeeded}>
      <MessageBarBody>
        <MessageBarTitle>{consent ? 'Permission needed again' : 'Your sign-in has expired'}</MessageBarTitle>
        {account.key === active?.key ? (
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
        This page stays until you choose to sign in again, which leaves it: the editor&apos;s drafts are kept on this device, while other
        choices not yet saved must be made again.
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" icon={<PersonKeyRegular />} onClick={signInAgain}>
          {account.key === active?.key ? (
            'Sign in again'
          ) : (
            <>
              Sign in again as <Isolated>{account.username}</Isolated>
            </>
          )}
        </Button>
      </MessageBarActions>
    </Notice>
  );
}
