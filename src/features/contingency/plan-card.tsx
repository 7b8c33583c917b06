// One contingency plan: whether it would work today, its steps in order, what it turns off and
// which exclusions it adds first (both chosen here), a drill of the switch and of the way back in
// words, and the switch itself. A switch not yet reverted is said, with its way back.
import { Badge, Card, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Text, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import { isContingencyPolicy, type ContingencyPlan } from '../../domain/contingency/contingency-plan';
import { blocks, emergencyLockout, readiness } from '../../domain/contingency/readiness';
import { changedNow, drill, type SwitchRecord, type SwitchStep } from '../../domain/contingency/switch';
import { describeChanges } from '../../domain/describe-changes';
import type { JsonObject } from '../../domain/json';
import type { EmergencyAccess } from '../../domain/lockout';
import { REPORT_ONLY } from '../../domain/types';
import { PolicySelection } from '../../policy-ui/policy-selection';
import { StateBadge } from '../../policy-ui/state-badge';
import { formatDateTime } from '../../shared/ui/format';
import { Isolated, isolatedText } from '../../shared/ui/isolated-text';
import { ReachableCheckbox } from '../../shared/ui/reachable-checkbox';
import { PlanCardActions, type Refusal } from './plan-card-actions';
import type { NameOf } from './use-candidate-names';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingVerticalL },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  columns: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 360px), 1fr))', gap: tokens.spacingHorizontalL },
});

const STEP_WORDS: Record<SwitchStep['kind'], string> = {
  exclude: 'Add exclusions to',
  enable: 'Turn on',
  suspend: 'Turn off',
  restore: 'Put back',
};

