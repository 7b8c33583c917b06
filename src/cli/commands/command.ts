// What a command is: its name, one line of what it does, its options (which make its --help), and
// run, which returns the exit code: 0 done or same, 1 a finding (drift, lint errors), 2 an error
// (thrown as CliError and printed by main).
import type { OptionSpecs, Values } from '../args';
import type { CliIo } from '../io';
import type { CommandName } from '../permissions';

export interface Command {
  name: CommandName;
  summary: string;
  usage: string;
  positionals: { min: number; max: number };
  options: OptionSpecs;
  /** Said after the options in --help: exit codes, examples. */
  more?: string;
  run(values: Values, positionals: string[], io: CliIo): Promise<number>;
}

export const EXIT = { ok: 0, finding: 1, error: 2 } as const;
