// Above the policy list: a contingency plan that is switched on, or one that would not work if the
// disruption came today. Loaded only when the tenant has contingency policies; silent when all is well.
import { Link, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { useNavigate } from 'react-router';
import { recognisePlans } from '../../domain/contingency/contingency-plan';
import { readiness } from '../../domain/contingency/readiness';
import { policyJson } from '../../domain/json';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { useEmergencyAccess } from '../../session/emergency-access';
import { useTenantSession } from '../../session/tenant-session';
import { paths } from '../../shared/routes/paths';
import { formatDateTime } from '../../shared/ui/format';
import { Isolated, isolatedText } from '../../shared/ui/isolated-text';
import { useContingencyStore } from '../../session/contingency-store';
import type { SwitchRecord } from '../../domain/contingency/switch';
import type { JsonObject } from '../../domain/json';
import type { ApplyRun } from '../../operations/apply-plan';
import { useApplyJournal } from '../../policy-ui/writes';
import { halfDoneOf, switchProgress } from './switch-progress';

interface Notice {
  id: string;
  disruption: string;
  intent: 'warning' | 'error';
  /** After the plan's name (isolated) in the title. */
  title: string;
  text: string;
}

/** A recorded switch, said as far as it got: "switched on" only when something was. */
function switchedWords(planId: string, switched: SwitchRecord, policies: readonly JsonObject[], run: ApplyRun | null) {
  const when = formatDateTime(switched.at);
  const progress = switchProgress(switched, policies, halfDoneOf(run, planId));
  switch (progress.kind) {
    case 'half-done':
      return progress.written === 0
        ? {
            title: `a switch was started, nothing written`,
            text: `Started ${when}; no policy was changed. Continue the switch, or switch back to close it.`,
          }
        : {
            title: `switch half done, step ${progress.written} of ${progress.total} written`,
            text: `Started ${when}. Continue the switch, or switch back: each policy changed so far is put back as it was.`,
          };
    case 'nothing-in-place':
      return {
        title: `nothing of the switch is in place`,
        text: `A switch was started ${when}, but every policy it touches is as it was before it (its first write was refused, or each was put back). Switch back to close it: nothing will be written.`,
      };
    case 'in-part':
      return {
        title: `switched on ${when}, in part`,
        text: `${progress.changed} of its ${progress.total} policies are changed. Switch back when the disruption is over.`,
      };
    case 'switched':
      return { title: `switched on ${when}`, text: 'Switch back when the disruption is over.' };
  }
}

const useStyles = makeStyles({ root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS } });

export function ContingencyNotice({ policies }: { policies: ConditionalAccessPolicy[] }) {
  const styles = useStyles();
  const navigate = useNavigate();
  const tenantId = useTenantSession().account.tenantId;
  const [emergency] = useEmergencyAccess(tenantId);
  const [store] = useContingencyStore(tenantId);
  const run = useApplyJournal().load();
  // Each render: the journal (a switch's run and how far it got) is read as it is now, not a dependency React sees.
  const notices = (() => {
    const json = policies.map(policyJson);
    return recognisePlans(json).flatMap((recognised): Notice[] => {
      const plan = { ...recognised, ...store.plans[recognised.id] };
      const switched = store.switches[plan.id];
      // Recorded before its first write: what is said comes from the policies and the journal, as on the plan's card.
      if (switched)
        return [{ id: plan.id, disruption: plan.disruption, intent: 'warning', ...switchedWords(plan.id, switched, json, run) }];
      const blockers = readiness(plan, json, emergency, { isolate: isolatedText }).filter((f) => f.severity === 'blocker');
      return blockers.length === 0
        ? []
        : [
            {
              id: plan.id,
              disruption: plan.disruption,
              intent: 'error',
              title: 'the contingency plan is not ready',
              text: blockers[0]!.text,
            },
          ];
    });
  })();
  if (notices.length === 0) return null;
  return (
    <div className={styles.root}>
      {notices.map((n) => (
        <MessageBar key={n.id} intent={n.intent} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>
              <Isolated>{n.disruption}</Isolated>: {n.title}
            </MessageBarTitle>
            {n.text} {/* Named for its plan (two notices had two links of one name), and the plan's card takes the focus there. */}
            <Link
              href={paths.contingency}
              aria-label={`Open the contingency plans at ${isolatedText(n.disruption)}`}
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
