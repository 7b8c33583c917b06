// A small Graph client over fetch: bearer tokens from a provider, retries with backoff (429 with
// and without Retry-After, 5xx and network failures of idempotent requests), a time limit on each
// attempt (a stalled connection is a lost one), a per-tenant pacer for CA resources, @odata.nextLink
// paging (same host only), and $batch split into groups of 20.
import { errorFromResponse, GraphRequestError, NetworkError, notJsonError } from './errors';
import { answered, createPacer, isPacedPath, type Pacer, type PacerPriority } from './pacer';
import { retryReason, type RetryWait } from './retry-wait';

export type { RetryWait } from './retry-wait';

export type TokenProvider = (scopes: readonly string[], options?: { forceRefresh?: boolean }) => Promise<string>;

export interface GraphClientOptions {
  /** e.g. https://graph.microsoft.com, or a national cloud's Graph host. */
  baseUrl: string;
  getToken: TokenProvider;
  /** Scopes requested for reads; writes pass their own. */
  readScopes: readonly string[];
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  maxRetries?: number;
  /** How long one attempt may wait for its whole answer before it counts as a lost connection. */
  timeoutMs?: number;
  pacer?: Pacer;
  /** Where this client's paced requests queue: see userStarted(). Background unless said. */
  priority?: PacerPriority;
  /** Observes every HTTP round trip (the benchmark counts them). */
  onRoundTrip?: (info: { method: string; url: string; status: number }) => void;
  /**
   * Hears each wait before a request is sent again (a bulk write paced by Graph can wait a minute), and
   * null when the wait is over and the request goes out again: a screen says the tool is waiting, not hung.
   */
  onRetryWait?: (wait: RetryWait | null) => void;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
  scopes?: readonly string[];
  /** Safe to repeat after a 5xx or a network failure. Defaults to true for GET. */
  idempotent?: boolean;
  signal?: AbortSignal;
  /**
   * A token already on its way for this request's scopes (see startToken): the first attempt uses it
   * instead of asking the token provider again. Held for this one request, never kept.
   */
  token?: Promise<string>;
}

export interface BatchRequest {
  id: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface BatchResponse {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

export const MAX_BATCH_SIZE = 20;
const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);
/** POST actions that only read: getByIds, and What If's evaluate. */
const READ_ACTIONS = /^\/(directoryObjects\/getByIds|identity\/conditionalAccess\/evaluate)(\?|$)/i;
/** A $batch item that changes nothing, so it is safe to send again after a 5xx or a lost answer. */
const onlyReads = (request: BatchRequest) => request.method === 'GET' || (request.method === 'POST' && READ_ACTIONS.test(request.url));

/** Long enough for any answer Graph gives (a What If, a page of 999); short enough that a stalled connection ends. */
export const DEFAULT_TIMEOUT_MS = 60_000;

/** An attempt that got no whole answer in time: its connection stalled (a laptop's sleep, a VPN change). */
class AttemptTimedOut extends Error {
  readonly name = 'AttemptTimedOut';
}

export class GraphClient {
  private readonly fetchImpl: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly maxRetries: number;
  private readonly timeoutMs: number;
  private readonly pacer: Pacer;
  readonly baseUrl: string;

  constructor(private readonly options: GraphClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/$/, '');
    this.fetchImpl = options.fetch ?? ((...args) => fetch(...args));
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = options.random ?? Math.random;
    this.maxRetries = options.maxRetries ?? 3;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.pacer = options.pacer ?? createPacer({ sleep: this.sleep });
  }

  /** Resolves a relative Graph path ("/v1.0/...") or a nextLink, refusing any other host. */
  private resolve(path: string): string {
    if (/^https?:\/\//.test(path)) {
      if (new URL(path).origin !== new URL(this.baseUrl).origin) {
        throw new GraphRequestError(0, 'UnexpectedHost', `Refusing to follow a link to ${new URL(path).origin}.`, { method: 'GET', path });
      }
      return path;
    }
    return `${this.baseUrl}${path.startsWith('/') ? '' : '/'}${path}`;
  }

