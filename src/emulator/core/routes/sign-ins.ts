// auditLogs/signIns as api-reference/beta/api/signin-list.md and signin-get.md document it: newest
// first, at most (and by default) 1,000 per page with @odata.nextLink, $filter on the documented
// properties (createdDateTime ge/le, userId, userPrincipalName, appId… joined with and), only
// interactive sign-ins unless the filter names signInEventTypes (resources/signin.md), the reports
// throttle (5 requests per 10 seconds per app and tenant: includes/throttling-entra-logs-reports.md),
// AuditLog.Read.All with Directory.Read.All (the documented known issue), and the licence refusal.
import { errors, GraphError, jsonResponse, jsonTextResponse } from '../http';
import type { JsonObject, TenantState } from '../model';
import { applySelect, compileFilter, listBody, paginate } from '../odata';
import { checkFilterable, signInFilterable } from '../filterable';
import { contextUrl, SEGMENT, type Route, type RouteInput } from '../route';
import type { RecordedSignIn, SignInLog } from '../sign-ins/log-types';
import { presentAgent, presentPolicies, presentSummary } from '../sign-ins/present';

const MAX_PAGE = 1000;

// The refusals below are not on Graph's pages. The permission one is what the service is widely
// reported to answer; the licence one is named by Microsoft's troubleshooting article
// (SupportArticles-docs: b2c-or-tenant-premium-license-sign-in-activities.md), whose example shows
// the body only: the 403 is as third parties report it.
const missingPermission = (permission: string) =>
  new GraphError(
    403,
    'Authentication_MSGraphPermissionMissing',
    `Calling principal does not have required MSGraph permissions ${permission}`,
  );
const unlicensed = () =>
  new GraphError(
    403,
    'Authentication_RequestFromNonPremiumTenantOrB2CTenant',
    "Neither tenant is B2C or tenant doesn't have premium license",
  );

/** Reading the log needs Directory.Read.All too, and a P1/P2 licence. */
function checkAccess(input: RouteInput): void {
  if (!input.principal.scopes.some((scope) => scope === 'Directory.Read.All' || scope === 'Directory.ReadWrite.All')) {
    throw missingPermission('Directory.Read.All');
  }
  if (input.tenant.faults.unlicensed) throw unlicensed();
}

/** Whether the caller opted in to evolvable enum members Graph would otherwise hide. */
export function includesUnknownEnumMembers(request: Request): boolean {
  return (request.headers.get('prefer') ?? '')
    .split(',')
    .some((preference) => preference.trim().toLowerCase() === 'include-unknown-enum-members');
}

const summaries = new WeakMap<RecordedSignIn, Record<string, unknown>>();
function summaryOf(tenant: TenantState, entry: RecordedSignIn): Record<string, unknown> {
  let summary = summaries.get(entry);
  if (!summary) {
    summary = presentSummary(tenant, entry);
    summaries.set(entry, summary);
  }
  return summary;
}

// Each sign-in's `agent`, per enum preference, once: a page of 1,000 looks up each one's user or agent identity.
const agents = { known: new WeakMap<RecordedSignIn, JsonObject>(), all: new WeakMap<RecordedSignIn, JsonObject>() };

/** Beta's `agent` of a sign-in; nothing on v1.0, whose signIn has none. */
function agentOf(input: RouteInput, entry: RecordedSignIn): { agent?: JsonObject } {
  if (input.version !== 'beta') return {};
  const includeUnknown = includesUnknownEnumMembers(input.request);
  const cache = includeUnknown ? agents.all : agents.known;
  let agent = cache.get(entry);
  if (!agent) cache.set(entry, (agent = presentAgent(input.tenant, entry, includeUnknown)));
  return { agent };
}

function withPolicies(input: RouteInput, entry: RecordedSignIn): Record<string, unknown> {
  const policies = presentPolicies(input.tenant.signInLog!, entry, includesUnknownEnumMembers(input.request));
  return applySelect(
    { ...summaryOf(input.tenant, entry), ...agentOf(input, entry), appliedConditionalAccessPolicies: policies },
    input.url.searchParams.get('$select'),
  );
}

/**
 * The policies' results as sent, once per roster, decisions and enum preference: they are most of a page's
 * megabytes (every policy in each sign-in), and in the demo a page is built on the page's own thread, so a
 * log read again (a second review, Read again) does not build them again. A few hundred distinct texts
 * serve thousands of sign-ins: each sign-in's own text is not kept.
 */
