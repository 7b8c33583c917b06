// Agent identities (Graph beta) in the demo: CA023 excludes the tenant's one agent identity, which its
// page names (not its id) under what it is, and a copy into pre-production asks what that agent
// identity becomes there, calling it an agent identity rather than a workload identity.
import { copyAgentPolicy } from './support/import-flow';
import { expect, test } from './support/fixtures';

const AGENT = 'Contoso Helpdesk Agent';
const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

test('a policy’s page names the agent identity it excludes, as an agent identity', async ({
  page,
  signInPage,
  policiesPage,
  policyPage,
}) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await policiesPage.open(/^CA023/);
  const users = policyPage.section('Users');
  await expect(users).toContainText('Excluded agent identities');
  await expect(users).toContainText(AGENT);
  await expect(users).toContainText('All agent identities');
  await expect(users).not.toContainText(GUID);
});

test('a copy into another tenant asks what the agent identity becomes there, by its name and kind', async ({ page, signInPage }) => {
  const mapping = await copyAgentPolicy(page, signInPage);
  const row = mapping.getByRole('row').filter({ hasText: AGENT });
  await expect(row).toContainText('agent identity ·');
  await expect(row).toContainText('CA023: Block agent identities from all resources: excluded agent identities');
  await expect(page.getByRole('list', { name: 'What blocks applying' })).toContainText(
    `Choose what the agent identity '${AGENT}' becomes in this tenant.`,
  );
  await expect(mapping).not.toContainText('workload identity');
});
