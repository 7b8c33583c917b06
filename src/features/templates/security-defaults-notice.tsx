// Whether the tenant's security defaults are on: while they are, no Conditional Access policy can be turned on,
// so templates are written report-only. Said as read, as still being read, or as not known when the read failed
// (with Try again): never "off" for a setting nobody could read.
import { Button, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { UseQueryResult } from '@tanstack/react-query';
import { SECURITY_DEFAULTS } from '../../domain/templates/prerequisites';
import { describeError } from '../../graph/describe-error';
import { Notice } from '../../shared/ui/notice';

const REPORT_ONLY = 'New policies from templates are written report-only (Off for user actions, which cannot be report-only).';

export function SecurityDefaultsNotice({ read, tenantName }: { read: UseQueryResult<{ isEnabled: boolean }>; tenantName: string }) {
  const { data, error } = read;
  const title = data
    ? `Security defaults are ${data.isEnabled ? 'on' : 'off'} in ${tenantName}`
    : error
      ? `Whether security defaults are on in ${tenantName} is not known`
      : `Reading whether security defaults are on in ${tenantName}…`;
  const why = !data && error ? `${describeError(error, 'read the security defaults').title}. ` : '';
  return (
    // Its words change when the tenant's setting is read: said again then, not only as it stood on opening.
    <Notice intent={data?.isEnabled || (!data && error) ? 'warning' : 'info'} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {why}
        {data && !data.isEnabled ? 'Policies can be turned on. ' : `${SECURITY_DEFAULTS.text} `}
        {REPORT_ONLY}
      </MessageBarBody>
      {!data && error ? (
        <MessageBarActions>
          <Button onClick={() => void read.refetch()}>Try again</Button>
        </MessageBarActions>
      ) : null}
    </Notice>
  );
}
