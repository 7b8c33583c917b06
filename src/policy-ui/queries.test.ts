import { describe, expect, it } from 'vitest';
import { asPolicy } from '../domain/json';
import type { TenantSession } from '../session/tenant-session';
import { namesQuery } from './queries';

const tenant = { scopeKey: ['tenant', 'contoso'] } as const satisfies Pick<TenantSession, 'scopeKey'>;
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const policy = (users: string[], groups: string[] = []) =>
  asPolicy({
    id: crypto.randomUUID(),
    displayName: 'p',
    state: 'enabled',
    conditions: { users: { includeUsers: users, includeGroups: groups } },
  });
const keyOf = (policies: ReturnType<typeof policy>[]) => namesQuery(tenant as TenantSession, policies).queryKey;

describe('the names query', () => {
  it('is shared by every list that refers to the same objects, whatever their order', () => {
    const a = [policy([id(1), id(2)]), policy([id(3)], [id(4)])];
    const b = [policy([id(3)]), policy([id(2), id(1)], [id(4)])];
    expect(keyOf(a)).toEqual(keyOf(b));
  });

  it('asks again when a reference changes (an id moving between users and groups is the same lookup)', () => {
    const base = keyOf([policy([id(1), id(2)])]);
    expect(keyOf([policy([id(1), id(5)])])).not.toEqual(base);
    expect(keyOf([policy([id(1)], [id(2)])])).toEqual(base);
    expect(keyOf([policy([id(1), id(2), id(3)])])).not.toEqual(base);
  });

  it('keeps its key short at the service limit (thousands of ids), so asking for it stays cheap', () => {
    const many = Array.from({ length: 195 }, (_, p) => policy(Array.from({ length: 25 }, (__, i) => id(p * 25 + i))));
    const key = keyOf(many);
    expect(JSON.stringify(key).length).toBeLessThan(100);
    // Distinct from the same tenant with one id fewer.
    expect(keyOf([...many.slice(0, 194), policy(Array.from({ length: 24 }, (_, i) => id(194 * 25 + i)))])).not.toEqual(key);
  });
});
