// The deleted policies page's warning when the audit log, which says who deleted each policy, could not be read.
import { Button, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { useLayoutEffect, useRef, type RefObject } from 'react';
import { Notice } from '../../shared/ui/notice';

/**
 * The audit log could not be read: who deleted each policy is not known. Try again reads it again; a new
 * failure is said again (its occasion), and when it is read the bar goes, the focus to the page's heading
 * if it was in the bar rather than to the page's start.
 */
export function AuditUnread({
  reason,
  occasion,
  retrying,
  onRetry,
  heading,
}: {
  reason: string;
  occasion: number;
  retrying: boolean;
  onRetry(): void;
  heading: RefObject<HTMLHeadingElement | null>;
}) {
  const bar = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const element = bar.current;
    // The page's heading is drawn all the while the bar is.
    const target = heading.current;
    return () => {
      if (element?.contains(document.activeElement)) target?.focus();
    };
  }, [heading]);
  return (
    <Notice ref={bar} intent="warning" occasion={occasion}>
      <MessageBarBody>Who deleted each policy comes from the audit log, which could not be read: {reason}.</MessageBarBody>
      <MessageBarActions>
        <Button disabledFocusable={retrying} onClick={onRetry}>
          Try again
        </Button>
      </MessageBarActions>
    </Notice>
  );
}
