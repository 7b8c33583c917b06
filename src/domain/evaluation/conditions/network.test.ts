import { describe, expect, it } from 'vitest';
import { evaluatePolicy } from '../evaluate-policy';
import { MFA_TRUSTED_IPS } from '../locations';
import type { EvaluationContext, SignInFacts } from '../sign-in';
import { adaToExchange, context, ids, policy } from '../test-fixtures';

const run = (conditions: Record<string, unknown>, facts: Partial<SignInFacts> = {}, ctx: EvaluationContext = context) =>
  evaluatePolicy(policy({ conditions: conditions as never }), { ...adaToExchange, ...facts }, ctx);
const locations = (includeLocations: string[], excludeLocations: string[] = []) => ({ locations: { includeLocations, excludeLocations } });

describe('locations: IP ranges, trusted, All', () => {
  it('includes any location with All, minus exclusions', () => {
    const offCorporate = locations(['All'], [ids.corporate, ids.branches]);
    expect(run(offCorporate, { ipAddress: '8.8.8.8' }).result).toBe('applies');
    expect(run(offCorporate)).toMatchObject({
      result: 'notApplied',
      failedCondition: 'locations',
      reason: 'The sign-in is from an excluded location: 203.0.113.7 is in the location Corporate network.',
    });
    expect(run(offCorporate, { ipAddress: '192.0.2.100' }).result).toBe('notApplied');
    expect(run(offCorporate, { ipAddress: '2001:db8:1200:ff::1' }).result).toBe('notApplied');
    expect(run(offCorporate, { ipAddress: '2001:db8:1300::1' }).result).toBe('applies');
  });

  it('reads AllTrusted as the trusted IP locations and the MFA trusted IPs', () => {
    const untrusted = locations(['All'], ['AllTrusted']);
    expect(run(untrusted).result).toBe('notApplied');
    // Branch offices are not marked trusted.
    expect(run(untrusted, { ipAddress: '192.0.2.100' }).result).toBe('applies');
    const withMfaIps = { ...context, mfaTrustedIps: ['192.0.2.96/27'] };
    expect(run(untrusted, { ipAddress: '192.0.2.100' }, withMfaIps).result).toBe('notApplied');
    expect(run(locations([MFA_TRUSTED_IPS]), { ipAddress: '192.0.2.100' }, withMfaIps).result).toBe('applies');
  });

  it('is indeterminate without the address, or without the MFA trusted IPs when they decide', () => {
    expect(run(locations(['All'], ['AllTrusted']), { ipAddress: undefined })).toMatchObject({
      result: 'indeterminate',
      missing: ['ipAddress'],
    });
    const noMfaIps = { ...context, mfaTrustedIps: undefined };
    expect(run(locations(['All'], ['AllTrusted']), { ipAddress: '8.8.8.8' }, noMfaIps)).toMatchObject({
      result: 'indeterminate',
      missing: ['context.mfaTrustedIps'],
    });
    // Inside a trusted named location, the MFA trusted IPs do not matter.
    expect(run(locations(['All'], ['AllTrusted']), {}, noMfaIps).result).toBe('notApplied');
    expect(run(locations(['All']), { ipAddress: undefined }).result).toBe('applies');
  });

  it('says a missing address once, however many locations need it', () => {
    // Included and excluded IP locations each need the address: the reason names it once.
    expect(run(locations([ids.corporate, ids.branches], ['AllTrusted']), { ipAddress: undefined })).toMatchObject({
      result: 'indeterminate',
      reason: 'The IP address is not known.',
      missing: ['ipAddress'],
    });
  });

  it('is indeterminate for a location id it was not given', () => {
    expect(run(locations(['All'], ['deadbeef-0000-0000-0000-000000000000']), { ipAddress: '8.8.8.8' })).toMatchObject({
      result: 'indeterminate',
      missing: ['context.namedLocations[deadbeef-0000-0000-0000-000000000000]'],
    });
  });
});

describe('locations: countries', () => {
  const outsideAllowed = locations(['All'], [ids.allowedCountries]);
  it('looks the country up by IP address', () => {
    expect(run(outsideAllowed, { country: 'NL' }).result).toBe('notApplied');
    expect(run(outsideAllowed, { country: 'br' }).result).toBe('applies');
    expect(run(outsideAllowed, { country: undefined })).toMatchObject({ result: 'indeterminate', missing: ['country'] });
  });

  it('counts an unknown country in a location only when it includes unknown countries', () => {
    expect(run(outsideAllowed, { country: null }).result).toBe('applies');
    expect(run(locations([ids.blockedCountries]), { gpsCountry: null }).result).toBe('applies');
  });

  it('uses the GPS country for a location looked up by GPS', () => {
    const blocked = locations([ids.blockedCountries]);
    expect(run(blocked, { country: 'KP', gpsCountry: 'NL' }).result).toBe('notApplied');
    expect(run(blocked, { country: 'NL', gpsCountry: 'KP' }).reason).toContain('KP is in the location Blocked countries');
    expect(run(blocked, { gpsCountry: undefined })).toMatchObject({ result: 'indeterminate', missing: ['gpsCountry'] });
  });
});

describe('devices: filter', () => {
  const unmanaged = {
    devices: { deviceFilter: { mode: 'include', rule: 'device.isCompliant -ne True -and device.trustType -ne "ServerAD"' } },
  };
  const corporate = {
    devices: { deviceFilter: { mode: 'exclude', rule: 'device.trustType -eq "AzureAD" -or device.trustType -eq "ServerAD"' } },
  };

  it('applies an include filter to matching devices only', () => {
    expect(run(unmanaged)).toMatchObject({ result: 'notApplied', failedCondition: 'devices' });
    expect(run(unmanaged, { device: { registered: true, isCompliant: false, trustType: 'Workplace' } }).result).toBe('applies');
    expect(run(unmanaged, { device: { registered: false } }).reason).toContain('The unregistered device (every property null) matches');
  });

  it('applies an exclude filter to the devices that do not match', () => {
    expect(run(corporate).result).toBe('notApplied');
    expect(run(corporate, { device: { registered: false } }).result).toBe('applies');
  });

  it('is indeterminate without the device, or with a rule that does not parse', () => {
    expect(run(unmanaged, { device: undefined })).toMatchObject({
      result: 'indeterminate',
      missing: ['device.isCompliant', 'device.trustType'],
    });
    expect(run({ devices: { deviceFilter: { mode: 'include', rule: 'device.isCompliant -eq' } } })).toMatchObject({
      result: 'indeterminate',
      reason: expect.stringContaining('(column 23)'),
    });
  });

  it('does not read the deprecated device states: set, they make the result indeterminate', () => {
    expect(run({ devices: { includeDeviceStates: ['All'], excludeDeviceStates: ['Compliant'] } })).toMatchObject({
      result: 'indeterminate',
      missing: ['conditions.devices.includeDeviceStates', 'conditions.devices.excludeDeviceStates'],
    });
  });
});
