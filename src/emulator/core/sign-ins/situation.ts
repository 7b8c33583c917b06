// From the facts of a sign-in to what the decider checks: the subject resolved in the directory,
// the target, the network, the device, the risks, and what the sign-in proves.
import { errors } from '../http';
import type { TenantState } from '../model';
import type { Situation } from './conditions';
import type { DeviceProperties } from './device-filter';
import type { SignInDevice, SignInFacts } from './facts';
import type { Proof } from './grant';
import { findWorkload, userSubject, workloadSubject, type Subject } from './subject';

export function deviceProperties(device: SignInDevice | undefined): DeviceProperties {
  if (!device) return {};
  const { properties, browser: _browser, isManaged: _managed, ...known } = device;
  return { ...properties, ...known };
}

export function subjectOf(tenant: TenantState, facts: SignInFacts): Subject {
  if (facts.servicePrincipalId !== undefined) {
    const sp = findWorkload(tenant, facts.servicePrincipalId);
    if (!sp) throw errors.badRequest(`No service principal with id '${facts.servicePrincipalId}' in tenant ${tenant.displayName}.`);
    return workloadSubject(tenant, sp);
  }
  const user = tenant.users.find((u) => u.id === facts.userId);
  if (!user) throw errors.badRequest(`No user with id '${String(facts.userId)}' in tenant ${tenant.displayName}.`);
  return userSubject(tenant, user, { kind: facts.guestKind, homeTenantId: facts.homeTenantId });
}

export function situationOf(
  tenant: TenantState,
  facts: SignInFacts,
  subject = subjectOf(tenant, facts),
): { situation: Situation; proof: Proof } {
  const device = deviceProperties(facts.device);
  const isUser = subject.kind === 'user';
  const situation: Situation = {
    subject,
    target: {
      appId: facts.appId ?? null,
      userAction: facts.userAction ?? null,
      authenticationContext: facts.authenticationContext ?? null,
    },
    platform: facts.platform ?? null,
    clientApp: facts.clientApp ?? 'browser',
    network: { ipAddress: facts.ipAddress, country: facts.country ?? null, gpsCountry: facts.gpsCountry ?? null },
    device,
    signInRisk: facts.signInRisk ?? 'none',
    userRisk: facts.userRisk ?? 'none',
    servicePrincipalRisk: facts.servicePrincipalRisk ?? 'none',
    insiderRisk: facts.insiderRisk ?? 'none',
    agentIdRisk: [facts.agentIdRisk ?? 'none'],
    authenticationFlow: facts.authenticationFlow ?? 'none',
  };
  const proof: Proof = {
    methods: new Set(facts.authenticationMethods ?? (isUser ? ['password'] : [])),
    satisfied: new Set(facts.satisfiedControls ?? []),
    device,
    canPrompt: isUser && (facts.interactive ?? true),
  };
  return { situation, proof };
}
