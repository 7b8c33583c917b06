// Graph-shaped responses: JSON bodies, the error envelope, and the request-id headers
// that Graph puts on every response.

export interface RequestContext {
  requestId: string;
  clientRequestId: string;
  now: Date;
  /** A request inside a $batch: its JSON answer is handed to the batch as text (see jsonTextOf). */
  inBatch?: boolean;
}

/** Thrown by handlers; turned into Graph's error envelope by the emulator. */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly innerMessage?: string,
    readonly headers: Record<string, string> = {},
    /** Directory validation errors name the property at fault: `details: [{ code: 'InvalidValue', target }]`. */
    readonly details?: { code: string; target: string }[],
  ) {
    super(message);
  }
}

/** Asks the adapter to drop the connection without a response (a network failure). */
export class DroppedConnection extends Error {
  constructor() {
    super('Connection dropped by fault injection');
  }
}

function baseHeaders(ctx: RequestContext): Record<string, string> {
  return {
    'request-id': ctx.requestId,
    'client-request-id': ctx.clientRequestId,
    date: ctx.now.toUTCString(),
  };
}

// The JSON of a $batch's inner answers, which the batch splices into its own answer as it is: the
// demo answers on the page's main thread, where reading ~0.8 MB of names back from a Response,
// parsing it and serialising it again cost ~50 ms at the service's limit of policies.
const batchedJson = new WeakMap<Response, string>();

/** The JSON text of an answer made inside a $batch (its Response carries no body). */
export const jsonTextOf = (response: Response): string | undefined => batchedJson.get(response);

export function jsonResponse(ctx: RequestContext, status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return jsonTextResponse(ctx, status, JSON.stringify(body), headers);
}

/** A JSON answer already serialised. */
export function jsonTextResponse(ctx: RequestContext, status: number, json: string, headers: Record<string, string> = {}): Response {
  const init = {
    status,
    headers: { ...baseHeaders(ctx), 'content-type': 'application/json; odata.metadata=minimal; charset=utf-8', ...headers },
  };
  if (!ctx.inBatch) return new Response(json, init);
  const response = new Response(null, init);
  batchedJson.set(response, json);
  return response;
}

export function emptyResponse(ctx: RequestContext, status = 204): Response {
  return new Response(null, { status, headers: baseHeaders(ctx) });
}

export function errorBody(ctx: RequestContext, error: GraphError) {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.details ? { details: error.details } : {}),
      innerError: {
        ...(error.innerMessage ? { message: error.innerMessage } : {}),
        date: ctx.now.toISOString().slice(0, 19),
        'request-id': ctx.requestId,
        'client-request-id': ctx.clientRequestId,
      },
    },
  };
}

export function errorResponse(ctx: RequestContext, error: GraphError): Response {
  return jsonResponse(ctx, error.status, errorBody(ctx, error), error.headers);
}

const MALFORMED = 'The server could not process the request because it is malformed or incorrect.';
const serverErrors: Record<number, [code: string, message: string]> = {
  500: ['InternalServerError', 'There was an internal server error while processing the request.'],
  502: ['BadGateway', 'The gateway received an invalid response from the service behind it. Please retry later.'],
  503: ['ServiceUnavailable', 'The service is temporarily unavailable. Please retry later.'],
  504: ['GatewayTimeout', 'The gateway did not receive a timely response from the service behind it. Please retry later.'],
};

export const errors = {
  badRequest: (message: string, innerMessage?: string) => new GraphError(400, 'BadRequest', message, innerMessage),
  /** CA validation failures: a generic message with the service's numbered text inside. */
  invalidPolicy: (numbered: string) => new GraphError(400, 'BadRequest', MALFORMED, numbered),
  schema: () =>
    new GraphError(
      400,
      'BadRequest',
      '1007: Incoming ConditionalAccessPolicy object is null or does not match the schema of ConditionalAccessPolicy type. For examples, please see API documentation at https://docs.microsoft.com/en-us/graph/api/conditionalaccessroot-post-policies?view=graph-rest-1.0.',
    ),
  invalidJson: () =>
    new GraphError(
      400,
      'BadRequest',
      'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
    ),
  notFound: (what: string, id: string) => new GraphError(404, 'ResourceNotFound', `${what} with id '${id}' was not found.`),
  directoryNotFound: (id: string) =>
    new GraphError(
      404,
      'Request_ResourceNotFound',
      `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
    ),
  noRoute: (path: string) =>
    new GraphError(400, 'BadRequest', `Resource not found for the segment '${path.split('/').filter(Boolean).at(-1) ?? path}'.`),
  /** Entra directory writes without the permission or the role answer so, naming neither. */
  insufficientPrivileges: () => new GraphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.'),
  unauthenticated: (message: string) => new GraphError(401, 'InvalidAuthenticationToken', message),
  expiredToken: () => new GraphError(401, 'InvalidAuthenticationToken', 'Access token has expired or is not yet valid.'),
  /** The request as a whole was refused: Graph's generic words for a 400. */
  malformed: () => new GraphError(400, 'BadRequest', MALFORMED),
  conflict: (message = 'The current state of the resource conflicts with what the request expects.') =>
    new GraphError(409, 'Conflict', message),
  accessDenied: (scopes: readonly string[]) =>
    new GraphError(
      403,
      'AccessDenied',
      `Either the signed-in user does not have sufficient privileges, or you need to consent to one of the permissions on this API: ${scopes.join(', ')}.`,
    ),
  throttled: (retryAfterSeconds?: number) =>
    new GraphError(
      429,
      'TooManyRequests',
      'Too many requests.',
      undefined,
      retryAfterSeconds === undefined ? {} : { 'retry-after': String(retryAfterSeconds) },
    ),
  /** The 5xx answers, worded after Graph's table of statuses (concepts/errors.md). */
  serverError: (status: number) => {
    const known = serverErrors[status];
    return known ? new GraphError(status, ...known) : errors.unknown(status);
  },
  /** A status with no answer of its own here: Graph's catch-all code. */
  unknown: (status: number) => new GraphError(status, 'UnknownError', `The service could not complete the request (${status}).`),
};

export async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (!text.trim()) throw errors.invalidJson();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw errors.invalidJson();
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
