// The policy page still shows a policy it read earlier while a fresh read has failed: a colleague
// deleted it (404) or the network dropped. It says so above the policy, with Try again, rather than
// show the old version with Edit and Delete as if it were current.
import { Button, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
import { Link as RouterLink } from 'react-router';
import { describeError } from '../../graph/describe-error';
import { GraphRequestError } from '../../graph/errors';
import { paths } from '../../shared/routes/paths';
import { Notice } from '../../shared/ui/notice';

export function RefreshFailed({ error, fetching, onRetry }: { error: unknown; fetching: boolean; onRetry: () => void }) {
  const gone = error instanceof GraphRequestError && error.status === 404;
  const described = describeError(error, 'read this policy again');
  return (
    <Notice intent="warning" occasion={error}>
      <MessageBarBody>
        <MessageBarTitle>{gone ? 'This policy no longer exists' : described.title}</MessageBarTitle>
        {gone ? (
          <>
            The tenant no longer has it: someone may have deleted it since this page read it. What is shown is the version read earlier. A
            deleted policy can be restored for 30 days from <RouterLink to={paths.deleted}>Deleted policies</RouterLink>.
          </>
        ) : (
          <>
            {described.message} What is shown is the version read earlier and may be out of date.
            {described.requestId && ` (request ID ${described.requestId})`}
          </>
        )}
      </MessageBarBody>
      <MessageBarActions>
        <Button icon={<ArrowClockwiseRegular />} disabledFocusable={fetching} onClick={onRetry}>
          {fetching ? 'Trying again…' : 'Try again'}
        </Button>
      </MessageBarActions>
    </Notice>
  );
}