  /** Exponential backoff with jitter, or the server's Retry-After when it gives one. */
  private delayFor(attempt: number, error: GraphRequestError): number {
    if (error.details.retryAfterSeconds !== undefined && Number.isFinite(error.details.retryAfterSeconds)) {
      return Math.max(0, error.details.retryAfterSeconds * 1000);
    }
    const base = Math.min(30_000, 1000 * 2 ** attempt);
    return base / 2 + this.random() * (base / 2);
  }

  /** Waits ms before a request is sent again, heard by onRetryWait from start to end. */
  private async retryWait(ms: number, info: Omit<RetryWait, 'seconds' | 'reason'>): Promise<void> {
    this.options.onRetryWait?.({ ...info, seconds: Math.ceil(ms / 1000), reason: retryReason(info.status) });
    try {
      await this.sleep(ms);
    } finally {
      this.options.onRetryWait?.(null);
    }
  }

  /**
   * The same client (token provider, pacing, fetch) whose waits before a retry are also heard by `listener`:
   * a bulk write's own requests, told from the screen's reads sent meanwhile.
   */
  reportingWaits(listener: (wait: RetryWait | null) => void): GraphClient {
    const own = this.options.onRetryWait;
    return this.sharing({
      onRetryWait: (wait) => {
        own?.(wait);
        listener(wait);
      },
    });
  }

  /**
   * The same client (token provider, pacer, fetch, waits heard) whose paced requests go ahead of the background
   * ones queued: for what the admin started and waits on (a write with its conflict read and read-back, a revert's
   * read). Pacing is shared, so the tenant gets no more requests per second.
   */
  userStarted(): GraphClient {
    return this.sharing({ priority: 'user-started' });
  }

  /** A client on this one's token provider, pacer and fetch, with `changes` to its options. */
  private sharing(changes: Partial<GraphClientOptions>): GraphClient {
    return new GraphClient({
      ...this.options,
      fetch: this.fetchImpl,
      sleep: this.sleep,
      random: this.random,
      pacer: this.pacer,
      ...changes,
    });
  }

  /** Waits as a retry of a read would: the server's Retry-After, else bounded backoff with jitter. */
  async backoff(attempt: number, error: GraphRequestError): Promise<void> {
    await this.retryWait(this.delayFor(attempt, error), { method: error.details.method, path: error.details.path, status: error.status });
  }

  /**
   * Waits ms on the clock the client waits out a Retry-After on: real time in the browser and the command
   * line, the emulator's clock in tests. For a caller's own waits (a write not yet shown when read back).
   */
  wait(ms: number): Promise<void> {
    return this.sleep(Math.max(0, ms));
  }

  /** How many times a failed request is tried again. */
  get retries(): number {
    return this.maxRetries;
  }

  async request<T>(path: string, options: RequestOptions = {}): Promise<T> {
    const text = utf8Text(await this.requestBytes(path, options));
    try {
      return (text ? JSON.parse(text) : undefined) as T;
    } catch {
      throw notJsonError(options.method ?? 'GET', new URL(this.resolve(path)).pathname);
    }
  }

