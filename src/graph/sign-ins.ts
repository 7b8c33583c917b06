// Sign-in logs (beta auditLogs/signIns): what the service decided for every policy of each sign-in.
// Read newest first, a page at a time under the reports throttle (the client waits out its 429s),
// with `Prefer: include-unknown-enum-members` so report-only results are named rather than given
// as unknownFutureValue. Capped: a busy tenant has millions; the cap is said to the reader.
import { odataLiteral } from './odata-literal';
import type { GraphClient } from './client';
import { GraphRequestError } from './errors';

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

export async function readSignIns(client: GraphClient, query: SignInQuery): Promise<SignInPage> {
  const filters = [`createdDateTime ge ${query.since.toISOString()}`];
  if (query.until) filters.push(`createdDateTime le ${query.until.toISOString()}`);
  if (query.userId) filters.push(`userId eq ${odataLiteral(query.userId)}`);
  if (query.appId) filters.push(`appId eq ${odataLiteral(query.appId)}`);
  const types = query.eventTypes ?? ['interactiveUser', 'nonInteractiveUser', 'servicePrincipal'];
  filters.push(`signInEventTypes/any(t: ${types.map((t) => `t eq ${odataLiteral(t)}`).join(' or ')})`);
  const top = Math.min(1000, Math.max(1, query.cap));
  let next: string | undefined = `/beta/auditLogs/signIns?$filter=${encodeURIComponent(filters.join(' and '))}&$top=${top}`;
  const signIns: Record<string, unknown>[] = [];
  for (let first = true; next && signIns.length < query.cap; first = false) {
    if (!first && query.beforeNextPage) {
      await query.beforeNextPage();
      query.signal?.throwIfAborted();
    }
    const page: { value?: Record<string, unknown>[]; '@odata.nextLink'?: string } = await client.get(next, {
      signal: query.signal,
      headers: { Prefer: 'include-unknown-enum-members' },
    });
    signIns.push(...(page.value ?? []));
    query.onProgress?.(signIns.length);
    next = page['@odata.nextLink'];
  }
  return { signIns: signIns.slice(0, query.cap), capped: !!next || signIns.length > query.cap };
}
