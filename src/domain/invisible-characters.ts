// Characters that do not show but change how the text around them reads: the direction controls
// (marks, embeddings, overrides, isolates) and the zero-width ones. A name holding U+202E shows the
// words after it backwards. Graph accepts them in a name; the console warns and isolates names.
// The zero-width joiner and non-joiner are left out: scripts (Persian, Indic) and emoji need them. Line breaks
// and control characters are named too (invisibleCharactersIn).

const NAMES: Record<number, string> = {
  0x061c: 'Arabic letter mark',
  0x200b: 'zero-width space',
  0x200e: 'left-to-right mark',
  0x200f: 'right-to-left mark',
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x2060: 'word joiner',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
  0xfeff: 'zero-width no-break space',
};

const DIRECTION_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/** Whether the text holds a character that changes the direction of what follows it. */
export const changesDirection = (text: string) => DIRECTION_CONTROLS.test(text);

// Line breaks and other control characters: a name holding one is shown with it as an escape ("\n"), and
// printed raw it would split the name over lines (a log line of its own in a pipeline).
const CONTROL_NAMES: Record<number, string> = {
  0x09: 'tab',
  0x0a: 'line feed',
  0x0d: 'carriage return',
  0x85: 'next line',
  0x2028: 'line separator',
  0x2029: 'paragraph separator',
};
const isControl = (code: number) => code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
const nameOf = (code: number) => NAMES[code] ?? CONTROL_NAMES[code] ?? (isControl(code) ? 'control character' : undefined);

/** What a character is called where the console shows it as an escape ("right-to-left override"). */
export const characterName = (char: string) => nameOf(char.codePointAt(0)!) ?? 'character';

/** The invisible characters, line breaks and control characters in the text, once each, as "U+202E (right-to-left override)". */
export function invisibleCharactersIn(text: string): string[] {
  const found = new Set<number>();
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (nameOf(code)) found.add(code);
  }
  return [...found].map((code) => `U+${code.toString(16).toUpperCase().padStart(4, '0')} (${nameOf(code)})`);
}
