// The lock-out guard in the review: who this save could lock out (an alert asking for an
// acknowledgement, with the one-click exclusion when it names an emergency account), and who the
// policy as it is could already lock out (said, not asked about).
import { Button, Checkbox, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { RefObject } from 'react';
import type { LockoutRisk } from '../../domain/lockout';
import { AnnouncedElsewhere } from '../../shared/ui/announced-elsewhere';
import { useReviewStyles } from './review-styles';

function RiskList({ risks, label }: { risks: LockoutRisk[]; label: string }) {
  const styles = useReviewStyles();
  return (
    <ul className={styles.changes} aria-label={label}>
      {risks.map((r) => (
        <li key={r.who}>
          <strong>{r.who}</strong>: {r.why}
        </li>
      ))}
    </ul>
  );
}

export function NewRisks({
  risks,
  acknowledged,
  onAcknowledge,
  understood,
  onExcludeEmergency,
}: {
  risks: LockoutRisk[];
  acknowledged: boolean;
  onAcknowledge(acknowledged: boolean): void;
  understood: RefObject<HTMLInputElement | null>;
  /** Offered here when these risks name an emergency account. */
  onExcludeEmergency?: () => void;
}) {
  const styles = useReviewStyles();
  return (
    <AnnouncedElsewhere>
      <MessageBar intent="error" layout="multiline" role="alert">
        <MessageBarBody>
          <MessageBarTitle>This could lock people out</MessageBarTitle>
          <RiskList risks={risks} label="Who could be locked out" />
          <div className={styles.guardActions}>
            {onExcludeEmergency && <Button onClick={onExcludeEmergency}>Exclude emergency accounts</Button>}
            <Checkbox
              ref={understood}
              checked={acknowledged}
              onChange={(_, data) => onAcknowledge(data.checked === true)}
              label="I understand, and I have another way in if this goes wrong"
            />
          </div>
        </MessageBarBody>
      </MessageBar>
    </AnnouncedElsewhere>
  );
}

export function AlreadyRisks({ risks, onExcludeEmergency }: { risks: LockoutRisk[]; onExcludeEmergency?: () => void }) {
  const styles = useReviewStyles();
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Already so before this change</MessageBarTitle>
        The policy as the tenant holds it could already lock out these people; this change does not add to it.
        <RiskList risks={risks} label="Who could already be locked out" />
        {onExcludeEmergency && (
          <div className={styles.guardActions}>
            <Button onClick={onExcludeEmergency}>Exclude emergency accounts</Button>
          </div>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
