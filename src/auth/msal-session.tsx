// Sign-in with MSAL (redirect flow, v5 redirect bridge page). One PublicClientApplication, created
// and initialised before React renders; tokens are acquired here, outside React. Several accounts
// can be signed in at once; the active one is MSAL's active account.
import { MsalProvider } from '@azure/msal-react';
import type { ReactNode } from 'react';
import {
  EventType,
  InteractionRequiredAuthError,
  PublicClientApplication,
  type AccountInfo,
  type Configuration,
} from '@azure/msal-browser';
import type { AppConfig } from '../shared/config';
import { roleClaimsOf } from './role-claims';
import { qualifyScopes, READ_SCOPES } from './scopes';
import { createSnapshotStore, type AuthSession, type AuthSnapshot, type SignedInAccount } from './session';
import { SignInNeededError, type SignInNeeded } from './sign-in-needed';
import { signInProblemOf, type RedirectPurpose, type SignInProblem } from './sign-in-problem';

export function msalConfiguration(config: AppConfig): Configuration {
  const authority = config.authority ?? `${config.loginHost}/${config.tenant}`;
  const oidc = config.protocolMode === 'OIDC';
  return {
    auth: {
      clientId: config.clientId,
      authority,
      knownAuthorities: config.authority ? [new URL(config.authority).host] : [],
      redirectUri: `${window.location.origin}/redirect.html`,
      postLogoutRedirectUri: window.location.origin,
      // A generic OIDC provider (the e2e tests' local one) returns the code in the query string.
      ...(oidc ? { OIDCOptions: { responseMode: 'query' as const } } : {}),
    },
    cache: { cacheLocation: 'sessionStorage' },
    system: oidc ? { protocolMode: 'OIDC' as never } : {},
  };
}

const toAccount = (account: AccountInfo): SignedInAccount => ({
  key: account.homeAccountId,
  name: account.name ?? account.username,
  username: account.username,
  tenantId: account.tenantId,
  objectId: account.localAccountId,
  demo: false,
  roleClaims: roleClaimsOf(account.idTokenClaims as Record<string, unknown> | undefined),
});

// What a redirect to the identity provider was for, kept in the tab until it comes back: a refusal
// returns without MSAL's state, yet must be told in words and bring the admin back to their page.
const PURPOSE_KEY = 'gatehouse.redirect-purpose';

function keepPurpose(purpose: RedirectPurpose) {
  try {
    sessionStorage.setItem(PURPOSE_KEY, JSON.stringify(purpose));
  } catch {
    // Without storage the refusal is still said, in more general words.
  }
}

function takePurpose(): RedirectPurpose | null {
  try {
    const saved = JSON.parse(sessionStorage.getItem(PURPOSE_KEY) ?? 'null') as RedirectPurpose | null;
    sessionStorage.removeItem(PURPOSE_KEY);
    return saved && Array.isArray(saved.scopes) && typeof saved.path === 'string' ? saved : null;
  } catch {
    return null;
  }
}

// The account in use, and the accounts signed in, when the page left for the identity provider (their
// keys only, never tokens): the account a sign-in comes back with is added beside the one in use, not
// put in its place, which would have the admin go on in another tenant unawares.
const BEFORE_REDIRECT_KEY = 'gatehouse.accounts-before-redirect';

interface AccountsBeforeRedirect {
  active: string | null;
  known: string[];
}

function keepAccounts(instance: PublicClientApplication) {
  const before: AccountsBeforeRedirect = {
    active: instance.getActiveAccount()?.homeAccountId ?? null,
    known: instance.getAllAccounts().map((a) => a.homeAccountId),
  };
  try {
    sessionStorage.setItem(BEFORE_REDIRECT_KEY, JSON.stringify(before));
  } catch {
    // Without storage, MSAL's own active account (kept in the same storage) is all there is.
  }
}

function takeAccounts(): AccountsBeforeRedirect | null {
  try {
    const saved = JSON.parse(sessionStorage.getItem(BEFORE_REDIRECT_KEY) ?? 'null') as AccountsBeforeRedirect | null;
    sessionStorage.removeItem(BEFORE_REDIRECT_KEY);
    return saved && Array.isArray(saved.known) && (saved.active === null || typeof saved.active === 'string') ? saved : null;
  } catch {
    return null;
  }
}

