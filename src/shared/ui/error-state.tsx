// A failed load: what went wrong in words, Graph's code and request-id (for support), and a retry.
import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { ArrowClockwiseRegular, PersonKeyRegular } from '@fluentui/react-icons';
import { createContext, use } from 'react';
import { AnnouncedElsewhere } from './announced-elsewhere';

const useStyles = makeStyles({
  meta: {
    display: 'block',
    marginTop: tokens.spacingVerticalXS,
    color: tokens.colorNeutralForeground3,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
  },
});

export interface ErrorStateProps {
  title: string;
  message: string;
  code?: string;
  requestId?: string;
  /** Graph's HTTP status: a 401 offers signing in again. */
  status?: number;
  onRetry?: () => void;
}

/** Signs the admin in again (the app provides it): what a refused sign-in (401) offers beside Try again. */
export const SignInAgainContext = createContext<(() => void) | null>(null);

export function ErrorState({ title, message, code, requestId, status, onRetry }: ErrorStateProps) {
  const styles = useStyles();
  const signInAgain = use(SignInAgainContext);
  const offerSignIn = status === 401 && signInAgain !== null;
  return (
    <AnnouncedElsewhere>
      <MessageBar intent="error" layout="multiline" role="alert">
        <MessageBarBody>
          <MessageBarTitle>{title}</MessageBarTitle>
          {message}
          {(code || requestId) && (
            <span className={styles.meta}>
              {code && <>Code: {code}</>}
              {code && requestId && ' · '}
              {requestId && <>Request ID: {requestId}</>}
            </span>
          )}
        </MessageBarBody>
        {(onRetry || offerSignIn) && (
          <MessageBarActions>
            {offerSignIn && (
              <Button appearance="primary" icon={<PersonKeyRegular />} onClick={signInAgain}>
                Sign in again
              </Button>
            )}
            {onRetry && (
              <Button icon={<ArrowClockwiseRegular />} onClick={onRetry}>
                Try again
              </Button>
            )}
          </MessageBarActions>
        )}
      </MessageBar>
    </AnnouncedElsewhere>
  );
}
