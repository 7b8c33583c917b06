// Names from the tenant or the admin's disk in the sentences built in src/domain: a direction control (U+202E)
// is shown as an escape, in the order stored; right-to-left letters are isolated (FSI … PDI), so they cannot
// turn the console's words around them; a Latin name is left exactly as it was.
import { describe, expect, it } from 'vitest';
import { createBundle, bundleText, type BundleSections } from './bundle/bundle';
import { readBundle } from './bundle/read-bundle';
import { describeChanges } from './describe-changes';
import { notTextMessage } from './file-signature';
import type { ImportFile } from './import/import-set';
import { readImport } from './import/read-import';
import { controlsShown, escapedParts, isolatedText } from './isolate';
import type { JsonObject } from './json';
import { placeSuppressions } from './lint/suppressions';
import { PolicyFileError, parsePolicyFile } from './policy-file';
import { nameKey, type NameDirectory } from './references';

const TURNED = 'report\u202Enosj.json';
// How TURNED reads: the override as an escape, in the order it is stored, nothing left to turn.
const TURNED_SHOWN = 'report\\u202Enosj.json';
const HEBREW = 'מדיניות 2';
const literal = (text: string) => text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
const isolated = (name: string) => `\u2068${name}\u2069`;
const bytes = (text: string) => new TextEncoder().encode(text);
const messageOf = (read: () => unknown) => {
  try {
    read();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('no error');
};

describe('isolatedText', () => {
  it('shows a direction control as an escape, isolates right-to-left letters, and leaves a Latin name as it is', () => {
    expect(isolatedText(TURNED)).toBe(TURNED_SHOWN);
    expect(isolatedText(HEBREW)).toBe(isolated(HEBREW));
    expect(isolatedText('policies.json')).toBe('policies.json');
  });

  it('shows a name with a right-to-left override in the order it is stored, not "600AC exe.live"', () => {
    expect(isolatedText('\u202Eevil.exe CA006')).toBe('\\u202Eevil.exe CA006');
    expect(controlsShown('a\u202Ab\u202Bc\u202Cd\u202De\u2066f\u2067g\u2069h\u2068')).toBe(
      'a\\u202Ab\\u202Bc\\u202Cd\\u202De\\u2066f\\u2067g\\u2069h\\u2068',
    );
    expect(escapedParts('\u202Eevil')).toEqual([{ escape: '\\u202E', name: 'right-to-left override' }, 'evil']);
  });

  it('keeps an isolate it made itself, so a name isolated inside a sentence is not shown as "\\u2068" when the sentence is', () => {
    const sentence = `Authentication strength: ${isolatedText(HEBREW)}`;
    expect(controlsShown(sentence)).toBe(sentence);
    expect(escapedParts(sentence)).toBeUndefined();
    // An isolate holding a direction control or a raw line break is no isolate Gatehouse made: each is shown.
    expect(controlsShown('\u2068a\u202Eb\u2069')).toBe('\\u2068a\\u202Eb\\u2069');
    expect(escapedParts('\u2068מדיניות\n2\u2069 x')).toEqual([
      { escape: '\\u2068', name: 'first strong isolate' },
      'מדיניות',
      { escape: '\\n', name: 'line feed' },
      '2',
      { escape: '\\u2069', name: 'pop directional isolate' },
      ' x',
    ]);
  });

  it('keeps its own isolates at any depth, and isolates a name it already isolated once', () => {
    const inner = `Authentication strength: ${isolatedText(HEBREW)}`;
    const outer = `'${isolatedText(inner)}' is off`;
    expect(outer).toBe(`'\u2068Authentication strength: \u2068${HEBREW}\u2069\u2069' is off`);
    expect(controlsShown(outer)).toBe(outer);
    expect(escapedParts(outer)).toBeUndefined();
    expect(isolatedText(outer)).toBe(isolated(outer));
    expect(isolatedText(isolatedText(HEBREW))).toBe(isolated(HEBREW));
  });

  it('shows an isolate the tenant typed as escapes: one with nothing or only Latin letters inside, or left open', () => {
    expect(isolatedText('CA001\u2068\u2069')).toBe('CA001\\u2068\\u2069');
    expect(isolatedText('Contoso \u2068abc\u2069 admins')).toBe('Contoso \\u2068abc\\u2069 admins');
    expect(escapedParts('CA001\u2068\u2069')).toEqual([
      'CA001',
      { escape: '\\u2068', name: 'first strong isolate' },
      { escape: '\\u2069', name: 'pop directional isolate' },
    ]);
    expect(controlsShown('\u2068\u2068abc\u2069\u2069')).toBe('\\u2068\\u2068abc\\u2069\\u2069');
    expect(controlsShown(`\u2068${isolated(HEBREW)}`)).toBe(`\\u2068${isolated(HEBREW)}`);
    // A name that typed isolates is shown so in a sentence holding it, shown again.
    const sentence = `Authentication strength: ${isolatedText('\u2068abc\u2069 מדיניות')}`;
    expect(controlsShown(sentence)).toBe(sentence);
    expect(sentence).toBe(`Authentication strength: ${isolated('\\u2068abc\\u2069 מדיניות')}`);
  });

  it('keeps the direction marks, which place punctuation in right-to-left names, and isolates the name', () => {
    expect(controlsShown('(מדיניות)\u200F 2\u200E \u061C')).toBe('(מדיניות)\u200F 2\u200E \u061C');
    expect(isolatedText('CA007\u200F')).toBe(isolated('CA007\u200F'));
  });

  it('cuts the text at each escape, named, for the console to mark it apart from a typed backslash', () => {
    expect(escapedParts('CA006 a\\nb')).toBeUndefined();
    expect(escapedParts('\nevil\u0085x')).toEqual([
      { escape: '\\n', name: 'line feed' },
      'evil',
      { escape: '\\u0085', name: 'next line' },
      'x',
    ]);
  });
});

describe('messages naming a file', () => {
  it('a file that is not JSON, empty, not text or not policies is named isolated when its name could turn the sentence', () => {
    expect(messageOf(() => parsePolicyFile(bytes('{'), TURNED))).toMatch(new RegExp(`^${literal(TURNED_SHOWN)} ends before its JSON does`));
    expect(messageOf(() => parsePolicyFile(bytes('{"a": }'), `${HEBREW}.json`))).toMatch(
      new RegExp(`^${isolated(`${HEBREW}.json`)} is not valid JSON: `),
    );
    expect(messageOf(() => parsePolicyFile(new Uint8Array(), TURNED))).toBe(`${TURNED_SHOWN} is empty.`);
    expect(messageOf(() => parsePolicyFile(bytes('[1]'), TURNED))).toMatch(new RegExp(`^${literal(TURNED_SHOWN)} holds `));
    expect(notTextMessage(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), TURNED)).toMatch(
      new RegExp(`^${literal(TURNED_SHOWN)} looks like `),
    );
  });

  it('a Latin file name keeps the sentence as it was', () => {
    expect(messageOf(() => parsePolicyFile(new Uint8Array(), 'policies.json'))).toBe('policies.json is empty.');
    expect(() => parsePolicyFile(bytes('{'), 'policies.json')).toThrow(PolicyFileError);
    expect(messageOf(() => parsePolicyFile(bytes('{'), 'policies.json'))).toMatch(/^policies\.json ends before its JSON does/);
  });

  it('an import names the file a duplicate was already read from, isolated', async () => {
    const body = JSON.stringify({ id: 'p1', displayName: 'Good', state: 'enabled', conditions: {}, grantControls: null });
    const file = (path: string): ImportFile => ({ path, bytes: bytes(body) });
    const { files } = await readImport([file(TURNED), file('copy.json')]);
    expect(files[1]!.message).toContain(`already read from ${TURNED_SHOWN}: kept once.`);
    const latin = await readImport([file('first.json'), file('copy.json')]);
    expect(latin.files[1]!.message).toContain('already read from first.json: kept once.');
  });
});

