// The sign-in screen, by intent.
import { expect, type Page } from '@playwright/test';

export class SignInPage {
  constructor(private readonly page: Page) {}

  async signInToDemoAs(name: string, tenant = 'Contoso') {
    await this.page.getByRole('button', { name: new RegExp(`^Sign in as ${name} \\(administrator\\) · ${tenant}$`) }).click();
  }

  /** Ada in Contoso, then Ada's account of Contoso pre-production added from the account menu (it becomes the active one). */
  async signInToDemoWithPreProduction() {
    await this.page.goto('/');
    await this.signInToDemoAs('Ada Lindqvist');
    await expect(this.page.getByRole('grid')).toBeVisible();
    await this.page.getByRole('button', { name: /Ada Lindqvist/ }).click();
    await this.page.getByRole('menuitem', { name: /^Add .*\(administrator\) · Contoso pre-production$/ }).click();
    await expect(this.page.getByRole('grid')).toBeVisible();
  }

  async signInWithMicrosoft() {
    await this.page.getByRole('button', { name: 'Sign in with Microsoft' }).click();
  }
}
