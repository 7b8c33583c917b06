// Agent identities (Graph beta) in the demo: CA023 excludes the tenant's one agent identity, which its
// page names (not its id) under what it is, and a copy into pre-production asks what that agent
// identity becomes there, calling it an agent identity rather than a workload identity. What if asks an
// agent identity's risk and sends the sign-in to Graph's beta evaluate (local tenant: the request is seen).
import { copyAgentPolicy } from './support/import-flow';
import { expect, signInToLocalTenant, test } from './support/fixtures';
import { section } from './support/navigation';
import { createPolicyAsScript } from './support/script-client';

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

test('What if asks an agent identity’s risk and sends it to Graph’s beta evaluate: a policy on high agent risk applies at high only', async ({
  page,
  signInPage,
  policiesPage,
  playwright,
  consoleGuard,
}) => {
  // Evaluate shares the tenant's Conditional Access allowance with the page's reads: throttled calls are retried.
  consoleGuard.allowFailedResponse(429, '/beta/identity/conditionalAccess/');
  await signInToLocalTenant(page, signInPage, policiesPage);
  const request = await playwright.request.newContext({ ignoreHTTPSErrors: true });
  await createPolicyAsScript(request, {
    displayName: 'Block agents at high risk',
    state: 'enabled',
    conditions: {
      users: { includeUsers: ['None'] },
      clientApplications: { includeAgentIdServicePrincipals: ['All'] },
      applications: { includeApplications: ['All'] },
      agentIdRiskLevels: 'high',
    },
    grantControls: { operator: 'OR', builtInControls: ['block'] },
  });
  await request.dispose();
  await page.reload();
  await section(page, 'What if').click();
  await page.getByRole('combobox', { name: 'Who signs in' }).selectOption('An agent identity');
  await page.getByRole('combobox', { name: /^Agent identity signing in/ }).fill('Helpdesk');
  await page.getByRole('option', { name: new RegExp(`^${AGENT}`) }).click();
  await page.getByRole('combobox', { name: /^Application/ }).fill('Office 365 SharePoint');
  await page.getByRole('option', { name: /^Office 365 SharePoint Online/ }).click();
  // A workload identity's own risk is not asked of an agent: its agent risk is.
  await expect(page.getByRole('combobox', { name: 'Service principal risk' })).toHaveCount(0);

  const evaluate = async (risk: string) => {
    await page.getByRole('combobox', { name: 'Agent risk' }).selectOption(risk);
    const sent = page.waitForRequest((r) => r.url().endsWith('/identity/conditionalAccess/evaluate') && r.method() === 'POST');
    await page.getByRole('button', { name: 'Evaluate' }).click();
    const body = (await sent).postDataJSON() as { signInIdentity: Record<string, string>; signInConditions: Record<string, string> };
    expect(new URL((await sent).url()).pathname).toBe('/beta/identity/conditionalAccess/evaluate');
    expect(body.signInIdentity['@odata.type']).toBe('#microsoft.graph.agentSignIn');
    expect(body.signInConditions.agentIdRiskLevel).toBe(risk);
    return page.getByRole('table', { name: 'Each policy for this scenario' }).getByRole('row', { name: /^Block agents at high risk/ });
  };
  let row = await evaluate('high');
  await expect(row.getByRole('cell').nth(1)).toContainText('Applies');
  await expect(row.getByRole('cell').nth(2)).toContainText('Applies: blocks');
  row = await evaluate('low');
  await expect(row.getByRole('cell').nth(1)).toContainText('Does not apply');
  await expect(row.getByRole('cell').nth(2)).toContainText('Does not apply');
  await expect(row.getByRole('cell').nth(2)).toContainText('The agent risk is low; the policy targets high.');
});
