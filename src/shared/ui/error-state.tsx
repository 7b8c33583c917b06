// A failed load: what went wrong in words, Graph's code and request-id (for support), and a retry.
import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
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
  onRetry?: () => void;
}

export function ErrorState({ title, message, code, requestId, onRetry }: ErrorStateProps) {
  const styles = useStyles();
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
        {onRetry && (
          <MessageBarActions>
            <Button icon={<ArrowClockwiseRegular />} onClick={onRetry}>
              Try again
            </Button>
          </MessageBarActions>
        )}
      </MessageBar>
    </AnnouncedElsewhere>
  );
}
