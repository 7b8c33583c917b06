// What a command touches of its process: where it prints (results on stdout, progress and
// warnings on stderr, both scrubbed of credentials and of pipeline commands), the environment, the working folder, the
// clock, and the CI job summary (GITHUB_STEP_SUMMARY) when there is one. Passed in, so the
// commands run the same in a test.
import { appendFileSync } from 'node:fs';
import type { Redactor } from './redact';
import { withoutWorkflowCommands } from './workflow-commands';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  now(): Date;
  redactor: Redactor;
  interactive: boolean;
}

/** Control characters other than tab and newline: a name holding an escape sequence must not drive the terminal. */
// eslint-disable-next-line no-control-regex -- these are the characters removed.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F]/g;

export function processIo(redactor: Redactor): CliIo {
  const clean = (text: string) => withoutWorkflowCommands(redactor.redact(text).replace(CONTROL, ''));
  return {
    out: (text) => void process.stdout.write(clean(text)),
    err: (text) => void process.stderr.write(clean(text)),
    env: process.env,
    cwd: process.cwd(),
    now: () => new Date(),
    redactor,
    interactive: !!process.stdin.isTTY && !process.env.CI,
  };
}

/** Appends Markdown to the job summary of GitHub Actions, when the job has one. */
export function appendJobSummary(io: CliIo, markdown: string): void {
  const file = io.env.GITHUB_STEP_SUMMARY;
  if (!file) return;
  appendFileSync(file, `${io.redactor.redact(markdown).trimEnd()}\n\n`);
}
