// One QueryClient for the app. The Graph client already retries what is worth retrying, and CA
// resources are rate-limited, so queries neither retry nor refetch on window focus.
import { QueryClient } from '@tanstack/react-query';

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 },
    },
  });
}
