// Sign-in: with a tenant, "Sign in with Microsoft" (read-only permissions first); in the demo,
// a labelled demo account per tenant and role, no password.
import {
  Button,
  Card,
  CardHeader,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  tokens,
} from '@fluentui/react-components';
import { PersonRegular, ShieldKeyholeRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { signInProblemOf, useAuth, type DemoDirectory, type SignInProblem } from '../auth';
import { DOCUMENTATION_PATH } from '../features/backup/documentation-path';
import { TENANTS_REPORT_PATH } from '../features/tenants-report/report-path';

const useStyles = makeStyles({
  root: {
    maxWidth: '640px',
    margin: '8vh auto',
    padding: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
  },
  title: { margin: 0, fontSize: tokens.fontSizeHero800, lineHeight: tokens.lineHeightHero800 },
  accounts: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export function SignInPage({ demo }: { demo?: DemoDirectory }) {
  const styles = useStyles();
  const { session, problem } = useAuth();
  const [busy, setBusy] = useState(false);
  // Sign-in that could not start here (MSAL refused to leave), or that came back refused from the
  // identity provider's pages (the session keeps that one).
  const [failed, setFailed] = useState<SignInProblem | null>(null);
  const shown = failed ?? problem ?? null;
  const signIn = async (hint?: string) => {
    setBusy(true);
    setFailed(null);
    session.dismissProblem?.();
    try {
      await session.signIn(hint);
    } catch (error) {
      setFailed(signInProblemOf(error, null));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main className={styles.root}>
      <h1 className={styles.title}>Gatehouse</h1>
      <Text size={400}>A console for Microsoft Entra Conditional Access: every policy in plain language, with names instead of ids.</Text>
      {shown && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{shown.title}</MessageBarTitle>
            {shown.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {demo ? (
        <Card>
          <CardHeader
            header={<Text weight="semibold">Try the demo tenant</Text>}
            description="No tenant is configured, so Gatehouse runs on an emulated Microsoft Graph in your browser. Nothing leaves this page."
          />
          <div className={styles.accounts}>
            {demo.accounts.map((account) => (
              <Button
                key={account.id}
                icon={<PersonRegular />}
                disabled={busy}
                onClick={() => void signIn(account.id)}
                style={{ justifyContent: 'flex-start' }}
              >
                Sign in as {account.displayName} ({account.role === 'admin' ? 'administrator' : 'read-only'}) · {account.tenantName}
              </Button>
            ))}
          </div>
        </Card>
      ) : (
        <Card>
          <CardHeader
            header={<Text weight="semibold">Sign in with your work account</Text>}
            description="Gatehouse asks for read permissions only. It asks for permission to change policies the first time you save one."
          />
          <Button appearance="primary" icon={<ShieldKeyholeRegular />} disabled={busy} onClick={() => void signIn()}>
            Sign in with Microsoft
          </Button>
        </Card>
      )}
      <Link href={DOCUMENTATION_PATH}>Make documentation from a backup file</Link>
      <Link href={TENANTS_REPORT_PATH}>Open an all-tenant report of the command line</Link>
    </main>
  );
}
