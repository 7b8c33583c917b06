// Filter for devices (conditions.devices.deviceFilter): the device properties the rules may name,
// how a device's facts read as those properties, and whether a filter keeps a policy in scope.
// Documented behaviour followed here (Microsoft Entra docs, "Conditional Access: Filter for devices",
// concept-condition-filters-for-devices):
// - "For a device that is unregistered with Microsoft Entra ID, all device properties are considered as
//   null values": positive operators (-eq, -startsWith, -contains, -in…) do not match it, negative ones
//   (-ne, -notContains, -notIn…) do, in include and exclude mode alike (the docs' behaviour table).
// - extensionAttribute1-15 have a value at evaluation only when the device is Intune-managed, compliant
//   or hybrid joined (trustType ServerAD); otherwise they read as null.
// - mode include: the policy applies to devices matching the rule; mode exclude: to the others.
// - For string lists (physicalIds, systemLabels) -contains matches a whole value of the list.
import { evaluateRule, parseRule, type ParsedRule, type PropertySpec, type PropertyValue, type RuleVocabulary } from './filter-rule';
import type { DeviceFacts } from './sign-in';

const STRINGS = [
  'deviceId',
  'displayName',
  'deviceOwnership',
  'enrollmentProfileName',
  'manufacturer',
  'mdmAppId',
  'model',
  'operatingSystem',
  'operatingSystemVersion',
  'profileType',
  'trustType',
  ...Array.from({ length: 15 }, (_, i) => `extensionAttribute${i + 1}`),
];

const DEVICE_PROPERTIES = new Map<string, PropertySpec>([
  ...STRINGS.map((name): [string, PropertySpec] => [name.toLowerCase(), { name: `device.${name}`, type: 'string' }]),
  ['iscompliant', { name: 'device.isCompliant', type: 'boolean' }],
  ['physicalids', { name: 'device.physicalIds', type: 'collection' }],
  ['systemlabels', { name: 'device.systemLabels', type: 'collection' }],
]);

/**
 * The documented property names. The docs say names are case-sensitive, yet their own examples write
 * device.deviceid; names are matched ignoring case so that such a rule is read as the service reads it.
 */
export const deviceVocabulary: RuleVocabulary = {
  subject: 'device',
  property(written) {
    const [object, name, ...rest] = written.split('.');
    if (object?.toLowerCase() !== 'device' || !name || rest.length > 0) return undefined;
    return DEVICE_PROPERTIES.get(name.toLowerCase());
  },
  known: [...DEVICE_PROPERTIES.values()].map((p) => p.name.replace('device.', '')).join(', '),
};

const parsed = new Map<string, ParsedRule>();

/** Parses a device filter rule (memoised: the same rules are evaluated over many sign-ins). */
export function parseDeviceFilter(rule: string): ParsedRule {
  let result = parsed.get(rule);
  if (!result) {
    result = parseRule(rule, deviceVocabulary);
    if (parsed.size > 500) parsed.clear();
    parsed.set(rule, result);
  }
  return result;
}

/** Whether extension attributes have a value at evaluation: managed, compliant or hybrid joined; undefined when not known. */
function extensionAttributesAvailable(device: DeviceFacts): boolean | undefined {
  const managed = device.mdmAppId === undefined ? undefined : device.mdmAppId !== null;
  const compliant = device.isCompliant === undefined ? undefined : device.isCompliant === true;
  const hybrid = device.trustType === undefined ? undefined : device.trustType?.toLowerCase() === 'serverad';
  if (managed || compliant || hybrid) return true;
  if (managed === false && compliant === false && hybrid === false) return false;
  return undefined;
}

type PlainProperty = Exclude<keyof DeviceFacts, 'registered' | 'extensionAttributes'>;

/** A device property as the service reads it: null for an unregistered device, undefined when not known. */
export function devicePropertyValue(device: DeviceFacts | undefined, property: PropertySpec): PropertyValue {
  if (device === undefined) return undefined;
  if (device.registered === false) return null;
  const name = property.name.slice('device.'.length);
  const extension = /^extensionAttribute([0-9]+)$/.exec(name);
  if (extension) {
    const value = device.extensionAttributes?.[Number(extension[1])];
    if (value === undefined) return undefined;
    const available = extensionAttributesAvailable(device);
    return available === undefined ? undefined : available ? value : null;
  }
  return device[name as PlainProperty];
}

export type DeviceFilterAnswer =
  { inScope: boolean; matched: boolean } | { inScope: undefined; missing: string[] } | { error: string; column: number };

/** Whether a device filter keeps the policy in scope for this device. */
export function deviceFilterScope(filter: { mode?: unknown; rule?: unknown }, device: DeviceFacts | undefined): DeviceFilterAnswer {
  if (filter.mode !== 'include' && filter.mode !== 'exclude')
    return { error: `The device filter's mode is ${JSON.stringify(filter.mode)}, not include or exclude.`, column: 0 };
  const rule = parseDeviceFilter(typeof filter.rule === 'string' ? filter.rule : '');
  if (!rule.ok) return { error: rule.error.message, column: rule.error.column };
  const answer = evaluateRule(rule.expression, (property) => devicePropertyValue(device, property));
  if (answer.value === undefined) return { inScope: undefined, missing: answer.missing };
  return { inScope: filter.mode === 'include' ? answer.value : !answer.value, matched: answer.value };
}
