// A baseline the console does not ship, brought by the admin: files or a folder in any format an
// import reads (a Gatehouse backup, IntuneManagement, EntraExporter, CIPP, Microsoft365DSC…), each
// policy kept on this device as a template whose objects are named blanks. Read on this device only.
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { DocumentArrowUpRegular, FolderArrowUpRegular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import { readImport } from '../../domain/import/read-import';
import type { GalleryTemplate } from '../../domain/templates/gallery-template';
import { importAsTemplates } from '../../domain/templates/import-as-templates';
import { filesFromList, ZipUnreadable } from '../../shared/files/dropped-files';
import { isolatedText } from '../../shared/ui/isolated-text';
import { LiveStatus } from '../../shared/ui/live-status';
import { baselineWords } from './baseline-words';

const useStyles = makeStyles({ row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' } });

const pathOf = (file: File) => (file as File & { webkitRelativePath?: string }).webkitRelativePath || file.name;

export function AddBaseline({ onAdd }: { onAdd(templates: GalleryTemplate[]): boolean }) {
  const styles = useStyles();
  const files = useRef<HTMLInputElement | null>(null);
  const folder = useRef<HTMLInputElement | null>(null);
  const [said, setSaid] = useState<string | null>(null);

  const load = async (list: FileList) => {
    const chosen = Array.from(list);
    const name = chosen.length === 1 ? chosen[0]!.name : pathOf(chosen[0]!).split('/')[0] || `${chosen.length} files`;
    try {
      // Zips are opened, as on the Import page.
      const set = await readImport(await filesFromList(chosen));
      const templates = importAsTemplates(set, `From ${isolatedText(name)}`, new Date().toISOString(), () => crypto.randomUUID());
      const kept = templates.length > 0 && onAdd(templates);
      setSaid(baselineWords(name, set, { count: templates.length, kept }));
    } catch (error) {
      // A zip that does not open says so with its name already.
      if (error instanceof ZipUnreadable) setSaid(error.message);
      else setSaid(`${isolatedText(name)} could not be read: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  return (
    <div className={styles.row}>
      <Button icon={<DocumentArrowUpRegular />} onClick={() => files.current?.click()}>
        Add a baseline from files…
      </Button>
      <Button icon={<FolderArrowUpRegular />} onClick={() => folder.current?.click()}>
        From a folder…
      </Button>
      <input
        ref={files}
        type="file"
        multiple
        hidden
        accept=".json,.zip,.ps1,application/json,application/zip"
        aria-label="Baseline files"
        onChange={(event) => {
          if (event.target.files?.length) void load(event.target.files);
          event.target.value = '';
        }}
      />
      <input
        ref={(input) => {
          folder.current = input;
          // Not in React's attribute list: set on the element so the picker chooses a folder.
          input?.setAttribute('webkitdirectory', '');
        }}
        type="file"
        hidden
        aria-label="Baseline folder"
        onChange={(event) => {
          if (event.target.files?.length) void load(event.target.files);
          event.target.value = '';
        }}
      />
      <LiveStatus>{said}</LiveStatus>
    </div>
  );
}
