// The rollout page with no rollout open: the rollouts kept on this device, those brought back from a
// backup, and the choice of a policy to plan a new one for.
import { Button, Field, makeStyles, Select, Text } from '@fluentui/react-components';
import { policyJson } from '../../domain/json';
import { unsuitablePolicy } from '../../domain/rollout/rings';
import type { RolloutPlan } from '../../domain/rollout/rollout-plan';
import type { ConditionalAccessPolicy } from '../../domain/types';
import type { RolloutStore } from '../../session/rollout-store';
import { EmptyState } from '../../shared/ui/empty-state';
import { RestoreRollouts } from './restore-rollouts';
import { RolloutList } from './rollout-list';
import { useRowStyles } from './styles';

const useStyles = makeStyles({
  // A select sizes itself to its longest option (a policy's full name): held to the page's width instead.
  choice: { minWidth: 0, maxWidth: '100%', '& select': { maxWidth: '100%', textOverflow: 'ellipsis' } },
});

export function RolloutHome({
  store,
  policies,
  policiesRead,
  choice,
  onChoose,
  onOpen,
  onPlan,
  onRestore,
}: {
  store: RolloutStore;
  policies: readonly ConditionalAccessPolicy[];
  /** False while the tenant's policies are being read: nothing is offered to plan or restore yet. */
  policiesRead: boolean;
  /** The policy chosen to plan (kept by the page: back from the editor, it is still chosen). */
  choice: string;
  onChoose(policyId: string): void;
  onOpen(policyId: string): void;
  onPlan(policyId: string): void;
  /** The store with the rollouts restored; whether the browser kept it. */
  onRestore(next: RolloutStore): boolean;
}) {
  const styles = useStyles();
  const rows = useRowStyles();
  const plans = Object.values(store);
  // A cancelled rollout's policy may be planned again once its copy is deleted: a second copy would take the same name.
  const over = (plan: RolloutPlan | undefined) => !plan || plan.status === 'finished' || (plan.status === 'cancelled' && !plan.copyId);
  const candidates = policies.filter((p) => p.id && !unsuitablePolicy(policyJson(p)) && over(store[p.id]));
  return (
    <>
      {plans.length > 0 ? (
        <RolloutList plans={plans} policies={policies} onOpen={onOpen} />
      ) : policiesRead ? (
        <EmptyState title="No rollout yet">
          Choose a policy below and give it rings: groups of users who get it enforced first. Rollouts are kept on this device and in its
          backups.
        </EmptyState>
      ) : null}
      {policiesRead ? <RestoreRollouts policies={policies.map(policyJson)} store={store} onChange={onRestore} /> : null}
      {policiesRead ? (
        <div className={rows.row}>
          <Field label="Policy to roll out" className={styles.choice}>
            <Select id="rollout-choice" value={choice} onChange={(_, data) => onChoose(data.value)}>
              <option value="">Choose a policy…</option>
              {candidates.map((p) => (
                <option key={p.id} value={p.id!}>
                  {p.displayName ?? p.id}
                </option>
              ))}
            </Select>
          </Field>
          <Button
            appearance="primary"
            disabledFocusable={!choice}
            aria-describedby={choice ? undefined : 'rollout-choice-why'}
            onClick={() => onPlan(choice)}
          >
            Plan its rings…
          </Button>
          {choice ? null : <Text id="rollout-choice-why">Choose a policy first.</Text>}
        </div>
      ) : null}
    </>
  );
}
