// What a command touches of its process: where it prints (results on stdout, progress and
// warnings on stderr, both scrubbed of credentials), the environment, the working folder, the
// clock, and the CI job summary (GITHUB_STEP_SUMMARY) when there is one. Passed in, so the
// commands run the same in a test.
import { appendFileSync } from 'node:fs';
import type { Redactor } from './redact';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  now(): Date;
  redactor: Redactor;
  interactive: boolean;
}

export function processIo(redactor: Redactor): CliIo {
  return {
    out: (text) => void process.stdout.write(redactor.redact(text)),
    err: (text) => void process.stderr.write(redactor.redact(text)),
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
