// The plan file: what `gatehouse plan` writes for review and `gatehouse apply` runs, approved by
// its sha256 ("the pull request approves the plan"). Canonical JSON with no time in it, so the same
// backup against the same tenant gives the same file and the same hash.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { canonicalJson } from '../../domain/bundle/canonical-json';
import { isBundle } from '../../domain/bundle/read-bundle';
import { notTextMessage } from '../../domain/file-signature';
import { isJsonObject } from '../../domain/json';
import { PLAN_FORMAT } from '../../domain/plan/plan-file-format';
import type { Plan } from '../../domain/plan/types';
import { CliError } from '../cli-error';
import { fileErrorWords } from '../file-errors';

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

/** Reads a plan file and checks it is the approved one, byte for byte, before its content is used. */
export async function readApprovedPlan(path: string, given: string, cwd: string): Promise<PlanFile> {
  const approved = approvedHash(given);
  const bytes = await readFile(resolve(cwd, path)).catch((error: unknown) => {
    if ((error as { code?: unknown }).code === 'EISDIR')
      throw new CliError(`${path} is a folder: give the plan file gatehouse plan wrote (its --out), as plan.json.`);
    throw new CliError(`${fileErrorWords(error, cwd) ?? `Could not read the plan file ${path}.`} Nothing was written.`);
  });
  const notText = notTextMessage(new Uint8Array(bytes), path, 'a Gatehouse plan');
  if (notText) throw new CliError(`${notText} Nothing was written.`);
  const text = bytes.toString('utf8');
  const value = parsed(text);
  const actual = sha256OfText(text);
  if (actual !== approved) {
    // A file that is no plan at all is said as such: "the plan changed" would send the reviewer looking for an edit.
    if (value !== undefined && isPlanFile(value))
      throw new CliError(
        `${path} has sha256 ${actual}, not the approved ${approved}: the plan changed after it was reviewed. Nothing was written.`,
      );
    throw new CliError(`${notAPlan(path, value)} Nothing was written.`);
  }
  if (value === undefined || !isPlanFile(value)) throw new CliError(`${notAPlan(path, value)} Nothing was written.`);
  return value;
}

/**
 * The approved hash as given: the 64 hex digits plan printed, also as sha256sum prints them (followed by
 * the file's name) or prefixed "sha256:". Anything else (a file's name, a cut hash) is said as such, not
 * as a plan changed after review.
 */
export function approvedHash(given: string): string {
  const hash = given
    .trim()
    .replace(/^sha256[:=]\s*/i, '')
    .split(/\s+/)[0]!
    .toLowerCase();
  if (/^[0-9a-f]{64}$/.test(hash)) return hash;
  throw new CliError(
    `--sha256 takes the 64 hex digits of the approved plan's hash, as plan printed them and wrote them beside the plan (--sha256 "$(cat plan.sha256)"); '${given.trim()}' is not one. Nothing was written.`,
  );
}

const parsed = (text: string): unknown => {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch {
    return undefined;
  }
};

/** What the file given as a plan is instead: a backup (the plan is made from it), other JSON, or not JSON. */
function notAPlan(path: string, value: unknown): string {
  if (value === undefined) return `${path} is not valid JSON, so not a Gatehouse plan.`;
  if (isBundle(value))
    return `${path} is a backup, not a plan: plan it first (gatehouse plan ${path} --out plan.json), have the plan reviewed, then apply plan.json with its sha256.`;
  return `${path} is not a Gatehouse plan (format ${PLAN_FORMAT}, version 1).`;
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
