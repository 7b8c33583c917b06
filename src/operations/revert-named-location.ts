// Putting a named location back as it was before a change the audit log recorded, without hurting
// anyone: read it first; if it is no longer what that change left, someone changed it since, so stop
// and hand back what it is now rather than write over it. Otherwise keep the version it holds on this
// device, PATCH only the properties Graph accepts (with its '@odata.type'), and read it back. After a
// lost answer the location is read again: back as asked means done, anything else is said as it is.
import { WRITE_SCOPES } from '../auth/scopes';
import { isJsonObject, type JsonObject } from '../domain/json';
import { getNamedLocation, updateNamedLocation, WRITABLE_LOCATION_FIELDS } from '../graph/named-locations';
import { applied, isNotFound, notApplied, outcomeUnknown, writeSafely } from './lost-answer';
import { keepOnceBefore, type OperationContext } from './ports';

export interface LocationRevertRequest {
  id: string;
  /** The version to go back to: the audit event's "before". */
  to: JsonObject;
  /** What the change left: the audit event's "after". A location that differs from it was changed since. */
  after: JsonObject;
}

export type LocationRevertOutcome =
  /** Written and read back; `recovered` when the answer was lost and the read showed it applied. */
  | { kind: 'reverted'; location: JsonObject; recovered: boolean }
  /** It already is that version: nothing was written. */
  | { kind: 'unchanged'; location: JsonObject }
  /** Changed since the event (before the write, or by someone else while the answer was lost): nothing overwritten. */
  | { kind: 'conflict'; current: JsonObject }
  /**
   * Deleted since: nothing to revert (its version is in Deleted items while it is there). `written`:
   * the revert was sent, and the location was gone when read back (deleted meanwhile).
   */
  | { kind: 'gone'; written?: boolean };

/** A version whose kind differs from the location's: a PATCH cannot change the kind of a named location. */
export class KindChanged extends Error {}

const kindOf = (location: JsonObject) => (typeof location['@odata.type'] === 'string' ? location['@odata.type'] : '');

/** The fields a revert writes and compares for this kind of location (none for a kind Graph does not document). */
const fieldsOf = (location: JsonObject) => WRITABLE_LOCATION_FIELDS[kindOf(location)] ?? [];

// Ranges and countries are sets: their order, and a missing value against null, make no difference.
function comparable(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (Array.isArray(value)) {
    const items = value.map((item) => (isJsonObject(item) ? String(item.cidrAddress ?? JSON.stringify(item)) : String(item)));
    return JSON.stringify(items.map((item) => item.toLowerCase()).sort());
  }
  return JSON.stringify(value);
}

/**
 * The writable properties (of `b`'s kind) in which `a` differs from `b`, by name. A property `b` does
 * not hold at all (an audit event may leave one out) says nothing: it is neither compared nor written.
 */
export function locationDifferences(a: JsonObject, b: JsonObject): string[] {
  return fieldsOf(b).filter((field) => b[field] !== undefined && comparable(a[field]) !== comparable(b[field]));
}

// Graph refuses a range without its own '@odata.type'; a recorded version may carry the address alone.
const withRangeKind = (range: unknown) =>
  isJsonObject(range) && typeof range.cidrAddress === 'string' && typeof range['@odata.type'] !== 'string'
    ? {
        '@odata.type': range.cidrAddress.includes(':') ? '#microsoft.graph.iPv6CidrRange' : '#microsoft.graph.iPv4CidrRange',
        ...range,
      }
    : range;

const holds = (location: JsonObject, version: JsonObject) =>
  kindOf(location) === kindOf(version) && locationDifferences(location, version).length === 0;

/** The PATCH that turns `current` into `version`: its kind, and the writable properties that differ. */
export function revertPatch(current: JsonObject, version: JsonObject): JsonObject {
  const patch: JsonObject = { '@odata.type': kindOf(current) };
  for (const field of locationDifferences(current, version)) {
    const value = version[field]!;
    patch[field] = field === 'ipRanges' && Array.isArray(value) ? (value.map(withRangeKind) as JsonObject[]) : value;
  }
  return patch;
}

const orGone = (read: Promise<unknown>): Promise<JsonObject | null> =>
  read.then(
    (location) => (isJsonObject(location) ? location : null),
    (error: unknown) => (isNotFound(error) ? null : Promise.reject(error)),
  );

export async function revertNamedLocation(context: OperationContext, request: LocationRevertRequest): Promise<LocationRevertOutcome> {
  const { client } = context;
  const read = () => orGone(getNamedLocation(client, request.id));
  const current = await read();
  if (!current) return { kind: 'gone' };
  // An event's version without its kind is of the location's kind: an update cannot change it.
  const withKind = (version: JsonObject): JsonObject => ({ '@odata.type': kindOf(current), ...version });
  const [to, after] = [withKind(request.to), withKind(request.after)];
  if (kindOf(current) !== kindOf(to))
    throw new KindChanged(`That version is a different kind of named location than ${String(current.displayName)} is now.`);
  if (holds(current, to)) return { kind: 'unchanged', location: current };
  if (!holds(current, after)) return { kind: 'conflict', current };

  // Kept before the write (once: a second attempt over the same version finds it kept), so that a tab closed while
  // it is on its way still has the version to go back to.
  const kept = await keepOnceBefore(context, request.id, 'before revert', current);
  // Sent and answered, or looked for after a lost answer: the write may be in the tenant, and its version stays kept.
  let mayBeWritten = false;
  return writeSafely<LocationRevertOutcome>(client, {
    write: async () => {
      await updateNamedLocation(client, request.id, revertPatch(current, to), WRITE_SCOPES);
      mayBeWritten = true;
      const back = await read();
      return back ? { kind: 'reverted', location: back, recovered: false } : { kind: 'gone', written: true };
    },
    look: async () => {
      mayBeWritten = true;
      const now = await read();
      if (!now) return applied({ kind: 'gone' });
      if (holds(now, to)) return applied({ kind: 'reverted', location: now, recovered: true });
      // Neither the version asked for nor the one read before: someone else wrote in between.
      if (!holds(now, current)) return applied({ kind: 'conflict', current: now });
      return notApplied;
    },
  }).catch(async (error: unknown) => {
    // Refused (or never sent): nothing was replaced, so the history does not say it was reverted.
    if (!mayBeWritten && !outcomeUnknown(error) && kept) await context.versions.forget(kept).catch(() => {});
    throw error;
  });
}
