// What happened at one emulated sign-in: who signed in to what, from where and with which device,
// how risky it looked, and which controls it satisfied. The emulator's decider turns these facts
// into Conditional Access results; tests, the demo seed and the control endpoint write them.
import { errors, isObject } from '../http';

export type RiskLevel = 'none' | 'low' | 'medium' | 'high' | 'hidden';
export type InsiderRiskLevel = 'none' | 'minor' | 'moderate' | 'elevated';
/** Beta's agentIdRiskLevel: an agent identity's or agent user's risk (no "hidden"). */
export type AgentIdRiskLevel = 'none' | 'low' | 'medium' | 'high' | 'unknownFutureValue';
export type Platform = 'android' | 'iOS' | 'windows' | 'windowsPhone' | 'macOS' | 'linux';
export type ClientApp = 'browser' | 'mobileAppsAndDesktopClients' | 'exchangeActiveSync' | 'other';
export type TransferMethod = 'none' | 'deviceCodeFlow' | 'authenticationTransfer';
export type GuestKind =
  'internalGuest' | 'b2bCollaborationGuest' | 'b2bCollaborationMember' | 'b2bDirectConnectUser' | 'otherExternalUser' | 'serviceProvider';

/** The device as the sign-in saw it; properties left out are unknown (an unregistered device has none). */
export interface SignInDevice {
  deviceId?: string;
  displayName?: string;
  operatingSystem?: string;
  browser?: string;
  isCompliant?: boolean;
  isManaged?: boolean;
  /** AzureAD (Entra joined), ServerAD (hybrid joined), Workplace (registered). */
  trustType?: 'AzureAD' | 'ServerAD' | 'Workplace';
  /** Further properties a device filter can test: model, manufacturer, extensionAttribute1…15, profileType, … */
  properties?: Record<string, string | boolean | string[]>;
}

export interface SignInFacts {
  /** When it happened (ISO 8601); the emulator's clock when left out. */
  createdDateTime?: string;
  /** Exactly one of userId (a user of the tenant) and servicePrincipalId (a workload identity). */
  userId?: string;
  servicePrincipalId?: string;
  /** The resource signed in to. A user action or an authentication context replaces it as the target. */
  appId?: string;
  userAction?: 'urn:user:registersecurityinfo' | 'urn:user:registerdevice';
  /** An authentication context the resource asked for (c1…c99). */
  authenticationContext?: string;
  /** Null or left out: a platform Entra could not recognise. */
  platform?: Platform | null;
  ipAddress: string;
  /** ISO 3166 two-letter code the IP address maps to; null or left out: unknown. */
  country?: string | null;
  city?: string;
  /** The country the Authenticator app's GPS reported, for GPS-based country locations; unknown when left out. */
  gpsCountry?: string;
  /** Default: browser. */
  clientApp?: ClientApp;
  device?: SignInDevice;
  signInRisk?: RiskLevel;
  userRisk?: RiskLevel;
  servicePrincipalRisk?: RiskLevel;
  insiderRisk?: InsiderRiskLevel;
  /** An agent's risk (agent identities and agent users); a sign-in that is no agent's has none. */
  agentIdRisk?: AgentIdRiskLevel;
  authenticationFlow?: TransferMethod;
  /**
   * The authentication methods completed, as authentication strength combinations name them
   * (password, microsoftAuthenticatorPush, fido2, sms, …). Default: password for a user.
   */
  authenticationMethods?: string[];
  /**
   * Grant controls the sign-in already satisfies beyond what the methods and the device show:
   * mfa, approvedApplication, compliantApplication, passwordChange, riskRemediation, or a terms of
   * use agreement's id.
   */
  satisfiedControls?: string[];
  /** Default: true for a user, false for a workload identity. */
  interactive?: boolean;
  /** For an external user: what kind, and the tenant the account lives in. */
  guestKind?: GuestKind;
  homeTenantId?: string;
  userAgent?: string;
}

const riskLevels = ['none', 'low', 'medium', 'high', 'hidden'];
const platforms = ['android', 'iOS', 'windows', 'windowsPhone', 'macOS', 'linux'];
const clientApps = ['browser', 'mobileAppsAndDesktopClients', 'exchangeActiveSync', 'other'];
const enums: Record<string, readonly string[]> = {
  signInRisk: riskLevels,
  userRisk: riskLevels,
  servicePrincipalRisk: riskLevels,
  insiderRisk: ['none', 'minor', 'moderate', 'elevated'],
  agentIdRisk: ['none', 'low', 'medium', 'high'],
  authenticationFlow: ['none', 'deviceCodeFlow', 'authenticationTransfer'],
  clientApp: clientApps,
  userAction: ['urn:user:registersecurityinfo', 'urn:user:registerdevice'],
  guestKind: [
    'internalGuest',
    'b2bCollaborationGuest',
    'b2bCollaborationMember',
    'b2bDirectConnectUser',
    'otherExternalUser',
    'serviceProvider',
  ],
};

/** Checks facts sent to the control endpoint; the message names the sign-in (by index) and the field at fault. */
export function readSignInFacts(value: unknown, index: number): SignInFacts {
  const fail = (message: string) => errors.badRequest(`Sign-in ${index}: ${message}`);
  if (!isObject(value)) throw fail('expected an object of sign-in facts.');
  const hasUser = typeof value.userId === 'string';
  const hasSp = typeof value.servicePrincipalId === 'string';
  if (hasUser === hasSp) throw fail('give exactly one of "userId" and "servicePrincipalId".');
  if (typeof value.ipAddress !== 'string' || !value.ipAddress) throw fail('"ipAddress" is required.');
  const targets = ['appId', 'userAction', 'authenticationContext'].filter((key) => typeof value[key] === 'string');
  if (targets.length === 0) throw fail('give "appId", "userAction" or "authenticationContext".');
  if (value.createdDateTime !== undefined && Number.isNaN(Date.parse(String(value.createdDateTime)))) {
    throw fail(`"createdDateTime" is not a date: '${String(value.createdDateTime)}'.`);
  }
  if (value.platform !== undefined && value.platform !== null && !platforms.includes(String(value.platform))) {
    throw fail(`"platform" must be one of ${platforms.join(', ')} or null, not '${String(value.platform)}'.`);
  }
  for (const [key, allowed] of Object.entries(enums)) {
    if (value[key] !== undefined && !allowed.includes(String(value[key]))) {
      throw fail(`"${key}" must be one of ${allowed.join(', ')}, not '${String(value[key])}'.`);
    }
  }
  for (const key of ['authenticationMethods', 'satisfiedControls']) {
    const list = value[key];
    if (list !== undefined && !(Array.isArray(list) && list.every((item) => typeof item === 'string'))) {
      throw fail(`"${key}" must be a list of strings.`);
    }
  }
  if (value.device !== undefined && !isObject(value.device)) throw fail('"device" must be an object.');
  return value as unknown as SignInFacts;
}
