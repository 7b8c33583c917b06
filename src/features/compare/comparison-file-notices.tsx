// What the compare views say about the file chosen: why it was refused, what a backup's reader found
// amiss in it (items missing or edited since it was taken), and when the browser could
// not keep it for a reload of the tab (a reload would otherwise drop it without a word).
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { Fragment, type RefObject } from 'react';
import { focusFully } from '../../shared/ui/focus-fully';
import { LiveStatus } from '../../shared/ui/live-status';
import { Isolated, isolatedText } from '../../shared/ui/isolated-text';
import type { useComparisonFile } from './use-comparison-file';

/** The reader's reason without the file name it starts with ("x.json is empty." → "it is empty"). */
function reasonAfterName(reason: string, fileName: string): string | null {
  const shown = isolatedText(fileName);
  const name = [`“${shown}”`, `“${fileName}”`, shown, fileName].find((form) => reason.startsWith(form));
  const rest = (name ? reason.slice(name.length) : '').replace(/\.$/, '');
  if (rest === ' could not be read') return null;
  if (rest.startsWith(': ')) return rest.slice(2);
  if (rest.startsWith(' ')) return `it${rest}`;
  return reason.replace(/\.$/, '');
}

/** The refusal of a file while the comparison still uses the one before: both said, the diff left as it was. */
const refusedBesideEarlier = (reason: string, refused: string, earlier: string) => {
  const why = reasonAfterName(reason, refused);
  return `${isolatedText(refused)} could not be read${why ? `: ${why}` : ''}. Still comparing with ${isolatedText(earlier)}.`;
};

export function ComparisonFileNotices({
  comparisonFile,
  comparingWithFile,
  chooser,
}: {
  comparisonFile: ReturnType<typeof useComparisonFile>;
  /** The comparison on screen uses the open file: a file refused after it leaves it in use, and says so. */
  comparingWithFile: boolean;
  /** The control that chooses a file: a refusal dismissed gives it the focus, so that another can be chosen. */
  chooser: RefObject<HTMLElement | null>;
}) {
  const { error, refused, file } = comparisonFile;
  const stillComparing = !!error && !!refused && !!file && comparingWithFile;
  // Keyed by the choice: a notice shown again for another file is a new one, so it is read out again.
  return (
    <>
      {/* In the page before a file is chosen, so its words are said when one is being read. */}
      <LiveStatus>{comparisonFile.reading ? `Reading ${isolatedText(comparisonFile.reading)}…` : null}</LiveStatus>
      <Fragment key={comparisonFile.choice}>
        {error &&
          (stillComparing ? (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>{refusedBesideEarlier(error, refused, file.fileName)}</MessageBarBody>
              <MessageBarActions
                containerAction={
                  <Button
                    appearance="transparent"
                    icon={<DismissRegular />}
                    aria-label="Dismiss"
                    onClick={() => {
                      // The button goes with the notice: the focus moves first, not to the page's start.
                      if (chooser.current) focusFully(chooser.current);
                      comparisonFile.dismissError();
                    }}
                  />
                }
              />
            </MessageBar>
          ) : (
            <MessageBar intent="error">
              <MessageBarBody>{error}</MessageBarBody>
            </MessageBar>
          ))}
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
