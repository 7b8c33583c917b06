// `gatehouse rollout watch --plan <file>`: the staged rollout's gate, read as the console reads it
// (features/rollout/use-gate.ts, domain/rollout/gate.ts): the rings' users and the emergency
// accounts read now, the sign-ins since the last ring started, the gate worked out from them.
// Nothing is written: the plan file is not changed and no ring is moved. Exit 0 when the rollout
// may advance, 1 when it may not (paused over a threshold, an emergency account hit, or waiting for
// sign-ins), 2 on error or when the sign-in logs cannot be read.
import { isJsonObject } from '../../domain/json';
import type { Principal } from '../../domain/lockout';
import { evaluateGate } from '../../domain/rollout/gate';
import { activeRings, latestRing, nextRing } from '../../domain/rollout/rollout-plan';
import { readGroupUsers } from '../../graph/directory';
import { listPolicies } from '../../graph/policies';
import { readSignIns, signInsUnavailable } from '../../graph/sign-ins';
import { policyJson } from '../../domain/json';
import { choice, CONNECTION_OPTIONS, HELP_OPTION, text, texts, wholeNumber } from '../args';
import { CliError } from '../cli-error';
import { appendJobSummary } from '../io';
import { connectTenant } from '../tenant';
import { readEmergency } from '../evaluation/emergency';
import { gateJson, gateMarkdown, gateText, type GateRun } from '../evaluation/gate-report';
import { checkOutput, FORMATS, OUTPUT_OPTIONS, writeOutput } from '../evaluation/outputs';
import { readRolloutPlan } from '../evaluation/rollout-source';
import { EXIT, type Command } from './command';
import { isolatedText } from '../../domain/isolate';

/** As the console reads a gate (SIGN_IN_CAP in features/rollout/use-gate.ts). */
const DEFAULT_CAP = 5000;

export const rolloutCommand: Command = {
  name: 'rollout',
  summary: 'Watch a staged rollout: its gate from the sign-ins since the last ring started, as the console computes it (writes nothing).',
  usage:
    'gatehouse rollout watch --plan <rollout.json|backup> [--policy <id>] [--emergency <id>]... [--max 5000] [--format text|markdown|json] [--out <file>] [connection options]',
  positionals: { min: 0, max: 1 },
  options: {
    plan: {
      type: 'string',
      value: '<file>',
      description: 'The rollout plan: a file of plans as the console keeps them, or a backup (folder or .json) with rollout-plans.json.',
    },
    policy: {
      type: 'string',
      value: '<id>',
      description: 'The policy whose rollout to watch, when the file holds more than one under way.',
    },
    emergency: {
      type: 'string',
      multiple: true,
      value: '<id>',
      description: 'An emergency-access account or group, by object id (repeat): any hit on one blocks advancing.',
    },
    max: { type: 'string', value: '<n>', description: `Read at most this many sign-ins (default ${DEFAULT_CAP}; the cap is said).` },
    ...OUTPUT_OPTIONS,
    ...CONNECTION_OPTIONS,
    ...HELP_OPTION,
  },
  more: [
    'Exit codes: 0 the rollout may advance; 1 it may not (paused above a threshold, an emergency account hit,',
    'or too few sign-ins yet); 2 error, or the sign-in logs could not be read.',
  ].join('\n'),
  async run(values, positionals, io) {
    if (positionals[0] === undefined)
      throw new CliError('Which action? rollout knows one, watch: gatehouse rollout watch --plan <backup>.');
    if (positionals[0] !== 'watch') throw new CliError(`rollout knows one action, watch; not '${positionals[0]}'.`);
    const format = choice(values, 'format', FORMATS, 'text');
    const planPath = text(values, 'plan');
    if (!planPath) throw new CliError('Which rollout? Give --plan <file> (a file of rollout plans or a backup holding them).');
    const cap = wholeNumber(values, 'max', DEFAULT_CAP, 1, 1_000_000);
    const plan = await readRolloutPlan(planPath, text(values, 'policy'), (line) => io.err(`${line}\n`), io.cwd);
    await checkOutput(values, io);

    const tenant = await connectTenant('rollout', values, io);
    const client = tenant.context.client;
    io.err(`Reading the rings' members for the rollout of '${isolatedText(plan.policyName)}'…\n`);
    const members = new Map<string, Principal[]>();
    for (const ring of [...activeRings(plan), ...[nextRing(plan)].filter((r) => r !== null)])
      if (ring.group.id) members.set(ring.key, await readGroupUsers(client, ring.group.id));
    const emergency = await readEmergency(client, texts(values, 'emergency'));
    const original = (await listPolicies(client)).map(policyJson).find((p) => p.id === plan.policyId);
    if (!original) io.err(`The policy ${plan.policyId} is not in the tenant: its controls cannot be compared with the frozen ones.\n`);
    const since = new Date(latestRing(plan)?.startedAt ?? plan.createdAt);
    if (Number.isNaN(since.getTime()))
      throw new CliError(`${planPath}: the rollout of '${isolatedText(plan.policyName)}' has no start time to read from.`);
    io.err(`Reading the sign-ins since ${since.toISOString()}…\n`);
    let log;
    try {
      log = await readSignIns(client, { since, cap });
    } catch (error) {
      const why = signInsUnavailable(error);
      if (why) throw new CliError(`The gate could not be read: ${why}`);
      throw error;
    }
    const result = evaluateGate({ plan, signIns: log.signIns.filter(isJsonObject), members, emergency: emergency.accounts, original });
    const run: GateRun = { plan, result, read: log.signIns.length, capped: log.capped, cap };
    await writeOutput(values, io, format === 'json' ? gateJson(run) : format === 'markdown' ? `${gateMarkdown(run)}\n` : gateText(run));
    appendJobSummary(io, gateMarkdown(run));
    return result.decision === 'advance' ? EXIT.ok : EXIT.finding;
  },
};
