// A Monaco viewer loaded on demand, in a box of the height it will take, with a skeleton saying what is
// loading until it arrives: the review's diffs and JSON share this shape.
import { Skeleton, SkeletonItem } from '@fluentui/react-components';
import { Suspense, type ReactNode } from 'react';

export function LazyViewer({ className, loading, children }: { className: string; loading: string; children: ReactNode }) {
  return (
    <div className={className}>
      <Suspense
        fallback={
          <Skeleton aria-label={loading}>
            <SkeletonItem size={128} />
          </Skeleton>
        }
      >
        {children}
      </Suspense>
    </div>
  );
}