  /**
   * The answer's bytes as they came, unparsed: for a reader that parses them elsewhere too (a worker), to
   * which bytes are handed without a copy on the page's thread, where objects or text would be copied
   * (megabytes of sign-ins: a long pause). Retried, paced and refused as request is.
   */
  async requestBytes(path: string, options: RequestOptions = {}): Promise<ArrayBuffer> {
    const method = options.method ?? 'GET';
    const idempotent = options.idempotent ?? method === 'GET';
    const url = this.resolve(path);
    const pathname = new URL(url).pathname;
    let refreshedToken = false;

    for (let attempt = 0; ; attempt++) {
      if (isPacedPath(pathname)) await this.pacer.acquire(1, this.options.priority, options.signal);
      let error: GraphRequestError;
      try {
        const scopes = options.scopes ?? this.options.readScopes;
        const token =
          attempt === 0 && options.token
            ? await options.token.catch(() => this.options.getToken(scopes))
            : await this.options.getToken(scopes, { forceRefresh: refreshedToken });
        const { response, bytes } = await this.exchange(
          url,
          {
            method,
            headers: {
              Authorization: `Bearer ${token}`,
              'client-request-id': crypto.randomUUID(),
              ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
              ...options.headers,
            },
            body: options.body === undefined ? undefined : JSON.stringify(options.body),
          },
          options.signal,
        ).finally(() => options.signal && answered(options.signal));
        if (response.ok) return bytes;
        // A failure need not come from Graph: a gateway's HTML 504 or a plain-text 429 keeps its status
        // (and its Retry-After), so it is retried and described for what it was.
        error = errorFromResponse(response.status, parseOrNothing(utf8Text(bytes)), response.headers, method, pathname);
      } catch (caught) {
        if (caught instanceof GraphRequestError) throw caught;
        if (options.signal?.aborted) throw caught;
        // Token acquisition failures (interaction required, consent) are not network errors. An attempt
        // that timed out is one: sent, perhaps carried out, never answered, so a write looks for what happened.
        if (caught instanceof Error && caught.name !== 'TypeError' && !(caught instanceof AttemptTimedOut)) throw caught;
        this.options.onRoundTrip?.({ method, url, status: 0 });
        error = new NetworkError(method, pathname, caught);
      }

      // An expired or revoked token: get a fresh one once, then give up.
      if (error.status === 401 && !refreshedToken) {
        refreshedToken = true;
        continue;
      }
      const retryable = error.status === 429 || (idempotent && (error.status === 0 || RETRYABLE_STATUS.has(error.status)));
      if (!retryable || attempt >= this.maxRetries) throw error;
      await this.retryWait(this.delayFor(attempt, error), {
        method,
        path: pathname,
        status: error.status,
      });
    }
  }

