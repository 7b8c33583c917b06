// Loose JSON, handled in one typed place. Policies arrive from Graph, files and the editor as JSON
// that may hold anything; code that walks them reads through these helpers instead of casting, so
// a missing or mistyped part reads as empty rather than throwing (the schema reports the mistake).
import type { ConditionalAccessPolicy } from './types';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };
/** An object read from loose JSON: its values are not known yet. */
export type LooseObject = Record<string, unknown>;

export const isJsonObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The value as an object, or an empty one when it is anything else. */
export const objectIn = (value: unknown): LooseObject => (isJsonObject(value) ? value : {});

/** The strings of an array, or none when the value is not an array. */
export const stringsIn = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/**
 * A policy from Graph seen as the JSON it is. Graph's generated types describe the same object, but
 * with optional fields TypeScript does not count as JSON; this is the one place the two views meet.
 */
export const policyJson = (policy: ConditionalAccessPolicy): JsonObject => policy as unknown as JsonObject;

/** JSON taken as a policy: the editor, files and history hold policies as JSON. */
export const asPolicy = (json: JsonObject): ConditionalAccessPolicy => json as ConditionalAccessPolicy;

export const asPolicies = (json: readonly JsonObject[]): ConditionalAccessPolicy[] => json.map(asPolicy);
