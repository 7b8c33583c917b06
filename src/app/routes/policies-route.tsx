// The policy list, with what changed in watched policies above it (a feature of its own, loaded
// only when something is watched) and whether a contingency plan needs attention (loaded only when
// the tenant has contingency policies).
import { lazy } from 'react';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { isContingencyPolicy } from '../../domain/contingency/contingency-plan';
import { policyJson } from '../../domain/json';
import { PoliciesPage } from '../../features/policy-list';

const WatchedChanges = lazy(() => import('../../features/watch/watched-changes').then((m) => ({ default: m.WatchedChanges })));

const ContingencyNotice = lazy(() =>
  import('../../features/contingency/contingency-notice').then((m) => ({ default: m.ContingencyNotice })),
);

const watchedChanges = (policies: ConditionalAccessPolicy[]) => <WatchedChanges policies={policies} />;
const notices = (policies: ConditionalAccessPolicy[]) =>
  policies.some((p) => isContingencyPolicy(policyJson(p))) ? <ContingencyNotice policies={policies} /> : null;

export function PoliciesRoute() {
  return <PoliciesPage watchedChanges={watchedChanges} notices={notices} />;
}
