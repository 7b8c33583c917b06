// The three answers a condition can give (matches, does not, cannot know) and how they combine.
// "Cannot know" carries the inputs whose absence caused it, so a caller can ask for exactly those.

export type Outcome =
  { kind: 'match'; reason: string } | { kind: 'noMatch'; reason: string } | { kind: 'unknown'; reason: string; missing: string[] };

export const match = (reason: string): Outcome => ({ kind: 'match', reason });
export const noMatch = (reason: string): Outcome => ({ kind: 'noMatch', reason });
export const unknown = (reason: string, missing: readonly string[]): Outcome => ({
  kind: 'unknown',
  reason,
  missing: [...new Set(missing)],
});

/** Each reason once, in order: several locations or conditions that need the same input say so once. */
export const distinct = (reasons: readonly string[]): string[] => [...new Set(reasons)];

/** A truth value that may not be known, with what would be needed to know it. */
export type Tri = { value: true | false; why: string } | { value: undefined; why: string; missing: string[] };

export const yes = (why: string): Tri => ({ value: true, why });
export const no = (why: string): Tri => ({ value: false, why });
export const notKnown = (why: string, missing: readonly string[]): Tri => ({ value: undefined, why, missing: [...missing] });

/** The first true, else unknown if any is unknown (with every missing input), else false (with the details given). */
export function anyOf(values: readonly Tri[], whenNone: string): Tri {
  const found = values.find((v) => v.value === true);
  if (found) return found;
  const open = values.filter((v): v is Extract<Tri, { value: undefined }> => v.value === undefined);
  if (open.length > 0)
    return notKnown(
      distinct(open.map((v) => v.why)).join('; '),
      open.flatMap((v) => v.missing),
    );
  const details = values.map((v) => v.why).filter(Boolean);
  return no(whenNone && details.length > 0 ? `${whenNone} (${details.join('; ')})` : whenNone);
}

/** Whether a value is configured: null, empty arrays, empty strings and objects of such are not. */
export function configured(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.entries(value).some(([key, v]) => !key.includes('@odata.') && configured(v));
  return true;
}

/** A flags value (Graph's comma-separated string) or a list, as its parts. */
export function flagsIn(value: unknown): string[] {
  if (typeof value === 'string')
    return value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Sub-keys of a condition object that this engine does not read but that are set: the result cannot be known. */
export function unreadKeys(condition: Record<string, unknown>, read: readonly string[], path: string): string[] {
  return Object.entries(condition)
    .filter(([key, value]) => !key.includes('@odata.') && !read.includes(key) && configured(value))
    .map(([key]) => `${path}.${key}`);
}
