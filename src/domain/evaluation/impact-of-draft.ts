// A draft's impact over the tenant's recent sign-ins, from what Graph returned: the log entries read
// as facts (with the users' groups and roles the caller read), reduced to distinct shapes, then each
// shape evaluated with the saved policy and with the draft. Pure, so the console runs it in a Web
// Worker and the command line in Node.
import type { JsonObject } from '../json';
import { CONDITION_WORDS, measureAgreement, trustOfDraft, type AgreementReport, type Distrust } from './bulk/agreement';
import type { DirectoryFacts } from './bulk/from-sign-in-log';
import { draftImpact, type DraftImpact } from './bulk/impact';
import { readLog, shapesFor } from './bulk/log-shapes';
import type { NamedLocationData } from './sign-in';

/** What was read of a user (referenced groups, active roles, an agent user or not when read), or null when it could not be. */
export type UserDirectory = Record<string, { groupIds: string[]; roleTemplateIds: string[]; agentUser?: boolean } | null>;

export interface ImpactRequest {
  tenantId: string;
  /** Sign-in log entries as Graph returned them. */
  signIns: readonly unknown[];
  users: UserDirectory;
  /** Every policy of the tenant as saved. */
  policies: readonly JsonObject[];
  /** The policy the draft replaces, or null for a new one. */
  policyId: string | null;
  draft: JsonObject;
  namedLocations: readonly NamedLocationData[];
  /** The legacy MFA trusted IPs when the admin said them (Graph does not serve them). */
  mfaTrustedIps?: readonly string[];
  emergencyAccountIds: readonly string[];
  signedInUserId?: string;
}

export interface ImpactAnswer {
  impact: DraftImpact;
  /** Sign-ins whose user's groups and roles could not be read: their facts stay unknown. */
  usersUnread: number;
  /** Names of the users, workloads and applications, by id, as the log gave them. */
  names: Record<string, string>;
  /** How often the engine agrees with what the service decided for these same sign-ins, and whether the draft's result can be trusted. */
  agreement: {
    sentence: string;
    trusted: boolean;
    percent: number | null;
    measured?: AgreementMeasure;
    /** When not trusted: the figure that made it so. */
    why?: Distrust;
  };
}

/** The agreement's facts, counted, for the console to say in words of its own (the sentence is the engine's view). */
export interface AgreementMeasure {
  signIns: number;
  policies: number;
  /** A decision is one policy on one sign-in: those compared with what the service logged, and those it matched. */
  compared: number;
  agreed: number;
  /** Decisions the engine could not make from the log: not compared. */
  undecided: number;
  /** The conditions where engine and service differ, in words ('target resources'), the most first. */
  differIn: string[];
  /** The policies whose sign-ins the engine mostly could not decide. */
  tooFewDecided: string[];
}

export function impactOfDraft(request: ImpactRequest): ImpactAnswer {
  const directory: DirectoryFacts = {
    user: (id) => {
      const known = request.users[id];
      return known
        ? {
            groupIds: known.groupIds,
            roleTemplateIds: known.roleTemplateIds,
            ...(known.agentUser !== undefined && { agentUser: known.agentUser }),
          }
        : undefined;
    },
  };
  const log = readLog(request.signIns, directory, request.tenantId);
  const logged = log.signIns;
  const context = { namedLocations: request.namedLocations, ...(request.mfaTrustedIps && { mfaTrustedIps: request.mfaTrustedIps }) };
  // Shapes tell sign-ins apart only by what these policies (the draft among them) read.
  const shapes = shapesFor(log, [...request.policies, request.draft], context);
  const saved = request.policyId ? (request.policies.find((p) => p.id === request.policyId) ?? null) : null;
  const impact = draftImpact({
    saved,
    draft: { ...request.draft, id: request.policyId ?? 'draft' },
    others: request.policies.filter((p) => p.id !== request.policyId),
    shapes,
    context,
    emergencyAccountIds: request.emergencyAccountIds,
    signedInUserId: request.signedInUserId,
  });
  const unread = new Set(logged.filter((l) => l.facts.identity?.kind === 'user' && request.users[l.identityId] === null).map((l) => l.id));
  const names: Record<string, string> = {};
  for (const l of logged) {
    if (l.identityName) names[l.identityId] = l.identityName;
    if (l.resourceName) names[l.resourceId] = l.resourceName;
  }
  const report = measureAgreement(request.signIns, request.policies, { context, directory, tenantId: request.tenantId });
  return { impact, usersUnread: unread.size, names, agreement: agreementOfDraft(report, request.draft) };
}

/** The agreement measured over the sign-ins, as the answer carries it for a draft: trusted or why not, and the counts. */
export function agreementOfDraft(report: AgreementReport, draft: unknown): ImpactAnswer['agreement'] {
  const trust = trustOfDraft(report, draft);
  return {
    sentence: trust.sentence,
    trusted: trust.trusted,
    percent: report.agreement,
    ...(trust.why && { why: trust.why }),
    measured: {
      signIns: report.signIns,
      policies: report.policies.length,
      compared: report.compared,
      agreed: report.agreed,
      undecided: report.undecided,
      differIn: report.conditions
        .filter((c) => c.mismatched > 0)
        .sort((a, b) => b.mismatched - a.mismatched)
        .map((c) => CONDITION_WORDS[c.condition]),
      tooFewDecided: report.tooFewDecided.map((p) => p.displayName),
    },
  };
}
