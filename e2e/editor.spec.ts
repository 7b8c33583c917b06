// Editing a policy: checks block bad saves, the diff comes first, drafts survive reloads, and a
// policy someone else changed meanwhile is never overwritten silently.
import { PolicyEditorPage } from './pages/policy-editor-page';
import { SignInPage } from './pages/sign-in-page';
import { changeAsColleague } from './support/colleague';
import { expect, test } from './support/fixtures';

let policyUrl: string;

test.beforeEach(async ({ page, signInPage, policiesPage }) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await policiesPage.open(/^CA007/);
  await expect(page.getByRole('heading', { level: 1, name: /^CA007/ })).toBeVisible();
  policyUrl = new URL(page.url()).pathname;
});

test('a schema error blocks saving; fixed, reviewed and saved, the list changes', async ({ page, policiesPage }) => {
  const editor = new PolicyEditorPage(page);
  await editor.open(policyUrl);
  await editor.replaceStringValue('enabledForReportingButNotEnforced', 'on');
  await expect(editor.checks).toContainText(/State must be one of On, Off, Report-only.* \(Graph error 1007\)/);
  await expect(editor.checks).toContainText('at state');
  await expect(editor.reviewButton).toHaveAttribute('aria-disabled', 'true');

  await editor.setState('On');
  // The lock-out risk shows among the checks while editing, not only in the review.
  await expect(editor.checks).toContainText('This could lock people out — Ada Lindqvist (you): It applies to all users and requires');
  await expect(editor.checks).not.toContainText('No problems found.');
  await editor.reviewButton.click();
  await expect(editor.dialog).toContainText('State: Report-only → On');
  await expect(editor.dialog.getByTestId('diff-viewer')).toBeVisible();
  // Turning it on demands a compliant device of every user, the admin included: the guard asks.
  await expect(editor.dialog.getByRole('list', { name: 'Who could be locked out' })).toContainText('Ada Lindqvist (you)');
  await expect(editor.dialog.getByRole('button', { name: 'Save to tenant' })).toBeDisabled();
  await editor.dialog.getByRole('checkbox', { name: /I understand/ }).check();
  await editor.dialog.getByRole('button', { name: 'Save to tenant' }).click();

  await expect(page.getByText('Saved. This is the policy as the tenant now holds it.')).toBeVisible();
  await page.getByRole('button', { name: 'Policies', exact: true }).click();
  await expect(policiesPage.row(/^CA007/)).toContainText('On');
});

test('a long invalid value is named in words, wraps, and does not widen the page', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const editor = new PolicyEditorPage(page);
  await editor.open(policyUrl);
  const long = 'OnlyOnWeekdaysPlease'.repeat(15);
  await editor.replaceStringValue('enabledForReportingButNotEnforced', long);
  const finding = editor.checks.getByRole('listitem').filter({ hasText: 'State must be one of' });
  await expect(finding).toContainText(
    'State must be one of On, Off, Report-only: in the JSON "enabled", "disabled", "enabledForReportingButNotEnforced".',
  );
  // Words, not the validator's notation; the value shortened, not 300 characters in a row.
  await expect(finding).not.toContainText('Instance');
  await expect(finding).not.toContainText(long);
  await expect(editor.reviewButton).toHaveAttribute('aria-disabled', 'true');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1440);
  // No problems once fixed, apart from the note under it.
  await editor.setState('Report-only');
  // Said once the lint has answered; when the lint marks something in the JSON, the checks claim only their own silence.
  const none = editor.checks.getByText(/^(No problems found\.|The checks found no problems\.)$/);
  await expect(none).toBeVisible({ timeout: 30_000 });
  const note = editor.checks.getByText(/^Set by the service/);
  const [noneBox, noteBox] = [await none.boundingBox(), await note.boundingBox()];
  expect(noteBox!.y - (noneBox!.y + noneBox!.height)).toBeGreaterThanOrEqual(4);
});

test('a policy Graph accepts is saved, though AllTrusted is both included and excluded: a warning says why it is odd', async ({
  page,
  policiesPage,
}) => {
  await page.setViewportSize({ width: 1400, height: 1800 });
  await page.getByRole('button', { name: 'Policies', exact: true }).click();
  await policiesPage.open(/^CA016/);
  const editor = new PolicyEditorPage(page);
  await editor.open(new URL(page.url()).pathname);
  // The first "All" is the included locations'; AllTrusted is already excluded.
  await editor.replaceStringValue('All', 'AllTrusted');
  await expect(editor.checks).toContainText(
    "'AllTrusted' is both included and excluded. The exclusion wins, so including it does nothing: probably a mistake.",
  );
  await expect(editor.checks).toContainText('at conditions.locations.includeLocations.0');
  await expect(editor.reviewButton).not.toHaveAttribute('aria-disabled', 'true');
  await editor.reviewButton.click();
  await editor.dialog.getByRole('button', { name: 'Save to tenant' }).click();
  await expect(page.getByText('Saved. This is the policy as the tenant now holds it.')).toBeVisible();
});

