// What the cancelled-apply tests share (apply-cancel, tenants-apply-cancel): drift that a plan turns back, and a
// started run signalled once it reaches a line. Used by *.test.ts only.
import type { ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

type Request = (method: string, path: string, body?: unknown) => Promise<Response>;

const QUIET = ['disabled', 'enabledForReportingButNotEnforced'];

/**
 * Turns `count` of the backed-up policies in `folder` (a backup's policies/) that enforce nothing to the other such
 * state, through `asAdmin` (the tenant's admin), so that a plan of the backup turns them back with `count` writes.
 */
export async function driftQuiet(folder: string, count: number, asAdmin: Request): Promise<void> {
  const quiet = readdirSync(folder)
    .map((f) => JSON.parse(readFileSync(join(folder, f), 'utf8')) as { id: string; state: string })
    .filter((p) => QUIET.includes(p.state))
    .slice(0, count);
  expect(quiet).toHaveLength(count);
  for (const p of quiet) {
    const state = p.state === 'disabled' ? 'enabledForReportingButNotEnforced' : 'disabled';
    expect((await asAdmin('PATCH', `/v1.0/identity/conditionalAccess/policies/${p.id}`, { state })).status).toBe(204);
  }
}

/** Waits (up to 30 s) until the started run's stderr shows `text`. */
async function until(run: { stderr(): string }, text: RegExp): Promise<void> {
  for (let i = 0; i < 600 && !text.test(run.stderr()); i++) await new Promise((r) => setTimeout(r, 50));
  expect(run.stderr()).toMatch(text);
}

/**
 * The started run cancelled as a CI job cancels it: SIGINT once its stderr shows `at`; `twice`, then SIGTERM once it
 * says it is stopping. What it ended with.
 */
export async function cancelled<T>(
  run: { child: ChildProcess; stderr(): string; done: Promise<T> },
  at: RegExp,
  { twice = false } = {},
): Promise<T> {
  await until(run, at);
  run.child.kill('SIGINT');
  if (twice) {
    await until(run, /SIGINT: stopping/);
    run.child.kill('SIGTERM');
  }
  return run.done;
}
