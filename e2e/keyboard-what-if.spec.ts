// What if by keys, as heard by a screen reader: the form, the pickers and the buttons by Tab, arrows,
// Enter, Space and Escape; what each action says (once, and again when the action is done again); where
// the focus goes when the control that had it leaves the page.
import type { Locator, Page } from '@playwright/test';
import { contosoDirectory } from '../src/emulator/seed/contoso';
import { expectNoSeriousA11yViolations } from './support/axe';
import { emulator, expect, signInToLocalTenant, test } from './support/fixtures';
import { section } from './support/navigation';
import { listenToWhatIsSaid, type Said } from './support/said';
import { fileChooserByEnter } from './support/file-chooser';

const EVALUATE = 'POST /v1.0/identity/conditionalAccess/evaluate';

let heard: Said;

/** Types into the focused search box and chooses the first result by keys. */
async function chooseByKeys(page: Page, box: Locator, text: string, result: RegExp) {
  await box.focus();
  await page.keyboard.type(text);
  await expect(page.getByRole('listbox').getByRole('option').first()).toHaveAccessibleName(result);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
}

/** Grace signing in to Teams, chosen by keys. */
async function describeSignIn(page: Page) {
  await chooseByKeys(page, page.getByRole('combobox', { name: /^User signing in/ }), 'grace', /^Grace Kim/);
  await expect(page.getByRole('button', { name: 'Choose another user than Grace Kim' })).toBeFocused();
  await chooseByKeys(page, page.getByRole('combobox', { name: /^Application/ }), 'Teams', /^Microsoft Teams/);
  await expect(page.getByRole('button', { name: /^Choose another application than Microsoft Teams/ })).toBeFocused();
}

async function pressOn(page: Page, control: Locator, key = 'Enter') {
  await control.focus();
  await page.keyboard.press(key);
}

const answers = (page: Page) => page.getByRole('table', { name: 'Each policy for this scenario' });

