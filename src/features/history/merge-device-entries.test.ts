import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../domain/policy-body';
import { mergeDeviceEntries } from './merge-device-entries';
import type { TimelineEntry } from './timeline';

const on: JsonObject = { id: 'p1', displayName: 'CA001', state: 'enabled', modifiedDateTime: '2026-12-01T10:00:00Z' };
const off: JsonObject = { ...on, state: 'disabled', modifiedDateTime: '2026-12-03T08:00:00Z' };

const audited = (before: JsonObject, at = '2026-12-03T08:00:00Z', policyId = 'p1'): TimelineEntry => ({
  key: `audit-${at}`,
  at,
  by: 'ada@contoso.example',
  activity: 'Update conditional access policy',
  policyId,
  policyName: 'CA001',
  before,
  after: off,
  fromDevice: false,
  isPolicy: true,
});

const kept = (version: JsonObject, at = '2026-12-03T08:00:02Z', policyId = 'p1'): TimelineEntry => ({
  key: `local-${at}`,
  at,
  by: 'you, on this device',
  activity: 'Version kept on this device before save',
  reason: 'before save',
  policyId,
  policyName: 'CA001',
  before: version,
  after: off,
  fromDevice: true,
  isPolicy: true,
});

describe('mergeDeviceEntries', () => {
  it('shows a save once: the audit event, noting that the version before is also kept on this device', () => {
    const merged = mergeDeviceEntries([audited(on)], [kept(on)]);
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ fromDevice: false, alsoKeptOnDevice: true });
  });

  it('keeps the versions the audit log does not show: another version, another policy, or no log at all', () => {
    const older = { ...on, state: 'enabledForReportingButNotEnforced', modifiedDateTime: '2026-11-01T10:00:00Z' };
    expect(mergeDeviceEntries([audited(on)], [kept(older)]).map((e) => e.fromDevice)).toEqual([false, true]);
    expect(mergeDeviceEntries([audited(on)], [kept(on, undefined, 'p2')])).toHaveLength(2);
    expect(mergeDeviceEntries([], [kept(on)])).toEqual([kept(on)]);
    expect(mergeDeviceEntries([audited(on)], [kept(older)])[0]!.alsoKeptOnDevice).toBeUndefined();
  });

  it('without the versions’ times, matches the same text written within minutes, and only then', () => {
    const { modifiedDateTime: _, ...untimed } = on;
    expect(mergeDeviceEntries([audited(untimed)], [kept(on)])).toHaveLength(1);
    expect(mergeDeviceEntries([audited(untimed)], [kept(on, '2026-12-03T09:00:00Z')])).toHaveLength(2);
    expect(mergeDeviceEntries([audited({ ...untimed, state: 'disabled' })], [kept(on)])).toHaveLength(2);
  });

  it('pairs one audit event with one kept version', () => {
    const merged = mergeDeviceEntries([audited(on)], [kept(on), kept(on, '2026-12-03T08:00:05Z')]);
    expect(merged.filter((e) => e.fromDevice)).toHaveLength(1);
  });
});
