// What saving a policy costs the service, against the emulator server with real sign-in: the
// conflict read, the PATCH and the read-back, nothing more. The policy page that follows shows
// the policy as read back instead of reading it again.
import type { Request } from '@playwright/test';
import { PolicyEditorPage } from './pages/policy-editor-page';
import { expect, signInToLocalTenant, test } from './support/fixtures';
import { urls } from './support/ports';

test.beforeEach(async ({ page, signInPage, policiesPage }) => {
  await signInToLocalTenant(page, signInPage, policiesPage);
});

test('saving sends exactly the conflict read, the PATCH and the read-back', async ({ page, policiesPage }) => {
  await policiesPage.open(/^CA007/);
  await expect(page.getByRole('heading', { level: 1, name: /^CA007/ })).toBeVisible();
  const policyPath = new URL(page.url()).pathname;
  const id = policyPath.split('/').pop()!;
  const editor = new PolicyEditorPage(page);
  await editor.open(policyPath);
  await editor.replaceStringValue('enabledForReportingButNotEnforced', 'disabled');
  await editor.reviewButton.click();
  await expect(editor.dialog).toContainText('State: Report-only → Off');
  // The review's reads of recent sign-ins (the draft's impact) are done before the save is counted.
  await expect(editor.dialog.getByRole('region', { name: /^Impact on the last 7 days/ }).getByRole('status')).toBeVisible();

  const sent: string[] = [];
  let lastSent = 0;
  const unanswered = new Set<Request>();
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin !== urls.emulator) return;
    sent.push(`${request.method()} ${url.pathname}`);
    lastSent = Date.now();
    unanswered.add(request);
  });
  page.on('requestfinished', (request) => unanswered.delete(request));
  page.on('requestfailed', (request) => unanswered.delete(request));
  await editor.dialog.getByRole('button', { name: 'Save to tenant' }).click();
  await expect(page.getByText('Saved. This is the policy as the tenant now holds it.')).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Off');
  // Anything the save's aftermath would still send has been sent once the tenant has heard nothing from the page
  // for 2.5 s: a Conditional Access read is paced a second after the last (src/graph/pacer.ts), so a quiet second
  // could end just as a paced re-read leaves. (Not the page's network going idle: a worker ended while its script
  // loads leaves that request open in Chromium's accounting for good.)
  await expect.poll(() => unanswered.size === 0 && Date.now() - lastSent >= 2_500, { intervals: [250] }).toBe(true);

  const policy = `/beta/identity/conditionalAccess/policies/${id}`;
  expect(sent).toEqual([`GET ${policy}`, `PATCH ${policy}`, `GET ${policy}`]);
});
