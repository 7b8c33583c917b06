// The policies list as an admin works it: sorting by a column header (mouse and keyboard, announced,
// kept in the URL; findings counted, none as zero), why a search kept a policy, a policy opened from far down the list shown from
// its top (and Back returning to where the list was), and the same last-change date in the list
// and on the policy page.
import { expect, test } from './support/fixtures';
import { section } from './support/navigation';

test.beforeEach(async ({ page, signInPage, policiesPage }) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await expect(policiesPage.rows).toHaveCount(35);
});

const nonDecreasing = (values: number[]) => values.every((value, i) => i === 0 || values[i - 1]! <= value);

test('sorts by a column header, by click and by Enter, with aria-sort, and keeps the order in the URL', async ({ page, policiesPage }) => {
  const header = (name: string) => policiesPage.grid.getByRole('columnheader', { name, exact: true });
  const modifiedDates = async () =>
    (await policiesPage.rows.locator('[role="gridcell"]:last-child').allInnerTexts()).map((text) => Date.parse(text));
  await expect(header('Name')).toHaveAttribute('aria-sort', 'ascending');
  await expect(header('Modified')).toHaveAttribute('aria-sort', 'none');

  // A date sorts newest first on the first click: the recent change is what an admin looks for.
  await header('Modified').getByRole('button').click();
  await expect(page).toHaveURL(/[?&]sort=modified(&|$)/);
  await expect(page).toHaveURL(/[?&]dir=desc(&|$)/);
  await expect(header('Modified')).toHaveAttribute('aria-sort', 'descending');
  await expect(header('Name')).toHaveAttribute('aria-sort', 'none');
  const newestFirst = await modifiedDates();
  expect(newestFirst.every((d) => !Number.isNaN(d))).toBe(true);
  expect(nonDecreasing([...newestFirst].reverse())).toBe(true);
  expect(newestFirst[0]).toBeGreaterThan(newestFirst.at(-1)!);

  await header('Modified').getByRole('button').click();
  await expect(page).not.toHaveURL(/[?&]dir=desc(&|$)/);
  await expect(header('Modified')).toHaveAttribute('aria-sort', 'ascending');
  expect(nonDecreasing(await modifiedDates())).toBe(true);

  // By keyboard: the header's sort button takes focus, Enter sorts.
  await header('State').getByRole('button').focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/[?&]sort=state(&|$)/);
  await expect(header('State')).toHaveAttribute('aria-sort', 'ascending');
  const order = { On: 0, 'Report-only': 1, Off: 2 } as Record<string, number>;
  const states = await policiesPage.rows.getByRole('gridcell', { name: /^(On|Off|Report-only)$/ }).allInnerTexts();
  expect(states).toHaveLength(35);
  expect(nonDecreasing(states.map((s) => order[s]!))).toBe(true);

  // The order is part of the address: a reload keeps it.
  await page.reload();
  await expect(policiesPage.rows).toHaveCount(35);
  await expect(header('State')).toHaveAttribute('aria-sort', 'ascending');
});

