// A sign-in or consent that came back refused, in plain words: the identity provider's pages say
// no (a declined consent, a blocked sign-in) and send the admin back here, where it must be said.
import { isolatedText } from '../domain/isolate';

/** What the redirect was for, kept across the trip to the identity provider. */
export interface RedirectPurpose {
  /** 'sign-in': the first sign-in (read permissions); 'consent': more permissions for a write. */
  kind: 'sign-in' | 'consent';
  /** The permissions asked for (unqualified names: Policy.ReadWrite.ConditionalAccess). */
  scopes: string[];
  /** The page that started it. */
  path: string;
}

export interface SignInProblem {
  /** A few words for the title: "Permission not granted". */
  title: string;
  /** What happened and what to do, in plain words; the code is part of it. */
  message: string;
  /** Entra's AADSTS code when it gave one, else MSAL's error code (access_denied). */
  code: string;
  errorCode: string;
  subError: string;
}

interface AuthErrorLike {
  errorCode?: unknown;
  subError?: unknown;
  errorMessage?: unknown;
  errorNo?: unknown;
  message?: unknown;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** Declined or missing consent: the user said no, or only an administrator may say yes. */
const DECLINED = new Set(['access_denied', 'consent_required']);
const CONSENT_CODES = new Set(['AADSTS65004', 'AADSTS65001', 'AADSTS90094', 'AADSTS90008']);

/** A name Entra quotes ('Contoso'): the quote marks stand apart from letters, so an apostrophe (user's) is none. */
const QUOTED = /(?<![\p{L}\p{N}])'([^'\r\n]+)'(?![\p{L}\p{N}])/gu;

/**
 * Entra's own message without its trace, correlation id and timestamp. It names the tenant, the app and the
 * account as their owners spelled them: each quoted name is isolated, and the whole, so a name cut short by
 * the length limit cannot turn the console's words after it around.
 */
function firstSentence(message: string): string {
  const plain = message
    .replace(/^[\w_]+:\s*/, '')
    .replace(/^AADSTS\d+:\s*/, '')
    .split(/\r?\n|\s+Trace ID:/)[0]!
    .trim();
  const short = plain.length > 300 ? `${plain.slice(0, 300)}…` : plain;
  // The whole first (its direction controls become escapes), then each quoted name within it: isolating a name
  // first would have the whole's escaping show the name's own isolate as "\u2068".
  return isolatedText(short).replace(QUOTED, (_, name: string) => `'${isolatedText(name)}'`);
}

/** The editor saves its draft on this device before any write starts: only there is it kept across the trip. */
const fromEditor = (path: string) => /^\/policies\/(?:new|[^/?#]+\/edit)(?:[?#]|$)/.test(path);

/**
 * What is true of the page left for consent: the write that asked was not made, yet a run may have written
 * before it (a plan's groups), and the page reloads, so only the editor's draft outlives the trip.
 */
const afterConsent = (path: string) =>
  fromEditor(path)
    ? ' The change was not made; your draft is kept.'
    : ' The change that asked for it was not made; what was done before it stays done. Choices not yet saved on that page (such as a file chosen to import) must be made again.';

const names = (scopes: readonly string[]) => scopes.join(', ');

export function signInProblemOf(error: unknown, purpose: RedirectPurpose | null): SignInProblem {
  const e = (typeof error === 'object' && error !== null ? error : {}) as AuthErrorLike;
  const errorCode = text(e.errorCode);
  const subError = text(e.subError);
  const detail = text(e.errorMessage) || text(e.message) || (typeof error === 'string' ? error : '');
  const aadsts = text(e.errorNo) ? `AADSTS${text(e.errorNo)}` : (/AADSTS\d+/.exec(detail)?.[0] ?? '');
  const code = aadsts || errorCode || 'unknown_error';
  // access_denied also comes with other refusals (AADSTS50105: not assigned to the app): Entra's code decides.
  const declined = aadsts ? CONSENT_CODES.has(aadsts) : DECLINED.has(errorCode);
  const consent = purpose?.kind === 'consent';
  let message: string;
  if (declined && consent) {
    const policies = purpose.scopes.includes('Policy.ReadWrite.ConditionalAccess');
    const what = policies ? 'change policies' : 'make this change';
    message =
      `Permission to ${what} was not granted (${code}). A Global Administrator or Privileged Role Administrator must grant ` +
      `admin consent to ${names(purpose.scopes.filter((s) => s !== 'Policy.Read.All')) || names(purpose.scopes)}.` +
      afterConsent(purpose.path);
  } else if (declined) {
    const scopes = purpose?.scopes.length ? ` (${names(purpose.scopes)})` : '';
    message =
      `Permission to read the tenant was not granted (${code}). A Global Administrator or Privileged Role Administrator ` +
      `must grant admin consent to Gatehouse’s read permissions${scopes}.`;
  } else if (errorCode === 'user_cancelled') {
    message = `${consent ? 'Asking for permission' : 'Sign-in'} was cancelled (${code}).${consent ? afterConsent(purpose.path) : ''}`;
  } else {
    const said = firstSentence(detail);
    message =
      `${consent ? 'Asking for permission' : 'Sign-in'} did not complete (${code})${said ? `: ${said}` : ''}` +
      // Its own full stop may sit inside the isolate that closes it.
      (/[.!?…]\u2069*$/.test(said) ? '' : '.') +
      (consent ? afterConsent(purpose.path) : '');
  }
  // "Permission not granted" only when it was refused: a cancelled or failed sign-in on the way is said as such.
  const title = declined
    ? 'Permission not granted'
    : errorCode === 'user_cancelled'
      ? consent
        ? 'Asking for permission cancelled'
        : 'Sign-in cancelled'
      : consent
        ? 'Asking for permission did not complete'
        : 'Sign-in did not complete';
  return { title, message, code, errorCode, subError };
}
