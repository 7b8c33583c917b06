// A mapping saved for the next copy between the same two tenants (or for a pipeline): the admin's
// choices by reference, with the names they were made for, and the domain map. Reading one back
// applies what still fits and says what did not, so a stale file never maps silently.
import { isJsonObject } from '../json';
import type { MappingChoice, MappingRow, PlanChoices } from './types';

export const MAPPING_FORMAT = 'gatehouse.mapping';

export interface MappingFile {
  format: typeof MAPPING_FORMAT;
  version: 1;
  savedAt: string;
  source: { tenantId: string | null; tenantName: string | null };
  target: { tenantId: string; tenantName: string | null };
  domains: { from: string; to: string }[];
  choices: { key: string; sourceName: string | null; choice: MappingChoice }[];
}

/** The choices the admin made (not the proposals, which the next plan makes again), as a file. */
export function mappingFile(
  rows: readonly MappingRow[],
  choices: PlanChoices,
  ends: { source: MappingFile['source']; target: MappingFile['target'] },
  savedAt: Date,
): MappingFile {
  return {
    format: MAPPING_FORMAT,
    version: 1,
    savedAt: savedAt.toISOString(),
    ...ends,
    domains: [...(choices.domains ?? [])],
    choices: rows
      .filter((row) => row.chosen && row.choice)
      .map((row) => ({ key: row.key, sourceName: row.sourceName, choice: row.choice! })),
  };
}

export class MappingFileError extends Error {}

const isChoice = (value: unknown): value is MappingChoice =>
  isJsonObject(value) &&
  (value.action === 'drop' ||
    value.action === 'create' ||
    (value.action === 'use' && typeof value.targetId === 'string' && typeof value.targetName === 'string'));

export interface AppliedMapping {
  mapping: Record<string, MappingChoice>;
  domains: { from: string; to: string }[];
  /** In words: what was applied, and what the file holds that this plan does not use. */
  notes: string[];
}

/** Reads a saved mapping against this plan's references: choices for references it has are applied. */
export function applyMappingFile(value: unknown, rows: readonly MappingRow[], targetTenantId: string): AppliedMapping {
  if (!isJsonObject(value) || value.format !== MAPPING_FORMAT) throw new MappingFileError('This is not a Gatehouse mapping file.');
  if (value.version !== 1)
    throw new MappingFileError(`This mapping is format version ${String(value.version)}; this console reads version 1.`);
  const target = isJsonObject(value.target) ? value.target : {};
  const notes: string[] = [];
  if (target.tenantId !== targetTenantId)
    throw new MappingFileError(
      `This mapping was saved for another target tenant (${String(target.tenantName ?? target.tenantId)}): its ids mean nothing here.`,
    );
  const keys = new Set(rows.map((r) => r.key));
  const mapping: Record<string, MappingChoice> = {};
  const unused: string[] = [];
  for (const entry of Array.isArray(value.choices) ? value.choices : []) {
    if (!isJsonObject(entry) || typeof entry.key !== 'string' || !isChoice(entry.choice)) continue;
    if (keys.has(entry.key)) mapping[entry.key] = entry.choice;
    else unused.push(typeof entry.sourceName === 'string' ? entry.sourceName : entry.key);
  }
  const domains = (Array.isArray(value.domains) ? value.domains : []).filter(
    (d): d is { from: string; to: string } => isJsonObject(d) && typeof d.from === 'string' && typeof d.to === 'string',
  );
  notes.push(`${Object.keys(mapping).length} saved choice${Object.keys(mapping).length === 1 ? '' : 's'} applied.`);
  if (unused.length > 0) notes.push(`Not in this import, so not used: ${unused.join(', ')}.`);
  return { mapping, domains, notes };
}
