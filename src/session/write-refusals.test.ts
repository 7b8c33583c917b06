import { describe, expect, it } from 'vitest';
import { observeWriteAnswer, subscribeToRefusals, wasWriteRefused } from './write-refusals';

/** Graph's answer to a request of this method on this path (after https://graph.microsoft.com/), refused by default. */
const answer = (method: string, path: string, status = 403) => ({ method, url: `https://graph.microsoft.com/${path}`, status });
const POLICIES = 'beta/identity/conditionalAccess/policies';

describe('write refusals', () => {
  it('marks an account that Graph refused a write, and tells the screens', () => {
    let told = 0;
    const stop = subscribeToRefusals(() => told++);
    observeWriteAnswer('a', answer('PATCH', `${POLICIES}/1`));
    expect(wasWriteRefused('a')).toBe(true);
    expect(told).toBe(1);
    stop();
  });

  it('ignores reads, reads sent by POST, other statuses and other accounts', () => {
    observeWriteAnswer('b', answer('GET', POLICIES));
    observeWriteAnswer('b', answer('POST', 'v1.0/$batch'));
    observeWriteAnswer('b', answer('POST', 'v1.0/directoryObjects/getByIds'));
    observeWriteAnswer('b', answer('POST', POLICIES, 400));
    expect(wasWriteRefused('b')).toBe(false);
    observeWriteAnswer('b', answer('POST', 'beta/identity/conditionalAccess/deletedItems/policies/1/restore'));
    expect(wasWriteRefused('b')).toBe(true);
    expect(wasWriteRefused('c')).toBe(false);
  });

  it('keeps writing allowed after a 403 on What if (a read sent by POST) or on creating a group', () => {
    observeWriteAnswer('d', answer('POST', 'v1.0/identity/conditionalAccess/evaluate'));
    observeWriteAnswer('d', answer('POST', 'v1.0/groups'));
    observeWriteAnswer('d', answer('PATCH', 'v1.0/groups/1'));
    expect(wasWriteRefused('d')).toBe(false);
    observeWriteAnswer('d', answer('PATCH', `${POLICIES}/1`));
    expect(wasWriteRefused('d')).toBe(true);
  });

  it('counts a refused change to a named location or an authentication strength', () => {
    observeWriteAnswer('e', answer('DELETE', 'v1.0/identity/conditionalAccess/namedLocations/2'));
    expect(wasWriteRefused('e')).toBe(true);
    observeWriteAnswer('f', answer('POST', 'beta/policies/authenticationStrengthPolicies'));
    expect(wasWriteRefused('f')).toBe(true);
  });
});
