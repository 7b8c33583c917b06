// @vitest-environment jsdom
// A draft is changed when the review would find something to save. A location added and removed again
// with the pickers leaves {"includeLocations": []} where the tenant holds null, and a deleted
// "sessionControls": null line leaves nothing where it held null: neither is a change. Such a draft is
// clean (Review and save… has nothing to review, leaving asks nothing, nothing is kept on the device);
// a real change still is one.
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { draftStore } from '../../policy-ui/draft-store';
import { startFromPolicy, useDraft } from './use-draft';

afterEach(() => {
  cleanup();
  localStorage.clear();
});

const live = {
  id: 'p1',
  displayName: 'Require MFA',
  state: 'enabled',
  modifiedDateTime: '2026-12-01T10:00:00Z',
  conditions: {
    users: { includeUsers: ['All'], excludeUsers: [] },
    applications: { includeApplications: ['All'] },
    locations: null,
  },
  grantControls: { operator: 'OR', builtInControls: ['mfa'] },
  sessionControls: null,
} as unknown as ConditionalAccessPolicy;

const editing = () => renderHook(() => useDraft('account', 'p1', () => startFromPolicy(live)));
const edited = (change: (policy: Record<string, unknown>) => void) => {
  const policy = structuredClone(startFromPolicy(live).base) as Record<string, unknown>;
  change(policy);
  return JSON.stringify(policy, null, 2);
};

describe('useDraft’s changed', () => {
  it('is not set by an empty list of locations where the tenant holds none', () => {
    const { result } = editing();
    act(() =>
      result.current.setText(
        edited((p) => {
          (p.conditions as Record<string, unknown>).locations = { includeLocations: [] };
        }),
      ),
    );
    expect(result.current.dirty).toBe(false);
    expect(draftStore.load('account', 'p1')).toBeNull();
  });

  it('is not set by deleting a "sessionControls": null line', () => {
    const { result } = editing();
    act(() => result.current.setText(edited((p) => delete p.sessionControls)));
    expect(result.current.dirty).toBe(false);
    expect(draftStore.load('account', 'p1')).toBeNull();
  });

  it('is set by a location added, and kept on the device', () => {
    const { result } = editing();
    act(() =>
      result.current.setText(
        edited((p) => {
          (p.conditions as Record<string, unknown>).locations = { includeLocations: ['AllTrusted'] };
        }),
      ),
    );
    expect(result.current.dirty).toBe(true);
    expect(draftStore.load('account', 'p1')).not.toBeNull();
  });

  it('is set by text that is not JSON', () => {
    const { result } = editing();
    act(() => result.current.setText('{ "displayName": '));
    expect(result.current.dirty).toBe(true);
  });
});