test('a draft survives a reload, and leaving asks first', async ({ page }) => {
  const editor = new PolicyEditorPage(page);
  await editor.open(policyUrl);
  await editor.setState('Off');
  await page.reload();
  await expect(page.getByText(/Your unsaved draft from .* was restored/)).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Off', exact: true })).toBeChecked();

  await page.getByRole('button', { name: 'Policies', exact: true }).click();
  await expect(page.getByRole('dialog')).toContainText('Leave without saving?');
  await page.getByRole('button', { name: 'Stay' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Edit CA007/ })).toBeVisible();
});

test('browser Back from the editor asks first; Stay keeps the editor and the text', async ({ page }) => {
  // Opened from the policy page, as an admin does: Back goes through the console's own history.
  await page.getByRole('button', { name: /^Edit/ }).first().click();
  const editor = new PolicyEditorPage(page);
  await expect(editor.editor.locator('.view-lines')).toContainText('"displayName"');
  await editor.replaceStringValue('enabledForReportingButNotEnforced', 'disabled');
  await page.goBack();
  await expect(editor.dialog).toContainText('Leave without saving?');
  await editor.dialog.getByRole('button', { name: 'Stay' }).click();
  await expect(editor.dialog).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: /^Edit CA007/ })).toBeVisible();
  // Monaco draws spaces as no-break spaces: \s matches both.
  await expect(editor.editor.locator('.view-lines')).toContainText(/"state":\s"disabled"/);
  await expect(page.getByRole('radio', { name: 'Off', exact: true })).toBeChecked();

  await page.goBack();
  await editor.dialog.getByRole('button', { name: 'Leave' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^CA007/ })).toBeVisible();
});

test('a 320-character name without a space wraps in the editor’s heading and does not widen the page', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const long = `CA007 ${'x'.repeat(314)}`;
  expect(long).toHaveLength(320);
  const id = policyUrl.split('/').pop()!;
  expect(await changeAsColleague(page, id, { displayName: long })).toBe(204);
  const editor = new PolicyEditorPage(page);
  await editor.open(policyUrl);
  const heading = page.getByRole('heading', { level: 1, name: `Edit ${long}` });
  await expect(heading).toBeVisible();
  const box = (await heading.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(1440);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1440);
});

test('the same draft in two tabs: a discard asks first, and the other tab keeps its text and says why', async ({ page, context }) => {
  const editor = new PolicyEditorPage(page);
  await editor.open(policyUrl);
  await editor.setState('Off');

  // Another tab of the same browser: a demo sign-in is per tab, the drafts are the device's.
  const other = await context.newPage();
  await other.goto(`${policyUrl}/edit`);
  await new SignInPage(other).signInToDemoAs('Ada Lindqvist');
  const otherEditor = new PolicyEditorPage(other);
  await expect(other.getByText(/Your unsaved draft from .* was restored/)).toBeVisible();
  await other.getByRole('button', { name: 'Discard draft…' }).click();
  await expect(otherEditor.dialog).toContainText('Your change to CA007');
  await otherEditor.dialog.getByRole('button', { name: 'Discard the draft' }).click();
  await expect(other.getByRole('radio', { name: 'Report-only', exact: true })).toBeChecked();

  // The first tab was told, and its text is on the device again: a reload of the other tab finds it.
  await expect(page.getByText(/The other tab discarded or saved it at/)).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Off', exact: true })).toBeChecked();
  await other.reload();
  await expect(other.getByText(/Your unsaved draft from .* was restored/)).toBeVisible();
  await expect(other.getByRole('radio', { name: 'Off', exact: true })).toBeChecked();
  await other.close();
});

test('the keyboard leaves the JSON the way the hint above it says', async ({ page }) => {
  const editor = new PolicyEditorPage(page);
  await editor.open(policyUrl);
  await expect(page.getByText('In the JSON, Tab indents. To leave it with Tab, press Ctrl+M first (again to indent).')).toBeVisible();
  const inJson = () => page.evaluate(() => !!document.activeElement?.closest('[data-testid="json-editor"]'));
  await editor.editor.locator('.view-lines').click();
  expect(await inJson()).toBe(true);
  await page.keyboard.press('Control+m');
  await page.keyboard.press('Tab');
  await expect.poll(inJson).toBe(false);
});

