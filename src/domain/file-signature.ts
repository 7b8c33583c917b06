// What a file that is not text most likely is, from its first bytes: a screenshot or a PDF dropped
// where a JSON export was expected is named as such, instead of "not valid JSON" at line 1.
import { decodeText } from './text-decoding';
import { isolatedText } from './isolate';

const SIGNATURES: { bytes: (number | null)[]; kind: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], kind: 'an image (PNG)' },
  { bytes: [0xff, 0xd8, 0xff], kind: 'an image (JPEG)' },
  { bytes: [0x47, 0x49, 0x46, 0x38], kind: 'an image (GIF)' },
  // RIFF, four bytes of size, WEBP.
  { bytes: [0x52, 0x49, 0x46, 0x46, null, null, null, null, 0x57, 0x45, 0x42, 0x50], kind: 'an image (WebP)' },
  { bytes: [0x00, 0x00, 0x01, 0x00], kind: 'an icon (ICO)' },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], kind: 'a PDF document' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], kind: 'a zip archive (as Word and Excel files are)' },
  { bytes: [0x1f, 0x8b], kind: 'a gzip archive' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], kind: 'an old Office document' },
];

// Control characters text never holds: below a space, tab, line feed, form feed and carriage return aside.
const isControl = (code: number) => code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d;

/** Decoded text that is binary data: a zero, or more than one control character, near its start (one stray one is a typo). */
function looksBinary(text: string): boolean {
  const start = text.slice(0, 512);
  if (start.includes('\u0000')) return true;
  let controls = 0;
  for (let i = 0; i < start.length; i++) if (isControl(start.charCodeAt(i))) controls++;
  return controls > 1;
}

const startsWith = (bytes: Uint8Array, signature: (number | null)[]) =>
  bytes.length >= signature.length && signature.every((b, i) => b === null || bytes[i] === b);

/** What the bytes are when they are not text ("an image (PNG)", "binary data"), or null for text. */
export function binaryKind(bytes: Uint8Array): string | null {
  const known = SIGNATURES.find((s) => startsWith(bytes, s.bytes));
  if (known) return known.kind;
  return looksBinary(decodeText(bytes.subarray(0, 512))) ? 'binary data' : null;
}

/** The sentence for a file that is not text, or null when it is text; `expected` names what was asked for. */
export function notTextMessage(bytes: Uint8Array, fileName: string, expected = 'a JSON export'): string | null {
  const kind = binaryKind(bytes);
  if (!kind) return null;
  return kind === 'binary data'
    ? `${isolatedText(fileName)} is not a text file (it holds binary data), so not ${expected}.`
    : `${isolatedText(fileName)} looks like ${kind}, not ${expected}.`;
}
