// Graph failures as typed errors that keep what an admin needs to act or to open a support case:
// the status, Graph's code and message, the service's numbered inner message, and the request-id.

export class GraphRequestError extends Error {
  readonly name = 'GraphRequestError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: {
      innerMessage?: string;
      innerCode?: string;
      requestId?: string;
      clientRequestId?: string;
      date?: string;
      method: string;
      path: string;
      retryAfterSeconds?: number;
    },
  ) {
    super(message);
  }

  /** The most specific message: CA puts its numbered validation text in innerError.message. */
  get serviceMessage(): string {
    return this.details.innerMessage && this.details.innerMessage !== this.message
      ? `${this.message} ${this.details.innerMessage}`
      : this.message;
  }

  get isThrottled() {
    return this.status === 429;
  }
  get isMissingPermission() {
    return this.status === 403;
  }
  get isUnauthenticated() {
    return this.status === 401;
  }
  get isTransient() {
    return this.status === 429 || this.status >= 500 || this.status === 0;
  }
}

/** No HTTP response at all: offline, DNS, a dropped connection, CORS. */
export class NetworkError extends GraphRequestError {
  constructor(method: string, path: string, cause: unknown) {
    super(0, 'NetworkError', 'Could not reach Microsoft Graph. Check your connection and try again.', {
      method,
      path,
      innerMessage: cause instanceof Error ? cause.message : undefined,
    });
  }
}

/**
 * A read that needs the admin to sign in again before a token is given (the auth layer's
 * SignInNeededError, known here by its name: graph does not import auth). Not transient: asking again
 * fails the same way until the admin signs in again.
 */
export interface SignInNeededLike extends Error {
  readonly name: 'SignInNeededError';
  /** What the identity provider said: interaction_required, login_required, consent_required… */
  readonly reason: string;
}

export const isSignInNeeded = (error: unknown): error is SignInNeededLike =>
  error instanceof Error && error.name === 'SignInNeededError' && typeof (error as { reason?: unknown }).reason === 'string';

interface ErrorEnvelope {
  error?: {
    code?: string;
    message?: string;
    innerError?: { code?: string; message?: string; date?: string; 'request-id'?: string; 'client-request-id'?: string };
    innererror?: { code?: string; message?: string; date?: string; 'request-id'?: string; 'client-request-id'?: string };
  };
}

/** Parses Graph's error envelope (either casing of innerError) from a failed response. */
export function errorFromResponse(
  status: number,
  body: unknown,
  headers: Headers | Record<string, string>,
  method: string,
  path: string,
): GraphRequestError {
  const header = (name: string) =>
    (headers instanceof Headers
      ? headers.get(name)
      : (headers[name] ?? headers[name.toLowerCase()] ?? Object.entries(headers).find(([k]) => k.toLowerCase() === name)?.[1])) ??
    undefined;
  const envelope = (typeof body === 'object' && body !== null ? body : {}) as ErrorEnvelope;
  const inner = envelope.error?.innerError ?? envelope.error?.innererror;
  const retryAfter = header('retry-after');
  return new GraphRequestError(
    status,
    envelope.error?.code ?? `HTTP${status}`,
    envelope.error?.message ?? `Microsoft Graph answered ${status}.`,
    {
      innerMessage: inner?.message,
      innerCode: inner?.code,
      requestId: inner?.['request-id'] ?? header('request-id'),
      clientRequestId: inner?.['client-request-id'] ?? header('client-request-id'),
      date: inner?.date,
      method,
      path,
      retryAfterSeconds: retryAfter === undefined ? undefined : Number.parseFloat(retryAfter),
    },
  );
}

/** An answer that is not JSON (a gateway's HTML page with a 200, a cut-off body): said the same wherever it is read. */
export function notJsonError(method: string, path: string): GraphRequestError {
  return new GraphRequestError(502, 'InvalidResponse', 'Microsoft Graph sent a response that is not valid JSON.', { method, path });
}