describe('messages naming a policy', () => {
  const policy = (id: string, displayName: string): JsonObject => ({
    id,
    displayName,
    state: 'enabled',
    conditions: { users: { includeUsers: ['All'] }, applications: { includeApplications: ['All'] } },
    grantControls: { operator: 'OR', builtInControls: ['mfa'] },
  });

  it('a backup item changed after the backup is named isolated', async () => {
    const sections: BundleSections = {
      policies: [policy('p-1', HEBREW), policy('p-2', 'CA001: Require MFA')],
      namedLocations: [],
      authenticationStrengths: [],
      authenticationContexts: [],
      termsOfUse: [],
    };
    const edited = JSON.parse(
      bundleText(await createBundle(sections, [], { tenantId: 't', tenantName: 'Contoso', capturedAt: new Date() })),
    );
    for (const p of edited.policies as JsonObject[]) p.state = 'disabled';
    expect((await readBundle(edited)).problems).toEqual([
      `“${isolated(HEBREW)}” was changed after the backup was taken.`,
      '“CA001: Require MFA” was changed after the backup was taken.',
    ]);
  });

  it('a suppression whose policy is not in this tenant names it isolated', () => {
    const s = { ruleId: 'r', reason: 'why', at: '2026-12-01T00:00:00Z', policyId: 'old-1' };
    expect(placeSuppressions([s], [{ id: 'old-1', displayName: TURNED }], []).notes).toEqual([
      `“${TURNED_SHOWN}” is not in this tenant: the suppression of r was not restored.`,
    ]);
    expect(placeSuppressions([s], [{ id: 'old-1', displayName: 'CA002: Gone' }], []).notes).toEqual([
      '“CA002: Gone” is not in this tenant: the suppression of r was not restored.',
    ]);
  });

  it('a renamed policy and a terms of use are named isolated in what changed', () => {
    const before = policy('p-1', 'CA003');
    const after = { ...policy('p-1', HEBREW), grantControls: { operator: 'OR', builtInControls: [], termsOfUse: ['t-1'] } };
    const names: NameDirectory = {
      names: new Map([[nameKey('termsOfUse', 't-1'), { id: 't-1', kind: 'termsOfUse', displayName: TURNED }]]),
      failures: [],
    };
    const texts = describeChanges(before, after, names).map((c) => c.text);
    expect(texts).toContain(`Name: CA003 → ${isolated(HEBREW)}`);
    expect(texts.join('\n')).toContain(`terms of use '${TURNED_SHOWN}'`);
  });
});

describe('a name with a line break or a control character', () => {
  it('reads on one line, each control character as an escape, and is isolated when it also holds right-to-left letters', () => {
    expect(isolatedText('CA099 \u202Ekcolb\n::warning title=Gatehouse::All policies OK')).toBe(
      'CA099 \\u202Ekcolb\\n::warning title=Gatehouse::All policies OK',
    );
    expect(isolatedText('מדיניות\n2')).toBe(isolated('מדיניות\\n2'));
    expect(isolatedText('CA100\r\n- update policy: fake\tline\u0085\u2028\u2029\u001B[31m')).toBe(
      'CA100\\r\\n- update policy: fake\\tline\\u0085\\u2028\\u2029\\u001B[31m',
    );
  });

  it('is named on one line in a sentence built in src/domain', () => {
    const before: JsonObject = { id: 'p-1', displayName: 'CA003', state: 'enabled' };
    const after: JsonObject = { ...before, displayName: 'CA003\n- update policy: fake line' };
    expect(describeChanges(before, after, { names: new Map(), failures: [] }).map((c) => c.text)).toContain(
      'Name: CA003 → CA003\\n- update policy: fake line',
    );
  });
});
