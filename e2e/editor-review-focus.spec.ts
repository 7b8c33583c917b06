// The save review by keys: Exclude emergency accounts leaves the page with the risk that offered it;
// the keyboard's focus goes on to the button that now saves (not to the page's start), and what was
// done is said.
import { PolicyEditorPage } from './pages/policy-editor-page';
import { expect, test } from './support/fixtures';
import { nameEmergencyGroup } from './support/emergency-group';
import { section } from './support/navigation';
import { listenToWhatIsSaid } from './support/said';

test('Exclude emergency accounts, pressed by keys, hands the focus to the button that now saves and says so', async ({
  page,
  signInPage,
}) => {
  const heard = await listenToWhatIsSaid(page, { liveRegions: true });
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');

  await nameEmergencyGroup(page);

  await section(page, 'Policies').click();
  await page.getByRole('button', { name: 'New policy' }).click();
  await page.getByRole('button', { name: 'Require multifactor authentication for admins' }).click();
  const editor = new PolicyEditorPage(page);
  await expect(editor.editor.locator('.view-lines')).toContainText('"Require multifactor authentication for admins"');
  await editor.setState('On');

  await page.getByRole('button', { name: 'Review and create…' }).click();
  const risks = editor.dialog.getByRole('list', { name: 'Who could be locked out' });
  await expect(risks).toContainText('Break Glass 01');
  const exclude = editor.dialog.getByRole('button', { name: 'Exclude emergency accounts' });
  await exclude.focus();
  await page.keyboard.press('Enter');

  await expect(risks).toHaveCount(0);
  const create = editor.dialog.getByRole('button', { name: 'Create in tenant' });
  await expect(create).toBeEnabled();
  await expect(create).toBeFocused();
  await expect.poll(() => heard.times(/The emergency-access accounts were excluded from the draft\./)).toBeGreaterThan(0);
});
