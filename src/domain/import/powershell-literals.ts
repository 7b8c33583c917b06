// A small reader of the PowerShell literals DSC configurations are written in: hashtables `@{}`,
// arrays `@()` and comma lists, strings '…' and "…" (backtick escapes, here-strings), $true,
// $false, $null, numbers, and variables or expressions kept as tokens (`$Domain`, `$($x.y)`),
// never evaluated. Errors name the line. It reads values, not scripts: whatever else a file holds
// is for the caller to skip.

export class PowerShellSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/** A variable or expression, kept as written: `$Domain`, `$($ConfigurationData.x)`. */
export class PsToken {
  constructor(readonly text: string) {}
}

export type PsValue = string | number | boolean | null | PsToken | PsValue[] | PsHashtable;
export interface PsHashtable {
  /** Keys as written, in order. */
  entries: [key: string, value: PsValue][];
  /** The line each key is on, for messages. */
  lines: number[];
}

export const isHashtable = (value: PsValue): value is PsHashtable =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof PsToken);

/** The text with comments (`# …`, `<# … #>`) blanked to spaces, lines and string contents kept. */
export function blankComments(text: string): string {
  const out = text.split('');
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < out.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '`' && quote === '"') i++;
      else if (c === quote) {
        if (text[i + 1] === quote) i++;
        else quote = null;
      }
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '<' && text[i + 1] === '#') {
      const end = text.indexOf('#>', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      for (let j = i; j < stop; j++) if (out[j] !== '\n' && out[j] !== '\r') out[j] = ' ';
      i = stop - 1;
    } else if (c === '#') {
      for (; i < out.length && text[i] !== '\n'; i++) if (out[i] !== '\r') out[i] = ' ';
    }
  }
  return out.join('');
}

const NAME = /[A-Za-z0-9_:.-]/;

export class PsReader {
  pos = 0;
  constructor(readonly text: string) {}

  lineAt(pos = this.pos): number {
    let line = 1;
    for (let i = 0; i < pos && i < this.text.length; i++) if (this.text[i] === '\n') line++;
    return line;
  }

  fail(what: string, pos = this.pos): never {
    throw new PowerShellSyntaxError(`${what} at line ${this.lineAt(pos)}`, this.lineAt(pos));
  }

  private peek(offset = 0) {
    return this.text[this.pos + offset] ?? '';
  }

  /** Skips spaces, tabs and line continuations; newlines too when asked. */
  skip(newlines: boolean) {
    for (;;) {
      const c = this.peek();
      if (c === ' ' || c === '\t' || (newlines && (c === '\n' || c === '\r'))) this.pos++;
      else if (c === '`' && (this.peek(1) === '\n' || this.peek(1) === '\r')) this.pos += this.peek(2) === '\n' ? 3 : 2;
      else return;
    }
  }

  /** A value with a comma list after it (`'a', 'b'` is an array). */
  value(): PsValue {
    const first = this.single();
    this.skip(false);
    if (this.peek() !== ',') return first;
    const items: PsValue[] = [first];
    while (this.peek() === ',') {
      this.pos++;
      this.skip(true);
      items.push(this.single());
      this.skip(false);
    }
    return items;
  }

  private single(): PsValue {
    this.skip(false);
    const c = this.peek();
    const start = this.pos;
    if (c === '@' && this.peek(1) === '(') return this.array();
    if (c === '@' && this.peek(1) === '{') {
      this.pos += 2;
      return this.hashtableBody('}');
    }
    if (c === '@' && (this.peek(1) === '"' || this.peek(1) === "'")) return this.hereString();
    if (c === '"') return this.doubleQuoted();
    if (c === "'") return this.singleQuoted();
    if (c === '[') {
      // A cast such as [System.String] or [int]: the value after it is what counts.
      const end = this.text.indexOf(']', this.pos);
      if (end < 0) this.fail('A type in brackets is not closed');
      this.pos = end + 1;
      return this.single();
    }
    if (c === '$') return this.variable();
    if (c === '(') return new PsToken(this.balanced('(', ')'));
    const number = /^-?\d+(\.\d+)?(?![A-Za-z_])/.exec(this.text.slice(this.pos, this.pos + 40));
    if (number) {
      this.pos += number[0].length;
      return Number(number[0]);
    }
    let end = this.pos;
    while (end < this.text.length && NAME.test(this.text[end]!)) end++;
    if (end === start) this.fail(c ? `Unexpected “${c}”` : 'The value is missing');
    this.pos = end;
    return this.text.slice(start, end);
  }

  private array(): PsValue[] {
    const open = this.pos;
    this.pos += 2;
    const items: PsValue[] = [];
    for (;;) {
      this.skip(true);
      const c = this.peek();
      if (c === ')') {
        this.pos++;
        return items;
      }
      if (!c) this.fail('This array is not closed (“)” missing)', open);
      if (c === ',' || c === ';') {
        this.pos++;
        continue;
      }
      const item = this.value();
      if (Array.isArray(item) && this.text[this.pos - 1] !== ')') items.push(...item);
      else items.push(item);
    }
  }

