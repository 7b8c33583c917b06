// Import by keys, as heard by a screen reader: a file refused is said each time it is chosen, and the
// focus stays on the button that chose it; reading is said while it lasts; disabled actions (Read its
// policies, Save my choices) are reached by Tab and say why; the mapping of a copy into another tenant
// is chosen by keys row by row, each control named for its row, the focus kept where the choice was made
// and a pick from the tenant's directory said; a saved mapping refused, or applied, is said each time,
// the focus staying on the button that chose it. Soft checks: each shortfall is reported, not only the first.
import { readFileSync } from 'node:fs';
import type { FileChooser, Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { tabTo, watchFocusLost } from './support/focus';
import { copyTwoPolicies } from './support/import-flow';
import { section } from './support/navigation';
import { listenToWhatIsSaid } from './support/said';
import { fileChooserByEnter } from './support/file-chooser';

/** Presses Enter on the focused button and gives the file chooser it opens these files. */
async function chooseByKeys(page: Page, files: Parameters<FileChooser['setFiles']>[0]) {
  const chooser = await fileChooserByEnter(page);
  await chooser.setFiles(files);
}

/** In an open list, presses ArrowDown until the option is the active one (as a screen reader hears it). */
async function arrowTo(page: Page, combobox: Locator, option: Locator) {
  const id = await option.getAttribute('id');
  for (let i = 0; i < 12; i++) {
    if ((await combobox.getAttribute('aria-activedescendant')) === id) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`ArrowDown never reached ${id}`);
}

/** Opens a choice of the mapping by Enter, arrows to the option, Enter. */
async function chooseOption(page: Page, combobox: Locator, option: string) {
  await combobox.focus();
  await page.keyboard.press('Enter');
  const wanted = page.getByRole('option', { name: option });
  await expect(wanted).toBeVisible();
  await arrowTo(page, combobox, wanted);
  await page.keyboard.press('Enter');
  await expect(combobox).toHaveText(option);
}

test('a file refused is said each time it is chosen, and the focus stays on Choose files', async ({ page, signInPage }) => {
  const said = await listenToWhatIsSaid(page);
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await expect(page.getByRole('grid')).toBeVisible();
  await section(page, 'Import').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import' })).toBeVisible();
  const lost = await watchFocusLost(page);

  const choose = page.getByRole('button', { name: 'Choose files…' });
  await choose.focus();
  const fake = { name: 'fake.zip', mimeType: 'application/zip', buffer: Buffer.from('PK not a zip') };
  const refusal = /fake\.zip could not be opened as a zip/;
  for (const time of [1, 2]) {
    await chooseByKeys(page, fake);
    await expect(page.getByText(refusal)).toBeVisible();
    await expect.soft(choose).toBeFocused();
    // The same refusal of the same file chosen again is said again: the admin who chose it hears why.
    await expect.soft.poll(() => said.times(refusal)).toBe(time);
  }
  expect.soft(await lost()).toEqual([]);
});

test('reading files is said while it lasts, and a disabled Read its policies is reached by Tab and says why', async ({
  page,
  signInPage,
}) => {
  const said = await listenToWhatIsSaid(page, { liveRegions: true });
  await signInPage.signInToDemoWithPreProduction();
  await section(page, 'Import').click();
  const read = page.getByRole('button', { name: 'Read its policies' });
  await expect.soft(read).toHaveAttribute('aria-disabled', 'true');
  await expect.soft(read).toHaveAccessibleDescription('Choose a tenant first.');
  await page.getByRole('combobox', { name: 'Or copy from another tenant you are signed in to' }).focus();
  await page.keyboard.press('Tab');
  await expect.soft(read).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /^The plan for / })).toHaveCount(0);

  await page.getByRole('button', { name: 'Choose files…' }).focus();
  await chooseByKeys(page, { name: 'one.json', mimeType: 'application/json', buffer: Buffer.from('{"displayName":"x"') });
  await expect(page.getByText(/^From one\.json/)).toBeVisible();
  expect.soft(await said.times(/^Reading the files…$/)).toBeGreaterThan(0);
});

