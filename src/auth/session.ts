// What the console needs from sign-in, whichever way it happens (MSAL or the demo): the signed-in
// accounts, the active one, and tokens for it. Implementations live beside this file.
import type { ComponentType, ReactNode } from 'react';
import type { RoleClaims } from './role-claims';
import type { SignInNeeded } from './sign-in-needed';
import type { SignInProblem } from './sign-in-problem';

/**
 * The person's name without what the account adds in brackets ("Ada Lindqvist (demo administrator)"):
 * how the directory names the user, where the admin appears as a user (an exclusion, the lock-out guard).
 */
export const personName = (account: Pick<SignedInAccount, 'name'>) => account.name.replace(/\s*\(.*\)$/, '');

export interface SignedInAccount {
  /** Stable key for caches and URLs. */
  key: string;
  name: string;
  username: string;
  tenantId: string;
  /** The user's object id in that tenant. */
  objectId: string;
  /** Known for demo accounts; for real ones the console reads it from Graph. */
  tenantName?: string;
  demo: boolean;
  /** The ID token's role claims (`wids`, `roles`), when it carries any: whether this account can write. */
  roleClaims?: RoleClaims;
}

export interface AuthSnapshot {
  accounts: SignedInAccount[];
  active: SignedInAccount | null;
  /** A sign-in or consent the identity provider refused (declined consent), until dismissed. */
  problem?: SignInProblem | null;
  /**
   * The accounts whose reads need the admin to sign in again, each until it does, in the order found (Compare
   * reads with two accounts): said once by the shell, not by each failed read. Empty, or absent, when none.
   */
  signInsNeeded?: readonly SignInNeeded[];
  /**
   * The key of an account signed in just now beside the one in use, which stays in use: an admin of two
   * tenants would otherwise go on working in the other one unawares. The shell offers the switch until the
   * admin makes it or dismisses the offer.
   */
  added?: string | null;
}

export interface AuthSession {
  readonly kind: 'msal' | 'demo';
  /** Wraps the React tree when the implementation brings its own provider (MSAL's). */
  readonly Wrapper?: ComponentType<{ children: ReactNode }>;
  getSnapshot(): AuthSnapshot;
  subscribe(listener: () => void): () => void;
  /**
   * A Graph access token for the account. A write's token that needs consent or a fresh sign-in leaves
   * the page for the identity provider; a read's throws SignInNeededError and the admin chooses when.
   */
  getToken(accountKey: string, scopes: readonly string[], options?: { forceRefresh?: boolean }): Promise<string>;
  /** Starts sign-in; `hint` is who signs in: a sign-in name with MSAL, the demo account in the demo. */
  signIn(hint?: string): Promise<void>;
  signOut(accountKey: string): Promise<void>;
  /** Signs the account in again after a read needed it (SignInNeededError), when the admin chooses: leaves the page. */
  renewSignIn?(accountKey: string): Promise<void>;
  setActive(accountKey: string): void;
  /** Forgets the sign-in problem once the admin has read it. */
  dismissProblem?(): void;
  /** Forgets the account just added (`added`) once the admin has dismissed the offer to switch to it. */
  dismissAdded?(): void;
}

/** A tiny observable snapshot store, shared by both implementations. */
export function createSnapshotStore(initial: AuthSnapshot) {
  let snapshot = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => snapshot,
    set(next: AuthSnapshot) {
      snapshot = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