  /** Entries `key = value` up to the closing character, separated by newlines or semicolons. */
  hashtableBody(close: '}'): PsHashtable {
    const open = this.pos;
    const table: PsHashtable = { entries: [], lines: [] };
    for (;;) {
      this.skip(true);
      const c = this.peek();
      if (c === close) {
        this.pos++;
        return table;
      }
      if (!c) this.fail(`This block is not closed (“${close}” missing)`, open);
      if (c === ';') {
        this.pos++;
        continue;
      }
      const keyAt = this.pos;
      const key = c === '"' ? this.doubleQuoted() : c === "'" ? this.singleQuoted() : this.bareName();
      this.skip(false);
      if (this.peek() !== '=') this.fail(`“=” expected after ${key}`);
      this.pos++;
      this.skip(false);
      const value = this.value();
      table.entries.push([key, value]);
      table.lines.push(this.lineAt(keyAt));
      this.skip(false);
      const next = this.peek();
      if (next && next !== ';' && next !== '\n' && next !== '\r' && next !== close)
        this.fail(`Unexpected “${next}” after the value of ${key}`);
    }
  }

  private bareName(): string {
    const start = this.pos;
    while (this.pos < this.text.length && NAME.test(this.text[this.pos]!)) this.pos++;
    if (this.pos === start) this.fail(this.peek() ? `Unexpected “${this.peek()}”` : 'A name is missing');
    return this.text.slice(start, this.pos);
  }

  private variable(): PsValue {
    const start = this.pos;
    this.pos++;
    if (this.peek() === '(') return new PsToken(`$${this.balanced('(', ')')}`);
    if (this.peek() === '{') return new PsToken(`$${this.balanced('{', '}')}`);
    while (this.pos < this.text.length && /[A-Za-z0-9_:]/.test(this.text[this.pos]!)) this.pos++;
    // Member access ($ConfigurationData.NonNodeData.x) belongs to the token.
    while (this.peek() === '.' && /[A-Za-z_]/.test(this.peek(1))) {
      this.pos++;
      while (this.pos < this.text.length && /[A-Za-z0-9_]/.test(this.text[this.pos]!)) this.pos++;
    }
    const name = this.text.slice(start + 1, this.pos);
    if (!name) this.fail('A variable name is missing after “$”', start);
    const lower = name.toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
    if (lower === 'null') return null;
    return new PsToken(`$${name}`);
  }

  private balanced(open: string, close: string): string {
    const start = this.pos;
    let depth = 0;
    for (; this.pos < this.text.length; this.pos++) {
      const c = this.text[this.pos];
      if (c === open) depth++;
      else if (c === close && --depth === 0) {
        this.pos++;
        return this.text.slice(start, this.pos);
      }
    }
    return this.fail(`“${open}” is not closed`, start);
  }

  private doubleQuoted(): string {
    const start = this.pos;
    this.pos++;
    let out = '';
    for (; this.pos < this.text.length; this.pos++) {
      const c = this.text[this.pos]!;
      if (c === '`') {
        const next = this.text[++this.pos] ?? '';
        out += ({ n: '\n', r: '\r', t: '\t', '0': '\0' } as Record<string, string>)[next] ?? next;
      } else if (c === '"') {
        if (this.text[this.pos + 1] === '"') {
          out += '"';
          this.pos++;
        } else {
          this.pos++;
          return out;
        }
      } else out += c;
    }
    return this.fail('This string is not closed (“"” missing)', start);
  }

  private singleQuoted(): string {
    const start = this.pos;
    this.pos++;
    let out = '';
    for (; this.pos < this.text.length; this.pos++) {
      const c = this.text[this.pos]!;
      if (c === "'") {
        if (this.text[this.pos + 1] === "'") {
          out += "'";
          this.pos++;
        } else {
          this.pos++;
          return out;
        }
      } else out += c;
    }
    return this.fail("This string is not closed (“'” missing)", start);
  }

  private hereString(): string {
    const start = this.pos;
    const quote = this.peek(1);
    const bodyStart = this.text.indexOf('\n', this.pos) + 1;
    const end = this.text.indexOf(`\n${quote}@`, bodyStart - 1);
    const endCr = this.text.indexOf(`\r\n${quote}@`, bodyStart - 1);
    if (bodyStart === 0 || end < 0) this.fail('This here-string is not closed', start);
    const stop = endCr >= 0 && endCr < end ? endCr : end;
    this.pos = end + 3;
    return this.text.slice(bodyStart, Math.max(bodyStart, stop));
  }
}

/** Reads the text as one value (for tests and for `@{...}` bodies in files). */
export function readPsValue(text: string): PsValue {
  const reader = new PsReader(blankComments(text));
  reader.skip(true);
  const value = reader.value();
  reader.skip(true);
  if (reader.pos < text.length) reader.fail(`Unexpected “${text[reader.pos]}”`);
  return value;
}
