// The demo keeps answering after the admin cancels leaving the page (the editor asks before a
// reload loses unsaved changes): MSW closes its client on beforeunload, and the demo starts it again.
import { PolicyEditorPage } from './pages/policy-editor-page';
import { expect, test } from './support/fixtures';
import { section } from './support/navigation';

test('after a cancelled reload, the demo tenant still answers', async ({ page, signInPage, policiesPage }) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await policiesPage.open(/^CA007/);
  const editor = new PolicyEditorPage(page);
  await page.getByRole('button', { name: 'Edit' }).click();
  await editor.setState('Off');

  // Stay on the page when the browser asks.
  page.once('dialog', (dialog) => void dialog.dismiss());
  await page.evaluate(() => {
    location.reload();
  });
  await page.waitForTimeout(1500);
  await expect(page.getByRole('button', { name: 'Review and save…' })).toBeVisible();

  // Graph calls are still answered by the demo tenant (a screen not read before loads), and
  // nothing leaves localhost.
  await section(page, 'Deleted policies').click();
  await page.getByRole('dialog').getByRole('button', { name: 'Leave' }).click();
  await expect(page.getByRole('table', { name: 'Deleted policies' }).getByRole('row')).toHaveCount(4);
});
