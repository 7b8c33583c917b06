// The demo's rollout rings judge: a rollout started in the demo on its ring groups (members who sign in every day)
// has, some minutes later, sign-ins of the rings' users since the ring started, decided against the enforced copy,
// so the gate judges them instead of waiting for sign-ins that never come. The page's clock is moved on (the demo's
// Graph runs in the page and keeps its time), not waited for.
import { expect, test } from './support/fixtures';
import { nameEmergencyGroup } from './support/emergency-group';
import { planRingsFor } from './support/rollout-plan';

test('a rollout started in the demo on its ring groups: minutes later the gate judges the rings’ own sign-ins', async ({
  page,
  signInPage,
  policiesPage,
}) => {
  test.setTimeout(120_000);
  await page.clock.install();
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await expect(policiesPage.rows).toHaveCount(35);
  await nameEmergencyGroup(page);

  await planRingsFor(page, /^CA001/);
  const ringPicker = page.getByRole('combobox', { name: 'Groups for a new ring' });
  for (const ring of ['Rollout ring 1 - IT pilot', 'Rollout ring 2 - Early adopters']) {
    await ringPicker.fill(ring.slice(0, 14));
    await page.getByRole('option', { name: new RegExp(`^${ring}`) }).click();
  }
  const rings = page.getByRole('table', { name: 'Rings' });
  await expect(rings.getByRole('row', { name: /Rollout ring 1 - IT pilot/ })).toContainText('3 users');
  await expect(rings.getByRole('row', { name: /Rollout ring 2 - Early adopters/ })).toContainText('5 users');
  await page.getByRole('button', { name: 'Keep this plan' }).click();

  await page.getByRole('button', { name: 'Start the rollout…' }).click();
  await page.getByRole('button', { name: /^Apply: 2 changes to Contoso/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Write to Contoso' }).click();
  await expect(page.getByRole('heading', { name: 'Applied to Contoso' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Back to the rollout' }).click();
  await expect(rings.getByRole('row', { name: /Ring 1 \(Rollout ring 1 - IT pilot\)/ })).toContainText('In the copy');

  // A quarter of an hour on, ring 1's three people have signed in since it started, each sign-in decided by the copy.
  await page.clock.fastForward('15:00');
  await page.getByRole('button', { name: 'Read the gate' }).click();
  const reading = page.getByRole('region', { name: 'The gate’s reading' });
  await expect(reading).toContainText(/The copy, for the rings’ users: \d+ sign-ins of 3 users, \d+ it applied to/);
  await expect(reading).toContainText(
    /The policy \(report-only\), for Ring 2 \(Rollout ring 2 - Early adopters\): \d+ sign-ins of 5 users/,
  );
  await expect(reading).not.toContainText('Waiting for sign-ins');
  await expect(reading).not.toContainText('nothing to judge yet');
});
