// One policy's page, by intent.
import type { Locator, Page } from '@playwright/test';

export class PolicyPage {
  constructor(private readonly page: Page) {}

  section(title: string): Locator {
    return this.page.getByRole('region', { name: title, exact: true });
  }

  async showJson() {
    await this.page.getByRole('tab', { name: 'JSON' }).click();
  }

  get jsonView(): Locator {
    return this.page.getByTestId('json-viewer');
  }
}
