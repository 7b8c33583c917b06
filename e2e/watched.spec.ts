// Watched policies: after a colleague changes one, the policies page says so on the next visit,
// with who, what in words and the diff, until the admin marks it as seen. A policy turned Off or
// deleted leads and is named in the banner's title.
import { asColleague, changeAsColleague } from './support/colleague';
import { expect, test } from './support/fixtures';
import { section } from './support/navigation';
import { watchInDemo } from './support/watch';
import { PolicyEditorPage } from './pages/policy-editor-page';

test('a watched policy changed by a colleague is announced with who and what, until marked as seen', async ({
  page,
  signInPage,
  policiesPage,
}) => {
  const id = await watchInDemo(page, signInPage, policiesPage, /^CA007/);

  await section(page, 'Policies').click();
  await expect(policiesPage.rows.first()).toBeVisible();
  const notice = page.getByRole('list', { name: 'Watched policies that changed' });
  await expect(notice).toHaveCount(0);

  // A colleague turns it off, and narrows it to Windows on the way.
  const status = await changeAsColleague(page, id, {
    state: 'disabled',
    conditions: { platforms: { includePlatforms: ['windows'], excludePlatforms: [] } },
  });
  expect(status).toBe(204);

  // The next visit: the banner says what changed, turned Off first.
  await page.reload();
  await expect(page.getByRole('group', { name: '1 watched policy changed since you last looked: 1 turned Off' })).toBeVisible();
  await expect(notice).toContainText('CA007: Require compliant or hybrid joined device on desktops');
  await expect(notice).toContainText('State: Report-only → Off (and 1 more), last');
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

  // A change that does not weaken it is said in words too, without the warning's words.
  expect(
    await changeAsColleague(page, id, { conditions: { platforms: { includePlatforms: ['windows', 'macOS'], excludePlatforms: [] } } }),
  ).toBe(204);
  await page.reload();
  await expect(page.getByRole('group', { name: '1 watched policy changed since you last looked', exact: true })).toBeVisible();
  await expect(notice).toContainText(/Included platforms? macOS added, last/);
  await expect(notice).not.toContainText('more)');
});

test('a watched policy deleted by a colleague is named first, as deleted', async ({ page, signInPage, policiesPage }) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  const watch = async (name: RegExp) => {
    await policiesPage.open(name);
    await page.getByRole('button', { name: 'Watch' }).click();
    await expect(page.getByRole('button', { name: 'Watching' })).toHaveAttribute('aria-pressed', 'true');
    return page.url().split('/').pop()!;
  };
  const renamed = await watch(/^CA008/);
  await section(page, 'Policies').click();
  const deleted = await watch(/^CA014/);
  await section(page, 'Policies').click();
  await expect(policiesPage.rows.first()).toBeVisible();

  expect(await changeAsColleague(page, renamed, { displayName: 'CA008: Block unknown platforms' })).toBe(204);
  await asColleague(page, 'DELETE', `/beta/identity/conditionalAccess/policies/${deleted}`);
  await page.reload();

  await expect(page.getByRole('group', { name: '2 watched policies changed since you last looked: 1 deleted' })).toBeVisible();
  const items = page.getByRole('list', { name: 'Watched policies that changed' }).getByRole('listitem');
  // Watched second, listed first: it no longer protects anything.
  await expect(items.first()).toContainText(/^CA014.*deleted by colleague@contoso\.example/);
  // Named as the list now names it, with the name it was watched under.
  await expect(items.nth(1)).toContainText(/^CA008: Block unknown platforms \(was CA008: Block unknown or unsupported device platforms\)/);
  await expect(items.nth(1)).toContainText('Name: CA008: Block unknown or unsupported device platforms → CA008: Block unknown platforms');
  await items.first().getByRole('button', { name: 'Stop watching' }).click();
  await expect(page.getByRole('group', { name: '1 watched policy changed since you last looked', exact: true })).toBeVisible();
});

// The admin's own save in this console is no news to them (they reviewed its diff): the mark moves to
// what they saved, and a colleague's change after it is announced alone.
test('a watched policy saved by the admin here is not announced; a colleague’s change after it is', async ({
  page,
  signInPage,
  policiesPage,
}) => {
  const id = await watchInDemo(page, signInPage, policiesPage, /^CA007/);

  const editor = new PolicyEditorPage(page);
  await editor.open(new URL(page.url()).pathname);
  await editor.setState('Off');
  await editor.reviewButton.click();
  await editor.dialog.getByRole('button', { name: 'Save to tenant' }).click();
  await expect(page.getByText('Saved. This is the policy as the tenant now holds it.')).toBeVisible();

  await section(page, 'Policies').click();
  await expect(policiesPage.rows.first()).toBeVisible();
  await page.reload();
  await expect(policiesPage.rows.first()).toBeVisible();
  await expect(page.getByText(/watched polic(y|ies) changed/)).toHaveCount(0);

  expect(await changeAsColleague(page, id, { conditions: { platforms: { includePlatforms: ['windows'], excludePlatforms: [] } } })).toBe(
    204,
  );
  await page.reload();
  await expect(page.getByRole('group', { name: '1 watched policy changed since you last looked', exact: true })).toBeVisible();
  const notice = page.getByRole('list', { name: 'Watched policies that changed' });
  // Measured from the admin's save (Off), not from before it: the state is not named as a change.
  await expect(notice).not.toContainText('State');
  await expect(notice).toContainText('by colleague@contoso.example');
});
