// The emulator's Contoso behind the real Graph client, answering `match` once with 429 and a wait of 30 s
// that lasts until the test ends it (endWait): what a run shows while Graph makes it wait can be looked at.
import { testEmulator } from '../emulator/harness/test-emulator';
import { CONTOSO_TENANT_ID } from '../emulator/seed';
import { GraphClient } from '../graph/client';
import { createPacer } from '../graph/pacer';

export function clientHeldAt429(match: string) {
  const harness = testEmulator();
  harness.emulator.setFaults(CONTOSO_TENANT_ID, { rules: [{ match, fault: 429, times: 1, retryAfter: 30 }] });
  let endWait = () => {};
  const client = new GraphClient({
    baseUrl: 'https://graph.microsoft.com',
    readScopes: ['Policy.Read.All'],
    getToken: async () => `test ${CONTOSO_TENANT_ID} Policy.Read.All Policy.ReadWrite.ConditionalAccess Directory.Read.All`,
    fetch: ((input: string | URL | Request, init?: RequestInit) => harness.emulator.handle(new Request(input, init))) as typeof fetch,
    sleep: (ms) =>
      ms === 30_000
        ? new Promise<void>((resolve) => {
            endWait = () => {
              harness.clock.advance(ms);
              resolve();
            };
          })
        : Promise.resolve(harness.clock.advance(ms)),
    pacer: createPacer({ now: () => harness.clock.now.getTime(), sleep: async (ms) => harness.clock.advance(ms) }),
  });
  return { harness, client, endWait: () => endWait() };
}
