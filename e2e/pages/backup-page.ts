// The Backup page: back the tenant up, then download it as the files an admin keeps.
import { expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { section } from '../support/navigation';

/** A downloaded file, ready for a file input's setInputFiles. */
export interface DownloadedFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

export class BackupPage {
  constructor(private readonly page: Page) {}

  /** Opens Backup and backs up every policy of the tenant. */
  async backUpTenant() {
    await section(this.page, 'Backup').click();
    await this.page.getByRole('button', { name: 'Back up this tenant' }).click();
    await expect(this.page.getByText('Backup ready')).toBeVisible();
  }

  /** The backup as a folder (.zip), as the browser saves it. */
  async downloadFolder(): Promise<DownloadedFile> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: 'Download as a folder (.zip)' }).click(),
    ]);
    const name = download.suggestedFilename();
    expect(name).toMatch(/\.zip$/);
    return { name, mimeType: 'application/zip', buffer: readFileSync(await download.path()) };
  }
}
