// For tests: runCli in this process with an io that keeps what it prints: for what needs no tenant (arguments,
// files on disk), faster than the CLI world's real process.
import type { CliIo } from './io';
import { createRedactor } from './redact';
import { runCli } from './run-cli';

export async function runInProcess(argv: string[], cwd = process.cwd()): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    out: (t) => void (stdout += t),
    err: (t) => void (stderr += t),
    env: {},
    cwd,
    now: () => new Date('2026-01-01T00:00:00Z'),
    redactor: createRedactor(),
    interactive: false,
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}
