// The plan file: what `gatehouse plan` writes for review and `gatehouse apply` runs, approved by
// its sha256 ("the pull request approves the plan"). Canonical JSON with no time in it, so the same
// backup against the same tenant gives the same file and the same hash.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { canonicalJson } from '../../domain/bundle/canonical-json';
import { isBundle } from '../../domain/bundle/read-bundle';
import { notTextMessage } from '../../domain/file-signature';
import { isolatedText } from '../../domain/isolate';
import { isJsonObject } from '../../domain/json';
import { PLAN_FORMAT } from '../../domain/plan/plan-file-format';
import { decodeText } from '../../domain/text-decoding';
import type { Plan } from '../../domain/plan/types';
import { CliError } from '../cli-error';
import { fileErrorWords } from '../file-errors';

/** What a plan is made from: a Gatehouse backup, or policy files the console's Import reads (an export, a template). */
export type PlanSourceKind = 'backup' | 'policyFiles';

export interface PlanFile {
  format: typeof PLAN_FORMAT;
  version: 1;
  /** The tenant it writes to: apply refuses any other. */
  tenant: { id: string };
  /**
   * The backup (or policy files: an export, a template) it brings the tenant to; tenantId and capturedAt are null for
   * files that do not say where they were taken; mapping: the --mapping file that placed it in this tenant (its path from the
   * working folder and the sha256 of its text), absent when none was given; kind: what it is, absent in a plan written
   * before it was recorded (apply names such a source neutrally).
   */
  source: {
    path: string;
    kind?: PlanSourceKind;
    tenantId: string | null;
    tenantName: string | null;
    capturedAt: string | null;
    mapping?: { path: string; sha256: string };
  };
  plan: Plan;
}

export const planFileText = (file: PlanFile): string => canonicalJson(file);

/** How the plan's heading names the mapping file that placed the backup, when one did. */
export const mappingWords = (mapping: { path: string; sha256: string }): string =>
  `mapped by ${isolatedText(mapping.path)}, sha256 ${mapping.sha256}`;
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
  // Read as backups are (UTF-16 as Windows PowerShell saves it included), but approved by the bytes reviewed.
  const text = decodeText(new Uint8Array(bytes));
  const value = parsed(text);
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (actual !== approved) {
    // A file that is no plan at all is said as such: "the plan changed" would send the reviewer looking for an edit.
    if (value !== undefined && isPlanFile(value)) {
      const recoded = reEncodings(bytes, text);
      // The reviewed text, saved again another way (an editor, Out-File, git's line endings): its hash is not the one approved.
      if (recoded.length > 0 && sha256OfText(text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n')) === approved)
        throw new CliError(
          `${path} has sha256 ${actual}, not the approved ${approved}: it holds the reviewed plan, but re-encoded after the review (${recoded.join(', ')}), and the approval is of the bytes reviewed. Apply the plan file exactly as plan wrote it: copy it, never re-save it (Windows PowerShell's Out-File and Set-Content write UTF-16 or add a byte order mark), and keep git from changing its line endings (.gitattributes: plan.json -text, or mark it binary). Nothing was written.`,
        );
      throw new CliError(
        `${path} has sha256 ${actual}, not the approved ${approved}: the plan changed after it was reviewed${recoded.length > 0 ? ` (it was also re-encoded: ${recoded.join(', ')})` : ''}. Nothing was written.`,
      );
    }
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

/** How the file's bytes differ from the UTF-8, LF-ended text plan writes. */
function reEncodings(bytes: Buffer, text: string): string[] {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || bytes.includes(0);
  return [
    utf16 ? 'UTF-16' : '',
    !utf16 && text.startsWith('\uFEFF') ? 'a UTF-8 byte order mark' : '',
    text.includes('\r\n') ? 'CRLF line endings' : '',
  ].filter(Boolean);
}

/**
 * Whether the hash was given as sha256sum prints it for the very file applied ("<hash>  plan.json"): computed in the
 * apply job from the file itself, it approves whatever the file holds.
 */
export function hashOfFileItself(given: string, path: string, cwd: string): boolean {
  const named = /^\S+\s+\*?(.+)$/.exec(given.trim())?.[1];
  return !!named && resolve(cwd, named) === resolve(cwd, path);
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
