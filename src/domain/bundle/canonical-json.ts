// JSON written the same way every time: keys in a fixed order at every depth, two-space indent, LF,
// a final newline. A backup written twice from an unchanged tenant is byte for byte the same, so a
// folder of them under git shows only what changed, and a checksum means something.
import { isJsonObject } from '../json';

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (!isJsonObject(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sorted(value[key])]),
  );
}

/** Any JSON-shaped value; properties that are undefined are left out, as JSON.stringify does. */
export const canonicalJson = (value: unknown): string => `${JSON.stringify(sorted(value), null, 2)}\n`;

/** The sha256 of the canonical text, in hex; Web Crypto, present in browsers and Node alike. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