test.describe('in the demo', () => {
  test.beforeEach(async ({ page, signInPage }) => {
    heard = await listenToWhatIsSaid(page, { liveRegions: true });
    await page.goto('/');
    await signInPage.signInToDemoAs('Ada Lindqvist');
    await expect(page.getByRole('grid')).toBeVisible();
  });

  test('the answers are said once, by the page’s status, not a second time by the summaries above them', async ({ page }) => {
    await section(page, 'What if').click();
    await describeSignIn(page);
    const evaluate = page.getByRole('button', { name: 'Evaluate' });
    await pressOn(page, evaluate);
    await expect(answers(page)).toBeVisible();
    await expect(evaluate).toBeFocused();
    await expect.poll(() => heard.times(/^(Blocked by|Allowed)\b.*Policies: /, 'status')).toBe(1);
    // The summaries above the table were said a second time, by Fluent's announcer, with the whole of their words.
    expect(await heard.times(/Gatehouse, saved policies/, 'announcer')).toBe(0);
  });

  test('the same scenario evaluated again is said again, as is another', async ({ page }) => {
    await section(page, 'What if').click();
    await describeSignIn(page);
    const evaluate = page.getByRole('button', { name: 'Evaluate' });
    await pressOn(page, evaluate);
    await expect.poll(() => heard.times(/^(Blocked by|Allowed)\b.*Policies: /, 'status')).toBe(1);
    // Enter again: the status kept its words, and the admin heard nothing of the run.
    await page.keyboard.press('Enter');
    await expect.poll(() => heard.times(/^(Blocked by|Allowed)\b.*Policies: /, 'status')).toBe(2);
    await expect(evaluate).toBeFocused();
    await page.getByLabel('IP address').fill('203.0.113.7');
    await pressOn(page, evaluate);
    await expect
      .poll(() => heard.times(/^(Blocked by|Allowed)\b.*Policies: .*Graph and Gatehouse agree on every policy\.$/, 'status'))
      .toBe(1);
  });

  test('Save scenario pressed again is said again', async ({ page }) => {
    await section(page, 'What if').click();
    await describeSignIn(page);
    const save = page.getByRole('button', { name: 'Save scenario' });
    await pressOn(page, save);
    await expect(page.getByRole('table', { name: 'Saved scenarios' }).getByRole('row', { name: 'New scenario' })).toBeVisible();
    await expect.poll(() => heard.times(/^Saved “New scenario” on this device\.$/, 'status')).toBe(1);
    await page.keyboard.press('Enter');
    await expect.poll(() => heard.times(/^Saved “New scenario” on this device\.$/, 'status')).toBe(2);
    await expect(save).toBeFocused();
  });

  test('the suite’s summary is said from a status that is in the page before it has words', async ({ page }) => {
    await section(page, 'What if').click();
    const suite = page.getByRole('region', { name: 'Saved scenarios' });
    // A status put in the page already filled is often not read out: this one waits, empty, for its words.
    await expect(suite.getByRole('status')).toHaveText('');
    await describeSignIn(page);
    await pressOn(page, page.getByRole('button', { name: 'Save scenario' }));
    await expect(suite.getByRole('status')).toHaveText('With the saved policies: No scenario changes (1 scenario run).');
    await expect.poll(() => heard.times(/^With the saved policies: /, 'status')).toBe(1);
  });

  test('a scenario without a name is not saved: Save is reached by Tab and says why', async ({ page }) => {
    await section(page, 'What if').click();
    await describeSignIn(page);
    const name = page.getByRole('textbox', { name: 'Scenario name' });
    await name.fill('  ');
    const save = page.getByRole('button', { name: 'Save scenario' });
    await page.getByRole('button', { name: 'Evaluate' }).focus();
    await page.keyboard.press('Tab');
    await expect(save).toBeFocused();
    await expect(save).toHaveAttribute('aria-disabled', 'true');
    await expect(save).toHaveAccessibleDescription('Name the scenario first.');
    await page.keyboard.press('Enter');
    // Saved, its row and its buttons had no name of their own ("Open", "Remove").
    await expect(page.getByText('No scenario saved yet. Save the one above, or import a file of scenarios.')).toBeVisible();
    await expect(page.getByRole('table', { name: 'Saved scenarios' })).toHaveCount(0);
    await name.fill('Grace in Teams');
    await expect(save).toHaveAccessibleDescription('');
    await pressOn(page, save);
    await expect(page.getByRole('button', { name: 'Remove Grace in Teams' })).toBeVisible();
  });

  test('each scenarios file chosen is said, another one or the same again, and the focus stays on Import', async ({ page }) => {
    await section(page, 'What if').click();
    const importButton = page.getByRole('button', { name: 'Import scenarios…' });
    const choose = async (name: string, content: string) => {
      await importButton.focus();
      const chooser = await fileChooserByEnter(page);
      await chooser.setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
      await expect(page.getByText(new RegExp(`^${name.replace('.', '\\.')} `))).toBeVisible();
      await expect(importButton).toBeFocused();
    };
    await choose('monday.json', '{ "scenarios": ');
    await expect.poll(() => heard.times(/monday\.json/, 'announcer')).toBe(1);
    // Another wrong file: the notice stayed in place with new words, and nothing was said.
    await choose('tuesday.json', '{ "scenarios": ');
    await expect.poll(() => heard.times(/tuesday\.json/, 'announcer')).toBe(1);
    // The same file again is said again: the admin pressed Enter and hears why nothing changed.
    await choose('tuesday.json', '{ "scenarios": ');
    await expect.poll(() => heard.times(/tuesday\.json/, 'announcer')).toBe(2);
  });

  test('a scenario removed by keys leaves the focus on Undo, which gives it back to the scenario', async ({ page }) => {
    await section(page, 'What if').click();
    await describeSignIn(page);
    const name = page.getByRole('textbox', { name: 'Scenario name' });
    await name.fill('Grace in Teams');
    await pressOn(page, page.getByRole('button', { name: 'Save scenario' }));
    await pressOn(page, page.getByRole('button', { name: 'New scenario', exact: true }));
    await describeSignIn(page);
    await name.fill('Grace in Teams from home');
    await pressOn(page, page.getByRole('button', { name: 'Save scenario' }));
    const suite = page.getByRole('table', { name: 'Saved scenarios' });
    await expect(suite.getByRole('row')).toHaveCount(3);

    await pressOn(page, suite.getByRole('button', { name: 'Remove Grace in Teams', exact: true }));
    const undo = page.getByRole('button', { name: 'Undo' });
    // The button went with its row: the focus fell to the page and was put on the section's title.
    await expect(undo).toBeFocused();
    await expect.poll(() => heard.times(/^“Grace in Teams” removed\./, 'announcer')).toBe(1);
    await page.keyboard.press('Enter');
    const remove = suite.getByRole('button', { name: 'Remove Grace in Teams', exact: true });
    await expect(remove).toBeFocused();
    await expect(undo).toHaveCount(0);

    // Another removal is said too (the notice stayed with new words).
    await pressOn(page, suite.getByRole('button', { name: 'Remove Grace in Teams from home' }));
    await expect(undo).toBeFocused();
    await expect.poll(() => heard.times(/^“Grace in Teams from home” removed\./, 'announcer')).toBe(1);

    // A file's scenarios taken back by Undo: the focus goes back to Import, where it was.
    const scenarios = {
      format: 'gatehouse.what-if-scenarios',
      version: 1,
      scenarios: [
        {
          id: 's-office',
          name: 'Grace at the office',
          identity: { kind: 'user', id: contosoDirectory.user('Grace Kim'), name: 'Grace Kim' },
          target: { kind: 'application', appId: '00000002-0000-0ff1-ce00-000000000000', name: 'Office 365 Exchange Online' },
          conditions: { devicePlatform: 'windows', clientAppType: 'browser', ipAddress: '203.0.113.7', country: 'NL' },
        },
      ],
    };
    const importButton = page.getByRole('button', { name: 'Import scenarios…' });
    await importButton.focus();
    const chooser = await fileChooserByEnter(page);
    await chooser.setFiles({ name: 'office.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(scenarios)) });
    await expect(suite.getByRole('row', { name: 'Grace at the office' })).toBeVisible();
    await pressOn(page, undo);
    await expect(suite.getByRole('row', { name: 'Grace at the office' })).toHaveCount(0);
    await expect(importButton).toBeFocused();
  });

  test('a removal or an Undo the browser will not keep says so, and the focus goes where it goes when kept', async ({ page }) => {
    await section(page, 'What if').click();
    await describeSignIn(page);
    await page.getByRole('textbox', { name: 'Scenario name' }).fill('Grace in Teams');
    await pressOn(page, page.getByRole('button', { name: 'Save scenario' }));
    const suite = page.getByRole('table', { name: 'Saved scenarios' });
    await expect(suite.getByRole('row')).toHaveCount(2);
    // From now on the browser's storage refuses every change (blocked).
    await page.evaluate(() => {
      const blocked = () => {
        throw new DOMException('The storage is blocked.', 'SecurityError');
      };
      Storage.prototype.setItem = blocked;
      Storage.prototype.removeItem = blocked;
    });
    await pressOn(page, suite.getByRole('button', { name: 'Remove Grace in Teams' }));
    await expect(suite).toHaveCount(0);
    const undo = page.getByRole('button', { name: 'Undo' });
    await expect(undo).toBeFocused();
    await expect
      .poll(() =>
        heard.times(
          /^“Grace in Teams” removed\. The browser would not keep this \(its storage is full or blocked\): after a reload, the list it last kept comes back\./,
          'announcer',
        ),
      )
      .toBe(1);
    await page.keyboard.press('Enter');
    await expect(suite.getByRole('button', { name: 'Remove Grace in Teams' })).toBeFocused();
    await expect
      .poll(() =>
        heard.times(
          /^Put back\. The browser would not keep this \(its storage is full or blocked\): after a reload, the list it last kept comes back\./,
          'announcer',
        ),
      )
      .toBe(1);
    // A scenario saved is said not to last either.
    await pressOn(page, page.getByRole('button', { name: 'Save scenario' }));
    await expect
      .poll(() =>
        heard.times(
          /^Saved “Grace in Teams” for now: the browser would not keep it .*after a reload the version it last kept comes back\.$/,
          'status',
        ),
      )
      .toBe(1);
  });

  test('two scenarios of the same name are told apart by their buttons; Export says why it waits', async ({ page }) => {
    await section(page, 'What if').click();
    const exportButton = page.getByRole('button', { name: 'Export scenarios' });
    await expect(exportButton).toHaveAccessibleDescription('No scenario saved yet. Save the one above, or import a file of scenarios.');
    const name = page.getByRole('textbox', { name: 'Scenario name' });
    for (let i = 0; i < 2; i++) {
      if (i > 0) await pressOn(page, page.getByRole('button', { name: 'New scenario', exact: true }));
      await describeSignIn(page);
      await name.fill('Grace in Teams');
      await pressOn(page, page.getByRole('button', { name: 'Save scenario' }));
    }
    const suite = page.getByRole('table', { name: 'Saved scenarios' });
    await expect(suite.getByRole('button', { name: /^Open / })).toHaveText(['Open', 'Open']);
    await expect(suite.getByRole('button', { name: 'Open Grace in Teams (1 of 2)' })).toBeVisible();
    await expect(suite.getByRole('button', { name: 'Remove Grace in Teams (2 of 2)' })).toBeVisible();
    await expect(exportButton).toHaveAccessibleDescription('');
    // The second one removed: the first is no longer one of two.
    await pressOn(page, suite.getByRole('button', { name: 'Remove Grace in Teams (2 of 2)' }));
    await expect(suite.getByRole('button', { name: 'Remove Grace in Teams', exact: true })).toBeVisible();
  });

  test('every control is reached by Tab in the order shown; a picker opens, arrows, closes by Escape and chooses by Enter; axe finds nothing serious', async ({
    page,
  }) => {
    await section(page, 'What if').click();
    const draft = page.getByRole('combobox', { name: 'Draft to evaluate beside the saved policies' });
    await draft.focus();
    const user = page.getByRole('combobox', { name: /^User signing in/ });
    const order = [page.getByRole('textbox', { name: 'Scenario name' }), page.getByRole('combobox', { name: 'Who signs in' }), user];
    for (const control of order) {
      await page.keyboard.press('Tab');
      await expect(control).toBeFocused();
    }
    // A picker: typing opens its results, the arrows move in them, Escape closes them and keeps the words, Enter chooses.
    await page.keyboard.type('gra');
    const results = page.getByRole('listbox');
    await expect(results.getByRole('option', { name: /^Grace Kim/ })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(results).toHaveCount(0);
    await expect(user).toBeFocused();
    await expect(user).toHaveValue('gra');
    await page.keyboard.press('ArrowDown');
    await expect(results.getByRole('option', { name: /^Grace Kim/ })).toBeVisible();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Choose another user than Grace Kim' })).toBeFocused();
    await chooseByKeys(page, page.getByRole('combobox', { name: /^Application/ }), 'Teams', /^Microsoft Teams/);
    const later = [
      page.getByRole('combobox', { name: 'Device platform', exact: true }),
      page.getByRole('combobox', { name: 'Client app' }),
      page.getByRole('textbox', { name: 'IP address' }),
      page.getByRole('textbox', { name: 'Country (two letters)' }),
    ];
    await page.getByRole('combobox', { name: 'Signing in to' }).focus();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: /^Choose another application than Microsoft Teams/ })).toBeFocused();
    for (const control of later) {
      await page.keyboard.press('Tab');
      await expect(control).toBeFocused();
    }
    // A device not registered cannot be compliant: the box is still reached by Tab, says why, and a press leaves it.
    await page.getByRole('combobox', { name: 'Device', exact: true }).focus();
    await page.keyboard.press('Tab');
    const compliant = page.getByRole('checkbox', { name: 'Device marked compliant' });
    await expect(compliant).toBeFocused();
    await expect(compliant).toHaveAccessibleDescription(
      /^Choose how the device is joined first: one that is not registered cannot be compliant/,
    );
    await page.keyboard.press('Space');
    await expect(compliant).not.toBeChecked();
    await page.getByRole('combobox', { name: 'Expected outcome (for a suite)' }).focus();
    for (const name of ['Evaluate', 'Save scenario', 'New scenario']) {
      await page.keyboard.press('Tab');
      await expect(page.getByRole('button', { name, exact: true })).toBeFocused();
    }
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Evaluate' }).focus();
    await page.keyboard.press('Space');
    await expect(answers(page)).toBeVisible();
    await expect(page.getByText(/^Graph and Gatehouse/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Evaluate' })).toBeFocused();
    // The answers' table has its column headers, and no row claims to be selected.
    await expect(answers(page).getByRole('columnheader')).toHaveText(['Policy', 'Graph (saved)', 'Gatehouse (saved)']);
    await expect(answers(page).locator('[aria-selected]')).toHaveCount(0);
    await expect(page.getByRole('table', { name: 'Saved scenarios' }).getByRole('columnheader')).toHaveText([
      'Scenario',
      'Outcome',
      'Change',
      'Expected',
      'Actions',
    ]);
    await expectNoSeriousA11yViolations(page);
  });

  test('a scenario opened with an address that is not one puts the focus on the address, which says why', async ({ page }) => {
    await section(page, 'What if').click();
    const file = {
      format: 'gatehouse.what-if-scenarios',
      version: 1,
      scenarios: [
        {
          id: 's-typo',
          name: 'Grace mistyped',
          identity: { kind: 'user', id: contosoDirectory.user('Grace Kim'), name: 'Grace Kim' },
          target: { kind: 'application', appId: '00000002-0000-0ff1-ce00-000000000000', name: 'Office 365 Exchange Online' },
          conditions: { devicePlatform: 'windows', clientAppType: 'browser', ipAddress: '10.0.0.999', country: 'NL' },
        },
      ],
    };
    const importButton = page.getByRole('button', { name: 'Import scenarios…' });
    await importButton.focus();
    const chooser = await fileChooserByEnter(page);
    await chooser.setFiles({ name: 'typo.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    await pressOn(page, page.getByRole('button', { name: 'Open Grace mistyped', exact: true }));
    // It is not run: the focus stayed on Open, far below the form, and nothing was said.
    const ip = page.getByRole('textbox', { name: 'IP address' });
    await expect(ip).toBeFocused();
    await expect(ip).toHaveAttribute('aria-invalid', 'true');
    await expect(ip).toHaveAccessibleDescription(/'10\.0\.0\.999' is not an IPv4 or IPv6 address/);
    await expect(answers(page)).toHaveCount(0);
    // A scenario that can run leaves the focus on its Open, and is said as it runs.
    await ip.fill('203.0.113.7');
    await pressOn(page, page.getByRole('button', { name: 'Save scenario' }));
    await pressOn(page, page.getByRole('button', { name: 'Open Grace mistyped', exact: true }));
    await expect(answers(page)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Open Grace mistyped', exact: true })).toBeFocused();
  });
});

test.describe('with a Graph that refuses', () => {
  test.beforeEach(async ({ page, signInPage, consoleGuard, policiesPage }) => {
    consoleGuard.allowFailedResponse(400, '/v1.0/identity/conditionalAccess/evaluate');
    consoleGuard.allowFailedResponse(400, '/v1.0/users/');
    heard = await listenToWhatIsSaid(page, { liveRegions: true });
    await signInToLocalTenant(page, signInPage, policiesPage);
  });

  test('Evaluate again after Graph refused asks Graph again, and says the new answer', async ({ page }) => {
    await expect(page.getByRole('grid')).toBeVisible();
    await section(page, 'What if').click();
    await emulator.setFaults(await emulator.tenantId('Contoso'), { rules: [{ match: EVALUATE, fault: 400, times: 1 }] });
    await describeSignIn(page);
    const evaluate = page.getByRole('button', { name: 'Evaluate' });
    await pressOn(page, evaluate);
    await expect(page.getByRole('alert')).toContainText('Could not ask Graph to evaluate the scenario');
    await expect.poll(() => heard.times(/^(Blocked by|Allowed)\b.*Policies: .*Graph did not answer\.$/, 'status')).toBe(1);
    // Enter again: Graph was not asked again (its failure was kept), and nothing was said.
    await page.keyboard.press('Enter');
    await expect(page.getByText(/^Graph and Gatehouse agree/)).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect.poll(() => heard.times(/^(Blocked by|Allowed)\b.*Policies: .*Graph and Gatehouse agree/, 'status')).toBe(1);
    await expect(evaluate).toBeFocused();
  });

  test('Try again by keys leaves the focus on Evaluate, whether Graph refuses again or answers', async ({ page }) => {
    await section(page, 'What if').click();
    await emulator.setFaults(await emulator.tenantId('Contoso'), { rules: [{ match: EVALUATE, fault: 400, times: 2 }] });
    await describeSignIn(page);
    const evaluate = page.getByRole('button', { name: 'Evaluate' });
    await pressOn(page, evaluate);
    const retry = page.getByRole('button', { name: 'Try again' });
    await expect(retry).toBeVisible();
    // The error and its Try again go while Graph is asked: the focus fell to the page, then to its title, far above.
    await pressOn(page, retry);
    await expect(retry).toBeVisible();
    await expect(evaluate).toBeFocused();
    await pressOn(page, retry);
    await expect(page.getByText(/^Graph and Gatehouse agree/)).toBeVisible();
    await expect(retry).toHaveCount(0);
    await expect(evaluate).toBeFocused();
  });

  test('the engine failing is said once, by its alert, and again when a run fails again', async ({ page }) => {
    await section(page, 'What if').click();
    // Grace's groups and roles cannot be read: the engine cannot run. (They are read when she is picked, then
    // again at each Evaluate while the read has failed.)
    await emulator.setFaults(await emulator.tenantId('Contoso'), { rules: [{ match: '/transitiveMemberOf', fault: 400, times: 3 }] });
    const pickRefused = page.waitForResponse((r) => r.url().includes('/transitiveMemberOf') && r.status() === 400);
    await describeSignIn(page);
    await pickRefused;
    const evaluate = page.getByRole('button', { name: 'Evaluate' });
    await pressOn(page, evaluate);
    await expect(page.getByRole('alert')).toContainText('The scenario could not be evaluated');
    await expect.poll(() => heard.times(/^The scenario could not be evaluated/, 'alert')).toBe(1);
    // The page's status said it a second time.
    expect(await heard.times(/could not be evaluated/, 'status')).toBe(0);
    // Enter again, and it fails again: the alert stayed in place and nothing was said.
    await page.keyboard.press('Enter');
    await expect.poll(() => heard.times(/^The scenario could not be evaluated/, 'alert')).toBe(2);
    expect(await heard.times(/could not be evaluated/, 'status')).toBe(0);
    await expect(evaluate).toBeFocused();
  });

  test('Evaluate again after the engine could not read what it needs reads it again', async ({ page }) => {
    await section(page, 'What if').click();
    // Refused when Grace is picked and at the first Evaluate.
    await emulator.setFaults(await emulator.tenantId('Contoso'), { rules: [{ match: '/transitiveMemberOf', fault: 400, times: 2 }] });
    const pickRefused = page.waitForResponse((r) => r.url().includes('/transitiveMemberOf') && r.status() === 400);
    await describeSignIn(page);
    await pickRefused;
    const evaluate = page.getByRole('button', { name: 'Evaluate' });
    await pressOn(page, evaluate);
    await expect(page.getByRole('alert')).toContainText('The scenario could not be evaluated');
    // Enter again: the failure was kept, with no Try again of its own, until the page was left.
    await page.keyboard.press('Enter');
    await expect(answers(page)).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect.poll(() => heard.times(/^(Blocked by|Allowed)\b.*Policies: /, 'status')).toBe(1);
    await expect(evaluate).toBeFocused();
  });
});
