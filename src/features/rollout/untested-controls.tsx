// A finish held back: the policy's grant or session controls were changed after the rollout began, so
// turning it on would enforce for everyone controls no ring tested. What changed is named; nothing is
// written unless the admin, having read it, chooses to finish with those controls anyway.
import { Button, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { Notice } from '../../shared/ui/notice';

export function UntestedControls({
  changes,
  occasion,
  onFinishAnyway,
}: {
  changes: readonly string[];
  /** Each refusal, said again even with the same words. */
  occasion: number;
  onFinishAnyway(): void;
}) {
  return (
    <Notice intent="warning" layout="multiline" occasion={occasion} aria-labelledby="untested-controls-title">
      <MessageBarBody>
        <MessageBarTitle id="untested-controls-title">The policy’s controls changed since the rollout began</MessageBarTitle>
        Nothing was written. The finish would turn on for everyone controls the rings never tested:
        <ul>
          {changes.map((change) => (
            // A sentence whose names describeChanges already set apart.
            <li key={change}>{change}</li>
          ))}
        </ul>
        Put the tested controls back in Microsoft Entra and read the gate again, or finish with the controls as they are now.
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={onFinishAnyway}>Finish with the untested controls…</Button>
      </MessageBarActions>
    </Notice>
  );
}
