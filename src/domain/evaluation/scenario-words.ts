// The what-if form's words for each part of a scenario, and the engine's missing inputs said in those
// words. One table serves the form's labels and the "Needs: …" of an answer, so an admin is asked for
// "IP address", the field they fill in, never for the engine's `ipAddress`.
import { APP_GROUP_WORDS, type AppGroup } from './app-groups';
import type { Requirements } from './evaluate-policies';
import type { ScenarioConditions } from './scenario';
import { isolatedText } from '../isolate';

/** The label of each field of the scenario form. */
export const SCENARIO_FIELD_WORDS = {
  identity: 'Who signs in',
  target: 'Signing in to',
  devicePlatform: 'Device platform',
  clientAppType: 'Client app',
  ipAddress: 'IP address',
  country: 'Country',
  signInRiskLevel: 'Sign-in risk',
  userRiskLevel: 'User risk',
  servicePrincipalRiskLevel: 'Service principal risk',
  insiderRiskLevel: 'Insider risk',
  agentIdRiskLevel: 'Agent risk',
  authenticationFlow: 'Authentication flow',
  deviceTrustType: 'Device',
  deviceCompliant: 'Device marked compliant',
} as const satisfies Record<keyof ScenarioConditions | 'identity' | 'target', string>;

/** Inputs the engine may miss that no field of the form states: where they come from instead. */
const OTHER_INPUTS: Record<string, string> = {
  gpsCountry: 'the country by GPS (the Authenticator app’s, not asked here)',
  'context.mfaTrustedIps': 'the MFA trusted IPs (in Settings)',
  'identity.groupIds': 'the user’s groups',
  'identity.roleTemplateIds': 'the user’s roles',
  'identity.guest': 'whether the user is a guest or external user',
  'identity.guest.homeTenantId': 'the guest’s home tenant',
  'identity.agentUser': 'whether the user is an agent user',
  'identity.ownedByThisTenant': 'whether this tenant owns the workload identity',
  'identity.agentIdentity': 'whether the workload identity is an agent identity',
  'identity.customSecurityAttributes': 'the workload identity’s custom security attributes',
  'target.customSecurityAttributes': 'the application’s custom security attributes',
  'target.agentResource': 'whether the application is an agent resource',
};

/**
 * Inputs a field of the form states for some scenarios only: when the engine misses one, the form did not ask
 * it (an agent's risk is asked of an agent identity, and of a user the picker marked as an agent user: one
 * kept or imported unmarked is not asked).
 */
const NOT_ASKED: Record<string, string> = {
  agentIdRiskLevel: 'the agent’s risk (asked only of an agent identity, or of an agent user picked as one)',
};

/** One missing input in the form's words; a path into the policy itself (conditions.…, device.… of a filter) stays as written. */
export function missingInputInWords(path: string): string {
  const notAsked = NOT_ASKED[path];
  if (notAsked) return notAsked;
  if (Object.hasOwn(SCENARIO_FIELD_WORDS, path)) return SCENARIO_FIELD_WORDS[path as keyof typeof SCENARIO_FIELD_WORDS];
  const other = OTHER_INPUTS[path];
  if (other) return other;
  const group = /^context\.appGroups\.(\w+)$/.exec(path)?.[1];
  if (group && Object.hasOwn(APP_GROUP_WORDS, group)) return `the apps of ${APP_GROUP_WORDS[group as AppGroup]}`;
  const location = /^context\.namedLocations\[(.+)\]$/.exec(path)?.[1];
  if (location) return `the named location ${location}`;
  return path;
}

/** The missing inputs in words, each once, in order. */
export const missingInWords = (paths: readonly string[]): string[] => [...new Set(paths.map(missingInputInWords))];

/** Why an outcome is not certain, as "CA005 needs IP address; CA010 needs Country", or null when it is. */
export function uncertaintyInWords(outcome: Requirements): string | null {
  if (outcome.certain) return null;
  // The names set apart (a name with U+202E or right-to-left letters cannot turn the words around).
  return outcome.indeterminate.map((p) => `${isolatedText(p.displayName)} needs ${missingInWords(p.missing).join(', ')}`).join('; ');
}
