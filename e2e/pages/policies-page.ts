// The policies list, by intent.
import type { Locator, Page } from '@playwright/test';

export class PoliciesPage {
  readonly grid: Locator;
  readonly rows: Locator;
  readonly heading: Locator;

  constructor(private readonly page: Page) {
    this.grid = page.getByRole('grid', { name: 'Conditional Access policies' });
    this.rows = this.grid.getByRole('row').filter({ has: page.getByRole('gridcell') });
    this.heading = page.getByRole('heading', { name: 'Policies', level: 1 });
  }

  row(name: string | RegExp): Locator {
    return this.rows.filter({ has: this.page.getByRole('link', { name }) });
  }

  /** The policy at this place in the list (1 for the first), found by aria-rowindex: drawn only near the viewport. */
  rowAt(position: number): Locator {
    return this.grid.locator(`[role="row"][aria-rowindex="${position + 1}"]`);
  }

  async search(text: string) {
    await this.page.getByRole('searchbox', { name: /Search policies/ }).fill(text);
  }

  async open(name: string | RegExp) {
    await this.page.getByRole('link', { name }).click();
  }
}
