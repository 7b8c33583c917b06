// The review when someone else changed the policy meanwhile: nothing was saved; what they changed, in words (and
// how much of this page's own lost save is in it), and both sides' changes to the version the edit began from, side by side.
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
  /** How much of this page's own earlier save, whose answer was lost, the tenant holds (none said when there was none). */
  lostSave?: LostSaveNow;
}

/**
 * What the tenant holds of a lost save: what it sent and nothing else (the conflict is that save); all its changes, with
 * others'; some (the rest written over); none (it never landed, or was written over: nothing here can tell).
 */
export type LostSaveNow = 'only' | 'there' | 'partly' | 'gone';

const OTHERS = '(by someone else, or by you in another tab)';

/** The conflict in words: when the policy was changed, and by whom as far as this page can tell. */
function conflictWords(when: string, lostSave: LostSaveNow | undefined) {
  const changed = `It was changed on ${when}, after the version your edit began from`;
  const earlier = 'your earlier save, whose answer was lost';
  switch (lostSave) {
    case 'only':
      return `Your earlier save, whose answer was lost, did reach the tenant: it was changed on ${when}, after the version your edit began from. Its changes are below as “theirs”:`;
    case 'there':
      return `${changed}. Your earlier save, whose answer was lost, did reach the tenant, and all its changes are still there; it was also changed by someone else, or by you in another tab. Both are below as “theirs”:`;
    case 'partly':
      return `${changed}. Some of the changes of ${earlier}, are in it; the others were written over ${OTHERS}. What it holds now is below as “theirs”:`;
    case 'gone':
      return `${changed} ${OTHERS}. None of the changes of ${earlier}, are in it: it never reached the tenant, or was written over. Their changes:`;
    default:
      return `${changed} ${OTHERS}. Their changes:`;
  }
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
          {conflictWords(formatDateTime(conflict.current.modifiedDateTime), conflict.lostSave)}
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
