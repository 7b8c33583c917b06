// The tenant reads the review's impact hook makes beside the sign-in log (src/policy-ui/queries: the policies, the
// named locations, the lock-out group's members), as its tests stand them in: queries that answer at once with none,
// or with what a test gives (a promise it holds back, an error it throws). For vi.mock's factory:
//   vi.mock('../../policy-ui/queries', async () => (await import('../../testing/impact-hook-reads')).tenantReads());
import { queryOptions } from '@tanstack/react-query';

type Answer = () => unknown;

export function tenantReads({
  policies = () => [],
  locations = () => [],
  members = () => [],
}: Partial<Record<'policies' | 'locations' | 'members', Answer>> = {}) {
  const read = (key: string, answer: Answer) =>
    queryOptions({ queryKey: [key], queryFn: async () => (await answer()) as never, retry: false });
  return {
    policiesQuery: () => read('policies', policies),
    namedLocationsQuery: () => read('locations', locations),
    lockoutGroupMembersQuery: () => read('members', members),
  };
}
