// What the edit page says above its buttons: a draft restored from this device (with the way to discard it), the
// same draft changed in another tab, the policy followed to a version saved elsewhere, a failed save and the
// warning of a save whose answer was lost over a version this device could not keep.
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { use } from 'react';
import { SignInAgainContext } from '../../shared/ui/error-state';
import { formatDateTime } from '../../shared/ui/format';
import { Notice } from '../../shared/ui/notice';
import { SaveFailed, type SaveFailure } from './save-failed';
import type { DraftState } from './use-draft';

export function EditorNotices({
  draft,
  followed,
  reviewing,
  saveError,
  lostVersion,
  onDiscardDraft,
  onForgetSaveError,
}: {
  draft: DraftState;
  /** When the policy was saved elsewhere and the draft, with nothing in it yet, followed it. */
  followed: string | null;
  /** The review is open: it says the failure itself. */
  reviewing: boolean;
  saveError: SaveFailure | null;
  lostVersion: string | null;
  onDiscardDraft(): void;
  onForgetSaveError(): void;
}) {
  const signInAgain = use(SignInAgainContext);
  return (
    <>
      {draft.restoredAt && draft.dirty && (
        <MessageBar intent="info">
          <MessageBarBody>
            {draft.origin
              ? `${draft.origin}. Review and save to apply it.`
              : `Your unsaved draft from ${formatDateTime(draft.restoredAt)} was restored.`}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={onDiscardDraft}>Discard draft…</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {draft.elsewhere && draft.dirty && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>This draft is open in another tab too</MessageBarTitle>
            {draft.elsewhere.what === 'discarded'
              ? `The other tab discarded or saved it at ${formatDateTime(draft.elsewhere.at)}. Your text here is kept, on this device too; saving it is checked against the policy as the tenant holds it then.`
              : `The other tab changed it at ${formatDateTime(draft.elsewhere.at)}. Each tab keeps its own text; this device keeps the one typed last.`}
          </MessageBarBody>
        </MessageBar>
      )}
      {followed && !draft.dirty && (
        <Notice intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Changed in the tenant</MessageBarTitle>
            The policy was changed by someone else (or by you in another tab) at {formatDateTime(followed)}. Nothing was edited here yet:
            the JSON now shows the new version.
          </MessageBarBody>
        </Notice>
      )}
      {saveError && !reviewing && (
        // Signing in again starts over: the refusal it answers is no longer the page's to show.
        <SignInAgainContext
          value={
            signInAgain &&
            (() => {
              onForgetSaveError();
              signInAgain();
            })
          }
        >
          <SaveFailed error={saveError.error} versionNotKept={saveError.versionNotKept} />
        </SignInAgainContext>
      )}
      {lostVersion && !reviewing && !saveError?.versionNotKept && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{lostVersion}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
