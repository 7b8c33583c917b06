// The notice of a recorded switch, said as far as it got from the policies and the journal, as on the
// plan's card. Loaded only when a switch is recorded: the journal and the plan runner it reads stay out
// of the policy list's first screen.
import type { SwitchRecord } from '../../domain/contingency/switch';
import type { JsonObject } from '../../domain/json';
import type { ApplyRun } from '../../operations/apply-plan';
import { useApplyJournal } from '../../policy-ui/writes';
import { formatDateTime } from '../../shared/ui/format';
import { NoticeBar } from './notice-bar';
import { halfDoneOf, switchProgress } from './switch-progress';

/** A recorded switch, said as far as it got: "switched on" only when something was (its run keyed on the id its plan had then). */
function switchedWords(switched: SwitchRecord, policies: readonly JsonObject[], run: ApplyRun | null) {
  const when = formatDateTime(switched.at);
  const progress = switchProgress(switched, policies, halfDoneOf(run, switched.planId));
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

export function SwitchedNotice(props: { planId: string; disruption: string; switched: SwitchRecord; policies: readonly JsonObject[] }) {
  // Each render: the journal (a switch's run and how far it got) is read as it is now, not a dependency React sees.
  const run = useApplyJournal().load();
  const words = switchedWords(props.switched, props.policies, run);
  return <NoticeBar notice={{ id: props.planId, disruption: props.disruption, intent: 'warning', ...words }} />;
}
