// fetchNow: a read the admin waits on does not join a screen's read queued in the background (it would wait that
// read's turn), and does not stop another read the admin waits on (that action would go on with the old copy).
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { fetchNow } from './user-started-session';

/** A read whose answers the test gives, one per call of its query function. */
function reads() {
  const answers: ((value: string) => void)[] = [];
  const options = (queue: string) => ({
    queryKey: ['policy', 'p1'],
    queryFn: () => new Promise<string>((resolve) => answers.push((value) => resolve(`${value} (${queue})`))),
  });
  return { answers, options };
}

describe('fetchNow', () => {
  it('stops a screen’s read of the same policy still under way and reads again, ahead of it', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    client.setQueryData(['policy', 'p1'], 'as read earlier');
    const { answers, options } = reads();
    const screen = client.fetchQuery({ ...options('background'), staleTime: 0 });
    await Promise.resolve();
    expect(answers).toHaveLength(1);

    const now = fetchNow(client, { ...options('user-started'), staleTime: 0 });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(answers).toHaveLength(2);
    answers[1]!('as the tenant holds it');
    expect(await now).toBe('as the tenant holds it (user-started)');
    // The screen's read was stopped (it gives back what the cache held): it is not answered twice.
    expect(await screen).toBe('as read earlier');
  });

  it('joins another read the admin waits on instead of stopping it: both get the fresh answer', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    client.setQueryData(['policy', 'p1'], 'as read earlier');
    const { answers, options } = reads();
    const quickFix = fetchNow(client, { ...options('user-started'), staleTime: 0 });
    await new Promise((resolve) => setTimeout(resolve, 0));
    const deleteDialog = fetchNow(client, { ...options('user-started'), staleTime: 0 });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(answers).toHaveLength(1);
    answers[0]!('as the tenant holds it');
    expect(await quickFix).toBe('as the tenant holds it (user-started)');
    expect(await deleteDialog).toBe('as the tenant holds it (user-started)');

    // Once answered, the next fetchNow reads again.
    const later = fetchNow(client, { ...options('user-started'), staleTime: 0 });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(answers).toHaveLength(2);
    answers[1]!('later');
    expect(await later).toBe('later (user-started)');
  });
});
