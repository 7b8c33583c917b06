// A policy about to be created, in the review: what it does in words, then as JSON (a diff against nothing would say less).
import { useMemo } from 'react';
import { describePolicy } from '../../domain/describe-policy';
import type { JsonObject } from '../../domain/policy-body';
import type { ConditionalAccessPolicy } from '../../domain/types';
import type { NameDirectory } from '../../domain/references';
import { PolicySummaryView } from '../../policy-ui/policy-summary-view';
import { LazyJsonViewer, type IdDescription } from '../../shared/monaco';
import { isolatedText } from '../../shared/ui/isolated-text';
import { LazyViewer } from './lazy-viewer';
import { useReviewStyles } from './review-styles';

export function NewPolicyReview({
  policy,
  text,
  policyName,
  names,
  dark,
  describeId,
}: {
  policy: JsonObject;
  /** The draft's JSON as the admin wrote it. */
  text: string;
  policyName: string;
  names?: NameDirectory;
  dark: boolean;
  describeId(id: string): IdDescription | undefined;
}) {
  const styles = useReviewStyles();
  const summary = useMemo(() => describePolicy(policy as ConditionalAccessPolicy, names), [policy, names]);
  return (
    <>
      <section aria-labelledby="review-summary" className={styles.content}>
        <h3 id="review-summary" className={styles.heading}>
          In words
        </h3>
        <PolicySummaryView sections={summary} />
      </section>
      <section aria-labelledby="review-json" className={styles.content}>
        <h3 id="review-json" className={styles.heading}>
          As JSON
        </h3>
        <LazyViewer className={styles.json} loading="Loading the JSON">
          <LazyJsonViewer
            value={text}
            path="review/new.json"
            dark={dark}
            ariaLabel={`JSON of ${isolatedText(policyName)}`}
            describeId={describeId}
          />
        </LazyViewer>
      </section>
    </>
  );
}
