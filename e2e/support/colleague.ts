// Another admin changing a policy behind the console's back: a PATCH sent from the page with a
// demo token of a colleague, answered by the in-browser emulator like any Graph call.
import type { Page } from '@playwright/test';
import { CONTOSO_TENANT_ID, signInUser } from './test-accounts';

export async function changeAsColleague(page: Page, policyId: string, body: object): Promise<number> {
  const claims = {
    tid: CONTOSO_TENANT_ID,
    oid: signInUser.id,
    upn: 'colleague@contoso.example',
    name: 'Colleague',
    scp: 'Policy.Read.All Policy.ReadWrite.ConditionalAccess',
  };
  const token = `demo.${Buffer.from(JSON.stringify(claims)).toString('base64').replace(/=+$/, '')}`;
  return page.evaluate(
    async ({ policyId, token, body }) =>
      (
        await fetch(`https://graph.microsoft.com/beta/identity/conditionalAccess/policies/${policyId}`, {
          method: 'PATCH',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        })
      ).status,
    { policyId, token, body },
  );
}

/**
 * Any Graph call a colleague's script makes (Conditional Access, directory reads), answered by the
 * in-browser emulator. Throttled calls wait and try again, as a script would.
 */
export async function asColleague<T = { value?: { id: string; displayName: string }[] } | null>(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const claims = {
    tid: CONTOSO_TENANT_ID,
    oid: signInUser.id,
    upn: 'colleague@contoso.example',
    name: 'Colleague',
    scp: 'Policy.Read.All Policy.ReadWrite.ConditionalAccess Directory.Read.All',
  };
  const token = `demo.${Buffer.from(JSON.stringify(claims)).toString('base64').replace(/=+$/, '')}`;
  return page.evaluate(
    async ({ method, path, body, token }) => {
      const send = () =>
        fetch(`https://graph.microsoft.com${path}`, {
          method,
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      let response = await send();
      // Conditional Access allows about one request a second: a script waits and tries again.
      for (let tries = 0; response.status === 429 && tries < 5; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 1100));
        response = await send();
      }
      if (response.status >= 400) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return (response.status === 204 ? null : await response.json()) as T;
    },
    { method, path, body, token },
  );
}
