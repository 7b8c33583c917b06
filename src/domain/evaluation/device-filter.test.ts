import { describe, expect, it } from 'vitest';
import { deviceFilterScope, parseDeviceFilter } from './device-filter';
import type { DeviceFacts } from './sign-in';

const errorOf = (rule: string) => {
  const result = parseDeviceFilter(rule);
  if (result.ok) throw new Error(`${rule} parsed, but should not`);
  return result.error;
};

const saw: DeviceFacts = {
  registered: true,
  deviceId: 'aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb',
  displayName: 'SAW-ADA-01',
  isCompliant: true,
  trustType: 'AzureAD',
  operatingSystem: 'Windows',
  operatingSystemVersion: '10.0.22631',
  manufacturer: 'Microsoft Corporation',
  model: 'Surface Laptop 5',
  mdmAppId: '0000000a-0000-0000-c000-000000000000',
  profileType: 'RegisteredDevice',
  deviceOwnership: 'Company',
  enrollmentProfileName: 'AutoPilot Profile SAW',
  physicalIds: ['[ZTDId]:1234', '[OrderId]:Contoso'],
  systemLabels: ['M365Managed'],
  extensionAttributes: { 1: 'SAW', 2: null },
};
const unregistered: DeviceFacts = { registered: false };

/** What an include filter says of a device: in scope (true), not (false) or not known (undefined). */
const on = (rule: string, device: DeviceFacts | undefined) => {
  const scope = deviceFilterScope({ mode: 'include', rule }, device);
  if ('error' in scope) throw new Error(`${rule}: ${scope.error}`);
  return scope.inScope;
};

describe('device filter rules: every operator', () => {
  it.each([
    ['device.extensionAttribute1 -eq "SAW"', true],
    ['device.extensionAttribute1 -eq "saw"', true],
    ['device.extensionAttribute1 -ne "SAW"', false],
    ['device.displayName -startsWith "SAW-"', true],
    ['device.displayName -notStartsWith "SAW-"', false],
    ['device.displayName -endsWith "-01"', true],
    ['device.displayName -notEndsWith "-01"', false],
    ['device.model -contains "surface"', true],
    ['device.model -notContains "Surface"', false],
    ['device.operatingSystemVersion -in ["10.0.19045", "10.0.22631"]', true],
    ['device.operatingSystemVersion -notIn ["10.0.19045", "10.0.22631"]', false],
    ['device.displayName -match "^saw-[a-z]+-[0-9]{2}$"', true],
    ['device.displayName -notMatch "^SAW"', false],
    ['device.isCompliant -eq True', true],
    ['device.isCompliant -eq "True"', true],
    ['device.isCompliant -ne true', false],
    ['device.trustType -eq "ServerAD"', false],
    ['device.deviceid -eq "AAAAAAAA-0000-1111-2222-BBBBBBBBBBBB"', true],
    ['device.mdmAppId -in ["0000000a-0000-0000-c000-000000000000"]', true],
    ['device.profileType -eq "Printer"', false],
    ['device.deviceOwnership -eq "Company"', true],
    ['device.enrollmentProfileName -startsWith "AutoPilot Profile"', true],
  ])('%s is %s for a compliant SAW', (rule, expected) => {
    expect(on(rule, saw)).toBe(expected);
  });

  it('reads lists whole with -contains, as the docs say for physicalIds and systemLabels', () => {
    expect(on('device.physicalIds -contains "[ZTDId]:1234"', saw)).toBe(true);
    expect(on('device.physicalIds -contains "[ZTDId]"', saw)).toBe(false);
    expect(on('device.systemLabels -contains "m365managed"', saw)).toBe(true);
    expect(on('device.systemLabels -notContains "MultiUser"', saw)).toBe(true);
  });

  it('joins with -and / -or, -and binding tighter, and groups with parentheses', () => {
    expect(on('device.trustType -eq "ServerAD" -or device.isCompliant -eq True -and device.model -contains "Surface"', saw)).toBe(true);
    expect(on('(device.trustType -eq "ServerAD" -or device.isCompliant -eq True) -and device.model -contains "Dell"', saw)).toBe(false);
    expect(on('device.trustType -eq "ServerAD" -or (device.isCompliant -eq True -and device.model -contains "Dell")', saw)).toBe(false);
    expect(on('-not (device.trustType -eq "ServerAD")', saw)).toBe(true);
    expect(on('device.isCompliant -EQ True -AND device.trustType -Ne "ServerAD"', saw)).toBe(true);
    // Operators without their hyphen, as dynamic membership rules allow.
    expect(on('device.isCompliant eq True and device.trustType ne "ServerAD"', saw)).toBe(true);
  });

  it('reads quotes: single quotes with doubled quotes, double quotes with a backtick escape', () => {
    expect(on("device.displayName -eq 'Ada''s laptop'", { ...saw, displayName: "Ada's laptop" })).toBe(true);
    expect(on('device.displayName -eq "the `"best`" one"', { ...saw, displayName: 'the "best" one' })).toBe(true);
  });

  it('compares with null', () => {
    expect(on('device.extensionAttribute2 -eq null', saw)).toBe(true);
    expect(on('device.extensionAttribute1 -ne null', saw)).toBe(true);
  });
});

