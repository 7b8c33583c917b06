// A read whose token the identity provider will give only after the admin signs in again (the
// session expired, a sign-in policy on the admin's own sign-in asks again, the read permissions must
// be granted again). A read starts in the background too (a screen opened, a refetch): leaving for
// the identity provider then would take away what the admin was typing. So it is said instead, and
// the admin chooses when to sign in again. Writes still leave at once: their drafts are kept first.

export class SignInNeededError extends Error {
  // The graph layer recognises it by this name (it does not import the auth layer): see isSignInNeeded.
  readonly name = 'SignInNeededError';
  constructor(
    /** The account whose sign-in is needed (Compare reads a second one). */
    readonly accountKey: string,
    /** What the identity provider said: interaction_required, login_required, consent_required… */
    readonly reason: string,
  ) {
    super('Your sign-in has expired. Sign in again to go on reading the tenant.');
  }
}

/** An account that must sign in again before its reads go on, kept in the session's snapshot until it does. */
export interface SignInNeeded {
  accountKey: string;
  reason: string;
}
