// The mapping's file actions: saving the admin's choices to a file and using a saved one (the next
// copy between the same two tenants, or a pipeline, starts from them; a file for another tenant is
// refused). A saved file's choices are set through `onLoad`, in one update, and each can still be
// changed on its own row. Creating every missing group is the mapping table's own action.
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular, DocumentArrowUpRegular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import type { ImportSet } from '../../domain/import/import-set';
import { applyMappingFile, mappingFile } from '../../domain/plan/mapping-file';
import type { MappingChoice, MappingRow, PlanChoices } from '../../domain/plan/types';
import { useTenantSession } from '../../session/tenant-session';
import { downloadFile } from '../../shared/download';
import { LiveStatus } from '../../shared/ui/live-status';

const useStyles = makeStyles({
  bar: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  error: { color: tokens.colorPaletteRedForeground1 },
});

export interface MappingFileButtonsProps {
  rows: readonly MappingRow[];
  choices: PlanChoices;
  source: ImportSet;
  targetName: string;
  onLoad(mapping: Record<string, MappingChoice>, domains: { from: string; to: string }[]): void;
}

export function MappingFileButtons({ rows, choices, source, targetName, onLoad }: MappingFileButtonsProps) {
  const styles = useStyles();
  const tenant = useTenantSession();
  const input = useRef<HTMLInputElement>(null);
  const [said, setSaid] = useState<{ text: string; error: boolean } | null>(null);
  const chosen = rows.filter((r) => r.chosen).length;

  const save = () => {
    const file = mappingFile(
      rows,
      choices,
      {
        source: { tenantId: source.origin.tenantId, tenantName: source.origin.tenantName },
        target: { tenantId: tenant.account.tenantId, tenantName: targetName },
      },
      tenant.context.clock.now(),
    );
    const name = `gatehouse-mapping-${(source.origin.tenantName ?? 'import').replace(/[^\w.-]+/g, '-')}-to-${targetName.replace(/[^\w.-]+/g, '-')}.json`;
    downloadFile(name.toLowerCase(), `${JSON.stringify(file, null, 2)}\n`, 'application/json');
  };

  const load = async (file: File) => {
    try {
      const applied = applyMappingFile(JSON.parse(await file.text()), rows, tenant.account.tenantId);
      onLoad(applied.mapping, applied.domains);
      setSaid({ text: applied.notes.join(' '), error: false });
    } catch (error) {
      setSaid({ text: `${file.name}: ${error instanceof Error ? error.message : String(error)}`, error: true });
    }
  };

  return (
    <div className={styles.bar}>
      <Button size="small" icon={<ArrowDownloadRegular />} disabled={chosen === 0} onClick={save}>
        Save my choices ({chosen})
      </Button>
      <Button size="small" icon={<DocumentArrowUpRegular />} onClick={() => input.current?.click()}>
        Use a saved mapping…
      </Button>
      <input
        ref={input}
        type="file"
        hidden
        accept=".json"
        aria-label="Saved mapping"
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) void load(file);
          event.target.value = '';
        }}
      />
      <LiveStatus className={said?.error ? styles.error : undefined}>{said?.text}</LiveStatus>
    </div>
  );
}