describe('device filter rules: what the service does with devices it knows little of', () => {
  it('reads every property of an unregistered device as null: negative operators match, positive ones do not', () => {
    expect(on('device.isCompliant -eq True', unregistered)).toBe(false);
    expect(on('device.isCompliant -ne True', unregistered)).toBe(true);
    expect(on('device.extensionAttribute1 -ne "SAW"', unregistered)).toBe(true);
    expect(on('device.model -notContains "Surface"', unregistered)).toBe(true);
    expect(on('device.operatingSystem -in ["Windows"]', unregistered)).toBe(false);
  });

  it('gives extension attributes a value only on managed, compliant or hybrid joined devices', () => {
    const personal: DeviceFacts = {
      registered: true,
      isCompliant: false,
      trustType: 'Workplace',
      mdmAppId: null,
      extensionAttributes: { 1: 'SAW' },
    };
    expect(on('device.extensionAttribute1 -eq "SAW"', personal)).toBe(false);
    expect(on('device.extensionAttribute1 -eq "SAW"', { ...personal, trustType: 'ServerAD' })).toBe(true);
    // Not knowing whether the device is managed leaves the attribute's value open.
    expect(on('device.extensionAttribute1 -eq "SAW"', { registered: true, extensionAttributes: { 1: 'SAW' } })).toBeUndefined();
  });

  it('is unknown without the device, and names what is missing, unless the rest of the rule decides', () => {
    expect(deviceFilterScope({ mode: 'include', rule: 'device.isCompliant -eq True' }, undefined)).toEqual({
      inScope: undefined,
      missing: ['device.isCompliant'],
    });
    const partial: DeviceFacts = { registered: true, trustType: 'ServerAD' };
    expect(on('device.trustType -eq "ServerAD" -or device.isCompliant -eq True', partial)).toBe(true);
    expect(deviceFilterScope({ mode: 'include', rule: 'device.trustType -eq "AzureAD" -or device.model -eq "X"' }, partial)).toEqual({
      inScope: undefined,
      missing: ['device.model'],
    });
  });

  it('turns the match around in exclude mode', () => {
    const rule = 'device.trustType -eq "AzureAD" -or device.trustType -eq "ServerAD"';
    expect(deviceFilterScope({ mode: 'exclude', rule }, saw)).toEqual({ inScope: false, matched: true });
    expect(deviceFilterScope({ mode: 'exclude', rule }, unregistered)).toEqual({ inScope: true, matched: false });
    expect(deviceFilterScope({ mode: 'sideways', rule }, saw)).toHaveProperty('error');
  });
});

describe('device filter rules: errors come back with their column', () => {
  it.each([
    ['', 1, 'empty'],
    ['device.isCompliant -eq', 23, 'needs a value'],
    ['device.colour -eq "red"', 1, 'not a device property'],
    ['user.department -eq "Sales"', 1, 'not a device property'],
    ['device.model -like "Surface"', 14, 'not an operator'],
    ['device.model -any "Surface"', 14, 'not supported'],
    ['device.model -eq "Surface', 18, 'not closed'],
    ['(device.model -eq "Surface"', 28, 'not closed'],
    ['device.model -eq "Surface")', 27, 'closes no'],
    ['device.model -eq "A" device.model -eq "B"', 22, '-and or -or'],
    ['device.model -in "Surface"', 18, 'list in brackets'],
    ['device.model -eq ["Surface"]', 18, 'not a list'],
    ['device.model -in ["A", "B"', 27, 'not closed'],
    ['device.model -eq Surface', 18, 'double quotes'],
    ['device.model -match "(unclosed"', 21, 'regular expression'],
    ['device.isCompliant -eq "maybe"', 24, 'True or False'],
    ['device.isCompliant -contains "T"', 20, '-eq or -ne'],
    ['device.systemLabels -eq "M365Managed"', 21, '-contains or -notContains'],
    ['device.model -startsWith null', 26, 'null'],
    ['device.model -eq "A" -and', 26, 'ends where an expression'],
  ])('%j fails at column %i (%s)', (rule, column, words) => {
    const error = errorOf(rule);
    expect(error.column).toBe(column);
    expect(error.message).toContain(words);
  });

  it('refuses rules longer than the documented 3072 characters', () => {
    const rule = Array.from({ length: 200 }, (_, i) => `device.displayName -eq "device-${i}"`).join(' -or ');
    expect(errorOf(rule).message).toContain('3072');
  });

  it('reports a rule that does not parse as an error of the filter, not an exception', () => {
    expect(deviceFilterScope({ mode: 'include', rule: 'device.model -eq' }, saw)).toEqual({
      error: expect.stringContaining('needs a value'),
      column: 17,
    });
  });
});
