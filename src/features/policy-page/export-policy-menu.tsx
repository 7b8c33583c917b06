// One policy out of the console: its JSON as Graph returned it (unknown properties included),
// downloaded as a file named after it or copied to the clipboard (New policy › From a file, and
// Compare, read it back), or saved as a template of this device, its users, groups and locations
// made named blanks (the Templates page deploys it here or in another tenant).
import { Button, Link, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular, ClipboardRegular, SaveRegular, ShareRegular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { safeFileName } from '../../domain/bundle/folder';
import { policyJson } from '../../domain/json';
import { policyAsTemplate } from '../../domain/templates/save-as-template';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { useNames } from '../../policy-ui/queries';
import { useSavedTemplates } from '../../policy-ui/saved-templates';
import { useOrganizationName } from '../../session/organization-query';
import { useTenantSession } from '../../session/tenant-session';
import { downloadFile } from '../../shared/download';
import { paths } from '../../shared/routes/paths';
import { LiveStatus } from '../../shared/ui/live-status';
import { isolatedText } from '../../shared/ui/isolated-text';

/** lastRead: the tenant no longer has the policy (a fresh read answered 404): what is exported is the version read earlier, and the button says so. */
export function ExportPolicyMenu({ policy, lastRead = false }: { policy: ConditionalAccessPolicy; lastRead?: boolean }) {
  const [said, setSaidAs] = useState<{ text: string; failed: boolean; template?: boolean; occasion: number } | null>(null);
  // Each outcome is a new occasion: the same words (Copy JSON pressed twice) are said again.
  const setSaid = (next: { text: string; failed: boolean; template?: boolean }) =>
    setSaidAs((before) => ({ ...next, occasion: (before?.occasion ?? 0) + 1 }));
  const tenant = useTenantSession();
  const tenantName = useOrganizationName(tenant) ?? 'this tenant';
  const [saved, setSaved] = useSavedTemplates();
  const versions = useMemo(() => [policy], [policy]);
  // The names go into the template's blanks ("<GROUP: Finance>"), so the admin knows what to choose later.
  const names = useNames(tenant, versions);
  const saveAsTemplate = () => {
    const template = policyAsTemplate({
      policy: policyJson(policy),
      names: names.data,
      id: crypto.randomUUID(),
      savedAt: new Date().toISOString(),
      from: `From ${tenantName}’s policy “${policy.displayName ?? policy.id}”`,
    });
    const kept = setSaved([...saved, template]);
    setSaid(
      kept
        ? { text: `Saved “${isolatedText(template.name)}” as a template on this device.`, failed: false, template: true }
        : { text: 'Saved for this session only: the browser did not keep it.', failed: true, template: true },
    );
  };
  const json = () => `${JSON.stringify(policy, null, 2)}\n`;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(json());
      setSaid({ text: 'JSON copied.', failed: false });
    } catch {
      setSaid({ text: 'The browser did not allow copying: use Download instead.', failed: true });
    }
  };
  return (
    <>
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <Button icon={<ShareRegular />}>{lastRead ? 'Export the last version read' : 'Export'}</Button>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            <MenuItem
              icon={<ArrowDownloadRegular />}
              onClick={() =>
                downloadFile(`${safeFileName(policy.displayName ?? policy.id ?? 'policy', policy.id)}.json`, json(), 'application/json')
              }
            >
              Download JSON
            </MenuItem>
            <MenuItem icon={<ClipboardRegular />} onClick={() => void copy()}>
              Copy JSON
            </MenuItem>
            <MenuItem icon={<SaveRegular />} disabled={names.isPending} onClick={saveAsTemplate}>
              Save as template
            </MenuItem>
          </MenuList>
        </MenuPopover>
      </Menu>
      <LiveStatus
        occasion={said?.occasion}
        style={{ color: said?.failed ? tokens.colorPaletteRedForeground1 : tokens.colorNeutralForeground3 }}
      >
        {said && (
          <>
            {said.text}{' '}
            {said.template ? (
              <Link as="span" inline>
                <RouterLink to={paths.templates}>Open Templates</RouterLink>
              </Link>
            ) : null}
          </>
        )}
      </LiveStatus>
    </>
  );
}
