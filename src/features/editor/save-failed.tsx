// A failed save as the review and the edit page show it: the error, and, when the save may be in the
// tenant (its answer lost, no look answering), the warning that the version it would replace was not
// kept on this device. It is shown as the policy's page shows that warning after a save.
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { ErrorDescription } from '../../graph/describe-error';
import { ErrorState } from '../../shared/ui/error-state';

export interface SaveFailure {
  error: ErrorDescription;
  /** The version the save would replace could not be kept on this device: in words, true if it was written. */
  versionNotKept?: string;
}

export function SaveFailed({ error, versionNotKept }: SaveFailure) {
  return (
    <>
      <ErrorState {...error} />
      {versionNotKept && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{versionNotKept}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
