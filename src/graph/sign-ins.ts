// Sign-in logs (beta auditLogs/signIns): what the service decided for every policy of each sign-in.
// Read newest first, a page at a time under the reports throttle (the client waits out its 429s),
// with `Prefer: include-unknown-enum-members` so report-only results are named rather than given
// as unknownFutureValue. Capped: a busy tenant has millions; the cap is said to the reader.
import { agentUserInLog } from '../domain/evaluation/bulk/from-sign-in-log';
import { odataLiteral } from './odata-literal';
import type { GraphClient } from './client';
import { GraphRequestError, notJsonError } from './errors';

export interface SignInQuery {
  /** From this moment (inclusive) to now, or to `until`. */
  since: Date;
  until?: Date;
  userId?: string;
  appId?: string;
  /** At most this many sign-ins are read; the answer says whether more were left. */
  cap: number;
  /**
   * Which sign-ins: Graph returns interactive user sign-ins only, unless the filter names the types
   * (beta signIn). Default: users' interactive and non-interactive sign-ins and workloads' (managed
   * identities are outside Conditional Access).
   */
  eventTypes?: readonly ('interactiveUser' | 'nonInteractiveUser' | 'servicePrincipal' | 'managedIdentity')[];
  signal?: AbortSignal;
  onProgress?(read: number): void;
  /**
   * Awaited before each page after the first: the reader may hold the read between pages (the save
   * review does while a save is under way, so a 1,000-sign-in page does not compete with the write).
   */
  beforeNextPage?(): Promise<void>;
}

export interface SignInPage {
  signIns: Record<string, unknown>[];
  /** True when the cap was reached before the window's oldest sign-in. */
  capped: boolean;
}

/** Why the logs cannot be read, in words, when that is the answer (a permission or the licence). */
export function signInsUnavailable(error: unknown): string | null {
  if (!(error instanceof GraphRequestError)) return null;
  if (error.status === 403 && /premium|license|licence|B2C/i.test(`${error.code} ${error.message}`))
    return 'The tenant’s licence does not include sign-in logs through Graph (Microsoft Entra ID P1 or P2 is needed).';
  if (error.status === 403)
    return 'The sign-in logs cannot be read with the permissions granted (AuditLog.Read.All and Directory.Read.All, and a role that may read reports).';
  return null;
}

interface LogPage {
  value?: Record<string, unknown>[];
  '@odata.nextLink'?: string;
}

/** The first page's address: the window, the user or app asked, the event types, newest first. */
function firstPage(query: SignInQuery): string {
  const filters = [`createdDateTime ge ${query.since.toISOString()}`];
  if (query.until) filters.push(`createdDateTime le ${query.until.toISOString()}`);
  if (query.userId) filters.push(`userId eq ${odataLiteral(query.userId)}`);
  if (query.appId) filters.push(`appId eq ${odataLiteral(query.appId)}`);
  const types = query.eventTypes ?? ['interactiveUser', 'nonInteractiveUser', 'servicePrincipal'];
  filters.push(`signInEventTypes/any(t: ${types.map((t) => `t eq ${odataLiteral(t)}`).join(' or ')})`);
  const top = Math.min(1000, Math.max(1, query.cap));
  return `/beta/auditLogs/signIns?$filter=${encodeURIComponent(filters.join(' and '))}&$top=${top}`;
}

/** What the paging needs of a page: how many sign-ins it held, and the next page's address. */
interface PageStep {
  signIns: number;
  nextLink?: string;
}

/** Pages until the cap or the window's end; `read` fetches one. Returns how many were read and whether more were left. */
async function eachPage(query: SignInQuery, read: (url: string) => Promise<PageStep>): Promise<{ read: number; capped: boolean }> {
  let next: string | undefined = firstPage(query);
  let count = 0;
  for (let first = true; next && count < query.cap; first = false) {
    if (!first && query.beforeNextPage) {
      await query.beforeNextPage();
      query.signal?.throwIfAborted();
    }
    const page = await read(next);
    count += page.signIns;
    query.onProgress?.(Math.min(count, query.cap));
    next = page.nextLink;
  }
  return { read: count, capped: !!next || count > query.cap };
}

const logRequest = (query: SignInQuery) => ({ signal: query.signal, headers: { Prefer: 'include-unknown-enum-members' } });

