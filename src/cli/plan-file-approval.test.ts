// A plan's approval is of the bytes reviewed: a plan saved again as UTF-16 (Windows PowerShell's Out-File) or with CRLF
// line endings (git on Windows) is read, and refused saying it was re-encoded after the review, not that it is no JSON;
// a hash given as sha256sum's output for the very file applied is warned of; a tenant with no folder of plans is said so.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PLAN_FORMAT } from '../domain/plan/plan-file-format';
import { planFileText, type PlanFile } from './commands/plan-file';
import { runInProcess } from './run-in-process';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gatehouse-plan-approval-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]) => runInProcess(args, dir);
const TENANT = '11111111-1111-4111-8111-111111111111';
const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');
const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

const planText = planFileText({
  format: PLAN_FORMAT,
  version: 1,
  tenant: { id: TENANT },
  source: { path: 'backup', tenantId: TENANT, tenantName: null, capturedAt: '2026-12-01T00:00:00Z' },
  plan: { sameTenant: true, rows: [], mapping: [], blockers: [], counts: { create: 0, update: 0, restore: 0, reuse: 0, skip: 0 } },
} satisfies PlanFile);
const approved = sha256(planText);

describe('a plan re-encoded after its review', () => {
  it('saved as UTF-16 by PowerShell is read, and refused as re-encoded, with what to do', async () => {
    writeFileSync(join(dir, 'p1u.json'), utf16le(planText));
    const result = await run('apply', '--plan', 'p1u.json', '--sha256', approved);
    expect(result.code).toBe(2);
    expect(result.stderr).not.toContain('not valid JSON');
    expect(result.stderr).toContain(
      `it holds the reviewed plan, but re-encoded after the review (UTF-16), and the approval is of the bytes reviewed.`,
    );
    expect(result.stderr).toContain('.gitattributes: plan.json -text');
    expect(result.stderr).toContain('Nothing was written.');
  });

  it('with CRLF line endings is refused as re-encoded', async () => {
    writeFileSync(join(dir, 'crlf.json'), planText.replace(/\n/g, '\r\n'));
    const result = await run('apply', '--plan', 'crlf.json', '--sha256', approved);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('re-encoded after the review (CRLF line endings)');
  });

  it('in UTF-16 and changed too is said to have changed', async () => {
    writeFileSync(join(dir, 'changed.json'), utf16le(planText.replace(TENANT, '22222222-2222-4222-8222-222222222222')));
    const result = await run('apply', '--plan', 'changed.json', '--sha256', approved);
    expect(result.stderr).toContain('the plan changed after it was reviewed (it was also re-encoded: UTF-16). Nothing was written.');
  });

  it('reviewed as UTF-16, its own bytes approved, is taken as the plan', async () => {
    const bytes = utf16le(planText);
    writeFileSync(join(dir, 'reviewed16.json'), bytes);
    const result = await run('apply', '--plan', 'reviewed16.json', '--sha256', sha256(bytes));
    // Past the plan's checks: on to signing in, which this test's environment cannot.
    expect(result.stderr).not.toMatch(/not valid JSON|not the approved|re-encoded/);
    expect(result.stderr).toMatch(/tenant|sign/i);
  });
});

describe('a hash computed in the apply job', () => {
  it('given as sha256sum prints it for the very file applied, is warned of', async () => {
    writeFileSync(join(dir, 'plan.json'), planText);
    const result = await run('apply', '--plan', 'plan.json', '--sha256', `${approved}  plan.json`);
    expect(result.stderr).toContain(
      "Warning: --sha256 was given as sha256sum's output for plan.json, the file being applied: a hash computed from the file in the apply job approves whatever it holds.",
    );
    const reviewed = await run('apply', '--plan', 'plan.json', '--sha256', approved);
    expect(reviewed.stderr).not.toContain('Warning: --sha256');
  });
});

describe('apply --tenants with no folder of plans for a tenant', () => {
  it('says the folder is missing, not that it holds no plan.sha256', async () => {
    const auth = { kind: 'secret', clientId: '33333333-3333-4333-8333-333333333333', secretEnv: 'S' };
    writeFileSync(join(dir, 'tenants.json'), JSON.stringify({ tenants: [{ id: TENANT, name: 'Tenant 1', auth }] }));
    mkdirSync(join(dir, 'tp'));
    const result = await run('apply', '--tenants', 'tenants.json', '--plans', 'tp');
    expect(result.code).toBe(2);
    expect(result.stdout + result.stderr).toContain(
      `tp holds no folder for this tenant (${TENANT}): plan --tenants writes one per tenant, with its plan.json and plan.sha256. Nothing was written.`,
    );
    expect(result.stdout + result.stderr).not.toContain('holds no plan.sha256');
  });
});
