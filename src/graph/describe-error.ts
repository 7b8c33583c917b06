// Graph errors in words an admin can act on, keeping Graph's code and the request-id for support.
import { GraphRequestError, isSignInNeeded } from './errors';
import { requestKind, type RequestKind } from './request-kind';

export interface ErrorDescription {
  title: string;
  message: string;
  code?: string;
  requestId?: string;
  status?: number;
}

/**
 * A title set inside a sentence ("…could not be read: the session has expired"): its first letter lowered,
 * unless it starts with a name ("Microsoft Graph is unreachable" keeps its capitals).
 */
export const titleInSentence = (title: string): string =>
  /^[A-Z][\w-]*\s+[A-Z]/.test(title) ? title : title.charAt(0).toLowerCase() + title.slice(1);

const READ_ROLES =
  'Your account needs a role that can read Conditional Access (for example Global Reader, Security Reader or Conditional Access Administrator), and the app needs consent for its permissions.';
const WRITE_ROLES =
  'Your account needs a role that can change Conditional Access (for example Conditional Access Administrator or Security Administrator), and the app needs consent to Policy.ReadWrite.ConditionalAccess. Global Reader and Security Reader can only read.';

const GROUP_RIGHTS =
  'Creating or changing a group needs an account the tenant lets create security groups (where that is kept to administrators: for example Groups Administrator or User Administrator; the Conditional Access Administrator role cannot), and the app needs consent to Group.ReadWrite.All.';
const OTHER_WRITE = 'Your account needs a role that may make this change, and the app needs consent to the permission it asks for.';

/** The right a refusal says is missing, by what the request does (a POST may be a read: What if, getByIds, $batch). */
const MISSING: Record<RequestKind, string> = {
  read: READ_ROLES,
  'conditional-access-write': WRITE_ROLES,
  'group-write': GROUP_RIGHTS,
  'other-write': OTHER_WRITE,
};

/** Signing in again leaves the page: only what is kept on this device (the editor's drafts) outlives it. */
const SIGNING_IN_LEAVES =
  "Signing in again leaves this page: the editor's drafts are kept on this device, while other choices not yet saved (such as a file chosen to import) must be made again.";

/**
 * A create whose answer was lost and whose result was not found after waiting (src/operations'
 * CreateOutcomeUnknown, ObjectCreateOutcomeUnknown: known by name, graph does not import operations).
 */
const outcomeUnknown = (error: unknown): error is Error => error instanceof Error && /OutcomeUnknown$/.test(error.name);

/** "create the policy" → "The policy may have been created"; other actions in general words. */
function mayHaveBeenDone(action: string): string {
  const made = /^create (.+)$/.exec(action)?.[1];
  return made
    ? `${made[0]!.toUpperCase()}${made.slice(1)} may have been created`
    : `It may have been done: the answer to “${action}” was lost`;
}

export function describeError(error: unknown, action = 'load this'): ErrorDescription {
  // A read that needs a fresh sign-in: nothing has left the page yet, and the admin chooses when it does.
  // The status of a refused sign-in (401) is what offers Sign in again where errors are shown.
  if (isSignInNeeded(error))
    return error.reason === 'consent_required'
      ? {
          title: 'Permission needed again',
          message: `The identity provider asks for Gatehouse’s read permissions to be granted again before the tenant can be read. Sign in again to be asked. ${SIGNING_IN_LEAVES}`,
          code: error.reason,
          status: 401,
        }
      : {
          title: 'Your sign-in has expired',
          message: `Your sign-in has expired, or a sign-in policy asks you to sign in again. Sign in again to go on reading the tenant. ${SIGNING_IN_LEAVES}`,
          code: error.reason || undefined,
          status: 401,
        };
  // Not a failure: the change may be in the tenant, and the words under the title say how to find out.
  if (outcomeUnknown(error)) return { title: mayHaveBeenDone(action), message: error.message };
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
    // A refused write needs a role that can change what it writes; the reading roles would not help.
    return {
      ...base,
      title: 'Permission needed',
      message: `Microsoft Graph refused: ${error.serviceMessage} ${MISSING[requestKind(error.details.method, error.details.path)]}`,
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
