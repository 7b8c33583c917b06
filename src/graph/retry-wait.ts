// What the client says while it waits to send a request again: Graph's Retry-After on a 429 (the
// Conditional Access write limit) can hold a bulk write for a minute, and the admin should see why.

/** A wait before a request is sent again: which request, how long, and why in words. */
export interface RetryWait {
  method: string;
  path: string;
  /** The status that asked for it (0: no answer came). */
  status: number;
  seconds: number;
  reason: string;
}

/** Why a request waits, as an admin reads it after "Waiting 30 s: ". */
export function retryReason(status: number): string {
  if (status === 429) return 'Microsoft Graph asked to slow down (too many requests)';
  if (status === 503) return 'Microsoft Graph is unavailable for a moment (service unavailable)';
  if (status === 502 || status === 504) return 'Microsoft Graph’s gateway did not answer in time';
  if (status === 0) return 'the connection to Microsoft Graph was lost';
  return `Microsoft Graph failed (${status})`;
}