export async function readSignIns(client: GraphClient, query: SignInQuery): Promise<SignInPage> {
  const signIns: Record<string, unknown>[] = [];
  const { capped } = await eachPage(query, async (url) => {
    const page = await client.get<LogPage>(url, logRequest(query));
    signIns.push(...(page.value ?? []));
    return { signIns: page.value?.length ?? 0, nextLink: page['@odata.nextLink'] };
  });
  return { signIns: signIns.slice(0, query.cap), capped };
}

/**
 * The log as the pages' bytes, for a reader that evaluates it in a worker: bytes are handed over a page a
 * task (shared/worker-pages.ts), where the sign-ins as objects are copied in one go on the page's thread:
 * megabytes a page, every policy's result in each sign-in, a pause of most of a second.
 */
export interface SignInLogPages {
  pages: ArrayBuffer[];
  /** How many of the pages' sign-ins are within the cap: the first `count`. */
  count: number;
  /** The users who signed in, each once, sorted. */
  userIds: string[];
  /** What the sign-ins say of their users, those that say: whether each is an agent user (beta's `agent`). */
  typeLogged: Record<string, boolean>;
  capped: boolean;
}

/** What the reading needs of a page: its next link, how many sign-ins, the users of the first `limit` of them. */
export interface PageSummary extends PageStep {
  userIds: string[];
  typeLogged: Record<string, boolean>;
}

/**
 * Reads a page for its summary and gives its bytes back. In the calling thread by default (tests; the
 * command line reads sign-ins as objects); the console does it in a worker (sign-in-pages-off-thread.ts),
 * where parsing megabytes does not pause the page.
 */
export type PageReader = (bytes: ArrayBuffer, limit: number) => Promise<{ bytes: ArrayBuffer; summary: PageSummary }>;

export const readPageHere: PageReader = async (bytes, limit) => ({ bytes, summary: summarizePage(bytes, limit) });

export function summarizePage(bytes: ArrayBuffer, limit: number): PageSummary {
  const page = parsePage(bytes);
  const userIds = new Set<string>();
  const typeLogged: Record<string, boolean> = {};
  for (const signIn of (page.value ?? []).slice(0, Math.max(0, limit)))
    if (typeof signIn.userId === 'string' && signIn.userId) {
      userIds.add(signIn.userId);
      const agentUser = agentUserInLog(signIn);
      if (agentUser !== undefined) typeLogged[signIn.userId] = agentUser;
    }
  return { signIns: page.value?.length ?? 0, nextLink: page['@odata.nextLink'], userIds: [...userIds], typeLogged };
}

export async function readSignInPages(
  client: GraphClient,
  query: SignInQuery,
  readPage: PageReader = readPageHere,
): Promise<SignInLogPages> {
  const pages: ArrayBuffer[] = [];
  const userIds = new Set<string>();
  const typeLogged: Record<string, boolean> = {};
  let counted = 0;
  const { read, capped } = await eachPage(query, async (url) => {
    const { bytes, summary } = await readPage(await client.getBytes(url, logRequest(query)), query.cap - counted);
    query.signal?.throwIfAborted();
    for (const id of summary.userIds) userIds.add(id);
    Object.assign(typeLogged, summary.typeLogged);
    counted += Math.min(summary.signIns, Math.max(0, query.cap - counted));
    pages.push(bytes);
    return summary;
  });
  return { pages, count: Math.min(read, query.cap), userIds: [...userIds].sort(), typeLogged, capped };
}

/** A page that is not JSON, as any other read says it (GraphClient.request). */
export const notJson = () => notJsonError('GET', '/beta/auditLogs/signIns');

function parsePage(bytes: ArrayBuffer): LogPage {
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as LogPage;
  } catch {
    throw notJson();
  }
}

/** The sign-ins of a log read as pages, within its cap: where they are evaluated. */
export function signInsOfPages(log: Pick<SignInLogPages, 'pages' | 'count'>): Record<string, unknown>[] {
  const signIns: Record<string, unknown>[] = [];
  for (const bytes of log.pages) {
    if (signIns.length >= log.count) break;
    for (const signIn of parsePage(bytes).value ?? []) if (signIns.length < log.count) signIns.push(signIn);
  }
  return signIns;
}
