// Reads Conditional Access policies from files as they occur in the wild: a single policy, a Graph
// GET response, a list response ({ value: [...] }), an array, or any of these wrapped by an export
// tool (see policy-file-contents.ts); UTF-8 or UTF-16 with or without a byte order mark; CRLF line
// ends; @odata annotations and read-only fields. What it returns is ready to create: service-owned
// fields stripped, and report-only unless the caller says otherwise.
import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { toWritableBody, type JsonObject } from './policy-body';
import { describeContents, findPolicies } from './policy-file-contents';
import { notTextMessage } from './file-signature';
import { isolatedText } from './isolate';
import { decodeText } from './text-decoding';

export { decodeText };

export class PolicyFileError extends Error {}

/** JSON that does not parse, with where it breaks (1-based line and column). */
export class JsonSyntaxError extends PolicyFileError {
  constructor(
    message: string,
    readonly line: number | null,
    readonly column: number | null,
  ) {
    super(message);
  }
}

export interface ImportedPolicy {
  displayName: string;
  /** The body to create the policy with. */
  body: JsonObject;
  /** The state in the file; the body starts in report-only. */
  originalState: string | null;
  /** The id it had where it came from, for matching and history. */
  sourceId: string | null;
}

// What broke, in words an admin reads (the parser's own names are "PropertyNameExpected" and the like).
const PARSE_ERROR_WORDS: Record<string, string> = {
  InvalidSymbol: 'an unexpected character',
  InvalidNumberFormat: 'a number written wrongly',
  PropertyNameExpected: 'a property name in double quotes expected',
  ValueExpected: 'a value expected',
  ColonExpected: "':' expected after a property name",
  CommaExpected: "',' expected between values",
  CloseBraceExpected: "'}' expected",
  CloseBracketExpected: "']' expected",
  EndOfFileExpected: 'text after the end of the JSON',
  InvalidCommentToken: 'a comment, which JSON does not allow',
  UnexpectedEndOfComment: 'a comment left open',
  UnexpectedEndOfString: 'a string left open (a missing closing quote)',
  UnexpectedEndOfNumber: 'a number cut short',
  InvalidUnicode: 'an invalid \\u escape',
  InvalidEscapeCharacter: 'an invalid escape after a backslash',
  InvalidCharacter: 'a character that must be escaped in a string',
};

const RUNS_INTO_THE_END = new Set(['UnexpectedEndOfString', 'UnexpectedEndOfNumber', 'InvalidSymbol']);

/** "2 objects and a list": what a cut-short text leaves open, from the closers the parser still expected. */
function stillOpen(errors: readonly ParseError[]): string {
  const codes = errors.map((e) => printParseErrorCode(e.error));
  const objects = codes.filter((c) => c === 'CloseBraceExpected').length;
  const lists = codes.filter((c) => c === 'CloseBracketExpected').length;
  const words = [
    objects > 0 ? (objects === 1 ? 'an object' : `${objects} objects`) : '',
    lists > 0 ? (lists === 1 ? 'a list' : `${lists} lists`) : '',
  ].filter(Boolean);
  return words.length > 0 ? `, ${words.join(' and ')} still open` : '';
}

/** 1-based line and column of an offset. */
function place(text: string, offset: number) {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

/** Parses JSON text; when it does not parse, the error names the file and the line and column where it breaks. */
export function parseJson(text: string, fileName: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const errors: ParseError[] = [];
    parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
    const first = errors[0];
    if (!first) throw new JsonSyntaxError(`${isolatedText(fileName)} is not valid JSON.`, null, null);
    const code = printParseErrorCode(first.error);
    // Everything before the end was well formed and something is still open: the file was cut (a
    // copy or download interrupted), which "a property name expected" would hide. A string, number
    // or word running into the end is cut short too; a stray "}" at the end is not.
    const end = text.trimEnd().length;
    const open = stillOpen(errors);
    if (open && (first.offset >= end || (first.offset + first.length >= end && RUNS_INTO_THE_END.has(code)))) {
      const at = place(text, end);
      throw new JsonSyntaxError(
        `${isolatedText(fileName)} ends before its JSON does (cut short?): it stops at line ${at.line}, column ${at.column}${open}.`,
        at.line,
        at.column,
      );
    }
    const at = place(text, first.offset);
    throw new JsonSyntaxError(
      `${isolatedText(fileName)} is not valid JSON: ${PARSE_ERROR_WORDS[code] ?? 'it breaks'} at line ${at.line}, column ${at.column}.`,
      at.line,
      at.column,
    );
  }
}

/** A file's JSON: decoded (UTF-8 or UTF-16) and parsed, or an error naming the file, and the line and column. */
export function readJsonFile(bytes: Uint8Array, fileName: string): unknown {
  if (bytes.length === 0) throw new PolicyFileError(`${isolatedText(fileName)} is empty.`);
  const notText = notTextMessage(bytes, fileName);
  if (notText) throw new PolicyFileError(notText);
  return parseJson(decodeText(bytes), fileName);
}

export function parsePolicyFile(bytes: Uint8Array, fileName: string, options: { reportOnly?: boolean } = {}): ImportedPolicy[] {
  return policiesFrom(readJsonFile(bytes, fileName), fileName, options);
}

/** The policies in a file's parsed JSON, or an error saying what it holds instead. */
export function policiesFrom(parsed: unknown, fileName: string, options: { reportOnly?: boolean } = {}): ImportedPolicy[] {
  const policies = policiesIn(parsed, options);
  if (policies.length === 0) {
    throw new PolicyFileError(
      `${isolatedText(fileName)} holds ${describeContents(parsed)}, not Conditional Access policies. Choose a policy export (a policy, a Graph response, or a list of policies).`,
    );
  }
  return policies;
}

/** The policies in parsed JSON, ready to create (none is not an error here: a backup may hold none). */
export function policiesIn(parsed: unknown, options: { reportOnly?: boolean } = {}): ImportedPolicy[] {
  return findPolicies(parsed).map((policy) => {
    const body = toWritableBody(policy);
    const originalState = typeof policy.state === 'string' ? policy.state : null;
    // New and imported policies start in report-only, so nobody is locked out by an import.
    if (options.reportOnly !== false) body.state = 'enabledForReportingButNotEnforced';
    return {
      displayName: typeof policy.displayName === 'string' ? policy.displayName : '(no name)',
      body,
      originalState,
      sourceId: typeof policy.id === 'string' ? policy.id : null,
    };
  });
}