test('the mapping by keys: Save says why it is disabled, each choice is named for its row, the focus stays, a pick is said', async ({
  page,
  signInPage,
}) => {
  const said = await listenToWhatIsSaid(page, { liveRegions: true });
  const mapping = await copyTwoPolicies(page, signInPage, { untilMappingShows: true });
  const lost = await watchFocusLost(page);

  // Nothing chosen yet: Save is reached by Tab and says why it does nothing.
  const save = page.getByRole('button', { name: 'Save my choices (0)' });
  await expect.soft(save).toHaveAttribute('aria-disabled', 'true');
  await expect.soft(save).toHaveAccessibleDescription(/choose what a reference becomes/i);
  // Past the links of what blocks applying (a Tab stop each), Save is next.
  await page.getByRole('button', { name: 'Find users again' }).focus();
  await tabTo(page, save, { limit: 1 + (await page.getByRole('list', { name: 'What blocks applying' }).getByRole('link').count()) });

  // Contractors by keys: "Create an empty group of this name"; the focus stays on the choice.
  const contractors = mapping.getByRole('combobox', { name: 'In this tenant, Contractors becomes' });
  await chooseOption(page, contractors, 'Create an empty group of this name');
  await expect.soft(contractors).toBeFocused();
  // Next by Tab: the search of its own row, named for it.
  await page.keyboard.press('Tab');
  const pick = mapping.getByRole('combobox', { name: 'Pick another for Contractors' });
  await expect(pick).toBeFocused();
  // Another group picked by keys: the search empties and keeps the focus, and what it chose is said.
  await page.keyboard.type('Emergency');
  const found = page.getByRole('option', { name: /^CA - Emergency access accounts/ });
  await expect(found).toBeVisible();
  await arrowTo(page, pick, found);
  await page.keyboard.press('Enter');
  await expect(contractors).toHaveText('CA - Emergency access accounts');
  await expect.soft(pick).toBeFocused();
  await expect.soft.poll(() => said.times(/^Contractors becomes CA - Emergency access accounts in this tenant\.$/)).toBe(1);

  // Break Glass 02 by keys, left out: through its row by Tab (each control named for it) to the confirmation, checked by Space.
  const breakGlass = mapping.getByRole('combobox', { name: 'In this tenant, Break Glass 02 becomes' });
  await chooseOption(page, breakGlass, 'Leave it out');
  await expect.soft(breakGlass).toBeFocused();
  await expect(breakGlass).toHaveAccessibleDescription(/Leaving out the user 'Break Glass 02' widens 'CA031/);
  await page.keyboard.press('Tab');
  await expect(mapping.getByRole('combobox', { name: 'Pick another for Break Glass 02' })).toBeFocused();
  // The search is one Tab stop (its arrow was a second one, opening an empty list).
  await page.keyboard.press('Tab');
  const understand = mapping.getByRole('checkbox', { name: /^I understand: leave it out \(the user 'Break Glass 02'/ });
  await expect(understand).toBeFocused();
  await page.keyboard.press('Space');
  await expect(understand).toBeChecked();
  await expect(page.getByRole('button', { name: 'Save my choices (2)' })).not.toHaveAttribute('aria-disabled', 'true');
  expect.soft(await lost()).toEqual([]);
});

test('a saved mapping chosen by keys: refused or applied, it is said each time, and the focus stays on the button', async ({
  page,
  signInPage,
}) => {
  const said = await listenToWhatIsSaid(page, { liveRegions: true });
  const mapping = await copyTwoPolicies(page, signInPage, { untilMappingShows: true });
  await chooseOption(
    page,
    mapping.getByRole('combobox', { name: 'In this tenant, Contractors becomes' }),
    'Create an empty group of this name',
  );
  const save = page.getByRole('button', { name: 'Save my choices (1)' });
  await save.focus();
  const [saved] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  const savedFile = { name: 'mapping.json', mimeType: 'application/json', buffer: readFileSync(await saved.path()) };
  const lost = await watchFocusLost(page);

  // A file that is not a mapping, chosen twice: refused, said each time.
  const useSaved = page.getByRole('button', { name: 'Use a saved mapping…' });
  await useSaved.focus();
  const notMapping = { name: 'policy.json', mimeType: 'application/json', buffer: Buffer.from('{"displayName":"CA001"}') };
  const refused = /policy\.json: This is not a Gatehouse mapping file\./;
  for (const time of [1, 2]) {
    await chooseByKeys(page, notMapping);
    await expect(page.getByText(refused)).toBeVisible();
    await expect.soft.poll(() => said.times(refused)).toBe(time);
    await expect.soft(useSaved).toBeFocused();
  }
  // Applied, twice: said each time (the second in the same words), the refusal gone.
  const applied = /1 saved choice applied\./;
  for (const time of [1, 2]) {
    await chooseByKeys(page, savedFile);
    await expect(page.getByText(refused)).toHaveCount(0);
    await expect.soft.poll(() => said.times(applied)).toBe(time);
    await expect.soft(useSaved).toBeFocused();
  }
  expect.soft(await lost()).toEqual([]);
});

test('a saved mapping with its domain map, chosen by keys: users are found again in place, the focus stays and the outcome is said', async ({
  page,
  signInPage,
}) => {
  const said = await listenToWhatIsSaid(page, { liveRegions: true });
  const mapping = await copyTwoPolicies(page, signInPage, { untilMappingShows: true });
  const blockers = page.getByRole('list', { name: 'What blocks applying' });
  await expect(blockers).toContainText("Choose what the user 'Break Glass 01' becomes in this tenant.");
  await chooseOption(
    page,
    mapping.getByRole('combobox', { name: 'In this tenant, Contractors becomes' }),
    'Create an empty group of this name',
  );
  const [saved] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save my choices (1)' }).click()]);
  // The file as a pipeline keeps it: sign-in names move to the pre-production domain.
  const file = JSON.parse(readFileSync(await saved.path(), 'utf8')) as { domains: { from: string; to: string }[] };
  file.domains = [{ from: 'contoso.example', to: 'preprod.contoso.example' }];
  const withDomains = { name: 'mapping.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) };
  const lost = await watchFocusLost(page);

  const useSaved = page.getByRole('button', { name: 'Use a saved mapping…' });
  await useSaved.focus();
  await chooseByKeys(page, withDomains);
  await expect(page.getByLabel('Sign-in names ending in')).toHaveValue('contoso.example');
  await expect(blockers).not.toContainText('Break Glass 01');
  // The mapping was made again in place: the button that chose the file still has the focus, and what it did is said.
  await expect.soft(useSaved).toBeFocused();
  await expect.soft.poll(() => said.times(/1 saved choice applied\./)).toBe(1);
  expect.soft(await lost()).toEqual([]);
});