  /**
   * One round trip, answer body included, given up after timeoutMs (AttemptTimedOut) or when the
   * caller aborts (the caller's reason). Whether or not fetch heeds its signal, the wait ends.
   */
  private async exchange(url: string, init: RequestInit, callerSignal?: AbortSignal): Promise<{ response: Response; bytes: ArrayBuffer }> {
    const controller = new AbortController();
    const callerAborted = () => controller.abort(callerSignal?.reason);
    if (callerSignal?.aborted) callerAborted();
    else callerSignal?.addEventListener('abort', callerAborted, { once: true });
    const timer = setTimeout(
      () => controller.abort(new AttemptTimedOut(`Microsoft Graph did not answer within ${Math.round(this.timeoutMs / 1000)} seconds.`)),
      this.timeoutMs,
    );
    const stopped = new Promise<never>((_resolve, reject) => {
      if (controller.signal.aborted) reject(controller.signal.reason);
      else controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true });
    });
    stopped.catch(() => {});
    try {
      const response = await Promise.race([this.fetchImpl(url, { ...init, signal: controller.signal }), stopped]);
      this.options.onRoundTrip?.({ method: init.method ?? 'GET', url, status: response.status });
      const bytes = await Promise.race([response.arrayBuffer(), stopped]);
      return { response, bytes };
    } finally {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', callerAborted);
    }
  }

  /**
   * Starts acquiring a token for a request that will follow another one (the names after the list),
   * so the follow-up does not wait for the token provider once the first answer is in. A failure
   * here is not reported: the request then asks the provider itself.
   */
  startToken(scopes: readonly string[] = this.options.readScopes): Promise<string> {
    const token = this.options.getToken(scopes);
    token.catch(() => {});
    return token;
  }

  get<T>(path: string, options: Omit<RequestOptions, 'method' | 'body'> = {}): Promise<T> {
    return this.request<T>(path, { ...options, method: 'GET' });
  }

  /** A GET whose answer is kept as bytes (see requestBytes). */
  getBytes(path: string, options: Omit<RequestOptions, 'method' | 'body'> = {}): Promise<ArrayBuffer> {
    return this.requestBytes(path, { ...options, method: 'GET' });
  }

  /** Every item of a collection, following @odata.nextLink. */
  async list<T>(path: string, options: Omit<RequestOptions, 'method' | 'body'> = {}): Promise<T[]> {
    const items: T[] = [];
    let next: string | undefined = path;
    while (next) {
      const page: { value: T[]; '@odata.nextLink'?: string } = await this.get(next, options);
      items.push(...page.value);
      next = page['@odata.nextLink'];
    }
    return items;
  }

  /**
   * Sends requests through $batch, 20 to a batch, batches in parallel. Items that come back 429, and
   * reads (GETs, getByIds) that come back 5xx, are sent again after their Retry-After or a backoff,
   * as often as a GET would be; every other status is returned as it came, per item. A $batch of reads
   * only is itself retried as a GET is; one holding a write is sent once.
   */
  async batch(
    version: 'v1.0' | 'beta',
    requests: BatchRequest[],
    options: { scopes?: readonly string[]; token?: Promise<string>; signal?: AbortSignal } = {},
  ): Promise<Map<string, BatchResponse>> {
    const results = new Map<string, BatchResponse>();
    let pending = requests;
    for (let attempt = 0; pending.length > 0; attempt++) {
      const chunks: BatchRequest[][] = [];
      for (let i = 0; i < pending.length; i += MAX_BATCH_SIZE) chunks.push(pending.slice(i, i + MAX_BATCH_SIZE));
      const answers = await Promise.all(
        chunks.map(async (chunk) => {
          const paced = chunk.filter((r) => isPacedPath(`/${version}${r.url}`)).length;
          if (paced > 0) await this.pacer.acquire(paced, this.options.priority, options.signal);
          return this.request<{ responses: BatchResponse[] }>(`/${version}/$batch`, {
            method: 'POST',
            body: {
              requests: chunk.map((r) => ({
                ...r,
                headers: r.body === undefined ? r.headers : { 'Content-Type': 'application/json', ...r.headers },
              })),
            },
            scopes: options.scopes,
            ...(attempt === 0 && options.token ? { token: options.token } : {}),
            idempotent: chunk.every(onlyReads),
            signal: options.signal,
          });
        }),
      );
      const again: BatchRequest[] = [];
      let retryAfter = 0;
      let status = 0;
      for (const answer of answers) {
        for (const response of answer.responses) {
          const original = pending.find((r) => r.id === response.id);
          const transient = response.status === 429 || (RETRYABLE_STATUS.has(response.status) && !!original && onlyReads(original));
          if (original && transient && attempt < this.maxRetries) {
            again.push(original);
            status = status === 429 ? status : response.status;
            const header = Object.entries(response.headers ?? {}).find(([k]) => k.toLowerCase() === 'retry-after')?.[1];
            const seconds = header === undefined ? Number.NaN : Number.parseFloat(header);
            if (Number.isFinite(seconds)) retryAfter = Math.max(retryAfter, seconds * 1000);
          } else {
            results.set(response.id, response);
          }
        }
      }
      pending = again;
      if (pending.length > 0) {
        const fallback = Math.min(30_000, 1000 * 2 ** attempt);
        await this.retryWait(retryAfter || fallback / 2 + this.random() * (fallback / 2), {
          method: 'POST',
          path: `/${version}/$batch`,
          status,
        });
      }
    }
    return results;
  }
}

/** The body of a failed answer if it is JSON (Graph's error envelope), else nothing. */
/** An answer's bytes as text: UTF-8, as Graph sends JSON (a byte-order mark is dropped, as Response.text() drops it). */
function utf8Text(bytes: ArrayBuffer): string {
  return new TextDecoder().decode(bytes);
}

function parseOrNothing(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

/** Turns a failed batch item into the same typed error a direct request would give. */
export function batchItemError(response: BatchResponse, request: BatchRequest): GraphRequestError {
  return errorFromResponse(response.status, response.body, response.headers ?? {}, request.method, request.url);
}
