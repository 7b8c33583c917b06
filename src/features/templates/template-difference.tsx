// How the tenant's policy differs from a template: the shared difference view, the tenant's policy on
// the left and the template on the right (its blanks as they stand, its name and state as written).
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
} from '@fluentui/react-components';
import { useMemo } from 'react';
import { asPolicies, type JsonObject } from '../../domain/json';
import { PolicyDiff, useDiffView } from '../../policy-ui/policy-diff';
import { useNames } from '../../policy-ui/queries';
import { useTenantSession } from '../../session/tenant-session';
import { Isolated, isolatedText } from '../../shared/ui/isolated-text';

const useStyles = makeStyles({ surface: { maxWidth: 'min(1200px, 95vw)', width: '95vw' } });

export interface TemplateDifferenceProps {
  templateName: string;
  template: JsonObject;
  policy: JsonObject;
  onClose(): void;
}

export function TemplateDifference({ templateName, template, policy, onClose }: TemplateDifferenceProps) {
  const styles = useStyles();
  const tenant = useTenantSession();
  const [view, setView] = useDiffView();
  const versions = useMemo(() => asPolicies([policy, template]), [policy, template]);
  const names = useNames(tenant, versions);
  const policyName = typeof policy.displayName === 'string' ? policy.displayName : 'The tenant’s policy';
  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>
            <Isolated>{policyName}</Isolated> compared with the template “<Isolated>{templateName}</Isolated>”
          </DialogTitle>
          <DialogContent>
            <PolicyDiff
              headingLevel={3}
              before={policy}
              after={template}
              beforeLabel={`${isolatedText(policyName)} in this tenant`}
              afterLabel={`The template ${isolatedText(templateName)}`}
              names={names.data}
              view={view}
              onViewChange={setView}
              height="420px"
            />
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onClose}>
              Close
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
