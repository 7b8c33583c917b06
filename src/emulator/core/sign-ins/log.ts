// Records decided sign-ins in a tenant's compact log, and reads them back in the beta signIn shape
// (api-reference/beta/resources/signin.md, appliedconditionalaccesspolicy.md).
import { newId } from '../ids';
import type { JsonObject, TenantState } from '../model';
import { policyConditions } from './conditions';
import { createDecider } from './decide';
import type { SignInFacts } from './facts';
import { grantNames, sessionNames } from './grant';
import { resultCodes, type RecordedSignIn, type RosterPolicy, type SignInLog } from './log-types';
import { situationOf, subjectOf } from './situation';
import type { Subject } from './subject';

const codeOf = Object.fromEntries(Object.entries(resultCodes).map(([code, result]) => [result, code])) as Record<string, string>;
const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';

/** First-party apps a sign-in can name that the seed's directory does not hold. */
const knownApps: Record<string, string> = {
  'c44b4083-3bb0-49c1-b47d-974e53cbdf3c': 'Azure Portal',
  '00000006-0000-0ff1-ce00-000000000000': 'Microsoft Office 365 Portal',
  '4765445b-32c6-49b0-83e6-1d93765276ca': 'OfficeHome',
  '1fec8e78-bce4-4aaf-ab1b-5451cc387264': 'Microsoft Teams',
  '19db86c3-b2b9-44cc-b339-36da233a3be2': 'My Signins',
  '01cb2876-7ebd-4aa4-9cc9-d28bd4d359a9': 'Device Registration Client',
};
/** The app a user action happens in, when the facts name none (the log has no field for the action itself). */
export const userActionApps: Record<string, string> = {
  'urn:user:registersecurityinfo': '19db86c3-b2b9-44cc-b339-36da233a3be2',
  'urn:user:registerdevice': '01cb2876-7ebd-4aa4-9cc9-d28bd4d359a9',
};

export function signInLog(tenant: TenantState): SignInLog {
  tenant.signInLog ??= { rosters: [], devices: [], entries: [] };
  return tenant.signInLog;
}

function currentRoster(tenant: TenantState, log: SignInLog): number {
  const roster: RosterPolicy[] = tenant.policies.map((policy) => ({
    id: String(policy.id),
    displayName: String(policy.displayName),
    conditions: policyConditions(tenant, policy).map(([key]) => key),
    enforcedGrantControls: grantNames(policy),
    enforcedSessionControls: sessionNames(policy),
  }));
  const last = log.rosters.at(-1);
  if (last && JSON.stringify(last) === JSON.stringify(roster)) return log.rosters.length - 1;
  log.rosters.push(roster);
  return log.rosters.length - 1;
}

export function appName(tenant: TenantState, appId: string | undefined): string {
  if (!appId) return '';
  return tenant.servicePrincipals.find((s) => s.appId === appId)?.displayName ?? knownApps[appId] ?? appId;
}

/**
 * Decides each sign-in against the tenant as it is now and appends it to the log, keeping the log
 * in time order. Throws a 400 GraphError naming the sign-in for facts that name no one.
 */
export function recordSignIns(
  tenant: TenantState,
  facts: readonly SignInFacts[],
  now: Date,
  makeId: () => string = newId,
): RecordedSignIn[] {
  const log = signInLog(tenant);
  const roster = currentRoster(tenant, log);
  const decide = createDecider(tenant);
  const subjects = new Map<string, Subject>();
  const deviceIndex = new Map(log.devices.map((device, index) => [JSON.stringify(device), index]));
  const recorded: RecordedSignIn[] = [];
  for (const given of facts) {
    const key = given.userId ?? `sp:${String(given.servicePrincipalId)}:${given.guestKind}:${given.homeTenantId}`;
    const subject = subjects.get(key) ?? subjectOf(tenant, given);
    subjects.set(key, subject);
    const { situation, proof } = situationOf(tenant, given, subject);
    const decision = decide(situation, proof);
    const appId = given.appId ?? (given.userAction ? userActionApps[given.userAction] : undefined);
    const { device, ...rest } = given;
    let deviceAt: number | undefined;
    if (device) {
      const text = JSON.stringify(device);
      deviceAt = deviceIndex.get(text);
      if (deviceAt === undefined) {
        deviceAt = log.devices.push(device) - 1;
        deviceIndex.set(text, deviceAt);
      }
    }
    recorded.push({
      id: makeId(),
      facts: { ...rest, ...(appId ? { appId } : {}), createdDateTime: given.createdDateTime ?? now.toISOString() },
      ...(deviceAt === undefined ? {} : { device: deviceAt }),
      roster,
      decisions: decision.policies
        .map((p) => codeOf[p.result]! + (p.failed === null ? '-' : DIGITS[p.configured.indexOf(p.failed)]!))
        .join(''),
      errorCode: decision.errorCode,
      ...(decision.multiFactorRequired ? { multiFactorRequired: true as const } : {}),
    });
  }
  insertInOrder(log.entries, recorded);
  return recorded;
}

function insertInOrder(entries: RecordedSignIn[], added: RecordedSignIn[]): void {
  const time = (entry: RecordedSignIn) => Date.parse(entry.facts.createdDateTime);
  const last = entries.at(-1);
  entries.push(...added);
  const sorted = added.every((entry, index) => index === 0 || time(added[index - 1]!) <= time(entry));
  if (!sorted || (last && added[0] && time(added[0]) < time(last))) entries.sort((a, b) => time(a) - time(b));
}

/** The per-policy results of a recorded sign-in, decoded. */
export function appliedPolicies(log: SignInLog, entry: RecordedSignIn): JsonObject[] {
  const roster = log.rosters[entry.roster] ?? [];
  return roster.map((policy, index) => {
    const result = resultCodes[entry.decisions[index * 2] as keyof typeof resultCodes] ?? 'unknown';
    const failedAt = entry.decisions[index * 2 + 1] ?? '-';
    const failed = failedAt === '-' ? policy.conditions.length : DIGITS.indexOf(failedAt);
    const notEnabled = result === 'notEnabled';
    return {
      id: policy.id,
      displayName: policy.displayName,
      enforcedGrantControls: policy.enforcedGrantControls,
      enforcedSessionControls: policy.enforcedSessionControls,
      result,
      conditionsSatisfied: notEnabled ? [] : policy.conditions.slice(0, failed),
      conditionsNotSatisfied: notEnabled || failedAt === '-' ? [] : [policy.conditions[failed]!],
    } as unknown as JsonObject;
  });
}

export function entryOf(tenant: TenantState, id: string): RecordedSignIn | undefined {
  return tenant.signInLog?.entries.find((entry) => entry.id === id);
}
