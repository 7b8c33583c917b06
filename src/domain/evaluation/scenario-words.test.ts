// What a suite says of an uncertain outcome names the policies that may still apply: a policy's name
// holding U+202E or right-to-left letters is set apart, so it cannot turn the sentence around it.
import { describe, expect, it } from 'vitest';
import type { Requirements } from './evaluate-policies';
import { missingInWords, uncertaintyInWords } from './scenario-words';

const uncertain = (displayName: string): Requirements => ({
  decision: 'allow',
  certain: false,
  summary: '',
  blockedBy: [],
  grants: [],
  session: [],
  indeterminate: [{ policyId: 'p1', displayName, missing: ['clientAppType'], wouldBlock: true }],
});

describe('uncertaintyInWords', () => {
  it('isolates a name that could reorder the words, and leaves a Latin one as it is', () => {
    expect(uncertaintyInWords(uncertain('Block \u202Eevil'))).toMatch(/^Block \\u202Eevil needs /);
    expect(uncertaintyInWords(uncertain('CA022: Require MFA'))).toMatch(/^CA022: Require MFA needs /);
  });

  it('says nothing of a certain outcome', () => {
    expect(uncertaintyInWords({ ...uncertain('CA001'), certain: true })).toBeNull();
  });
});

describe('missingInWords', () => {
  it("says what an agent risk policy needs in words: whether an agent signs in, and the agent's risk", () => {
    expect(missingInWords(['identity.agentIdentity', 'agentIdRiskLevel', 'identity.agentUser'])).toEqual([
      'whether the workload identity is an agent identity',
      'the agent’s risk (asked only of an agent identity, or of an agent user picked as one)',
      'whether the user is an agent user',
    ]);
  });
});
