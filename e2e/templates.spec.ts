// Templates: the gallery against the demo tenant (which policy has which template, and the gaps),
// a template's difference with the tenant's policy, and two templates deployed as one plan,
// report-only, that then appear in the policy list.
import type { Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { section } from './support/navigation';

const gallery = (page: Page) => page.getByRole('table', { name: 'Templates' });
const templateRow = (page: Page, name: string) => gallery(page).getByRole('row', { name, exact: true });

test('the gallery shows what the tenant has, which policy, how it differs, and the gaps', async ({ page, signInPage }) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await section(page, 'Templates').click();
  await expect(page.getByRole('heading', { name: 'Templates', level: 1 })).toBeVisible();
  // Read from the tenant: policies can be turned on.
  await expect(page.getByText('Security defaults are off in Contoso')).toBeVisible();

  // Microsoft's 21 and the six shipped baselines.
  await expect(page.getByRole('status').filter({ hasText: /^27 templates:/ })).toBeVisible();

  // Contoso blocks legacy authentication as Microsoft's template does, its own exclusions aside.
  const legacy = templateRow(page, 'Block legacy authentication');
  await expect(legacy).toContainText('Has it');
  await expect(legacy).toContainText('Same content');
  await expect(legacy.getByRole('link', { name: 'CA002: Block legacy authentication' })).toBeVisible();
  await expect(legacy.getByRole('checkbox', { name: 'Deploy Block legacy authentication' })).toBeDisabled();

  // CA005 was created from Microsoft's Azure management template (its templateId says so) and widened since.
  const azure = templateRow(page, 'Require multifactor authentication for Azure management');
  await expect(azure).toContainText('Created from this template, changed since');
  await expect(azure.getByRole('link', { name: 'CA005: Require MFA for Azure management' })).toBeVisible();

  // A template Contoso has nothing like.
  const gap = templateRow(page, 'No persistent browser session');
  await expect(gap).toContainText('Gap');
  // Risk needs P2: said on the template.
  await expect(templateRow(page, 'Require multifactor authentication for risky sign-ins')).toContainText('Entra ID P2');

  // Contoso's security info registration is close to Microsoft's: the difference says how.
  const registration = templateRow(page, 'Securing security info registration');
  await expect(registration).toContainText('Similar');
  const difference = registration.getByRole('button', { name: /^Difference between CA004/ });
  await difference.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('list', { name: 'Differences' })).toContainText('Global Administrator');
  // Escape gives the keyboard back to the row's button, not to the page's start.
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(difference).toBeFocused();
  await difference.click();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(difference).toBeFocused();

  await expectNoSeriousA11yViolations(page);

  // Only what the tenant lacks.
  await page.getByRole('switch', { name: 'Hide what the tenant has' }).check();
  await expect(templateRow(page, 'Block legacy authentication')).toHaveCount(0);
  await expect(templateRow(page, 'No persistent browser session')).toBeVisible();
});

