// A deleted object a policy refers to is named where the console can know its name, and says
// honestly when it cannot.
import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../graph/audit';
import type { MissingDependency } from '../../domain/dependencies';
import { goneNames, nameOfMissing } from './gone-names';

const event = (targetType: string, targetId: string, targetName: string, before: object | null, after: object | null): AuditEvent => ({
  id: `${targetId}-${targetName}`,
  activity: 'Delete',
  at: '2026-11-20T10:00:00Z',
  by: 'ada@contoso.example',
  targetId,
  targetName,
  targetType,
  before: before as never,
  after: after as never,
});

const missing = (id: string, kind: MissingDependency['kind'], where: string): MissingDependency => ({
  id,
  kind,
  where,
  exclusion: false,
  explanation: '',
});

describe('nameOfMissing', () => {
  // Newest first, as the log is read.
  const events = [
    event('NamedLocation', 'LOC-PURGED', 'Lab network', { displayName: 'Lab network' }, null),
    event('NamedLocation', 'loc-purged', 'Lab (old name)', null, { displayName: 'Lab (old name)' }),
    event('Policy', 'pol', 'CA093', { grantControls: { authenticationStrength: { id: 'str-1', displayName: 'Contractor MFA' } } }, null),
  ];
  const known = goneNames(events, [{ id: 'loc-vpn', displayName: 'Old VPN egress' }]);

  it('names a named location deleted for good by its latest name in the audit log, beside its id', () => {
    expect(nameOfMissing(missing('loc-purged', 'namedLocation', 'Included location'), known)).toBe(
      '“Lab network” (deleted; name from the audit log; id loc-purged)',
    );
  });

  it('names a named location still in deleted items, and an authentication strength from a policy version', () => {
    expect(nameOfMissing(missing('loc-vpn', 'namedLocation', 'Included location'), known)).toBe(
      '“Old VPN egress” (deleted; name from deleted items; id loc-vpn)',
    );
    expect(nameOfMissing(missing('str-1', 'authenticationStrength', 'Required authentication strength'), known)).toBe(
      '“Contractor MFA” (deleted; name from the audit log; id str-1)',
    );
  });

  it('says a group is not found, with its id, when no name is known', () => {
    expect(nameOfMissing(missing('grp-1', 'directoryObject', 'Excluded group'), known)).toBe(
      'grp-1 (not found: deleted, or never in this tenant; its name is not known)',
    );
  });
});
