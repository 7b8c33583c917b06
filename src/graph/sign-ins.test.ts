// readSignIns pages through the log; a reader may hold it between pages (the save review, while a save is under way).
import { describe, expect, it } from 'vitest';
import { clientWith, json } from './client-fake';
import { readSignIns } from './sign-ins';

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