test('two templates are deployed as one plan, report-only, the admin and the emergency accounts excluded', async ({
  page,
  signInPage,
  policiesPage,
}) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await section(page, 'Settings').click();
  await page.getByRole('combobox', { name: 'Users' }).fill('Break');
  await page.getByRole('option', { name: /^Break Glass 01/ }).click();
  await expect(page.getByRole('toolbar', { name: 'Emergency-access accounts' })).toContainText('Break Glass 01');
  await section(page, 'Templates').click();

  await templateRow(page, 'No persistent browser session').getByRole('checkbox').check();
  await templateRow(page, 'Block all agent identities from accessing resources').getByRole('checkbox').check();
  await expect(page.getByRole('heading', { name: 'Deploy 2 templates' })).toBeVisible();
  // The current administrator is a blank filled with the signed-in admin, which can be changed.
  const blank = page.getByRole('region', { name: 'Current administrator' });
  const chosen = blank.getByRole('toolbar', { name: 'Chosen for Current administrator' });
  // As the directory names the user: not the account's '(demo administrator)' with '(user)' after it.
  await expect(chosen).toContainText('Ada Lindqvist (user)');
  // The emergency accounts of Settings are one click away for an exclusion.
  await blank.getByRole('button', { name: 'Emergency accounts from Settings' }).click();
  await expect(chosen).toContainText('Break Glass 01 (user)');

  await expectNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: 'Plan these 2 templates' }).click();
  // Templates are written into the tenant signed in to: the plan says so, not "an import" or "another tenant".
  const summary = page.getByRole('region', { name: 'The plan for Contoso' });
  await expect(summary).toContainText('New policies from the gallery’s templates, written into Contoso');
  await expect(summary).not.toContainText(/another tenant|import/i);
  await expect(summary.getByRole('radio', { name: 'As in the template' })).toBeVisible();
  await expect(page.getByLabel('Sign-in names ending in')).toHaveCount(0);
  const rows = page.getByRole('table', { name: 'What the plan writes, in order' });
  for (const name of ['No persistent browser session', 'Block all agent identities from accessing resources']) {
    const row = rows.getByRole('row').filter({ hasText: name });
    await expect(row.getByRole('combobox', { name: new RegExp(`^Action for ${name}`) })).toHaveText('Create');
    await expect(row.getByRole('combobox', { name: new RegExp(`^State for ${name}`) })).toHaveText('Report-only');
  }
  // A row's state may be the template's own, said so; and a new policy is said to be new in the tenant, not "the target".
  await rows.getByRole('combobox', { name: /^State for No persistent browser session/ }).click();
  await expect(page.getByRole('option', { name: 'As in the template' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(rows).not.toContainText(/in the target|import/i);
  await page.getByRole('button', { name: /^Apply: 2 changes to Contoso/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Write to Contoso' }).click();
  await expect(page.getByRole('heading', { name: 'Applied to Contoso' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'What was written' }).getByText('As planned')).toHaveCount(2);
  await page.getByRole('button', { name: 'Done' }).click();

  // The gallery now finds both in the tenant.
  await expect(templateRow(page, 'No persistent browser session')).toContainText('Has it');
  await section(page, 'Policies').click();
  await expect(policiesPage.row('No persistent browser session')).toContainText('Report-only');
  await expect(policiesPage.row('Block all agent identities from accessing resources')).toContainText('Report-only');
});

test('a policy saved as a template and a baseline brought from a file join the gallery, kept on this device for every tenant', async ({
  page,
  signInPage,
}) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await section(page, 'Templates').click();

  await page.getByRole('combobox', { name: 'Policy to save as a template' }).click();
  await page.getByRole('option', { name: /^CA007/ }).click();
  await page.getByRole('button', { name: 'Save as template' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Saved “CA007/ })).toBeVisible();

  const baseline = {
    displayName: 'BASE-001 Block Linux for finance',
    state: 'enabled',
    conditions: {
      applications: { includeApplications: ['All'] },
      users: { includeGroups: ['0f1a2b3c-0000-4000-8000-000000000001'] },
      platforms: { includePlatforms: ['linux'] },
    },
    grantControls: { operator: 'OR', builtInControls: ['block'] },
  };
  await page.getByLabel('Baseline files').setInputFiles({
    name: 'base-001.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(baseline)),
  });
  await expect(page.getByRole('status').filter({ hasText: '1 template added from base-001.json.' })).toBeVisible();

  await page.reload();
  await page.getByRole('tab', { name: 'Saved here' }).click();
  // The saved policy is found in the tenant: it is that policy, its groups now blanks.
  const saved = templateRow(page, 'CA007: Require compliant or hybrid joined device on desktops');
  await expect(saved).toContainText('Has it');
  await expect(saved.getByRole('link', { name: /^CA007/ })).toBeVisible();
  // The file names no client apps (any client app, as CA031's ['all']): only the users tell the two apart.
  const base = templateRow(page, 'BASE-001 Block Linux for finance');
  await expect(base).toContainText('Similar');
  await expect(base).toContainText('Differs in users.');
  await expect(base).toContainText('CA031: Block Linux for Global Administrators');

  // Choosing the baseline asks for its group, named from the file (only an id there, so shortened).
  await templateRow(page, 'BASE-001 Block Linux for finance').getByRole('checkbox').check();
  await expect(page.getByRole('region', { name: 'GROUP: 0f1a2b3c' })).toContainText('In included groups.');

  // Saved on this device, not in the tenant: the same templates in another tenant signed in here.
  await page.getByRole('button', { name: 'Ada Lindqvist (demo administrator) Contoso' }).click();
  await page.getByRole('menuitem', { name: /^Add .*\(administrator\) · Contoso pre-production$/ }).click();
  await page.getByRole('button', { name: 'Switch', exact: true }).click();
  await expect(page.getByRole('button', { name: /Contoso pre-production$/ })).toBeVisible();
  await section(page, 'Templates').click();
  await page.getByRole('tab', { name: 'Saved here' }).click();
  await expect(templateRow(page, 'CA007: Require compliant or hybrid joined device on desktops')).toBeVisible();
  await expect(templateRow(page, 'BASE-001 Block Linux for finance')).toContainText('Gap');
});

test('a policy is saved as a template from its own page, its groups made blanks', async ({ page, signInPage, policiesPage }) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await policiesPage.open(/^CA028/);
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('menuitem', { name: 'Save as template' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Saved “CA028/ })).toBeVisible();
  await page.getByRole('link', { name: 'Open Templates' }).click();
  await page.getByRole('tab', { name: 'Saved here' }).click();
  await expect(templateRow(page, 'CA028: Contractors use a strong MFA method')).toContainText('Has it');

  // Deploying it in another tenant asks for the group the policy named, by that name.
  await page.getByRole('button', { name: 'Ada Lindqvist (demo administrator) Contoso' }).click();
  await page.getByRole('menuitem', { name: /^Add .*\(administrator\) · Contoso pre-production$/ }).click();
  await page.getByRole('button', { name: 'Switch', exact: true }).click();
  await expect(page.getByRole('button', { name: /Contoso pre-production$/ })).toBeVisible();
  await section(page, 'Templates').click();
  await page.getByRole('tab', { name: 'Saved here' }).click();
  await templateRow(page, 'CA028: Contractors use a strong MFA method').getByRole('checkbox').check();
  await expect(page.getByRole('region', { name: 'GROUP: Contractors' })).toContainText('In included groups.');
});