function Steps({ title, steps }: { title: string; steps: SwitchStep[] }) {
  const styles = useStyles();
  return (
    <div>
      <Text weight="semibold">{title}</Text>
      {steps.length === 0 ? (
        <Text block>Nothing to change.</Text>
      ) : (
        <ol className={styles.list} aria-label={title}>
          {steps.map((step, i) => (
            <li key={`${step.policyId}:${i}`}>
              {STEP_WORDS[step.kind]} ‘<Isolated>{step.name}</Isolated>’:{' '}
              {describeChanges(step.before, step.after)
                .map((c) => c.text)
                .join('; ') || 'no change'}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

/** How much of the switch is in place, read from the policies now: all of it, part (put aside half way, undone by hand), or none. */
function SwitchedWords({ switched, policies }: { switched: SwitchRecord; policies: readonly JsonObject[] }) {
  const total = switched.touched.length;
  const changed = useMemo(() => changedNow(switched, policies), [switched, policies]);
  if (changed === 0)
    return <>Every policy it changed is back as it was before it. Switch back to close the switch: nothing will be written.</>;
  if (changed !== null && changed < total)
    return (
      <>
        {changed} of its {total} policies are changed; the others were not written (the run was put aside) or were put back since. Switch
        back when the disruption is over: each changed policy is put back as it was.
      </>
    );
  return (
    <>
      {total === 1 ? 'One policy was' : `${total} policies were`} changed. Switch back when the disruption is over: each is put back as it
      was.
    </>
  );
}

/** "Dec 3, 2026, 03:40 PM by Ada Lindqvist" (who, when this device knows it) */
const whenAndWho = (switched: SwitchRecord) => `${formatDateTime(switched.at)}${switched.by ? ` by ${isolatedText(switched.by)}` : ''}`;

export interface PlanCardProps {
  plan: ContingencyPlan;
  policies: JsonObject[];
  emergency: EmergencyAccess;
  switched: SwitchRecord | null;
  /** The switch's run left between its steps (or stopped), as the journal holds it: how far it got. */
  halfDone?: { written: number; total: number } | null;
  onContinue?(): void;
  /** Just back from this plan's run: the card's word on the plan takes the keyboard's focus. */
  takeFocus?: boolean;
  onEdit(edit: Partial<Pick<ContingencyPlan, 'suspend' | 'exclusions'>>): void;
  onActivate(): void;
  onRevert(): void;
  /**
   * A switch (or switch back) of this plan refused before anything was written: nothing to change (`text`), or
   * the policies could not be read again (`error`, with its way on: Sign in again for an expired sign-in).
   * `occasion` counts each refusal.
   */
  refusal?: Refusal | null;
  /**
   * The policies are being read again before a switch: of this plan's ('activate' or 'revert'), said here; or of
   * another plan's ('elsewhere'). Either way its switch waits (one switch at a time).
   */
  busy?: 'activate' | 'revert' | 'elsewhere' | null;
  /** The name of a group or account most policies for all users exclude, for the readiness notes (else its id). */
  nameOf?: NameOf;
}

export function PlanCard({
  plan,
  policies,
  emergency,
  switched,
  halfDone = null,
  onContinue,
  takeFocus = false,
  onEdit,
  onActivate,
  onRevert,
  refusal = null,
  busy = null,
  nameOf,
}: PlanCardProps) {
  const styles = useStyles();
  const [drilled, setDrilled] = useState<ReturnType<typeof drill> | null>(null);
  const byId = useMemo(() => new Map(policies.map((p) => [String(p.id), p])), [policies]);
  const findings = useMemo(() => {
    // This device recorded the switch: a policy it turned on is on for that reason, not by a guess.
    const recorded = switched && {
      turnedOn: new Set(switched.touched.filter((t) => t.stateBefore !== 'enabled').map((t) => t.policyId)),
      whenAndWho: whenAndWho(switched),
    };
    return readiness(plan, policies, emergency, { switched: recorded || undefined, isolate: isolatedText, nameOf });
  }, [plan, policies, emergency, switched, nameOf]);
  const status = useRef<HTMLDivElement>(null);
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (takeFocus) (status.current ?? title.current)?.focus();
    // Once, when the card is shown again after the run.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const card = useRef<HTMLDivElement>(null);
  const normal = useMemo(
    () => policies.filter((p) => !isContingencyPolicy(p)).map((p) => ({ rowKey: String(p.id), name: String(p.displayName ?? p.id) })),
    [policies],
  );
  const noAccounts = emergency.users.length + emergency.groups.length === 0;
  // Those of its policies that, switched on as they are, could lock out the emergency accounts (a block, or a control
  // they may not meet): the ones the switch's lock-out guard would ask about; and those its exclusions already name
  // (switched on, they exclude the accounts now, and the box still says so). With none named, those that block (the
  // offer is shown, unusable, saying why).
  const lockingOut = plan.enable.filter((step) => {
    const policy = byId.get(step.policyId);
    if (plan.exclusions.some((e) => e.policyId === step.policyId)) return true;
    return noAccounts ? blocks(policy) : !!policy && emergencyLockout(policy, emergency).length > 0;
  });
  // Ticked when each of those excludes every account of Settings first; part of them (a plan chosen before an account
  // was named, or before the offer covered more than blocks): mixed, and a tick then excludes them all.
  const covered = lockingOut.filter((step) =>
    plan.exclusions.some(
      (e) =>
        e.policyId === step.policyId &&
        emergency.users.every((u) => e.users.includes(u.id)) &&
        emergency.groups.every((g) => e.groups.includes(g.id)),
    ),
  );
  const excluding = plan.exclusions.length === 0 ? false : covered.length === lockingOut.length ? true : ('mixed' as const);
  const blockers = findings.filter((f) => f.severity === 'blocker');
  const titleId = `plan-${plan.id}`;
  const noAccountsId = `plan-${plan.id}-no-accounts`;
  // The plan's words come from the tenant: isolated in the names built of them, a direction control in them
  // cannot reorder the console's words.
  const of = isolatedText(plan.disruption);

  return (
    <Card ref={card} className={styles.card} aria-labelledby={titleId}>
      <h2 id={titleId} className={styles.heading} ref={title} tabIndex={-1}>
        <Isolated>{plan.disruption}</Isolated>
      </h2>
      {switched ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody ref={status} tabIndex={-1}>
            {halfDone ? (
              <>
                <MessageBarTitle>
                  Switch half done: step {halfDone.written} of {halfDone.total} written
                </MessageBarTitle>
                Started {whenAndWho(switched)}; the rest waits in this device’s journal. Continue the switch, or switch back: each policy
                changed so far is put back as it was.
              </>
            ) : (
              <>
                <MessageBarTitle>Switched on {whenAndWho(switched)}</MessageBarTitle>
                <SwitchedWords switched={switched} policies={policies} />
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {findings.length === 0 ? (
        <Badge appearance="tint" color="success">
          Ready
        </Badge>
      ) : (
        <ul className={styles.list} aria-label={`Readiness of ${of}`}>
          {findings.map((f) => (
            <li key={f.text}>
              <Badge appearance="tint" color={f.severity === 'blocker' ? 'danger' : 'warning'}>
                {f.severity === 'blocker' ? 'Not ready' : 'Note'}
              </Badge>{' '}
              {f.text}
            </li>
          ))}
        </ul>
      )}

      <div>
        <Text weight="semibold">Turned on, in order</Text>
        <ol className={styles.list} aria-label={`Contingency policies of ${of}`}>
          {plan.enable.map((step) => (
            <li key={step.policyId}>
              {/* The name holds its place in the order ([1/3]); the list numbers it too. */}
              <Isolated>{step.name}</Isolated> <StateBadge state={(byId.get(step.policyId)?.state as string | undefined) ?? REPORT_ONLY} />
            </li>
          ))}
        </ol>
      </div>

      <div>
        <Text weight="semibold">Turned off while it is on</Text>
        <PolicySelection
          policies={normal}
          selection={plan.suspend.map((s) => s.policyId)}
          onChange={(selection) =>
            onEdit({
              suspend: normal
                .filter((p) => !selection || selection.includes(p.rowKey))
                .map((p) => ({ policyId: p.rowKey, name: p.name, to: 'disabled' as const })),
            })
          }
          verb="turned off"
          label={`Normal policies ${of} turns off`}
          of={of}
        />
      </div>

      {lockingOut.length > 0 ? (
        <div>
          {/* Reachable by Tab while it cannot be used (aria-disabled): a disabled checkbox was skipped, and never said why. */}
          <ReachableCheckbox
            checked={excluding}
            unusable={noAccounts}
            aria-describedby={noAccounts ? noAccountsId : undefined}
            onChange={(_, data) =>
              onEdit({
                exclusions: data.checked
                  ? lockingOut.map((step) => ({
                      policyId: step.policyId,
                      name: step.name,
                      users: emergency.users.map((u) => u.id),
                      groups: emergency.groups.map((g) => g.id),
                    }))
                  : [],
              })
            }
            label={`First, exclude the emergency accounts of Settings from the ${lockingOut.length === 1 ? 'policy' : `${lockingOut.length} policies`} of this plan that could lock them out`}
          />
          {noAccounts ? (
            <Text block id={noAccountsId}>
              No emergency accounts are named in Settings: there is nothing to exclude until they are.
            </Text>
          ) : null}
        </div>
      ) : null}

      <PlanCardActions
        planId={plan.id}
        disruption={plan.disruption}
        card={card}
        switched={!!switched}
        halfDone={!!halfDone}
        onContinue={onContinue}
        notReady={blockers.length > 0 ? `Not ready: ${blockers.map((b) => b.text).join(' ')}` : null}
        drilled={!!drilled}
        onDrill={() => setDrilled(drilled ? null : drill(plan, policies, new Date()))}
        onActivate={onActivate}
        onRevert={onRevert}
        refusal={refusal}
        busy={busy}
      />
      {drilled ? (
        <div className={styles.columns}>
          <Steps title="Switching on" steps={drilled.activate} />
          <Steps title="Switching back" steps={drilled.revert} />
        </div>
      ) : null}
    </Card>
  );
}
