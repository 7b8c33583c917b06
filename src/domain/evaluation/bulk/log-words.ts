// The log's words in the engine's: client apps, platforms from operating system names, trust types,
// risk levels, grant control names, and what a logged sign-in shows it already satisfied.
import { objectIn as obj, stringsIn as list, type LooseObject } from '../../json';
import type { ClientAppType, DevicePlatform, RiskLevel } from '../sign-in';

const CLIENT_APPS: Record<string, ClientAppType> = {
  browser: 'browser',
  'mobile apps and desktop clients': 'mobileAppsAndDesktopClients',
  'modern clients': 'mobileAppsAndDesktopClients',
  'exchange activesync': 'exchangeActiveSync',
};
/** Legacy authentication clients the log names; Conditional Access calls them all "other clients". */
const OTHER_CLIENTS = new Set(
  [
    'Other clients',
    'IMAP',
    'IMAP4',
    'POP',
    'POP3',
    'SMTP',
    'Authenticated SMTP',
    'MAPI',
    'MAPI Over HTTP',
    'Exchange Web Services',
    'Autodiscover',
    'Offline Address Book',
    'Outlook Anywhere (RPC over HTTP)',
    'Reporting Web Services',
    'Universal Outlook',
    'Exchange Online PowerShell',
  ].map((s) => s.toLowerCase()),
);

export function clientAppTypeOf(clientAppUsed: unknown): ClientAppType | undefined {
  if (typeof clientAppUsed !== 'string' || clientAppUsed === '') return undefined;
  const key = clientAppUsed.trim().toLowerCase();
  return CLIENT_APPS[key] ?? (OTHER_CLIENTS.has(key) ? 'other' : undefined);
}

/** The platform from the log's operating system string ("Windows 10", "Ios", "MacOs"…). */
export function platformOf(operatingSystem: unknown): DevicePlatform | undefined {
  if (typeof operatingSystem !== 'string') return undefined;
  const os = operatingSystem.trim().toLowerCase();
  if (os === '' || os === 'unknown') return 'unsupported';
  if (os.startsWith('windows phone') || os.startsWith('windows 10 mobile') || os.startsWith('windowsphone')) return 'windowsPhone';
  if (os.startsWith('windows')) return 'windows';
  if (os.startsWith('ios') || os.startsWith('ipados') || os.startsWith('iphone') || os.startsWith('ipad')) return 'iOS';
  if (os.startsWith('mac') || os.startsWith('os x')) return 'macOS';
  if (os.startsWith('android')) return 'android';
  if (os.startsWith('linux') || os.startsWith('ubuntu')) return 'linux';
  return 'unsupported';
}

// "hidden" is not a level: Graph returns it when the user or sign-in is not covered by Microsoft Entra ID
// Protection (signIn resource), so what the service saw is not known.
const RISKS = new Set(['none', 'low', 'medium', 'high']);
/** A risk level the log states, or undefined when it states none (missing, hidden, or not a level). */
export const riskOf = (value: unknown): RiskLevel | undefined =>
  typeof value === 'string' && RISKS.has(value) ? (value as RiskLevel) : undefined;

/** The log's trustType in the words a device filter uses (AzureAD, ServerAD, Workplace). */
export function trustTypeOf(value: unknown): string | null | undefined {
  if (value === undefined) return undefined;
  if (value === null || value === '') return null;
  if (value === 'AzureAD' || value === 'ServerAD' || value === 'Workplace') return value;
  const t = String(value).toLowerCase().replace(/\s+/g, '');
  if (t.includes('hybrid') || t === 'serverad' || t.includes('domainjoined')) return 'ServerAD';
  if (t === 'azuread' || t.endsWith('joined')) return 'AzureAD';
  if (t === 'workplace' || t.endsWith('registered')) return 'Workplace';
  return String(value);
}

/** The log's grant control names (enforcedGrantControls) as the policy schema names them. */
const GRANT_NAMES: Record<string, string> = {
  mfa: 'mfa',
  requiremultifactorauthentication: 'mfa',
  requirecompliantdevice: 'compliantDevice',
  requiredomainjoineddevice: 'domainJoinedDevice',
  requireapprovedapp: 'approvedApplication',
  requirecompliantapp: 'compliantApplication',
  requirepasswordchange: 'passwordChange',
  passwordchange: 'passwordChange',
  requireriskremediation: 'riskRemediation',
};

export const grantNameOf = (logged: string): string => GRANT_NAMES[logged.toLowerCase().replace(/[\s-]/g, '')] ?? logged;

/**
 * What the sign-in is known to have satisfied: 'mfa' when authenticationRequirement says so or
 * mfaDetail names a method; the device's compliance and hybrid join; every grant control of a policy
 * the service reports satisfied with that one control; and `grant:<controls>` for a satisfied policy
 * whose several controls the log cannot tell apart (OR).
 */
export function satisfiedBy(entry: LooseObject): string[] {
  const found = new Set<string>();
  const mfa = obj(entry.mfaDetail);
  if (entry.authenticationRequirement === 'multiFactorAuthentication' || (typeof mfa.authMethod === 'string' && mfa.authMethod !== ''))
    found.add('mfa');
  const detail = obj(entry.deviceDetail);
  if (detail.isCompliant === true) found.add('compliantDevice');
  if (trustTypeOf(detail.trustType) === 'ServerAD') found.add('domainJoinedDevice');
  for (const applied of Array.isArray(entry.appliedConditionalAccessPolicies) ? entry.appliedConditionalAccessPolicies : []) {
    const policy = obj(applied);
    if (policy.result !== 'success' && policy.result !== 'reportOnlySuccess') continue;
    const controls = list(policy.enforcedGrantControls)
      .map(grantNameOf)
      .filter((c) => c !== 'block');
    if (controls.length === 1) found.add(controls[0]!);
    else if (controls.length > 1) found.add(`grant:${[...controls].sort().join('+')}`);
    const strength = obj(policy.authenticationStrength);
    if (typeof strength.authenticationStrengthId === 'string') found.add(`strength:${strength.authenticationStrengthId}`);
    if (typeof strength.id === 'string') found.add(`strength:${strength.id}`);
  }
  return [...found].sort();
}
