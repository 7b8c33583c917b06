// A policy's lint findings, as its page's Findings tab shows them: the tenant's lint (shared with
// the other screens) narrowed to this policy, with quick fixes and suppression.
import { Skeleton, SkeletonItem, Text } from '@fluentui/react-components';
import type { LintFinding } from '../../domain/lint/types';
import { describeError } from '../../graph/describe-error';
import { LintFindingsList, RouteLink } from '../../policy-ui/lint-findings';
import { paths } from '../../shared/routes/paths';
import { EmptyState } from '../../shared/ui/empty-state';
import { ErrorState } from '../../shared/ui/error-state';
import { isolatedText } from '../../shared/ui/isolated-text';

export function PolicyFindings({
  findings,
  error,
  retry,
  name,
}: {
  findings: readonly LintFinding[] | undefined;
  error: Error | null;
  retry(): void;
  name: string;
}) {
  if (error) return <ErrorState {...describeError(error, 'lint the tenant')} onRetry={retry} />;
  if (!findings)
    return (
      <Skeleton aria-label="Checking the policy">
        <SkeletonItem size={48} />
      </Skeleton>
    );
  if (findings.length === 0) return <EmptyState title="No findings">The lint found nothing to say about this policy.</EmptyState>;
  return (
    <>
      <Text>
        The lint’s findings about this policy. Those about the whole tenant are on the <RouteLink to={paths.lint}>Lint page</RouteLink>.
      </Text>
      <LintFindingsList findings={findings} label={`Findings about ${isolatedText(name)}`} showPolicy={false} />
    </>
  );
}
