// readSignIns pages through the log; a reader may hold it between pages (the save review, while a save is under way).
// readSignInPages keeps the pages as bytes, for a worker to parse.
import { describe, expect, it } from 'vitest';
import { clientWith, json } from './client-fake';
import { notJson, readSignIns, readSignInPages, signInsOfPages, summarizePage } from './sign-ins';

const NEXT = 'https://graph.microsoft.com/beta/auditLogs/signIns?$skiptoken=2';

function twoPages() {
  return clientWith(async (url) =>
    url.includes('$skiptoken') ? json(200, { value: [{ id: 's2' }] }) : json(200, { value: [{ id: 's1' }], '@odata.nextLink': NEXT }),
  );
}

describe('readSignIns between pages', () => {
  it('reads the first page at once and the next only when the reader lets it', async () => {
    const { client, calls } = twoPages();
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const read = readSignIns(client, { since: new Date('2026-12-01T00:00:00Z'), cap: 10, beforeNextPage: () => held });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calls).toHaveLength(1);

    release();
    const answer = await read;
    expect(calls.map((c) => c.url)).toEqual([expect.stringContaining('/beta/auditLogs/signIns?$filter='), NEXT]);
    expect(answer).toEqual({ signIns: [{ id: 's1' }, { id: 's2' }], capped: false });
  });

  it('stopped while held, reads no further page', async () => {
    const { client, calls } = twoPages();
    const controller = new AbortController();
    const read = readSignIns(client, {
      since: new Date('2026-12-01T00:00:00Z'),
      cap: 10,
      signal: controller.signal,
      beforeNextPage: async () => controller.abort(new Error('left the review')),
    });
    await expect(read).rejects.toThrow('left the review');
    expect(calls).toHaveLength(1);
  });
});

describe('readSignInPages: the log kept as the pages’ bytes, for a worker to parse', () => {
  const page = (ids: string[], next?: string) => ({
    value: ids.map((id) => ({ id, userId: `u-${id.slice(-1)}` })),
    ...(next && { '@odata.nextLink': next }),
  });
  const pages = () =>
    clientWith(async (url) => (url.includes('$skiptoken') ? json(200, page(['s3', 's4'])) : json(200, page(['s1', 's2'], NEXT))));

  it('gives the same sign-ins as readSignIns, and the users who signed in', async () => {
    const query = { since: new Date('2026-12-01T00:00:00Z'), cap: 10 };
    const asText = await readSignInPages(pages().client, query);
    const asObjects = await readSignIns(pages().client, query);
    expect(asText.pages).toHaveLength(2);
    expect(asText.pages.every((page) => page instanceof ArrayBuffer)).toBe(true);
    expect(asText).toMatchObject({ count: 4, capped: false, userIds: ['u-1', 'u-2', 'u-3', 'u-4'] });
    expect(signInsOfPages(asText)).toEqual(asObjects.signIns);
  });

  it('keeps to the cap: its sign-ins and users are those within it', async () => {
    const query = { since: new Date('2026-12-01T00:00:00Z'), cap: 3 };
    const asText = await readSignInPages(pages().client, query);
    expect(asText).toMatchObject({ count: 3, capped: true, userIds: ['u-1', 'u-2', 'u-3'] });
    expect(signInsOfPages(asText).map((s) => s.id)).toEqual(['s1', 's2', 's3']);
    expect(signInsOfPages(asText)).toEqual((await readSignIns(pages().client, query)).signIns);
  });

  it('names the users whose sign-ins say whether each is an agent user, within the cap', async () => {
    const agent = (agentSubjectType: string) => ({ agentType: agentSubjectType, agentSubjectType });
    const logged = [
      { id: 's1', userId: 'person', agent: agent('notAgentic') },
      { id: 's2', userId: 'agent-user', agent: agent('agentIDuser') },
      // Read without the Prefer header, v1.0's shape, a workload's sign-in: none of them says.
      { id: 's3', userId: 'unsaid', agent: agent('unknownFutureValue') },
      { id: 's4', userId: 'older' },
      { id: 's5', userId: '', agent: agent('agenticAppInstance') },
      { id: 's6', userId: 'past-the-cap', agent: agent('notAgentic') },
    ];
    const { client } = clientWith(async () => json(200, { value: logged }));
    const read = await readSignInPages(client, { since: new Date('2026-12-01T00:00:00Z'), cap: 5 });
    expect(read.userIds).toEqual(['agent-user', 'older', 'person', 'unsaid']);
    expect(read.typeLogged).toEqual({ 'agent-user': true, person: false });
  });

  it('says a page that is not JSON is not, as any other read does', async () => {
    const { client } = clientWith(async () => new Response('<html>gateway</html>', { status: 200 }));
    await expect(readSignInPages(client, { since: new Date('2026-12-01T00:00:00Z'), cap: 10 })).rejects.toMatchObject({
      code: 'InvalidResponse',
    });
  });
});

describe('readSignInPages with a page reader elsewhere (the console reads pages in a worker)', () => {
  it('hands the reader each page and the sign-ins still within the cap, and keeps the bytes it gives back', async () => {
    const { client } = clientWith(async (url) =>
      url.includes('$skiptoken')
        ? json(200, { value: [{ id: 's3', userId: 'u3' }] })
        : json(200, {
            value: [
              { id: 's1', userId: 'u1' },
              { id: 's2', userId: 'u2' },
            ],
            '@odata.nextLink': NEXT,
          }),
    );
    const limits: number[] = [];
    const given: ArrayBuffer[] = [];
    const log = await readSignInPages(client, { since: new Date('2026-12-01T00:00:00Z'), cap: 3 }, async (bytes, limit) => {
      limits.push(limit);
      // As a worker does: the bytes come back as another buffer (transferred there and back).
      const back = bytes.slice(0);
      given.push(back);
      return { bytes: back, summary: summarizePage(bytes, limit) };
    });
    expect(limits).toEqual([3, 1]);
    expect(log.pages).toEqual(given);
    expect(log.pages[0]).toBe(given[0]);
    expect(log).toMatchObject({ count: 3, userIds: ['u1', 'u2', 'u3'], capped: false });
  });

  it('a page the reader cannot read fails the read as not JSON, as any other read does', async () => {
    const { client } = clientWith(async () => json(200, { value: [] }));
    const read = readSignInPages(client, { since: new Date('2026-12-01T00:00:00Z'), cap: 3 }, async () => {
      throw notJson();
    });
    await expect(read).rejects.toMatchObject({ code: 'InvalidResponse' });
  });
});
