// Graph errors in words an admin can act on, keeping Graph's code and the request-id for support.
import { GraphRequestError } from './errors';

export interface ErrorDescription {
  title: string;
  message: string;
  code?: string;
  requestId?: string;
  status?: number;
}

const READ_ROLES =
  'Your account needs a role that can read Conditional Access (for example Global Reader, Security Reader or Conditional Access Administrator), and the app needs consent for its permissions.';
const WRITE_ROLES =
  'Your account needs a role that can change Conditional Access (for example Conditional Access Administrator or Security Administrator), and the app needs consent to Policy.ReadWrite.ConditionalAccess. Global Reader and Security Reader can only read.';

/** A request that changes something; $batch is a POST that may carry only reads. */
const isWrite = (error: GraphRequestError) => error.details.method !== 'GET' && !/\/\$batch$/.test(error.details.path);

export function describeError(error: unknown, action = 'load this'): ErrorDescription {
  if (!(error instanceof GraphRequestError)) {
    return { title: `Could not ${action}`, message: error instanceof Error ? error.message : String(error) };
  }
  const base = { code: error.code, requestId: error.details.requestId, status: error.status };
  if (error.status === 0)
    return {
      ...base,
      title: 'Microsoft Graph is unreachable',
      message: 'The connection failed or was dropped. Check your network, then try again.',
    };
  if (error.status === 401)
    return {
      ...base,
      title: 'Your session has expired',
      // Signing in again reloads the page: only what is kept on this device (the editor's drafts) outlives it.
      message:
        "Microsoft Graph no longer accepts your sign-in. Sign in again to continue. Signing in reloads the page: the editor's drafts are kept on this device, while other choices not yet saved (such as a file chosen to import) must be made again.",
    };
  if (error.status === 403) {
    // A refused write needs a role that can change policies; the reading roles would not help.
    const write = isWrite(error);
    return {
      ...base,
      title: 'Permission needed',
      message: `Microsoft Graph refused: ${error.serviceMessage} ${write ? WRITE_ROLES : READ_ROLES}`,
    };
  }
  if (error.status === 404) return { ...base, title: 'Not found', message: 'It may have been deleted, or it belongs to another tenant.' };
  if (error.status === 429)
    return {
      ...base,
      title: 'Microsoft Graph is throttling requests',
      message: 'Conditional Access allows about one request per second per tenant. Wait a moment, then try again.',
    };
  if (error.status >= 500)
    return {
      ...base,
      title: 'Microsoft Graph had a problem',
      message: `The service answered ${error.status} (${error.code}). This is usually temporary: try again.`,
    };
  return { ...base, title: `Could not ${action}`, message: error.serviceMessage };
}

/** Where in a policy the service's numbered validation errors point. */
const numberedErrorPaths: Record<string, string[]> = {
  '1012': ['conditions', 'applications', 'includeUserActions'],
  '1032': ['grantControls', 'builtInControls'],
  '1118': ['templateId'],
  '1007': [],
};

/** The JSON path a Graph error concerns, when its numbered message says so. */
export function errorPath(error: unknown): { path: string[]; code: string; message: string } | null {
  if (!(error instanceof GraphRequestError) || error.status !== 400) return null;
  const text = error.details.innerMessage ?? error.message;
  const code = /^(\d{4}):/.exec(text)?.[1] ?? /^(\d{4}):/.exec(error.message)?.[1];
  if (!code) return null;
  return {
    path: numberedErrorPaths[code] ?? [],
    code,
    message: `Microsoft Graph refused the save: ${text}${error.details.requestId ? ` (request ID ${error.details.requestId})` : ''}`,
  };
}
