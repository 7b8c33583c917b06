// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { draftStore } from './draft-store';
import { openNewPolicyDraft, openPolicyDraft, UnsavedDraftInTheWay } from './open-in-editor';

const ACCOUNT = 'ada.contoso';
const current = { id: 'p6', displayName: 'CA006: Block legacy authentication', state: 'enabled', modifiedDateTime: '2026-11-30T10:00:00Z' };
const typed = {
  text: '{ "displayName": "CA006 with Grace Kim excluded" }',
  baseText: '{}',
  baseModified: null,
  updatedAt: '2026-12-01T09:00:00Z',
};

describe('opening the editor on a proposed version', () => {
  beforeEach(() => localStorage.clear());

  it('keeps the proposal as a draft over the policy as it is now', () => {
    const at = openPolicyDraft(ACCOUNT, 'p6', current, { ...current, state: 'disabled' }, 'Reverting', 'reverting it');
    expect(at).toContain('p6');
    const draft = draftStore.load(ACCOUNT, 'p6')!;
    expect(JSON.parse(draft.text)).toMatchObject({ state: 'disabled' });
    expect(JSON.parse(draft.baseText)).toMatchObject({ state: 'enabled' });
    expect(draft.baseModified).toBe('2026-11-30T10:00:00Z');
  });

  it('never replaces changes the admin has not saved: it refuses, and says what waits for them', () => {
    draftStore.save(ACCOUNT, 'p6', typed);
    expect(() => openPolicyDraft(ACCOUNT, 'p6', current, { ...current, state: 'disabled' }, 'Reverting', 'reverting it')).toThrow(
      new UnsavedDraftInTheWay('“CA006: Block legacy authentication”', 'reverting it'),
    );
    expect(draftStore.load(ACCOUNT, 'p6')).toEqual(typed);

    draftStore.save(ACCOUNT, 'new', typed);
    expect(() => openNewPolicyDraft(ACCOUNT, { displayName: 'CA099 again' }, 'Re-creating', 're-creating “CA099”')).toThrow(
      'The new policy being written has unsaved changes on this device. Continue editing it (or discard them) before re-creating “CA099”.',
    );
    expect(draftStore.load(ACCOUNT, 'new')).toEqual(typed);
  });
});
