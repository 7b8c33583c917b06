import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../graph/audit';
import { lastKnownVersions } from './last-known-versions';

const event = (targetId: string, at: string, activity: string, before: object | null, after: object | null): AuditEvent => ({
  id: `${targetId}-${at}`,
  activity,
  at,
  by: 'ada@contoso.example',
  targetId,
  targetName: `Policy ${targetId}`,
  targetType: 'Policy',
  before: before as never,
  after: after as never,
});

describe('lastKnownVersions', () => {
  it('keeps the newest version of each policy that is gone, from the audit log or this device', () => {
    const events = [
      event('purged', '2026-11-20T10:00:00Z', 'Hard delete conditional access policy', { displayName: 'Purged v2' }, null),
      event(
        'purged',
        '2026-11-01T10:00:00Z',
        'Update conditional access policy',
        { displayName: 'Purged v0' },
        { displayName: 'Purged v1' },
      ),
      event('present', '2026-11-21T10:00:00Z', 'Update conditional access policy', {}, { displayName: 'Still here' }),
    ];
    const local = [
      {
        scope: 't',
        itemId: 'old',
        recordedAt: '2026-01-05T10:00:00Z',
        reason: 'before delete',
        json: JSON.stringify({ displayName: 'Deleted in January' }),
      },
    ];
    const found = lastKnownVersions(events, local, new Set(['present']));
    expect(found.map((f) => [f.id, f.version.displayName, f.source])).toEqual([
      ['purged', 'Purged v2', 'audit log: hard delete conditional access policy by ada@contoso.example'],
      ['old', 'Deleted in January', 'kept on this device before delete'],
    ]);
  });
});
