// `gatehouse permissions <command>`: the least Graph application permissions the command needs,
// from the same table the command checks its token against.
import { HELP_OPTION } from '../args';
import { CliError } from '../cli-error';
import { COMMAND_PERMISSIONS, isCommand, permissionsText } from '../permissions';
import { EXIT, type Command } from './command';

export const permissionsCommand: Command = {
  name: 'permissions',
  summary: 'Print the least Microsoft Graph application permissions a command needs (all commands when none is named).',
  usage: 'gatehouse permissions [<command>]',
  // Two words for a command with a subcommand, as the README names it: permissions rollout watch.
  positionals: { min: 0, max: 2 },
  options: { ...HELP_OPTION },
  more: 'Exit codes: 0 listed, 2 error (no such command).',
  async run(_values, positionals, io) {
    const [name, sub] = positionals;
    if (sub !== undefined && !(name === 'rollout' && sub === 'watch'))
      throw new CliError(`Name one command: gatehouse permissions ${name ?? '<command>'}.`);
    // The commands that need permissions: `permissions` itself reads no tenant.
    const names = Object.keys(COMMAND_PERMISSIONS)
      .filter(isCommand)
      .filter((n) => n !== 'permissions');
    if (name !== undefined && !isCommand(name)) throw new CliError(`No command '${name}'. Commands: ${names.join(', ')}.`);
    if (name !== undefined) {
      io.out(permissionsText(name));
      return EXIT.ok;
    }
    io.out(names.map((n) => permissionsText(n)).join('\n'));
    return EXIT.ok;
  },
};
