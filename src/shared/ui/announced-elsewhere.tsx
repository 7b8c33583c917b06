// For message bars that sit in a live region of their own (role="alert", role="status", aria-live):
// the region already says them, and the app's announcer would say them a second time.
import { AnnounceProvider } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const silent = { announce: () => {} };

export function AnnouncedElsewhere({ children }: { children: ReactNode }) {
  return <AnnounceProvider value={silent}>{children}</AnnounceProvider>;
}
