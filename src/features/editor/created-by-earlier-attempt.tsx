// A create whose answer was lost, found in the tenant by the next attempt: said in place of the editor, with the
// policy (or the draft's later changes, kept as its draft) one click away.
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { paths } from '../../shared/routes/paths';
import { formatDateTime } from '../../shared/ui/format';
import { Isolated, isolatedText } from '../../shared/ui/isolated-text';

/** The create's answer was lost earlier, and the policy was found in the tenant: it was not created again. */
export function CreatedByEarlierAttempt({ policy, withChanges }: { policy: ConditionalAccessPolicy; withChanges: boolean }) {
  const navigate = useNavigate();
  const open = useRef<HTMLButtonElement>(null);
  // The review that was open is gone: the focus goes to what comes next.
  useEffect(() => open.current?.focus(), []);
  const name = policy.displayName ?? 'The policy';
  return (
    <MessageBar intent="success" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>
          “<Isolated>{name}</Isolated>” was created by your earlier attempt
        </MessageBarTitle>
        Microsoft Graph's answer to that attempt was lost, but the policy is in the tenant (created {formatDateTime(policy.createdDateTime)}
        ). It was not created again.
        {withChanges &&
          ' It holds the draft as that attempt sent it: your changes since are kept as its draft, to review and save in its editor.'}
      </MessageBarBody>
      <MessageBarActions>
        {withChanges ? (
          <Button ref={open} appearance="primary" onClick={() => navigate(paths.editPolicy(policy.id!))}>
            Review your changes to “{isolatedText(name)}”
          </Button>
        ) : (
          <Button ref={open} appearance="primary" onClick={() => navigate(paths.policy(policy.id!), { state: { created: true } })}>
            Open “{isolatedText(name)}”
          </Button>
        )}
      </MessageBarActions>
    </MessageBar>
  );
}
