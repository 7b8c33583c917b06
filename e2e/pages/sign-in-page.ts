// The sign-in screen, by intent.
import type { Page } from '@playwright/test';

export class SignInPage {
  constructor(private readonly page: Page) {}

  async signInToDemoAs(name: string, tenant = 'Contoso') {
    await this.page.getByRole('button', { name: new RegExp(`^Sign in as ${name} \\(administrator\\) · ${tenant}$`) }).click();
  }

  async signInWithMicrosoft() {
    await this.page.getByRole('button', { name: 'Sign in with Microsoft' }).click();
  }
}
