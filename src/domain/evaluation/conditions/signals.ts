// The conditions on one signal of the sign-in: device platform, client app, the four risk levels and
// the authentication flow. Each is satisfied when the policy does not configure it; otherwise it needs
// the signal, and is indeterminate without it.
import { objectIn as obj, stringsIn as list } from '../../json';
import { configured, flagsIn, match, noMatch, unknown, type Outcome } from '../outcome';
import type { SignInFacts } from '../sign-in';

const PLATFORM_WORDS: Record<string, string> = {
  android: 'Android',
  iOS: 'iOS',
  windows: 'Windows',
  windowsPhone: 'Windows Phone',
  macOS: 'macOS',
  linux: 'Linux',
  unsupported: 'an unknown or unsupported platform',
};

export function platformsOutcome(platforms: unknown, signIn: SignInFacts): Outcome | null {
  const p = obj(platforms);
  const include = list(p.includePlatforms);
  const exclude = list(p.excludePlatforms);
  if (include.length === 0 && exclude.length === 0) return null;
  const platform = signIn.devicePlatform;
  if (platform === undefined) return unknown('The device platform is not known.', ['devicePlatform']);
  const words = PLATFORM_WORDS[platform] ?? platform;
  // A platform the service cannot identify is in "any platform" and in no list of named ones.
  if (exclude.includes(platform) || (platform !== 'unsupported' && exclude.includes('all')))
    return noMatch(`The device platform ${words} is excluded.`);
  // An empty include list with exclusions reads as "any platform", as the admin center shows it.
  if (include.length > 0 && !include.includes('all') && !include.includes(platform))
    return noMatch(`The device platform ${words} is not among those the policy includes.`);
  return match(`The device platform ${words} is included.`);
}

const CLIENT_WORDS: Record<string, string> = {
  browser: 'a browser',
  mobileAppsAndDesktopClients: 'a mobile app or desktop client',
  exchangeActiveSync: 'an Exchange ActiveSync client',
  easSupported: 'an Exchange ActiveSync client',
  other: 'another (legacy) client',
};

export function clientAppsOutcome(clientAppTypes: unknown, signIn: SignInFacts): Outcome | null {
  const types = list(clientAppTypes);
  if (types.length === 0 || types.includes('all')) return null;
  const client = signIn.clientAppType;
  if (client === undefined) return unknown('The client app type is not known.', ['clientAppType']);
  // Exchange ActiveSync on a supported platform is still Exchange ActiveSync.
  const hit = types.includes(client) || (client === 'easSupported' && types.includes('exchangeActiveSync'));
  return hit
    ? match(`The sign-in comes from ${CLIENT_WORDS[client] ?? client}, which the policy targets.`)
    : noMatch(`The sign-in comes from ${CLIENT_WORDS[client] ?? client}, which the policy does not target.`);
}

type LevelField = 'signInRiskLevel' | 'userRiskLevel' | 'insiderRiskLevel' | 'servicePrincipalRiskLevel';

const RISK_WORDS: Record<LevelField, string> = {
  signInRiskLevel: 'sign-in risk',
  userRiskLevel: 'user risk',
  insiderRiskLevel: 'insider risk',
  servicePrincipalRiskLevel: 'service principal risk',
};

/** A risk condition: a list of levels (or Graph's flags string, for insider risk). */
export function riskOutcome(levels: unknown, field: LevelField, signIn: SignInFacts): Outcome | null {
  const wanted = flagsIn(levels);
  if (wanted.length === 0) return null;
  const level = signIn[field];
  const words = RISK_WORDS[field];
  if (level === undefined) return unknown(`The ${words} level is not known.`, [field]);
  // Graph's "hidden": the user or sign-in is not covered by ID Protection, so the level is not known.
  if (level === 'hidden') return unknown(`The ${words} is hidden (not covered by ID Protection): its level is not known.`, [field]);
  return wanted.includes(level)
    ? match(`The ${words} is ${level}, a level the policy targets.`)
    : noMatch(`The ${words} is ${level}; the policy targets ${wanted.join(', ')}.`);
}

/**
 * Agent risk (beta's agentIdRiskLevels) is an agent's: a sign-in by a person or by a service principal
 * that is no agent never meets it (as the service evaluates it for agent identities and agent users).
 */
export function agentIdRiskOutcome(levels: unknown, signIn: SignInFacts): Outcome | null {
  const wanted = flagsIn(levels);
  if (wanted.length === 0) return null;
  const identity = signIn.identity;
  const agent = identity === undefined ? undefined : identity.kind === 'user' ? identity.agentUser : identity.agentIdentity;
  if (agent === false) return noMatch('The policy targets an agent risk, which only agent identities and agent users have.');
  if (agent === undefined)
    return unknown('Whether an agent signs in is not known, so its agent risk is not either.', [
      identity === undefined ? 'identity' : identity.kind === 'user' ? 'identity.agentUser' : 'identity.agentIdentity',
    ]);
  const level = signIn.agentIdRiskLevel;
  if (level === undefined) return unknown('The agent risk level is not known.', ['agentIdRiskLevel']);
  return wanted.includes(level)
    ? match(`The agent risk is ${level}, a level the policy targets.`)
    : noMatch(`The agent risk is ${level}; the policy targets ${wanted.join(', ')}.`);
}

const FLOW_WORDS: Record<string, string> = {
  deviceCodeFlow: 'the device code flow',
  authenticationTransfer: 'authentication transfer',
  none: 'no transfer flow',
};

export function authenticationFlowsOutcome(flows: unknown, signIn: SignInFacts): Outcome | null {
  const f = obj(flows);
  if (!configured(f)) return null;
  // "none" is Graph's flags value for no flow chosen: no condition, as an empty list is.
  const methods = flagsIn(f.transferMethods).filter((m) => m !== 'none');
  if (methods.length === 0) return null;
  const flow = signIn.authenticationFlow;
  if (flow === undefined) return unknown('The authentication flow is not known.', ['authenticationFlow']);
  return methods.includes(flow)
    ? match(`The sign-in uses ${FLOW_WORDS[flow] ?? flow}, which the policy targets.`)
    : noMatch(`The sign-in uses ${FLOW_WORDS[flow] ?? flow}; the policy targets ${methods.map((m) => FLOW_WORDS[m] ?? m).join(' and ')}.`);
}
