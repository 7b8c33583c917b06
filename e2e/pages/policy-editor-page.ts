// The policy editor, by intent.
import { expect, type Locator, type Page } from '@playwright/test';

export class PolicyEditorPage {
  readonly editor: Locator;
  readonly checks: Locator;
  readonly reviewButton: Locator;

  constructor(private readonly page: Page) {
    this.editor = page.getByTestId('json-editor');
    this.checks = page.getByRole('region', { name: /^Checks/ });
    this.reviewButton = page.getByRole('button', { name: 'Review and save…' });
  }

  async open(policyUrl: string) {
    await this.page.goto(`${policyUrl}/edit`);
    await expect(this.editor.locator('.view-lines')).toContainText('"displayName"');
  }

  /** Replaces a JSON string value, as a user would: double-click the word, type over it. */
  async replaceStringValue(value: string, replacement: string) {
    const occurrences = this.editor.getByText(`"${value}"`, { exact: true });
    const lines = this.editor.locator('.view-lines');
    await occurrences.first().waitFor();
    const before = await occurrences.count();
    // Typed only once the double-click has selected something in a focused editor: one that lands while
    // Monaco is still settling (just drawn) now and then selects nothing, and the text would go nowhere.
    // Now and then the text still goes nowhere (the document is left as it was): then it is done again.
    // On a loaded machine the double-click can also arrive as two clicks, and the text lands beside the
    // value instead of over it (`[All"None"`): that edit is undone and the replacement made again. An undo
    // that does not bring the document back stops here, not retried on a document it has changed.
    // The document is compared as toHaveText reads it (textContent: Monaco's lines without separators).
    let undoFailed: string | null = null;
    await expect(async () => {
      const text = (await lines.textContent()) ?? '';
      await occurrences.first().dblclick();
      await expect(this.editor.locator('.selected-text').first()).toBeVisible({ timeout: 1_000 });
      await expect(this.editor.locator('.monaco-editor.focused')).toHaveCount(1, { timeout: 1_000 });
      // One input event, as a paste: typing key by key races Monaco's suggestion widget.
      await this.page.keyboard.insertText(replacement);
      await expect(lines).not.toHaveText(text, { timeout: 2_000 });
      try {
        await expect(occurrences).toHaveCount(before - 1, { timeout: 2_000 });
      } catch (astray) {
        await this.page.keyboard.press('Escape');
        await this.page.keyboard.press('ControlOrMeta+z');
        try {
          await expect(lines).toHaveText(text, { timeout: 2_000 });
        } catch {
          undoFailed = `"${replacement}" went elsewhere than over "${value}", and undoing it did not bring the document back.`;
          return;
        }
        throw astray;
      }
    }).toPass({ timeout: 15_000 });
    if (undoFailed) throw new Error(undoFailed);
    // Close any completion list the new text opened, so it cannot take the next click or key.
    await this.page.keyboard.press('Escape');
    // Wait until the edit is drawn, so the next double-click does not land on a stale line.
    await expect(occurrences).toHaveCount(before - 1);
    // Monaco draws a long token in pieces: the lines' text, not one element, holds the whole value.
    await expect(lines).toContainText(`"${replacement}"`);
  }

  /** Adds an entry to one of the pickers' lists ("Exclude groups"), found by typing the start of its name. */
  async addToList(list: string, name: string) {
    await this.page.getByRole('combobox', { name: list }).fill(name.slice(0, 5));
    await this.page.getByRole('option', { name: new RegExp(`^${name}`) }).click();
    await expect(this.page.getByRole('toolbar', { name: list })).toContainText(name);
  }

  async setState(label: 'On' | 'Off' | 'Report-only') {
    await this.page.getByRole('radio', { name: label, exact: true }).check();
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog');
  }
}
