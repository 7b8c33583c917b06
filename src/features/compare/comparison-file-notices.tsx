// What the compare views say about the file chosen: why it was refused, and when the browser could
// not keep it for a reload of the tab (a reload would otherwise drop it without a word).
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { useComparisonFile } from './use-comparison-file';

export function ComparisonFileNotices({ comparisonFile }: { comparisonFile: ReturnType<typeof useComparisonFile> }) {
  return (
    <>
      {comparisonFile.error && (
        <MessageBar intent="error">
          <MessageBarBody>{comparisonFile.error}</MessageBarBody>
        </MessageBar>
      )}
      {comparisonFile.notKept && comparisonFile.file && (
        <MessageBar intent="info">
          <MessageBarBody>
            {comparisonFile.file.fileName} is too large for this browser to keep for a reload of the tab: it is compared here, and after a
            reload it must be chosen again.
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
