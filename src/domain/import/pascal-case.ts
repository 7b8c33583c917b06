// Microsoft Graph PowerShell writes objects with PascalCase keys and parks what its model lacks in
// AdditionalProperties (already camelCase there, @odata.type included). Graph's own shape is
// camelCase: this turns one into the other, keys only, values untouched.
import { isJsonObject, type Json, type JsonObject } from '../json';

const camelKey = (key: string) => (key.startsWith('@') || key.includes('@odata.') ? key : key.charAt(0).toLowerCase() + key.slice(1));

export function camelCaseKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(camelCaseKeys);
  if (!isJsonObject(value)) return value;
  const out: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === 'AdditionalProperties' && isJsonObject(child)) Object.assign(out, camelCaseKeys(child));
    else out[camelKey(key)] = camelCaseKeys(child);
  }
  return out;
}

/** Whether an object's own keys are PascalCase (most of them start upper-case, Id or DisplayName among them). */
export function hasPascalKeys(value: unknown): boolean {
  if (!isJsonObject(value)) return false;
  const keys = Object.keys(value).filter((k) => !k.startsWith('@') && !k.startsWith('#'));
  const upper = keys.filter((k) => /^[A-Z]/.test(k)).length;
  return upper > 0 && upper >= keys.length / 2 && keys.some((k) => ['Id', 'DisplayName', 'Conditions', 'AdditionalProperties'].includes(k));
}
