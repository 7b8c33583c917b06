import { describe, expect, it } from 'vitest';
import { observeWriteAnswer, subscribeToRefusals, wasWriteRefused } from './write-refusals';

describe('write refusals', () => {
  it('marks an account that Graph refused a write, and tells the screens', () => {
    let told = 0;
    const stop = subscribeToRefusals(() => told++);
    observeWriteAnswer('a', {
      method: 'PATCH',
      url: 'https://graph.microsoft.com/beta/identity/conditionalAccess/policies/1',
      status: 403,
    });
    expect(wasWriteRefused('a')).toBe(true);
    expect(told).toBe(1);
    stop();
  });

  it('ignores reads, reads sent by POST, other statuses and other accounts', () => {
    observeWriteAnswer('b', { method: 'GET', url: 'https://graph.microsoft.com/beta/identity/conditionalAccess/policies', status: 403 });
    observeWriteAnswer('b', { method: 'POST', url: 'https://graph.microsoft.com/v1.0/$batch', status: 403 });
    observeWriteAnswer('b', { method: 'POST', url: 'https://graph.microsoft.com/v1.0/directoryObjects/getByIds', status: 403 });
    observeWriteAnswer('b', { method: 'POST', url: 'https://graph.microsoft.com/beta/identity/conditionalAccess/policies', status: 400 });
    expect(wasWriteRefused('b')).toBe(false);
    observeWriteAnswer('b', {
      method: 'POST',
      url: 'https://graph.microsoft.com/beta/identity/conditionalAccess/deletedItems/policies/1/restore',
      status: 403,
    });
    expect(wasWriteRefused('b')).toBe(true);
    expect(wasWriteRefused('c')).toBe(false);
  });

  it('keeps writing allowed after a 403 on What if (a read sent by POST) or on creating a group', () => {
    observeWriteAnswer('d', { method: 'POST', url: 'https://graph.microsoft.com/v1.0/identity/conditionalAccess/evaluate', status: 403 });
    observeWriteAnswer('d', { method: 'POST', url: 'https://graph.microsoft.com/v1.0/groups', status: 403 });
    observeWriteAnswer('d', { method: 'PATCH', url: 'https://graph.microsoft.com/v1.0/groups/1', status: 403 });
    expect(wasWriteRefused('d')).toBe(false);
    observeWriteAnswer('d', {
      method: 'PATCH',
      url: 'https://graph.microsoft.com/beta/identity/conditionalAccess/policies/1',
      status: 403,
    });
    expect(wasWriteRefused('d')).toBe(true);
  });

  it('counts a refused change to a named location or an authentication strength', () => {
    observeWriteAnswer('e', {
      method: 'DELETE',
      url: 'https://graph.microsoft.com/v1.0/identity/conditionalAccess/namedLocations/2',
      status: 403,
    });
    expect(wasWriteRefused('e')).toBe(true);
    observeWriteAnswer('f', {
      method: 'POST',
      url: 'https://graph.microsoft.com/beta/policies/authenticationStrengthPolicies',
      status: 403,
    });
    expect(wasWriteRefused('f')).toBe(true);
  });
});
