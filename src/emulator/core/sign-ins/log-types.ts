// How a tenant keeps its sign-in log. Compact on purpose: the demo saves the whole emulator state in
// localStorage, and thousands of sign-ins times every policy in Graph's shape would not fit. The
// policies as they were are kept once per change ("rosters"); each sign-in keeps its facts and two
// characters per policy of that roster. The Graph shape is built when the log is read.
import type { SignInDevice, SignInFacts } from './facts';

/** A policy as the log names it at the time of the sign-in. */
export interface RosterPolicy {
  id: string;
  displayName: string;
  /** The conditions the policy set, in the order the decider checked them. */
  conditions: string[];
  enforcedGrantControls: string[];
  enforcedSessionControls: string[];
}

export interface RecordedSignIn {
  id: string;
  /** The facts, createdDateTime always set; the device is kept apart, in the log's devices. */
  facts: Omit<SignInFacts, 'device'> & { createdDateTime: string };
  /** Index of the device in the log's devices. */
  device?: number;
  roster: number;
  /**
   * Per roster policy: its result (one of resultCodes' keys), then the index in its conditions of
   * the first one not satisfied, as a digit or letter ('-' when none failed).
   */
  decisions: string;
  errorCode: number;
  multiFactorRequired?: true;
}

export interface SignInLog {
  rosters: RosterPolicy[][];
  /** Devices, each once: the same laptop signs in many times. */
  devices: SignInDevice[];
  /** Oldest first. */
  entries: RecordedSignIn[];
}

export const resultCodes = {
  S: 'success',
  F: 'failure',
  N: 'notApplied',
  E: 'notEnabled',
  s: 'reportOnlySuccess',
  f: 'reportOnlyFailure',
  n: 'reportOnlyNotApplied',
  i: 'reportOnlyInterrupted',
} as const;
