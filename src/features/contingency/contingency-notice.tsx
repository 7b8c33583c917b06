// Above the policy list: a contingency plan that is switched on, or one that would not work if the
// disruption came today. Loaded only when the tenant has contingency policies; silent when all is well.
import { makeStyles, tokens } from '@fluentui/react-components';
import { lazy, useMemo, type ReactNode } from 'react';
import { recognisePlans } from '../../domain/contingency/contingency-plan';
import { readiness } from '../../domain/contingency/readiness';
import { policyJson } from '../../domain/json';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { useEmergencyAccess } from '../../session/emergency-access';
import { useTenantSession } from '../../session/tenant-session';
import { isolatedText } from '../../shared/ui/isolated-text';
import { useContingencyStore } from '../../session/contingency-store';
import { NoticeBar } from './notice-bar';
import { OptionalPart } from '../../shared/ui/optional-part';

// A switch's words need the journal and the plan runner: fetched only when a switch is recorded.
const SwitchedNotice = lazy(() => import('./switched-notice').then((m) => ({ default: m.SwitchedNotice })));

const useStyles = makeStyles({ root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS } });

export function ContingencyNotice({ policies }: { policies: ConditionalAccessPolicy[] }) {
  const styles = useStyles();
  const tenantId = useTenantSession().account.tenantId;
  const [emergency] = useEmergencyAccess(tenantId);
  const json = useMemo(() => policies.map(policyJson), [policies]);
  const recognised = useMemo(() => recognisePlans(json), [json]);
  // Choices an earlier version kept under a plan's old id (a switch among them) are found under its id now.
  const [store] = useContingencyStore(tenantId, recognised);
  // Judged once per list, accounts and choices: the list page renders again as names arrive.
  const notices = useMemo(
    () =>
      recognised.flatMap((recognised): ReactNode[] => {
        const plan = { ...recognised, ...store.plans[recognised.id] };
        const switched = store.switches[plan.id];
        // Recorded before its first write: what is said comes from the policies and the journal, as on the plan's card.
        if (switched)
          return [
            <OptionalPart
              key={plan.id}
              what="The switch's progress"
              fallback={
                <NoticeBar
                  notice={{
                    id: plan.id,
                    disruption: plan.disruption,
                    intent: 'warning',
                    // The record is kept before the switch's first write: it may have switched all, some or nothing.
                    title: 'a switch of the contingency plan is recorded',
                    text: 'How far it got could not be loaded here (reload the page to try again).',
                  }}
                />
              }
            >
              <SwitchedNotice planId={plan.id} disruption={plan.disruption} switched={switched} policies={json} />
            </OptionalPart>,
          ];
        const blockers = readiness(plan, json, emergency, { isolate: isolatedText }).filter((f) => f.severity === 'blocker');
        return blockers.length === 0
          ? []
          : [
              <NoticeBar
                key={plan.id}
                notice={{
                  id: plan.id,
                  disruption: plan.disruption,
                  intent: 'error',
                  title: 'the contingency plan is not ready',
                  text: blockers[0]!.text,
                }}
              />,
            ];
      }),
    [recognised, store, json, emergency],
  );
  if (notices.length === 0) return null;
  return <div className={styles.root}>{notices}</div>;
}
