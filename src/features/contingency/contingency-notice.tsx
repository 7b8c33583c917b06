// Above the policy list: a contingency plan that is switched on, or one that would not work if the
// disruption came today. Loaded only when the tenant has contingency policies; silent when all is well.
import { Link, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { recognisePlans } from '../../domain/contingency/contingency-plan';
import { readiness } from '../../domain/contingency/readiness';
import { policyJson } from '../../domain/json';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { useEmergencyAccess } from '../../session/emergency-access';
import { useTenantSession } from '../../session/tenant-session';
import { paths } from '../../shared/routes/paths';
import { formatDateTime } from '../../shared/ui/format';
import { useContingencyStore } from '../../session/contingency-store';

interface Notice {
  id: string;
  disruption: string;
  intent: 'warning' | 'error';
  title: string;
  text: string;
}

const useStyles = makeStyles({ root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS } });

export function ContingencyNotice({ policies }: { policies: ConditionalAccessPolicy[] }) {
  const styles = useStyles();
  const navigate = useNavigate();
  const tenantId = useTenantSession().account.tenantId;
  const [emergency] = useEmergencyAccess(tenantId);
  const [store] = useContingencyStore(tenantId);
  const notices = useMemo(() => {
    const json = policies.map(policyJson);
    return recognisePlans(json).flatMap((recognised): Notice[] => {
      const plan = { ...recognised, ...store.plans[recognised.id] };
      const switched = store.switches[plan.id];
      if (switched)
        return [
          {
            id: plan.id,
            disruption: plan.disruption,
            intent: 'warning',
            title: `${plan.disruption}: switched on ${formatDateTime(switched.at)}`,
            text: 'Switch back when the disruption is over.',
          },
        ];
      const blockers = readiness(plan, json, emergency).filter((f) => f.severity === 'blocker');
      return blockers.length === 0
        ? []
        : [
            {
              id: plan.id,
              disruption: plan.disruption,
              intent: 'error',
              title: `${plan.disruption}: the contingency plan is not ready`,
              text: blockers[0]!.text,
            },
          ];
    });
  }, [policies, emergency, store]);
  if (notices.length === 0) return null;
  return (
    <div className={styles.root}>
      {notices.map((n) => (
        <MessageBar key={n.id} intent={n.intent} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{n.title}</MessageBarTitle>
            {n.text} {/* Named for its plan (two notices had two links of one name), and the plan's card takes the focus there. */}
            <Link
              href={paths.contingency}
              aria-label={`Open the contingency plans at ${n.disruption}`}
              onClick={(event) => {
                event.preventDefault();
                navigate(paths.contingency, { state: { plan: n.id } });
              }}
            >
              Open the contingency plans
            </Link>
          </MessageBarBody>
        </MessageBar>
      ))}
    </div>
  );
}
