// The emulator's device filter reading: each operator, -and before -or, parentheses, case, missing
// properties, and a clear error for a rule it cannot read.
import { describe, expect, it } from 'vitest';
import { deviceMatches, DeviceFilterError } from './device-filter';

const laptop = { isCompliant: true, trustType: 'ServerAD', model: 'Surface Laptop 5', extensionAttribute1: 'PAW', systemLabels: ['Kiosk'] };

describe('device filter rules', () => {
  it.each([
    ['device.isCompliant -eq True', true],
    ['device.isCompliant -ne True', false],
    ['device.trustType -eq "serverad"', true],
    ['device.model -startsWith "Surface"', true],
    ['device.model -notStartsWith "Surface"', false],
    ['device.model -endsWith "5"', true],
    ['device.model -contains "Laptop"', true],
    ['device.model -notContains "Laptop"', false],
    ['device.extensionAttribute1 -in ["SAW", "PAW"]', true],
    ['device.extensionAttribute1 -notIn ["SAW", "PAW"]', false],
    ['device.model -match "^Surface (Pro|Laptop) [0-9]$"', true],
    ['device.systemLabels -contains "Kiosk"', true],
  ])('%s is %s for a compliant hybrid-joined Surface', (rule, expected) => {
    expect(deviceMatches(rule, laptop)).toBe(expected);
  });

  it('binds -and before -or, and honours parentheses', () => {
    // false -and true -or true = true; false -and (true -or true) = false
    expect(
      deviceMatches('device.isCompliant -eq False -and device.trustType -eq "ServerAD" -or device.model -contains "Surface"', laptop),
    ).toBe(true);
    expect(
      deviceMatches('device.isCompliant -eq False -and (device.trustType -eq "ServerAD" -or device.model -contains "Surface")', laptop),
    ).toBe(false);
  });

  it('treats a property the device does not have as null: positive operators are false, negations true', () => {
    expect(deviceMatches('device.trustType -eq "AzureAD"', {})).toBe(false);
    expect(deviceMatches('device.trustType -ne "AzureAD"', {})).toBe(true);
    expect(deviceMatches('device.isCompliant -ne True -and device.trustType -ne "ServerAD"', {})).toBe(true);
  });

  it('refuses a rule it cannot read, quoting it', () => {
    expect(() => deviceMatches('device.model -like "x"', laptop)).toThrow(DeviceFilterError);
    expect(() => deviceMatches('device.model -eq "x" -and', laptop)).toThrow(/device\.model -eq "x" -and/);
    expect(() => deviceMatches('user.department -eq "x"', laptop)).toThrow(DeviceFilterError);
  });
});