const policyTexts = new WeakMap<SignInLog, Map<string, string>>();
function policiesText(log: SignInLog, entry: RecordedSignIn, includeUnknown: boolean): string {
  let texts = policyTexts.get(log);
  if (!texts) policyTexts.set(log, (texts = new Map()));
  const key = `${entry.roster}:${entry.decisions}:${includeUnknown ? 'all' : 'known'}`;
  let text = texts.get(key);
  if (text === undefined) texts.set(key, (text = JSON.stringify(presentPolicies(log, entry, includeUnknown))));
  return text;
}

/** A sign-in as sent without $select: its summary, then its policies' results, as withPolicies orders them. */
function sentText(input: RouteInput, entry: RecordedSignIn): string {
  const summary = JSON.stringify(summaryOf(input.tenant, entry));
  const { agent } = agentOf(input, entry);
  const agentText = agent ? `,"agent":${JSON.stringify(agent)}` : '';
  const policies = policiesText(input.tenant.signInLog!, entry, includesUnknownEnumMembers(input.request));
  return `${summary.slice(0, -'}'.length)}${agentText},"appliedConditionalAccessPolicies":${policies}}`;
}

/**
 * A $select naming `agent` on v1.0, whose signIn has none, is refused as OData refuses any property its
 * type lacks (the emulator keeps silent on the others it does not model, which Graph may well have).
 */
function refuseBetaOnlySelect(input: RouteInput): void {
  if (input.version === 'beta') return;
  const named = (input.url.searchParams.get('$select') ?? '').split(',').map((key) => key.trim());
  if (named.some((key) => key.toLowerCase() === 'agent'))
    throw errors.badRequest("Could not find a property named 'agent' on type 'microsoft.graph.signIn'.");
}

const base = {
  scopes: ['AuditLog.Read.All'],
  throttle: 'reports',
  denied: () => missingPermission('AuditLog.Read.All'),
} as const;

export const signInRoutes: Route[] = [
  {
    ...base,
    method: 'GET',
    pattern: /^auditLogs\/signIns$/i,
    handle(input) {
      checkAccess(input);
      refuseBetaOnlySelect(input);
      const filterText = input.url.searchParams.get('$filter');
      const filter = compileFilter(filterText);
      checkFilterable(filterText, signInFilterable, 'signIns');
      // resources/signin.md: "This API returns only interactive sign-ins unless you set an explicit filter."
      const interactiveOnly = !/signInEventTypes/i.test(filterText ?? '');
      const ascending = /createdDateTime\s+asc/i.test(input.url.searchParams.get('$orderby') ?? '');
      const entries = input.tenant.signInLog?.entries ?? [];
      const matched: RecordedSignIn[] = [];
      for (let index = 0; index < entries.length; index++) {
        const entry = entries[ascending ? index : entries.length - 1 - index]!;
        const summary = summaryOf(input.tenant, entry);
        if (interactiveOnly && !(summary.signInEventTypes as string[]).includes('interactiveUser')) continue;
        if (filter(summary)) matched.push(entry);
      }
      const url = new URL(input.url);
      const top = Number(url.searchParams.get('$top'));
      // The page says 1,000 is the maximum, not what a larger $top gets: the emulator gives 1,000.
      if (top > MAX_PAGE) url.searchParams.set('$top', String(MAX_PAGE));
      const page = paginate(matched, url, MAX_PAGE);
      const context = contextUrl(input, 'auditLogs/signIns');
      if (input.url.searchParams.get('$select'))
        return jsonResponse(
          input.context,
          200,
          listBody(context, { items: page.items.map((entry) => withPolicies(input, entry)), nextLink: page.nextLink }),
        );
      // The body with an empty value, which listBody puts last, filled with the sign-ins' texts.
      const frame = JSON.stringify(listBody(context, { items: [], nextLink: page.nextLink }));
      const items = page.items.map((entry) => sentText(input, entry)).join(',');
      return jsonTextResponse(input.context, 200, `${frame.slice(0, -'[]}'.length)}[${items}]}`);
    },
  },
  {
    ...base,
    method: 'GET',
    pattern: new RegExp(`^auditLogs/signIns/${SEGMENT}$`, 'i'),
    handle(input) {
      checkAccess(input);
      refuseBetaOnlySelect(input);
      const id = input.params[0]!;
      const entry = input.tenant.signInLog?.entries.find((e) => e.id === id);
      // signin-get.md gives no body for an unknown id: this 404 is the emulator's choice.
      if (!entry) throw new GraphError(404, 'Request_ResourceNotFound', `Resource '${id}' does not exist.`);
      return jsonResponse(input.context, 200, {
        '@odata.context': contextUrl(input, 'auditLogs/signIns/$entity'),
        ...withPolicies(input, entry),
      });
    },
  },
];
