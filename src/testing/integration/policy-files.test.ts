// Every real-world export in ../shared/corpus (nobody here wrote them) is read as the import would
// read it, and what it yields is accepted by the emulator's create. Skips when the corpus is absent.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPolicy } from '../../domain/policy-checks';
import { parsePolicyFile, PolicyFileError } from '../../domain/policy-file';
import { testEmulator } from '../../emulator/harness/test-emulator';
import { corpusDir, corpusFiles, corpusPresent, isNotPolicyFile } from '../corpus';

const corpus = corpusDir;
const present = corpusPresent;
const files = corpusFiles();
const notPolicies = isNotPolicyFile;

describe.skipIf(!present)('the policy files of ../shared/corpus', () => {
  if (!present) it.skip('needs ../shared/corpus (present in CI)', () => {});

  it('has the files this test expects (UTF-16 exports among them)', () => {
    expect(files.length).toBeGreaterThan(60);
    const utf16 = files.filter((f) =>
      readFileSync(f)
        .subarray(0, 2)
        .equals(Buffer.from([0xff, 0xfe])),
    );
    expect(utf16.length).toBeGreaterThan(30);
  });

  for (const file of files) {
    const name = relative(corpus, file);
    if (notPolicies(file)) {
      it(`refuses ${name} with a message that says what it holds`, () => {
        expect(() => parsePolicyFile(readFileSync(file), name)).toThrow(PolicyFileError);
        // Said plainly: what the file holds instead, never "something other than" policies.
        expect(() => parsePolicyFile(readFileSync(file), name)).toThrow(
          / holds (named locations|a named location|a group|a table of \d+ directory objects \(names, ids and types\)), not Conditional Access policies\. /,
        );
      });
    } else {
      it(`reads ${name}`, () => {
        const policies = parsePolicyFile(readFileSync(file), name);
        expect(policies.length).toBeGreaterThan(0);
        for (const policy of policies) {
          expect(policy.displayName).not.toBe('(no name)');
          expect(policy.body.state).toBe('enabledForReportingButNotEnforced');
          const text = JSON.stringify(policy.body);
          expect(text).not.toMatch(
            /@odata\.(context|id|etag|editLink)|"#microsoft\.graph[^"]*":|createdDateTime|modifiedDateTime|templateId|deletedDateTime/,
          );
          expect(Object.keys(policy.body)).not.toContain('id');
          // What the service accepts, the console's checks accept too.
          expect(checkPolicy(policy.body).filter((f) => f.severity === 'error')).toEqual([]);
        }
      });
    }
  }

  it('yields bodies the service accepts', async () => {
    const { call } = testEmulator();
    const rejected: string[] = [];
    let created = 0;
    for (const file of files.filter((f) => !notPolicies(f))) {
      for (const policy of parsePolicyFile(readFileSync(file), file)) {
        const response = await call('POST', '/beta/identity/conditionalAccess/policies', { body: policy.body });
        if (response.status === 201) created++;
        else rejected.push(`${relative(corpus, file)} ${policy.displayName}: ${response.status} ${await response.text()}`);
      }
      if (created > 150) break;
    }
    expect(rejected).toEqual([]);
    expect(created).toBeGreaterThan(40);
  });
});

describe('parsePolicyFile', () => {
  const encode = (text: string) => new TextEncoder().encode(text);
  it('says where invalid JSON breaks', () => {
    expect(() => parsePolicyFile(encode('{\r\n  "displayName": "x",\r\n  "state": \r\n}'), 'broken.json')).toThrow(
      /broken\.json is not valid JSON: .* at line 4, column 1/,
    );
  });
  it('refuses an empty file', () => {
    expect(() => parsePolicyFile(new Uint8Array(), 'empty.json')).toThrow(/empty/);
  });
  it('reads UTF-16 LE without a byte order mark', () => {
    const text = JSON.stringify({
      displayName: 'x',
      state: 'enabled',
      conditions: { applications: { includeApplications: ['All'] } },
      grantControls: { builtInControls: ['mfa'] },
    });
    const bytes = new Uint8Array(text.length * 2);
    [...text].forEach((c, i) => (bytes[i * 2] = c.charCodeAt(0)));
    expect(parsePolicyFile(bytes, 'x.json')[0]!.displayName).toBe('x');
  });
  it('keeps the state when asked to', () => {
    const text = JSON.stringify({ value: [{ displayName: 'x', state: 'enabled', conditions: {}, grantControls: null }] });
    const [policy] = parsePolicyFile(encode(text), 'list.json', { reportOnly: false });
    expect(policy!.body.state).toBe('enabled');
    expect(policy!.originalState).toBe('enabled');
  });
});
