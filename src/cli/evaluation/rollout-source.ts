// Where `gatehouse rollout watch` finds the rollout plan: a file of plans (as the console keeps them,
// one plan or a list), a backup bundle (.json) or a backup folder holding rollout-plans.json. Which
// plan: the one for --policy, or the only one neither finished nor cancelled. The path is read from the
// command's working folder (io.cwd) and named as given.
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { isJsonObject } from '../../domain/json';
import { readRolloutPlans, type RolloutPlan } from '../../domain/rollout/rollout-plan';
import { CliError } from '../cli-error';
import { readBackup } from '../files';
import { readJsonFile } from './outputs';
import { isolatedText } from '../../domain/isolate';

async function plansIn(path: string, warn: (line: string) => void, cwd: string): Promise<RolloutPlan[]> {
  const folder = await stat(resolve(cwd, path)).then(
    (s) => s.isDirectory(),
    () => {
      throw new CliError(`${path}: no such file or folder.`);
    },
  );
  const fromBackup = async () => {
    const read = await readBackup(path, cwd);
    for (const problem of read.problems) warn(`${path}: ${problem}`);
    return read.bundle.rolloutPlans;
  };
  if (folder) return fromBackup();
  const value = await readJsonFile(path, 'the rollout plan', cwd);
  if (isJsonObject(value) && isJsonObject(value.manifest)) return fromBackup();
  return readRolloutPlans(Array.isArray(value) ? value : [value]);
}

export async function readRolloutPlan(
  path: string,
  policyId: string | undefined,
  warn: (line: string) => void,
  cwd = process.cwd(),
): Promise<RolloutPlan> {
  const plans = await plansIn(path, warn, cwd);
  if (plans.length === 0) throw new CliError(`${path} holds no rollout plan.`);
  const listed = plans.map((p) => `${isolatedText(p.policyId)} ('${isolatedText(p.policyName)}', ${p.status})`).join('; ');
  if (policyId) {
    const plan = plans.find((p) => p.policyId.toLowerCase() === policyId.toLowerCase());
    if (!plan) throw new CliError(`${path} holds no rollout plan for the policy ${policyId}. It holds: ${listed}.`);
    return plan;
  }
  const open = plans.filter((p) => p.status !== 'finished' && p.status !== 'cancelled');
  if (open.length === 1) return open[0]!;
  throw new CliError(
    `${path} holds ${open.length === 0 ? 'only finished or cancelled rollouts' : `${open.length} rollouts under way`}: say which with --policy <id>. It holds: ${listed}.`,
  );
}
