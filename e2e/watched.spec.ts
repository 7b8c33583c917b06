// Watched policies: after a colleague changes one, the policies page says so on the next visit,
// with who and the diff, until the admin marks it as seen.
import { changeAsColleague } from './support/colleague';
import { expect, test } from './support/fixtures';
import { section } from './support/navigation';

test('a watched policy changed by a colleague is announced with who and what, until marked as seen', async ({
  page,
  signInPage,
  policiesPage,
}) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await policiesPage.open(/^CA007/);
  await page.getByRole('button', { name: 'Watch' }).click();
  await expect(page.getByRole('button', { name: 'Watching' })).toHaveAttribute('aria-pressed', 'true');
  const id = page.url().split('/').pop()!;

  await section(page, 'Policies').click();
  await expect(policiesPage.rows.first()).toBeVisible();
  const notice = page.getByRole('list', { name: 'Watched policies that changed' });
  await expect(notice).toHaveCount(0);

  // A colleague turns it off.
  const status = await changeAsColleague(page, id, { state: 'disabled' });
  expect(status).toBe(204);

  // The next visit.
  await page.reload();
  await expect(page.getByText('1 watched policy changed since you last looked')).toBeVisible();
  await expect(notice).toContainText('CA007: Require compliant or hybrid joined device on desktops');
  await expect(notice).toContainText('1 change');
  await expect(notice).toContainText('by colleague@contoso.example');
  await notice.getByRole('button', { name: 'Show changes' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('list', { name: 'Differences' })).toContainText('State: Report-only → Off');
  await dialog.getByRole('button', { name: 'Close' }).click();

  await notice.getByRole('button', { name: 'Mark as seen' }).click();
  await expect(page.getByText(/watched polic(y|ies) changed/)).toHaveCount(0);
  await page.reload();
  await expect(policiesPage.rows.first()).toBeVisible();
  await expect(page.getByText(/watched polic(y|ies) changed/)).toHaveCount(0);
});
