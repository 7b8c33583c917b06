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
