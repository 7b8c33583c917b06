// The review when someone else changed the policy meanwhile: nothing was saved; what they changed, in
// words, and both sides' changes to the version the edit began from, side by side.
import { MessageBar, MessageBarBody, MessageBarTitle, Text } from '@fluentui/react-components';
import type { Change } from '../../domain/describe-changes';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { LazyDiffViewer, type IdDescription } from '../../shared/monaco';
import { formatDateTime } from '../../shared/ui/format';
import { LazyViewer } from './lazy-viewer';
import { useReviewStyles } from './review-styles';

export interface Conflict {
  current: ConditionalAccessPolicy;
  theirChanges: Change[];
  base: string;
  theirs: string;
  mine: string;
  /** The tenant holds what this page's own earlier save sent, whose answer was lost: it did land. */
  byLostSave?: boolean;
}

export function ConflictReview({
  conflict,
  dark,
  describeId,
}: {
  conflict: Conflict;
  dark: boolean;
  describeId(id: string): IdDescription | undefined;
}) {
  const styles = useReviewStyles();
  return (
    <>
      <MessageBar intent="warning">
        <MessageBarBody>
          <MessageBarTitle>Nothing was saved.</MessageBarTitle>
          {conflict.byLostSave
            ? `Your earlier save, whose answer was lost, did reach the tenant: it was changed on ${formatDateTime(conflict.current.modifiedDateTime)}, after the version your edit began from. Its changes are below as “theirs”:`
            : `It was changed on ${formatDateTime(conflict.current.modifiedDateTime)}, after the version your edit began from (by someone else, or by you in another tab). Their changes:`}
        </MessageBarBody>
      </MessageBar>
      <ul className={styles.changes} aria-label="Their changes">
        {conflict.theirChanges.map((c) => (
          <li key={c.path}>{c.text}</li>
        ))}
      </ul>
      <div className={styles.threeWay}>
        {[
          {
            title: 'Theirs: the version you started from, changed by them',
            text: conflict.theirs,
            label: 'Their changes to the version you started from',
          },
          {
            title: 'Yours: the version you started from, changed by you',
            text: conflict.mine,
            label: 'Your changes to the version you started from',
          },
        ].map((side) => (
          <div key={side.title}>
            <Text weight="semibold">{side.title}</Text>
            <LazyViewer className={styles.halfDiff} loading="Loading the diff">
              <LazyDiffViewer
                original={conflict.base}
                modified={side.text}
                dark={dark}
                inline
                ariaLabel={side.label}
                describeId={describeId}
              />
            </LazyViewer>
          </div>
        ))}
      </div>
    </>
  );
}