test('sorts by findings as aria-sort says: the worst first on the first click, then the mildest (none) first', async ({ policiesPage }) => {
  const header = policiesPage.grid.getByRole('columnheader', { name: 'Findings', exact: true });
  const cells = policiesPage.rows.getByRole('img', { name: /^(No findings|\d+ (error|warning|suggestion))/ });
  // Each row's worst severity and count from what its cell says: "2 warnings, 1 suggestion (1 suppressed)" → [2, 3]
  // (error 3, warning 2, suggestion 1), "No findings" → [0, 0].
  const findings = () =>
    cells.evaluateAll((found) =>
      found.map((cell) => {
        const label = (cell.getAttribute('aria-label') ?? '').replace(/\(.*\)/, '');
        const worst = /error/.test(label) ? 3 : /warning/.test(label) ? 2 : /suggestion/.test(label) ? 1 : 0;
        return [worst, label.split(',').reduce((sum, part) => sum + (Number.parseInt(part, 10) || 0), 0)] as const;
      }),
    );
  // Worse severity first, then more findings first.
  const worstFirst = (rows: (readonly [number, number])[]) =>
    rows.every((row, i) => i === 0 || rows[i - 1]![0] > row[0] || (rows[i - 1]![0] === row[0] && rows[i - 1]![1] >= row[1]));
  await expect(cells).toHaveCount(35);

  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  const descending = await findings();
  expect(descending).toHaveLength(35);
  expect(worstFirst(descending)).toBe(true);
  expect(descending[0]![0]).toBeGreaterThan(0);
  expect(descending.at(-1)).toEqual([0, 0]);

  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  const ascending = await findings();
  expect(worstFirst([...ascending].reverse())).toBe(true);
  expect(ascending[0]).toEqual([0, 0]);
});

test('says which name a policy matched through when its own name does not', async ({ page, policiesPage }) => {
  await policiesPage.search('payroll');
  await expect(policiesPage.rows).toHaveCount(1);
  await expect(policiesPage.row(/^CA016/)).toContainText('Matches workload identity “Contoso Payroll Sync”');

  await policiesPage.search('legacy');
  await expect(policiesPage.row(/^CA002/)).toBeVisible();
  await expect(policiesPage.row(/^CA002/)).not.toContainText('Matches');
  await expect(page.getByText(/^Matches /)).toHaveCount(0);
});

test('opens a policy from far down the list at its top, and Back returns to where the list was', async ({ page, policiesPage }) => {
  // Once the policy page's code is loaded, nothing short is drawn in between to reset the scroll.
  await policiesPage.open(/^CA001/);
  await expect(page.getByRole('heading', { level: 1, name: /^CA001/ })).toBeVisible();
  await section(page, 'Policies').click();
  await expect(policiesPage.rows).toHaveCount(35);

  const last = policiesPage.rows.last().getByRole('link');
  await last.scrollIntoViewIfNeeded();
  const listScroll = await page.evaluate(() => window.scrollY);
  expect(listScroll).toBeGreaterThan(300);
  const name = await last.innerText();

  await last.click();
  const title = page.getByRole('heading', { level: 1, name });
  await expect(title).toBeVisible();
  await expect(title).toBeInViewport({ ratio: 1 });
  expect(await page.evaluate(() => window.scrollY)).toBe(0);

  await page.goBack();
  await expect(policiesPage.rows).toHaveCount(35);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(listScroll);
});

test('shows on the policy page the date the list shows, for a policy never changed since created', async ({ page, policiesPage }) => {
  const listed = (
    await policiesPage
      .row(/^CA002/)
      .getByRole('gridcell')
      .last()
      .innerText()
  ).trim();
  expect(listed).toMatch(/\d{4}/);
  await policiesPage.open(/^CA002/);
  const modified = page.getByText(/^Modified /);
  await expect(modified).toContainText(`Modified ${listed}`);
  await expect(modified).toContainText('unchanged since it was created');
  await expect(modified).not.toContainText('—');
});

test('the search box clears by its “Clear search” button or by Esc, and the list comes back', async ({ page, policiesPage }) => {
  const search = page.getByRole('searchbox', { name: /Search policies/ });
  await policiesPage.search('payroll');
  await expect(policiesPage.rows).toHaveCount(1);
  // The mouse's way: the button says what it clears.
  await page.getByRole('button', { name: 'Clear search' }).click();
  await expect(search).toHaveValue('');
  await expect(policiesPage.rows).toHaveCount(35);

  // The keyboard's way: Esc in the box.
  await policiesPage.search('payroll');
  await expect(policiesPage.rows).toHaveCount(1);
  await search.press('Escape');
  await expect(search).toHaveValue('');
  await expect(search).toBeFocused();
  await expect(policiesPage.rows).toHaveCount(35);
});
