// The policy list, with what changed in watched policies above it (a feature of its own, loaded
// only when something is watched).
import { lazy } from 'react';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { PoliciesPage } from '../../features/policy-list';

const WatchedChanges = lazy(() => import('../../features/watch/watched-changes').then((m) => ({ default: m.WatchedChanges })));

const watchedChanges = (policies: ConditionalAccessPolicy[]) => <WatchedChanges policies={policies} />;

export function PoliciesRoute() {
  return <PoliciesPage watchedChanges={watchedChanges} />;
}
