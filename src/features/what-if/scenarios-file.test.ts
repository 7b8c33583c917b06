import { describe, expect, it } from 'vitest';
import { DEFAULT_CONDITIONS, scenariosFile, type Scenario } from '../../domain/evaluation/scenario';
import { readScenariosFile } from './scenarios-file';

const scenario: Scenario = {
  id: 's1',
  name: 'Grace on Expenses',
  identity: { kind: 'user', id: 'u-grace', name: 'Grace Kim' },
  target: { kind: 'application', appId: 'app-expenses', name: 'Contoso Expenses' },
  conditions: DEFAULT_CONDITIONS,
};
const utf8 = (text: string) => new TextEncoder().encode(text);
const newId = () => 'new';
const wordsFor = (name: string, bytes: Uint8Array, saved: Scenario[] = []) => {
  try {
    return readScenariosFile(name, bytes, saved, newId).text;
  } catch (error) {
    return (error as Error).message;
  }
};

describe('a file of what-if scenarios chosen to import', () => {
  it('adds the scenarios it holds, UTF-16 as well as UTF-8', () => {
    const text = scenariosFile([scenario]);
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...text].map((c) => c.charCodeAt(0))).buffer)]);
    for (const bytes of [utf8(text), utf16]) {
      const read = readScenariosFile('suite.json', bytes, [], newId);
      expect(read.added.map((s) => s.name)).toEqual(['Grace on Expenses']);
      expect(read.text).toBe('1 scenario added from suite.json.');
    }
  });

  it('keeps an agent identity one through Export and Import; a file from before agents reads as a workload identity', () => {
    const agent: Scenario = {
      ...scenario,
      id: 's2',
      name: 'Helpdesk agent on Expenses',
      identity: { kind: 'servicePrincipal', id: 'agent-1', name: 'Contoso Helpdesk Agent', agentIdentity: true },
    };
    const workload: Scenario = { ...scenario, id: 's3', identity: { kind: 'servicePrincipal', id: 'sp-1', name: 'Payroll Sync' } };
    const read = readScenariosFile('suite.json', utf8(scenariosFile([agent, workload])), [], newId);
    expect(read.added.map((s) => s.identity)).toEqual([agent.identity, workload.identity]);
    // Only a service principal is an agent identity, and only when marked so.
    const odd = JSON.parse(scenariosFile([scenario, workload])) as { scenarios: { identity: Record<string, unknown> }[] };
    odd.scenarios[0]!.identity.agentIdentity = true;
    odd.scenarios[1]!.identity.agentIdentity = 'yes';
    const oddRead = readScenariosFile('odd.json', utf8(JSON.stringify(odd)), [], newId);
    expect(oddRead.added.map((s) => s.identity)).toEqual([scenario.identity, workload.identity]);
  });

  it('names a picture, a cut-short file and an empty one as the other file places do', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    expect(wordsFor('pic.png', png)).toBe('pic.png looks like an image (PNG), not a JSON export.');
    expect(wordsFor('trunc.json', utf8('{"displayName":"x","state":"enabled","conditions":{"users":\n'))).toBe(
      'trunc.json ends before its JSON does (cut short?): it stops at line 1, column 60, 2 objects still open.',
    );
    expect(wordsFor('zero.json', new Uint8Array())).toBe('zero.json is empty.');
  });

  it('says nothing was added, and why, when nothing was', () => {
    expect(wordsFor('policies.json', utf8('{"value":[]}'))).toBe(
      'No scenario added from policies.json. This is not a file of what-if scenarios (Export on the What if page makes one).',
    );
    expect(wordsFor('suite.json', utf8(scenariosFile([scenario])), [scenario])).toBe(
      'No scenario added from suite.json: its scenario is already saved.',
    );
  });
});
