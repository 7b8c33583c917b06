// One policy out of the console: its JSON as Graph returned it (unknown properties included),
// downloaded as a file named after it or copied to the clipboard. New policy › From a file, and
// Compare, read it back.
import { Button, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger, Text, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular, ClipboardRegular, ShareRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { safeFileName } from '../../domain/bundle/folder';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { downloadFile } from '../../shared/download';

export function ExportPolicyMenu({ policy }: { policy: ConditionalAccessPolicy }) {
  const [said, setSaid] = useState<{ text: string; failed: boolean } | null>(null);
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
          <Button icon={<ShareRegular />}>Export</Button>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            <MenuItem
              icon={<ArrowDownloadRegular />}
              onClick={() => downloadFile(`${safeFileName(policy.displayName ?? policy.id ?? 'policy')}.json`, json(), 'application/json')}
            >
              Download JSON
            </MenuItem>
            <MenuItem icon={<ClipboardRegular />} onClick={() => void copy()}>
              Copy JSON
            </MenuItem>
          </MenuList>
        </MenuPopover>
      </Menu>
      {said && (
        <Text role="status" style={{ color: said.failed ? tokens.colorPaletteRedForeground1 : tokens.colorNeutralForeground3 }}>
          {said.text}
        </Text>
      )}
    </>
  );
}
