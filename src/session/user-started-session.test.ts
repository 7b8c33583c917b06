// fetchNow: a read the admin waits on does not join a screen's read queued in the background (it would wait that
// read's turn), and does not stop another read the admin waits on (that action would go on with the old copy).
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { createPacer } from '../graph/pacer';
import { fetchNow, joinableRead } from './user-started-session';

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

describe('fetchNow and a screen’s read already at Graph', () => {
  /** A pacer that lets one read through at once and the next only when the test says so. */
  function readsThroughAPacer() {
    const pacer = createPacer({ ratePerSecond: 1, burst: 1, sleep: () => new Promise<void>(() => {}) });
    const answers: ((value: string) => void)[] = [];
    const queryFn = joinableRead<string, string[]>(async ({ signal }) => {
      await pacer.acquire(1, 'background', signal);
      return new Promise<string>((resolve) => answers.push(resolve));
    });
    return { pacer, answers, options: { queryKey: ['policy', 'p1'], queryFn, staleTime: 0 } };
  }
  const settled = () => new Promise((resolve) => setTimeout(resolve, 0));
  /** A query client holding this copy of the policy, if any. */
  const holding = (copy?: string) => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    if (copy !== undefined) client.setQueryData(['policy', 'p1'], copy);
    return client;
  };

  it('joins a screen’s read that Graph already has: the tenant is asked once, and both get its answer', async () => {
    const client = holding('as read earlier');
    const { answers, options } = readsThroughAPacer();
    const screen = client.fetchQuery(options);
    await settled();
    expect(answers).toHaveLength(1);

    const now = fetchNow(client, options);
    await settled();
    expect(answers).toHaveLength(1);
    answers[0]!('as the tenant holds it');
    expect(await now).toBe('as the tenant holds it');
    expect(await screen).toBe('as the tenant holds it');
  });

  it('gives Graph’s answer to the joined read, an error too, without asking again', async () => {
    const client = holding('as read earlier');
    let calls = 0;
    const pacer = createPacer({ burst: 1, sleep: () => new Promise<void>(() => {}) });
    let fail: (error: Error) => void = () => {};
    const queryFn = joinableRead<string, string[]>(async ({ signal }) => {
      calls++;
      await pacer.acquire(1, 'background', signal);
      return new Promise<string>((_resolve, reject) => (fail = reject));
    });
    const options = { queryKey: ['policy', 'p1'], queryFn, staleTime: 0 };
    void client.fetchQuery(options).catch(() => {});
    await settled();
    const now = fetchNow(client, options);
    await settled();
    fail(new Error('The policy no longer exists (404).'));
    await expect(now).rejects.toThrow('no longer exists');
    expect(calls).toBe(1);
  });

  it('a screen that opens while the admin’s read is out shares it', async () => {
    const client = holding();
    const { answers, options } = readsThroughAPacer();
    const now = fetchNow(client, options);
    await settled();
    const screen = client.fetchQuery(options);
    await settled();
    expect(answers).toHaveLength(1);
    answers[0]!('as the tenant holds it');
    expect(await now).toBe('as the tenant holds it');
    expect(await screen).toBe('as the tenant holds it');
  });

  it('stops a screen’s read still waiting its turn, and reads without waiting behind it', async () => {
    const client = holding('as read earlier');
    const { pacer, answers, options } = readsThroughAPacer();
    // Another read took the pacer's only turn: the screen's read of the policy waits.
    await pacer.acquire(1);
    const screen = client.fetchQuery(options);
    await settled();
    expect(answers).toHaveLength(0);

    const now = fetchNow(client, { queryKey: ['policy', 'p1'], queryFn: () => Promise.resolve('read for the admin'), staleTime: 0 });
    expect(await now).toBe('read for the admin');
    expect(await screen).toBe('as read earlier');
    expect(client.getQueryData(['policy', 'p1'])).toBe('read for the admin');
  });

  it('reads anew when the joined read is stopped because its screen closed, instead of taking the copy held before', async () => {
    const client = holding('as read earlier');
    const { answers, options } = readsThroughAPacer();
    const observer = new QueryObserver(client, options);
    const unsubscribe = observer.subscribe(() => {});
    await settled();
    expect(answers).toHaveLength(1);

    const now = fetchNow(client, { ...options, queryFn: () => Promise.resolve('read for the admin') });
    await settled();
    // The admin leaves the page that showed the policy: its read is stopped, and gives back the older copy.
    unsubscribe();
    expect(await now).toBe('read for the admin');
    expect(client.getQueryData(['policy', 'p1'])).toBe('read for the admin');
  });

  it('a read of its own is not stopped when the screen showing the policy closes', async () => {
    const client = holding('as read earlier');
    const answers: ((value: string) => void)[] = [];
    const options = {
      queryKey: ['policy', 'p1'],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        new Promise<string>((resolve, reject) => {
          signal.addEventListener('abort', () => reject(new Error('stopped')));
          answers.push(resolve);
        }),
      staleTime: Infinity,
    };
    const observer = new QueryObserver(client, options);
    const unsubscribe = observer.subscribe(() => {});
    const now = fetchNow(client, { ...options, staleTime: 0 });
    await settled();
    expect(answers).toHaveLength(1);
    unsubscribe();
    await settled();
    answers[0]!('as the tenant holds it');
    expect(await now).toBe('as the tenant holds it');
    expect(client.getQueryData(['policy', 'p1'])).toBe('as the tenant holds it');
  });
});
