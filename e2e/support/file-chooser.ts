// Opening the browser's file picker by keys, without a race. Playwright turns the browser's file-chooser
// interception on when a test starts waiting for one, in a message of its own; an Enter sent at once can
// reach the page first and open a picker the test never sees (seen on CI once traces stopped slowing each
// action down). A round trip to the page after the wait starts puts the interception first.
import type { FileChooser, Page } from '@playwright/test';

/** Enter on the focused button, and the file chooser it opens. */
export async function fileChooserByEnter(page: Page): Promise<FileChooser> {
  const chooser = page.waitForEvent('filechooser');
  await page.evaluate(() => undefined);
  await page.keyboard.press('Enter');
  return chooser;
}
