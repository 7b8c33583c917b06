// The sign-in screen, by intent.
import { expect, type Page } from '@playwright/test';

export class SignInPage {
  constructor(private readonly page: Page) {}

  async signInToDemoAs(name: string, tenant = 'Contoso') {
    await this.page.getByRole('button', { name: new RegExp(`^Sign in as ${name} \\(administrator\\) · ${tenant}$`) }).click();
  }

  /** Ada in Contoso, then Ada's account of Contoso pre-production added from the account menu and switched to. */
  async signInToDemoWithPreProduction() {
    await this.page.goto('/');
    await this.signInToDemoAs('Ada Lindqvist');
    await expect(this.page.getByRole('grid')).toBeVisible();
    await this.addPreProductionAndSwitch();
    await expect(this.page.getByRole('grid')).toBeVisible();
  }

  /** Adds Ada's account of Contoso pre-production from the account menu, then switches to it from the notice that says it was added. */
  async addPreProductionAndSwitch() {
    await this.page.getByRole('button', { name: /^Ada Lindqvist \(demo administrator\)/ }).click();
    await this.page.getByRole('menuitem', { name: /^Add .*\(administrator\) · Contoso pre-production$/ }).click();
    await this.page.getByRole('button', { name: 'Switch', exact: true }).click();
    await expect(this.page.getByRole('button', { name: /^Ada Lindqvist \(demo administrator\)/ })).toContainText('Contoso pre-production');
  }

  async signInWithMicrosoft() {
    await this.page.getByRole('button', { name: 'Sign in with Microsoft' }).click();
  }
}
