// A policy's state as the admin center names it, colour-coded and readable without colour.
import { Badge, makeStyles } from '@fluentui/react-components';
import { stateLabels } from '../domain/labels';

const colors = { enabled: 'success', enabledForReportingButNotEnforced: 'warning', disabled: 'informative' } as const;

// Fluent's badge has a fixed height: in a narrow table column "Report-only" would wrap and spill out of it.
const useStyles = makeStyles({ badge: { whiteSpace: 'nowrap', flexShrink: 0 } });

export function StateBadge({ state }: { state: string }) {
  const styles = useStyles();
  const color = colors[state as keyof typeof colors] ?? 'informative';
  return (
    <Badge appearance="tint" color={color} shape="rounded" className={styles.badge}>
      {stateLabels[state] ?? state}
    </Badge>
  );
}
