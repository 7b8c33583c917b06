// What the backup at --out holds that the tenant does not: the contingency and rollout plans and the
// lint suppressions the team keeps beside the backup in git (downloaded from the console, or edited by
// hand). `backup` cannot read them back from Graph, so it carries them on; when it cannot read them it
// stops before writing, since writing would drop them.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { KeptRecords } from '../domain/bundle/bundle';
import { CONTINGENCY_FILE, LINT_SUPPRESSIONS_FILE, ROLLOUT_FILE } from '../domain/bundle/folder';
import { readPlans } from '../domain/contingency/contingency-plan';
import { isJsonObject } from '../domain/json';
import { readSuppressions } from '../domain/lint/suppressions';
import { readRolloutPlans } from '../domain/rollout/rollout-plan';
import { CliError } from './cli-error';
import { parseUserJson, readUserText } from './files';

const NONE: KeptRecords = { contingencyPlans: [], rolloutPlans: [], lintSuppressions: [] };
const FOLDER_ADVICE = 'A backup written now would drop what it holds: correct it or remove it, then back up again.';
const FILE_ADVICE =
  'The backup is not written over it, so that nothing it holds is lost (a backup keeps plans and suppressions the tenant does not): correct it or move it aside, or give another --out.';

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

/** Reads JSON the team keeps; any failure is said with `advice` added. */
async function readKept(path: string, expected: string, advice: string): Promise<unknown> {
  try {
    return parseUserJson(await readUserText(path, path, expected), path);
  } catch (error) {
    throw new CliError(`${error instanceof Error ? error.message : String(error)} ${advice}`);
  }
}

/** Plans read leniently (as the console reads them) would drop an entry they cannot read: refused instead. */
function allRead<T>(value: unknown, read: (value: unknown) => T[], where: string, what: string, advice: string): T[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new CliError(`${where}: ${what}s are a JSON array. ${advice}`);
  const plans = read(value);
  const unread = value.length - plans.length;
  if (unread > 0) {
    const verb = unread === 1 ? 'is' : 'are';
    throw new CliError(`${where}: ${unread} of its ${value.length} entries ${verb} not a ${what} Gatehouse can read. ${advice}`);
  }
  return plans;
}

function suppressionsIn(value: unknown, where: string, advice: string) {
  if (value === undefined) return [];
  try {
    return readSuppressions(value, where);
  } catch (error) {
    throw new CliError(`${error instanceof Error ? error.message : String(error)} ${advice}`);
  }
}

async function fromFolder(out: string): Promise<KeptRecords> {
  const at = (file: string) => join(out, file);
  const read = async (file: string) => ((await exists(at(file))) ? readKept(at(file), 'a JSON file', FOLDER_ADVICE) : undefined);
  return {
    contingencyPlans: allRead(await read(CONTINGENCY_FILE), readPlans, at(CONTINGENCY_FILE), 'contingency plan', FOLDER_ADVICE),
    rolloutPlans: allRead(await read(ROLLOUT_FILE), readRolloutPlans, at(ROLLOUT_FILE), 'rollout plan', FOLDER_ADVICE),
    lintSuppressions: suppressionsIn(await read(LINT_SUPPRESSIONS_FILE), at(LINT_SUPPRESSIONS_FILE), FOLDER_ADVICE),
  };
}

async function fromFile(out: string): Promise<KeptRecords> {
  const value = await readKept(out, 'a Gatehouse backup', FILE_ADVICE);
  if (!isJsonObject(value) || !isJsonObject(value.manifest))
    throw new CliError(`${out} holds JSON that is not a Gatehouse backup. ${FILE_ADVICE}`);
  return {
    contingencyPlans: allRead(value.contingencyPlans, readPlans, `${out}, its contingency plans`, 'contingency plan', FILE_ADVICE),
    rolloutPlans: allRead(value.rolloutPlans, readRolloutPlans, `${out}, its rollout plans`, 'rollout plan', FILE_ADVICE),
    lintSuppressions: suppressionsIn(value.lintSuppressions, `${out}, its lint suppressions`, FILE_ADVICE),
  };
}

/** The records the backup at `out` (a folder, or a file when `folder` is false) holds; none when nothing is there yet. */
export async function keptRecords(out: string, folder: boolean): Promise<KeptRecords> {
  if (!(await exists(out))) return NONE;
  return folder ? fromFolder(out) : fromFile(out);
}