test('a concurrent change is caught, and mine can go on top of theirs', async ({ page }) => {
  const editor = new PolicyEditorPage(page);
  await editor.open(policyUrl);
  await editor.setState('Off');

  // Meanwhile, a colleague renames the policy.
  const id = policyUrl.split('/').pop()!;
  const status = await changeAsColleague(page, id, { displayName: 'CA007: Compliant device on desktops (renamed)' });
  expect(status).toBe(204);

  await editor.reviewButton.click();
  await editor.dialog.getByRole('button', { name: 'Save to tenant' }).click();
  await expect(editor.dialog).toContainText('changed while you were editing');
  await expect(editor.dialog).toContainText('Nothing was saved.');
  await expect(editor.dialog).toContainText('CA007: Compliant device on desktops (renamed)');

  await editor.dialog.getByRole('button', { name: 'Put my changes on top of theirs' }).click();
  await expect(editor.dialog).toContainText('State: Report-only → Off');
  await editor.dialog.getByRole('button', { name: 'Save to tenant' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'CA007: Compliant device on desktops (renamed)' })).toBeVisible();
  await expect(page.getByText('Saved. This is the policy as the tenant now holds it.')).toBeVisible();
  await expect(page.getByText('Off', { exact: true })).toBeVisible();
});

test('ids read as names, beside them and on hover', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 1800 });
  const editor = new PolicyEditorPage(page);
  await editor.open(policyUrl);
  const lines = editor.editor.locator('.view-lines');
  await expect(lines).toContainText('CA - Emergency access accounts');
  await expect(lines).toContainText('Contractors');
  const line = lines.locator('.view-line').filter({ hasText: 'CA - Emergency access accounts' });
  await line.getByText(/^"[0-9a-f-]{36}"$/).hover();
  await expect(page.getByText('CA - Emergency access accounts (group)')).toBeVisible();
});

test('a save and a delete keep the previous version in this device’s history', async ({ page, policiesPage }) => {
  const editor = new PolicyEditorPage(page);
  await editor.open(policyUrl);
  await editor.setState('Off');
  await editor.reviewButton.click();
  await editor.dialog.getByRole('button', { name: 'Save to tenant' }).click();
  await expect(page.getByText('Saved. This is the policy as the tenant now holds it.')).toBeVisible();

  await page.getByRole('button', { name: 'Delete…' }).click();
  const confirm = page.getByRole('dialog');
  await expect(confirm).toContainText('Delete “CA007: Require compliant or hybrid joined device on desktops”?');
  await expect(confirm).toContainText('restored until');
  // A short, destructive button: the name is in the question, not repeated on the button.
  await confirm.getByRole('button', { name: 'Delete policy', exact: true }).click();
  await expect(page.getByText('Deleted “CA007: Require compliant or hybrid joined device on desktops”.')).toBeVisible();
  await expect(policiesPage.rows).toHaveCount(34);
  await expect(policiesPage.row(/^CA007/)).toHaveCount(0);

  const id = policyUrl.split('/').pop()!;
  const history = await page.evaluate(
    (itemId) =>
      new Promise<{ reason: string; state: string }[]>((resolve) => {
        const open = indexedDB.open('gatehouse', 1);
        open.onsuccess = () => {
          const request = open.result.transaction('versions').objectStore('versions').getAll();
          request.onsuccess = () =>
            resolve(
              (request.result as { itemId: string; reason: string; json: string }[])
                .filter((v) => v.itemId === itemId)
                .map((v) => ({ reason: v.reason, state: (JSON.parse(v.json) as { state: string }).state })),
            );
        };
      }),
    id,
  );
  expect(history).toEqual([
    { reason: 'before save', state: 'enabledForReportingButNotEnforced' },
    { reason: 'before delete', state: 'disabled' },
  ]);
});

test('a tag removed after typing in the JSON keeps what was typed', async ({ page }) => {
  const editor = new PolicyEditorPage(page);
  await editor.open(policyUrl);
  const excluded = page.getByRole('toolbar', { name: 'Exclude groups' });
  await expect(excluded).toContainText('Contractors');
  // The tags are not drawn again for a keystroke that leaves their list as it was: their removal
  // still edits the text as it is now, not as it was when they were drawn.
  await editor.replaceStringValue('enabledForReportingButNotEnforced', 'disabled');
  await excluded.getByRole('button', { name: 'Remove Contractors' }).click();
  await expect(excluded).not.toContainText('Contractors');
  await expect(editor.editor.locator('.view-lines')).toContainText('"disabled"');

  await editor.reviewButton.click();
  await expect(editor.dialog).toContainText('State: Report-only → Off');
  await expect(editor.dialog).toContainText("'Contractors' removed");
});

