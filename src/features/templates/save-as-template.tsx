// Save one of the tenant's policies as a template of this device: its users, groups and locations
// become named blanks, so it can be written again here or in another tenant with them chosen there.
import { Button, Dropdown, Field, makeStyles, Option, tokens } from '@fluentui/react-components';
import { SaveRegular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import { policyJson } from '../../domain/json';
import type { GalleryTemplate } from '../../domain/templates/gallery-template';
import { policyAsTemplate } from '../../domain/templates/save-as-template';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { useNames } from '../../policy-ui/queries';
import { useOrganizationName } from '../../session/organization-query';
import { useTenantSession } from '../../session/tenant-session';
import { isolatedText } from '../../shared/ui/isolated-text';
import { LiveStatus } from '../../shared/ui/live-status';

const useStyles = makeStyles({ row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'end', flexWrap: 'wrap' } });

export interface SaveAsTemplateProps {
  policies: readonly ConditionalAccessPolicy[];
  onSave(template: GalleryTemplate): boolean;
}

export function SaveAsTemplate({ policies, onSave }: SaveAsTemplateProps) {
  const styles = useStyles();
  const tenant = useTenantSession();
  const tenantName = useOrganizationName(tenant) ?? 'this tenant';
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  const chosen = policies.find((p) => p.id === chosenId);
  const versions = useMemo(() => (chosen ? [chosen] : undefined), [chosen]);
  const names = useNames(tenant, versions);
  return (
    <div className={styles.row}>
      <Field label="Policy to save as a template">
        <Dropdown
          placeholder="Choose a policy"
          selectedOptions={chosenId ? [chosenId] : []}
          value={chosen?.displayName ?? ''}
          onOptionSelect={(_, data) => {
            setChosenId(data.optionValue ?? null);
            setSaid(null);
          }}
        >
          {policies.map((p) => (
            <Option key={p.id} value={p.id!}>
              {p.displayName ?? p.id!}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Button
        icon={<SaveRegular />}
        disabled={!chosen || names.isPending}
        onClick={() => {
          if (!chosen) return;
          const template = policyAsTemplate({
            policy: policyJson(chosen),
            names: names.data,
            id: crypto.randomUUID(),
            savedAt: new Date().toISOString(),
            from: `From ${isolatedText(tenantName)}’s policy “${isolatedText(chosen.displayName ?? chosen.id ?? '')}”`,
          });
          const kept = onSave(template);
          setSaid(
            kept
              ? `Saved “${isolatedText(template.name)}” as a template on this device.`
              : 'Saved for this session only: the browser did not keep it.',
          );
        }}
      >
        Save as template
      </Button>
      <LiveStatus>{said}</LiveStatus>
    </div>
  );
}
