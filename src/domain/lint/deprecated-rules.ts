// Deprecated properties and controls: what Microsoft has retired or replaced, still in a policy.
// Graph keeps accepting them for now; the day it stops, the policy stops doing what it says.
import { objectIn as obj, stringsIn as list } from '../json';
import { controlLabels } from '../labels';
import type { JsonPath } from '../policy-finding';
import { policyWords } from './tenant';
import type { LintRule } from './types';

export const approvedClientApp: LintRule = {
  id: 'deprecated-approved-client-app',
  category: 'deprecated',
  severity: 'warning',
  description: "No policy uses the retired grant control 'Require approved client app'; 'Require app protection policy' replaces it.",
  external: [{ source: 'maester', id: 'MT.1072' }],
  check: (tenant) =>
    tenant.policies
      .filter((p) => p.controls.includes('approvedApplication'))
      .map((p) => {
        // Safe only when the replacement is already an alternative: dropping the old control then changes nobody's access.
        const replaced = p.operator === 'OR' && p.controls.includes('compliantApplication');
        return {
          policyId: p.id,
          policyName: p.name,
          path: ['grantControls', 'builtInControls'],
          message: `${policyWords(p)} uses '${controlLabels.approvedApplication}', which Microsoft is retiring: use '${controlLabels.compliantApplication}'.`,
          ...(replaced && {
            fix: {
              description: `Remove '${controlLabels.approvedApplication}'; '${controlLabels.compliantApplication}' stays as the alternative.`,
              patch: { grantControls: { builtInControls: p.controls.filter((c) => c !== 'approvedApplication') } },
            },
          }),
        };
      }),
};

/** Deprecated places, and what replaces each. */
const PLACES: { path: string[]; instead: string }[] = [
  { path: ['conditions', 'deviceStates'], instead: "the device filter ('Filter for devices')" },
  { path: ['conditions', 'devices', 'includeDeviceStates'], instead: "the device filter ('Filter for devices')" },
  { path: ['conditions', 'devices', 'excludeDeviceStates'], instead: "the device filter ('Filter for devices')" },
  { path: ['conditions', 'devices', 'includeDevices'], instead: "the device filter ('Filter for devices')" },
  { path: ['conditions', 'devices', 'excludeDevices'], instead: "the device filter ('Filter for devices')" },
  {
    path: ['conditions', 'applications', 'networkAccess'],
    instead: 'Global Secure Access traffic profiles (it stopped returning data on June 1, 2025)',
  },
  {
    path: ['conditions', 'applications', 'globalSecureAccess'],
    instead: 'Global Secure Access traffic profiles (it stopped returning data on June 1, 2025)',
  },
];

const present = (value: unknown) =>
  value !== null &&
  value !== undefined &&
  !(Array.isArray(value) && value.length === 0) &&
  !(typeof value === 'object' && Object.keys(value).length === 0);

const OLD_CLIENT_TYPES: Record<string, string> = {
  easUnsupported: "'Exchange ActiveSync clients'",
  modern: "'Browser' and 'Mobile apps and desktop clients'",
};

export const deprecatedProperty: LintRule = {
  id: 'deprecated-property',
  category: 'deprecated',
  severity: 'warning',
  description: 'No policy uses a deprecated condition or value (device states, networkAccess, the old client app types).',
  external: [],
  check: (tenant) =>
    tenant.policies.flatMap((p) => {
      const found: { path: JsonPath; message: string }[] = [];
      for (const place of PLACES) {
        const value = place.path.reduce<unknown>((node, key) => obj(node)[key], p.json);
        if (present(value))
          found.push({
            path: place.path,
            message: `${policyWords(p)} uses '${place.path.at(-1)}', which is deprecated: use ${place.instead}.`,
          });
      }
      list(p.conditions.clientAppTypes).forEach((type, i) => {
        if (OLD_CLIENT_TYPES[type])
          found.push({
            path: ['conditions', 'clientAppTypes', i],
            message: `${policyWords(p)} uses the client app type '${type}', which is deprecated: use ${OLD_CLIENT_TYPES[type]}.`,
          });
      });
      return found.map((f) => ({ policyId: p.id, policyName: p.name, ...f }));
    }),
};

export const deprecatedRules: readonly LintRule[] = [approvedClientApp, deprecatedProperty];
