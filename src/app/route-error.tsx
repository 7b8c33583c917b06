// What a screen shows when it throws while rendering: the error in words and a way on, inside the
// shell (navigation and account menu stay), never a blank page. A chunk that fails to load usually
// means the console was updated since the page opened: a reload fetches the new one.
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useNavigate, useRouteError } from 'react-router';
import { describeError } from '../graph/describe-error';
import { ErrorState } from '../shared/ui/error-state';
import { paths } from '../shared/routes/paths';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, alignItems: 'flex-start' },
});

const isChunkFailure = (error: unknown) =>
  error instanceof Error && /dynamically imported module|Importing a module script failed|Failed to fetch/i.test(error.message);

export function RouteError() {
  const styles = useStyles();
  const error = useRouteError();
  const navigate = useNavigate();
  const description = isChunkFailure(error)
    ? {
        title: 'This screen could not be loaded',
        message:
          'Part of the console failed to download: it may have been updated since you opened it, or the connection dropped. Reload the page to continue.',
      }
    : { ...describeError(error, 'show this screen'), title: 'This screen failed' };
  return (
    <section className={styles.page} aria-label="Error">
      <ErrorState {...description} onRetry={() => window.location.reload()} />
      <Button appearance="primary" onClick={() => navigate(paths.policies)}>
        Back to the policies
      </Button>
    </section>
  );
}
