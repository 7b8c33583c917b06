import { describe, expect, it } from 'vitest';
import { GraphRequestError } from '../../graph/errors';
import type { ApplyItem } from '../../operations/apply-plan';
import { adviceFor, applySourceOf, notYetSeenAdvice, type ApplySource } from './apply-words';

const backup = applySourceOf({ path: 'backup.json', kind: 'backup' });

const item = (key: string, name: string, patch: Partial<ApplyItem> = {}): ApplyItem => ({
  key,
  kind: 'policy',
  name,
  action: 'create',
  status: 'failed',
  body: {},
  intended: {},
  targetId: null,
  baseModified: null,
  ...patch,
});

const refusal = (message: string) => new GraphRequestError(400, 'BadRequest', message, { method: 'POST', path: '/policies' });

describe('what apply advises about a write refused for naming an object the run just created', () => {
  const unseen = item('policy:a', 'Block legacy sign-in', { notYetSeen: true });
  const unseenError = refusal('1040: NamedLocation with id 0c5f… does not exist in the directory.');

  it('is a retry in a few minutes, not a correction of the backup', () => {
    const errors = new Map([[unseen.key, unseenError]]);
    // Not a refusal for good: apply keeps the journal and says to apply the same plan again.
    expect(adviceFor([unseen], errors, 2, backup)).toBeNull();
    const advice = notYetSeenAdvice([unseen], backup)!;
    expect(advice).toContain("'Block legacy sign-in': refused for naming an object this run created a moment before");
    expect(advice).toContain('apply the same plan again in a few minutes');
    expect(advice).not.toContain('Correct it in the backup');
  });

  it('is told apart from a real refusal when both happen', () => {
    const refused = item('policy:b', 'Require MFA');
    const errors = new Map<string, unknown>([
      [unseen.key, unseenError],
      [refused.key, refusal('Invalid grant control.')],
    ]);
    const advice = adviceFor([unseen, refused], errors, 3, backup)!;
    expect(advice).toContain(
      `'Require MFA': Graph refused its content (400): "Invalid grant control.". Correct it in the backup (backup.json)`,
    );
    expect(advice).not.toContain("'Block legacy sign-in': Graph refused its content");
    expect(advice).toContain("'Block legacy sign-in': refused for naming an object this run created a moment before");
    expect(advice).toContain('nothing is wrong with it in the backup');
  });

  it('says nothing when no write waits on the service', () => {
    expect(notYetSeenAdvice([item('policy:b', 'Require MFA')], backup)).toBeNull();
  });
});

describe('what apply advises about a refused write of a policy the plan restored from the deleted items', () => {
  const refused = (patch: Partial<ApplyItem>) => {
    const restore = item('policy:r', 'Require MFA', { action: 'restore', targetId: 'p-1', ...patch });
    return adviceFor([restore], new Map([[restore.key, refusal('Invalid grant control.')]]), 2, backup)!;
  };

  it('a refused restore: the content is the deleted item’s, not the backup’s', () => {
    const advice = refused({});
    expect(advice).toContain(
      `'Require MFA': Graph refused to restore it from the tenant's deleted items (400): "Invalid grant control.". What it refuses is the deleted policy as the tenant keeps it, not the backup's version:`,
    );
    expect(advice).toContain('Deleted items');
    expect(advice).not.toContain('in the backup (backup.json)');
  });

  it('restored, its change to the backup’s version refused: it is back as it was deleted, corrected in the editor', () => {
    const advice = refused({ restored: true, deletedState: 'enabled' });
    expect(advice).toContain(
      `'Require MFA' is back in the tenant as it was deleted, but Graph refused its change to the backup's version (400): "Invalid grant control.".`,
    );
    expect(advice).toContain('open it in the console (id p-1) and correct it in the editor');
    expect(advice).not.toContain('Correct it in the backup (backup.json), plan again');
  });
});

describe('what apply advises about a write whose name would forge a log line', () => {
  it('names it on one line, its line break as "\\n", and Graph\'s message too', () => {
    const forged = item('policy:c', 'CA099\n::warning title=Gatehouse::All policies OK');
    const gone = item('policy:d', 'CA100\n- update policy: fake line');
    const errors = new Map<string, unknown>([
      [forged.key, refusal("Invalid name 'CA099\n::warning'.")],
      [gone.key, new GraphRequestError(404, 'NotFound', 'gone', { method: 'PATCH', path: '/policies/d' })],
    ]);
    const advice = adviceFor([forged, gone], errors, 2, backup)!;
    expect(advice).toContain(
      `'CA099\\n::warning title=Gatehouse::All policies OK': Graph refused its content (400): "Invalid name 'CA099\\n::warning'.".`,
    );
    expect(advice).toContain("'CA100\\n- update policy: fake line': not in the tenant");
    expect(advice.split('\n').filter((line) => /^(::|- update policy: fake)/.test(line))).toEqual([]);
  });
});

describe('what apply calls the source of the plan it applies, as the plan file records it', () => {
  const failing = (patch: Partial<ApplyItem>, source: ApplySource) => {
    const row = item('policy:r', 'Require MFA', patch);
    return adviceFor([row], new Map([[row.key, refusal('Invalid grant control.')]]), 2, source)!;
  };
  const of = (kind?: string) => applySourceOf({ path: 'templates', ...(kind && { kind }) });

  it('a plan made from policy files: the policy files, never the backup', () => {
    const source = of('policyFiles');
    const created = failing({}, source);
    expect(created).toContain(
      `'Require MFA': Graph refused its content (400): "Invalid grant control.". Correct it in the policy files (templates), plan again`,
    );
    const restored = failing({ action: 'restore', targetId: 'p-1', restored: true }, source);
    expect(restored).toContain("Graph refused its change to the policy files' version (400)");
    expect(restored).toContain("the new plan brings it to the policy files' version as an update");
    const notRestored = failing({ action: 'restore', targetId: 'p-1' }, source);
    expect(notRestored).toContain("not the policy files' version");
    expect(notRestored).toContain('a new plan from templates creates it from the policy files instead');
    const unseen = item('policy:u', 'Block legacy sign-in', { notYetSeen: true });
    const refused = item('policy:b', 'Require MFA');
    const both = adviceFor(
      [unseen, refused],
      new Map<string, unknown>([
        [unseen.key, refusal('1040')],
        [refused.key, refusal('Invalid grant control.')],
      ]),
      3,
      source,
    )!;
    expect(both).toContain('nothing is wrong with it in the policy files');
    expect(notYetSeenAdvice([unseen], source)).toContain('Nothing is wrong with the policy files or the plan');
    for (const words of [created, restored, notRestored, both]) expect(words).not.toMatch(/backup/);
  });

  it('a plan file written before the kind was recorded (or with one unknown): neutral words, neither backup nor policy files', () => {
    for (const source of [of(), of('somethingNew')]) {
      const created = failing({}, source);
      expect(created).toContain("Correct it in the plan's source (templates), plan again");
      const restored = failing({ action: 'restore', targetId: 'p-1', restored: true }, source);
      expect(restored).toContain('Graph refused its change to the version planned (400)');
      for (const words of [created, restored]) expect(words).not.toMatch(/backup|policy files/);
    }
  });
});
