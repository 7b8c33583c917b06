// A policy's state as the admin center names it, colour-coded and readable without colour.
import { Badge } from '@fluentui/react-components';
import { stateLabels } from '../domain/labels';

const colors = { enabled: 'success', enabledForReportingButNotEnforced: 'warning', disabled: 'informative' } as const;

export function StateBadge({ state }: { state: string }) {
  const color = colors[state as keyof typeof colors] ?? 'informative';
  return (
    <Badge appearance="tint" color={color} shape="rounded">
      {stateLabels[state] ?? state}
    </Badge>
  );
}
