// The Lint page, and the findings lists it shares with each policy's page, by intent.
import { expect, type Locator, type Page } from '@playwright/test';
import { section } from '../support/navigation';

export class LintPage {
  readonly heading: Locator;
  /** "0 errors, 14 warnings and 4 suggestions; 1 suppressed." */
  readonly counts: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Lint', level: 1 });
    this.counts = page.getByRole('status').filter({ hasText: /\d+ errors?, \d+ warnings? and \d+ suggestions?/ });
  }

  async open() {
    await section(this.page, 'Lint').click();
    await expect(this.heading).toBeVisible();
    await expect(this.counts).toBeVisible();
  }

  /** The findings of one category ("References", "Coverage of the tenant"…). */
  category(name: string): Locator {
    return this.page.getByRole('list', { name: `${name} findings` });
  }

  /** The findings of a rule, about the policy whose name starts so (the list items are named so). */
  finding(ruleId: string, policyPrefix?: string): Locator {
    return this.page.getByRole('listitem', { name: new RegExp(`^${ruleId}${policyPrefix ? ` for “${policyPrefix}` : '($| for )'}`) });
  }

  async filter(by: 'severity' | 'category', option: string) {
    await this.page.getByRole('combobox', { name: `Filter by ${by}` }).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  /** Suppresses a finding through the dialog that asks for the reason. */
  async suppress(finding: Locator, reason: string) {
    await finding.getByRole('button', { name: /^Suppress / }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Reason' }).fill(reason);
    await dialog.getByRole('button', { name: 'Suppress', exact: true }).click();
    await expect(dialog).toHaveCount(0);
    // The dialog hides the page from screen readers while open; that lifts a moment after the dialog is gone.
    await expect(this.page.locator('#root')).not.toHaveAttribute('aria-hidden', 'true');
  }
}
