// The command line's router: finds the command, prints its --help, and turns every failure into
// one scrubbed line and exit code 2. main.ts runs it as a program.
import { readFileSync } from 'node:fs';
import { parse } from './args';
import { backupCommand } from './commands/backup';
import type { Command } from './commands/command';
import { EXIT } from './commands/command';
import { diffCommand } from './commands/diff';
import { docsCommand } from './commands/docs';
import { lintCommand } from './commands/lint';
import { permissionsCommand } from './commands/permissions';
import { planCommand } from './commands/plan';
import { applyCommand } from './commands/apply';
import { impactCommand } from './commands/impact';
import { rolloutCommand } from './commands/rollout';
import { whatifCommand } from './commands/whatif';
import { reportCommand } from './commands/report';
import { oneTenant, tenantsBackup, tenantsLint } from './tenants/tenants-commands';
import { tenantsDiff } from './tenants/diff-tenants';
import { tenantsApply, tenantsPlan } from './tenants/plan-apply-tenants';
import { GraphRequestError } from '../graph/errors';
import { CliError } from './cli-error';
import { fileErrorWords } from './file-errors';
import { helpText } from './args';
import type { CliIo } from './io';

const COMMANDS: readonly Command[] = [
  tenantsBackup(backupCommand),
  tenantsDiff(diffCommand),
  tenantsLint(lintCommand),
  oneTenant(docsCommand),
  tenantsPlan(planCommand),
  tenantsApply(applyCommand),
  oneTenant(whatifCommand),
  oneTenant(impactCommand),
  oneTenant(rolloutCommand),
  reportCommand,
  permissionsCommand,
];

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: gatehouse <command> [options]',
    '',
    'Conditional Access for Microsoft Entra, from pipelines: back up, compare, lint and document tenants; plan and apply a reviewed plan; evaluate drafts over sign-ins; watch a staged rollout; report across many tenants.',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "Run 'gatehouse <command> --help' for a command's options; 'gatehouse --version' for the version.",
    '',
  ].join('\n');
}

/** A Graph failure with what a support case needs: the request, Graph's answer and its request-id. */
function graphWords(error: GraphRequestError): string {
  const { method, path, requestId } = error.details;
  const status = error.status === 0 ? 'no answer' : `${error.status} ${error.code}`;
  return `Microsoft Graph: ${method} ${path}: ${status}: ${error.serviceMessage}${requestId ? ` (request-id ${requestId})` : ''}`;
}

/** The version the checked-out package says, read when asked (the command line runs from its sources, beside it). */
function packageVersion(): string {
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  return (JSON.parse(text) as { version?: string }).version ?? 'unknown';
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(overview());
    return name ? EXIT.ok : EXIT.error;
  }
  if (name === '--version' || name === '-v') {
    io.out(`gatehouse ${packageVersion()}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  try {
    if (!command)
      throw new CliError(`No command '${name}'. Commands: ${COMMANDS.map((c) => c.name).join(', ')}; 'gatehouse --help' says more.`);
    const { values, positionals } = parse(rest, command.options, { ...command.positionals, usage: command.usage, command: command.name });
    if (values.help) {
      io.out(helpText(command.usage, command.summary, command.options, command.more));
      return EXIT.ok;
    }
    return await command.run(values, positionals, io);
  } catch (error) {
    const message =
      error instanceof CliError
        ? error.message
        : error instanceof GraphRequestError
          ? graphWords(error)
          : (fileErrorWords(error, io.cwd) ?? (error instanceof Error ? `${error.name}: ${error.message}` : String(error)));
    io.err(`gatehouse${command ? ` ${command.name}` : ''}: ${message}\n`);
    return EXIT.error;
  }
}