test('typing fast into the JSON keeps every letter, in order', async ({ page }) => {
  const editor = new PolicyEditorPage(page);
  await editor.open(policyUrl);
  // Key by key with no pause: the page renders each letter back after the next ones are typed, and
  // writing that older text into the editor dropped and scrambled them.
  await editor.editor.locator('.view-line').filter({ hasText: '"displayName"' }).first().click();
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.type(' as typed at full speed', { delay: 0 });
  // Monaco draws spaces as no-break spaces: \s matches both.
  await expect(editor.editor.locator('.view-lines')).toContainText(/"displayName":\s"CA007[^"]*\sas\styped\sat\sfull\sspeed",/);
  await editor.reviewButton.click();
  await expect(editor.dialog).toContainText('as typed at full speed');
});

test('a long list shows its first 50 tags and the rest on asking', async ({ page }) => {
  const editor = new PolicyEditorPage(page);
  await editor.open(policyUrl);
  const ids = Array.from({ length: 60 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
  // Scrolled to with Find, one string value becomes sixty: the quotes around it close the first and the last.
  await editor.editor.locator('.view-lines').click();
  await page.keyboard.press('Control+F');
  await page.keyboard.insertText('GuestsOrExternalUsers');
  await page.keyboard.press('Escape');
  // Not replaceStringValue: the names drawn beside the new ids ("deleted object") split the text it waits for.
  await editor.editor.getByText('"GuestsOrExternalUsers"', { exact: true }).dblclick();
  await page.keyboard.insertText(ids.join('", "'));
  await page.keyboard.press('Escape');
  const excluded = page.getByRole('toolbar', { name: 'Exclude users' });
  const removes = excluded.getByRole('button', { name: /Remove / });
  await expect(removes).toHaveCount(50);
  await page.getByRole('button', { name: 'Show all 60' }).click();
  await expect(removes).toHaveCount(60);
  // The same button folds the list again, and keeps the keyboard's focus.
  const fewer = page.getByRole('button', { name: 'Show the first 50' });
  await expect(fewer).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(removes).toHaveCount(50);
  await expect(page.getByRole('button', { name: 'Show all 60' })).toBeFocused();
});

test('pickers add and remove groups, and the JSON follows', async ({ page }) => {
  const editor = new PolicyEditorPage(page);
  await editor.open(policyUrl);
  const picker = page.getByRole('combobox', { name: 'Exclude groups' });
  await picker.fill('Fin');
  await page.getByRole('option', { name: /^Finance/ }).click();
  const excluded = page.getByRole('toolbar', { name: 'Exclude groups' });
  await expect(excluded).toContainText('Finance');
  await excluded.getByRole('button', { name: 'Remove Contractors' }).click();
  await expect(excluded).not.toContainText('Contractors');

  await editor.reviewButton.click();
  await expect(editor.dialog).toContainText("Excluded group 'Finance' added; 'Contractors' removed");
  await editor.dialog.getByRole('button', { name: 'Back to editing' }).click();
  // Both views edit one text: undo in the editor brings Contractors back.
  await editor.editor.locator('.view-lines').click();
  await page.keyboard.press('Control+Z');
  await expect(excluded).toContainText('Contractors');
});

test('the dialogs open on their safe choice and give the focus back to the button that opened them', async ({ page }) => {
  const editor = new PolicyEditorPage(page);
  await editor.open(policyUrl);
  await editor.setState('Off');

  // Enter must not save at once.
  await editor.reviewButton.click();
  await expect(editor.dialog.getByRole('button', { name: 'Back to editing' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(editor.dialog).toHaveCount(0);
  await expect(editor.reviewButton).toBeFocused();
  await editor.reviewButton.click();
  await editor.dialog.getByRole('button', { name: 'Back to editing' }).click();
  await expect(editor.reviewButton).toBeFocused();

  const undo = page.getByRole('button', { name: 'Undo all changes…' });
  await undo.click();
  await expect(editor.dialog.getByRole('button', { name: 'Keep my changes' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(undo).toBeFocused();

  const close = page.getByRole('button', { name: 'Close', exact: true });
  await close.click();
  await expect(editor.dialog).toContainText('Leave without saving?');
  await page.keyboard.press('Escape');
  await expect(editor.dialog).toHaveCount(0);
  await expect(close).toBeFocused();
});

test('broken JSON is named in plain words, and the greyed controls say why', async ({ page }) => {
  const editor = new PolicyEditorPage(page);
  await editor.open(policyUrl);
  await editor.editor.locator('.view-lines').click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.insertText('x');
  // The words New policy › Paste JSON uses, not the browser's ("Unexpected token 'x', …").
  await expect(editor.checks).toContainText('The text is not valid JSON: an unexpected character at line 1, column 1.');
  await expect(editor.checks).not.toContainText(/Unexpected token|in JSON at position/);
  await expect(page.getByRole('radiogroup', { name: 'State' })).toHaveAccessibleDescription('Fix the JSON to use these.');
  await expect(page.getByText('Fix the JSON to use the include and exclude lists.')).toBeVisible();
});
