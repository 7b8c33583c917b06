// What the compare views say about the file chosen: why it was refused, what a backup's reader found
// amiss in it (items missing or edited since it was taken), and when the browser could
// not keep it for a reload of the tab (a reload would otherwise drop it without a word).
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { Fragment } from 'react';
import { LiveStatus } from '../../shared/ui/live-status';
import { Isolated, isolatedText } from '../../shared/ui/isolated-text';
import type { useComparisonFile } from './use-comparison-file';

export function ComparisonFileNotices({ comparisonFile }: { comparisonFile: ReturnType<typeof useComparisonFile> }) {
  // Keyed by the choice: a notice shown again for another file is a new one, so it is read out again.
  return (
    <>
      {/* In the page before a file is chosen, so its words are said when one is being read. */}
      <LiveStatus>{comparisonFile.reading ? `Reading ${isolatedText(comparisonFile.reading)}…` : null}</LiveStatus>
      <Fragment key={comparisonFile.choice}>
        {comparisonFile.error && (
          <MessageBar intent="error">
            <MessageBarBody>{comparisonFile.error}</MessageBarBody>
          </MessageBar>
        )}
        {comparisonFile.file?.problems?.length ? (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>
                <Isolated>{comparisonFile.file.fileName}</Isolated> was changed after it was taken
              </MessageBarTitle>
              {comparisonFile.file.problems.slice(0, 5).join(' ')}
              {comparisonFile.file.problems.length > 5 ? ` And ${comparisonFile.file.problems.length - 5} more.` : ''} A policy missing from
              the file shows as only in this tenant, though the backup had it.
            </MessageBarBody>
          </MessageBar>
        ) : null}
        {comparisonFile.notKept && comparisonFile.file && (
          <MessageBar intent="info">
            <MessageBarBody>
              <Isolated>{comparisonFile.file.fileName}</Isolated> is too large for this browser to keep for a reload of the tab: it is
              compared here, and after a reload it must be chosen again.
            </MessageBarBody>
          </MessageBar>
        )}
      </Fragment>
    </>
  );
}
