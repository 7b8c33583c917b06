// The plan file: what `gatehouse plan` writes for review and `gatehouse apply` runs, approved by
// its sha256 ("the pull request approves the plan"). Canonical JSON with no time in it, so the same
// backup against the same tenant gives the same file and the same hash.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { canonicalJson } from '../../domain/bundle/canonical-json';
import { isJsonObject } from '../../domain/json';
import type { Plan } from '../../domain/plan/types';
import { CliError } from '../cli-error';

export const PLAN_FORMAT = 'gatehouse.plan';

export interface PlanFile {
  format: typeof PLAN_FORMAT;
  version: 1;
  /** The tenant it writes to: apply refuses any other. */
  tenant: { id: string };
  /**
   * The backup it brings the tenant to; mapping: the --mapping file that placed it in this tenant (its path from the
   * working folder and the sha256 of its text), absent when none was given.
   */
  source: { path: string; tenantId: string; tenantName: string | null; capturedAt: string; mapping?: { path: string; sha256: string } };
  plan: Plan;
}

export const planFileText = (file: PlanFile): string => canonicalJson(file);

/** How the plan's heading names the mapping file that placed the backup, when one did. */
export const mappingWords = (mapping: { path: string; sha256: string }): string => `mapped by ${mapping.path}, sha256 ${mapping.sha256}`;
export const sha256OfText = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** Reads a plan file and checks it is the approved one, byte for byte, before anything else is read. */
export async function readApprovedPlan(path: string, approved: string): Promise<PlanFile> {
  const text = await readFile(path, 'utf8').catch(() => {
    throw new CliError(`Could not read the plan file ${path}.`);
  });
  const actual = sha256OfText(text);
  if (actual !== approved.trim().toLowerCase())
    throw new CliError(
      `${path} has sha256 ${actual}, not the approved ${approved.trim()}: the plan changed after it was reviewed. Nothing was written.`,
    );
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new CliError(`${path} is not valid JSON.`);
  }
  if (!isPlanFile(value)) throw new CliError(`${path} is not a Gatehouse plan (format ${PLAN_FORMAT}, version 1).`);
  return value;
}

/** The shape apply relies on; the content is what was reviewed (its hash was checked). */
function isPlanFile(value: unknown): value is PlanFile {
  return (
    isJsonObject(value) &&
    value.format === PLAN_FORMAT &&
    value.version === 1 &&
    isJsonObject(value.tenant) &&
    typeof value.tenant.id === 'string' &&
    isJsonObject(value.plan) &&
    Array.isArray(value.plan.rows) &&
    Array.isArray(value.plan.blockers)
  );
}
