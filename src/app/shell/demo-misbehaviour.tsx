// The demo's Graph can be made to misbehave, so that what Gatehouse does when the real one does can be
// seen without a tenant: slow answers, Conditional Access's throttling, a save applied whose answer is
// lost, a dropped connection. The emulator's own faults (those the end-to-end tests inject) do it, in
// every demo tenant, until another choice or a reload: a banner says so on every screen meanwhile.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
} from '@fluentui/react-components';
import { useState, useSyncExternalStore } from 'react';
import { Notice } from '../../shared/ui/notice';

// Each lasts until another is chosen (none is spent by a number of requests), so the banner is true while it shows.
export type DemoMisbehaviour = 'none' | 'slow' | 'throttled' | 'lostSave' | 'offline';

/** The emulator's faults a choice sets (emulator/core/model.ts FaultConfig, in part). */
export interface DemoFaults {
  latencyMs: number;
  rules: { match: string; fault: number | 'drop' | 'drop-after'; times?: number; retryAfter?: number | null }[];
}

export const MISBEHAVIOURS: readonly { kind: DemoMisbehaviour; label: string; detail: string; faults: DemoFaults }[] = [
  { kind: 'none', label: 'Graph answers as usual', detail: 'No misbehaviour.', faults: { latencyMs: 0, rules: [] } },
  {
    kind: 'slow',
    label: 'Slow answers',
    detail: 'Every answer takes two seconds more: see what shows while you wait.',
    faults: { latencyMs: 2000, rules: [] },
  },
  {
    kind: 'throttled',
    label: 'Throttled',
    detail:
      'Every Conditional Access request answers 429 with Retry-After: 5 seconds, as Graph does when a tenant asks too often: Gatehouse waits, tries again, then says so.',
    faults: { latencyMs: 0, rules: [{ match: '/identity/conditionalAccess/', fault: 429, retryAfter: 5 }] },
  },
  {
    kind: 'lostSave',
    label: 'Saves’ answers are lost',
    detail: 'Each change saved to a policy is applied, then the connection drops before its answer arrives.',
    faults: { latencyMs: 0, rules: [{ match: 'PATCH /beta/identity/conditionalAccess/policies/', fault: 'drop-after' }] },
  },
  {
    kind: 'offline',
    label: 'The connection drops',
    detail: 'Every request to Graph fails as if the network were gone, until you choose another.',
    faults: { latencyMs: 0, rules: [{ match: ' /', fault: 'drop' }] },
  },
];

// The choice in force in this page: the emulator forgets it at a reload (start-demo.ts), and so does this.
let chosen: DemoMisbehaviour = 'none';
const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export function useDemoMisbehaviour(): DemoMisbehaviour {
  return useSyncExternalStore(subscribe, () => chosen);
}

/** Sets the faults of a choice in every demo tenant. */
export function chooseMisbehaviour(
  demo: { accounts: readonly { tenantId: string }[]; setFaults(tenantId: string, faults: DemoFaults): void },
  kind: DemoMisbehaviour,
): void {
  const faults = MISBEHAVIOURS.find((m) => m.kind === kind)!.faults;
  for (const tenantId of new Set(demo.accounts.map((a) => a.tenantId))) demo.setFaults(tenantId, faults);
  chosen = kind;
  for (const listener of listeners) listener();
}

export function MisbehaviourDialog({
  open,
  onChoose,
  onClose,
}: {
  open: boolean;
  onChoose(kind: DemoMisbehaviour): void;
  onClose(): void;
}) {
  const current = useDemoMisbehaviour();
  return (
    <Dialog open={open} onOpenChange={(_, data) => !data.open && onClose()}>
      {/* Made afresh at each opening: it starts from the choice in force, whatever was picked and cancelled before. */}
      <Choices key={open ? `open ${current}` : 'closed'} current={current} onChoose={onChoose} onClose={onClose} />
    </Dialog>
  );
}

function Choices({ current, onChoose, onClose }: { current: DemoMisbehaviour; onChoose(kind: DemoMisbehaviour): void; onClose(): void }) {
  const [picked, setPicked] = useState<DemoMisbehaviour>(current);
  return (
    <DialogSurface aria-describedby="misbehaviour-said">
      <DialogBody>
        <DialogTitle>Make the demo’s Graph misbehave</DialogTitle>
        <DialogContent>
          <p id="misbehaviour-said">
            See what Gatehouse does when Microsoft Graph is slow, throttles, or drops the connection. Only the demo tenants are affected,
            until you choose again or reload the page.
          </p>
          <RadioGroup aria-label="How Graph behaves" value={picked} onChange={(_, data) => setPicked(data.value as DemoMisbehaviour)}>
            {MISBEHAVIOURS.map((m) => (
              <Radio key={m.kind} value={m.kind} label={`${m.label}: ${m.detail}`} />
            ))}
          </RadioGroup>
        </DialogContent>
        <DialogActions>
          <Button appearance="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button appearance="primary" onClick={() => onChoose(picked)}>
            Apply
          </Button>
        </DialogActions>
      </DialogBody>
    </DialogSurface>
  );
}

/** Said on every screen while the demo's Graph misbehaves, with the way back. */
export function MisbehaviourBar({ onStop }: { onStop(): void }) {
  const current = useDemoMisbehaviour();
  const chosenOne = MISBEHAVIOURS.find((m) => m.kind === current);
  if (current === 'none' || !chosenOne) return null;
  return (
    <Notice intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>The demo’s Graph misbehaves: {chosenOne.label.toLowerCase()}</MessageBarTitle>
        {chosenOne.detail}
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={onStop}>Stop it</Button>
      </MessageBarActions>
    </Notice>
  );
}