const READ_SCOPE_NAMES = new Set<string>(READ_SCOPES);

export interface MsalSession extends AuthSession {
  readonly instance: PublicClientApplication;
  /** Where to go after a sign-in or consent redirect came back (the page that started it). */
  readonly returnPath: string | null;
}

export async function createMsalSession(config: AppConfig): Promise<MsalSession> {
  const instance = new PublicClientApplication(msalConfiguration(config));
  await instance.initialize();
  const purpose = takePurpose();
  // A refused sign-in or consent (declined, blocked) is kept to be said until the admin dismisses it.
  const { result, refused } = await instance.handleRedirectPromise().then(
    (result) => ({ result, refused: null }),
    (error: unknown) => {
      console.error('Sign-in did not complete', error);
      return { result: null, refused: signInProblemOf(error, purpose) };
    },
  );
  let problem: SignInProblem | null = refused;
  // Reads that needed the admin to sign in again, one entry per account: said by the shell until a token
  // comes again for that account. Another account's need joins the list rather than replace the first's.
  const NONE: readonly SignInNeeded[] = [];
  let signInsNeeded = NONE;
  // The account in use before the redirect stays in use; the one signed in is in use only when none was.
  const before = takeAccounts();
  const kept = before?.active ? instance.getAllAccounts().find((a) => a.homeAccountId === before.active) : undefined;
  if (kept) instance.setActiveAccount(kept);
  else if (result?.account) instance.setActiveAccount(result.account);
  if (!instance.getActiveAccount()) instance.setActiveAccount(instance.getAllAccounts()[0] ?? null);
  // An account new to this tab, beside the one in use: the shell offers to switch to it.
  const signedInNow = result?.account?.homeAccountId;
  let added: string | null =
    kept && signedInNow && signedInNow !== kept.homeAccountId && !before?.known.includes(signedInNow) ? signedInNow : null;

  // MSAL says ACQUIRE_TOKEN_SUCCESS for every token, cache hits included (one per Graph request): the
  // snapshot changes only when the accounts, the active one, their claims or the problem do, and an
  // account unchanged keeps its object, so the screens that depend on it do not start again.
  const known = new Map<string, { claims: string; account: SignedInAccount }>();
  const signedIn = (info: AccountInfo): SignedInAccount => {
    const claims = JSON.stringify([info.name, info.username, info.tenantId, info.localAccountId, info.idTokenClaims ?? null]);
    const seen = known.get(info.homeAccountId);
    if (seen?.claims === claims) return seen.account;
    const fresh = toAccount(info);
    known.set(info.homeAccountId, { claims, account: fresh });
    return fresh;
  };
  const snapshot = (): AuthSnapshot => {
    const accounts = instance.getAllAccounts().map(signedIn);
    const active = instance.getActiveAccount();
    return {
      accounts,
      active: active ? (accounts.find((a) => a.key === active.homeAccountId) ?? signedIn(active)) : null,
      problem,
      signInsNeeded,
      // Forgotten once the account is in use or signed out.
      added: added && accounts.some((a) => a.key === added) && active?.homeAccountId !== added ? added : null,
    };
  };
  const store = createSnapshotStore(snapshot());
  const refresh = () => {
    const next = snapshot();
    const current = store.get();
    const same =
      next.active === current.active &&
      next.problem === current.problem &&
      next.signInsNeeded === current.signInsNeeded &&
      next.added === current.added &&
      next.accounts.length === current.accounts.length &&
      next.accounts.every((a, i) => a === current.accounts[i]);
    if (!same) store.set(next);
  };
  instance.addEventCallback((event) => {
    if (
      event.eventType === EventType.LOGIN_SUCCESS ||
      event.eventType === EventType.ACQUIRE_TOKEN_SUCCESS ||
      event.eventType === EventType.LOGOUT_SUCCESS ||
      event.eventType === EventType.ACTIVE_ACCOUNT_CHANGED
    ) {
      refresh();
    }
  });

  const account = (key: string) => {
    const found = instance.getAllAccounts().find((a) => a.homeAccountId === key);
    if (!found) throw new Error('This account is no longer signed in. Sign in again.');
    return found;
  };
  const here = () => `${window.location.pathname}${window.location.search}`;
  const returnPath =
    typeof result?.state === 'string' && result.state.startsWith('/')
      ? result.state
      : refused && purpose?.path.startsWith('/')
        ? purpose.path
        : null;

  return {
    kind: 'msal',
    instance,
    // msal-react's provider, so its hooks work anywhere in the tree.
    Wrapper: ({ children }: { children: ReactNode }) => <MsalProvider instance={instance}>{children}</MsalProvider>,
    returnPath,
    getSnapshot: store.get,
    subscribe: store.subscribe,
    async getToken(accountKey, scopes, options) {
      const request = {
        account: account(accountKey),
        scopes: qualifyScopes(config.graphBaseUrl, scopes),
        forceRefresh: options?.forceRefresh ?? false,
      };
      try {
        const result = await instance.acquireTokenSilent(request);
        // A token fetched anew (not one held since before) shows the sign-in is accepted again.
        if (!result.fromCache && signInsNeeded.some((n) => n.accountKey === accountKey)) {
          const rest = signInsNeeded.filter((n) => n.accountKey !== accountKey);
          signInsNeeded = rest.length ? rest : NONE;
          refresh();
        }
        return result.accessToken;
      } catch (error) {
        if (!(error instanceof InteractionRequiredAuthError)) throw error;
        if (scopes.every((scope) => READ_SCOPE_NAMES.has(scope))) {
          // A read (perhaps in the background, while the admin types): said, not a redirect nobody asked
          // for. The shell says it once and offers to sign in again; each read that needed it fails with it.
          if (!signInsNeeded.some((n) => n.accountKey === accountKey)) {
            signInsNeeded = [...signInsNeeded, { accountKey, reason: error.errorCode }];
            refresh();
          }
          throw new SignInNeededError(accountKey, error.errorCode);
        }
        // Consent or a fresh sign-in for a write (e.g. the first one): leave for the identity provider
        // and come back to this page. Drafts are saved locally before any write starts.
        keepPurpose({ kind: 'consent', scopes: [...scopes], path: here() });
        keepAccounts(instance);
        await instance.acquireTokenRedirect({ ...request, state: here() });
        return new Promise<string>(() => {});
      }
    },
    async renewSignIn(accountKey) {
      // The admin chose to sign in again after a read needed it: the same trip a read used to start at
      // once, back to this page, its purpose kept so that a refusal is said.
      keepPurpose({ kind: 'sign-in', scopes: [...READ_SCOPES], path: here() });
      keepAccounts(instance);
      await instance.acquireTokenRedirect({
        account: account(accountKey),
        scopes: qualifyScopes(config.graphBaseUrl, READ_SCOPES),
        state: here(),
      });
    },
    async signIn(hint) {
      // Signing in again as someone (their sign-in name as the hint) needs no account picker.
      const who = hint ? { loginHint: hint } : { prompt: 'select_account' };
      // Kept even if MSAL refuses to leave (another redirect under way): the next page load reads and forgets it.
      keepPurpose({ kind: 'sign-in', scopes: [...READ_SCOPES], path: here() });
      keepAccounts(instance);
      await instance.loginRedirect({ scopes: qualifyScopes(config.graphBaseUrl, READ_SCOPES), ...who, state: here() });
    },
    async signOut(accountKey) {
      const target = account(accountKey);
      await instance.logoutRedirect({ account: target, postLogoutRedirectUri: window.location.origin });
    },
    setActive(accountKey) {
      instance.setActiveAccount(account(accountKey));
      // A switch, to the account just added or another, answers the offer to switch.
      added = null;
      refresh();
    },
    dismissProblem() {
      problem = null;
      refresh();
    },
    dismissAdded() {
      added = null;
      refresh();
    },
  };
}
