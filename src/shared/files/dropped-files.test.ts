import { describe, expect, it } from 'vitest';
import { filesFromList } from './dropped-files';

describe('files chosen for an import', () => {
  it('says a .zip that is not one is not a zip or was cut short, as Compare and Backup say', async () => {
    await expect(filesFromList([new File(['PK not a zip'], 'fake.zip')])).rejects.toThrow(
      'fake.zip could not be opened as a zip: This is not a zip file, or it was cut short.',
    );
  });

  it('passes other files on as they are', async () => {
    const [file] = await filesFromList([new File(['{}'], 'policy.txt')]);
    expect(file?.path).toBe('policy.txt');
  });
});
