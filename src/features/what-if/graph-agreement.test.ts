import { describe, expect, it } from 'vitest';
import type { PolicyEvaluation, PolicyResult } from '../../domain/evaluation/evaluate-policy';
import type { GraphWhatIfResult } from '../../graph/what-if';
import { agreementSentence, verdictOf } from './graph-agreement';

const engine = (policyId: string, result: PolicyResult, missing?: string[]): PolicyEvaluation => ({
  policyId,
  displayName: policyId,
  state: 'enabled',
  reportOnly: false,
  result,
  reason: '',
  ...(missing && { missing }),
  trace: [],
});
const graph = (id: string, policyApplies: boolean, analysisReasons = policyApplies ? 'notSet' : 'users'): GraphWhatIfResult => ({
  id,
  displayName: id,
  state: 'enabled',
  policyApplies,
  analysisReasons,
});

describe('Graph and Gatehouse side by side', () => {
  it('claims agreement on every policy only when every verdict is the same', () => {
    expect(agreementSentence([graph('a', true), graph('b', false)], [engine('a', 'applies'), engine('b', 'notApplied')])).toBe(
      'Graph and Gatehouse agree on every policy.',
    );
  });

  it('counts a policy Gatehouse cannot tell apart, with what it needs in the form’s words', () => {
    // Graph says "Does not apply", Gatehouse "Cannot tell": not an agreement.
    const sentence = agreementSentence(
      [graph('a', true), graph('b', false), graph('c', false)],
      [engine('a', 'applies'), engine('b', 'indeterminate', ['country', 'ipAddress']), engine('c', 'indeterminate', ['ipAddress'])],
    );
    expect(sentence).toBe('Graph and Gatehouse agree on 1 policy; on 2 Gatehouse cannot tell without Country, IP address.');
    expect(sentence).not.toMatch(/every policy/);
  });

  it('puts disagreements first, then what cannot be told and what Graph did not answer', () => {
    const sentence = agreementSentence(
      [graph('a', true), graph('b', false), graph('c', true)],
      [
        engine('a', 'notApplied'),
        engine('b', 'notApplied'),
        engine('c', 'indeterminate', ['context.mfaTrustedIps']),
        engine('d', 'applies'),
      ],
    );
    expect(sentence).toBe(
      'Graph and Gatehouse disagree on 1 policy, shown first, and agree on 1; on 1 Gatehouse cannot tell without the MFA trusted IPs (in Settings); on 1 Graph gave no answer.',
    );
  });

  it('counts Graph’s "not enough information" as undecided, never as agreeing with "does not apply"', () => {
    const sentence = agreementSentence(
      [graph('a', true), graph('b', false, 'notEnoughInformation'), graph('c', false, 'location,notEnoughInformation')],
      [engine('a', 'applies'), engine('b', 'notApplied'), engine('c', 'applies')],
    );
    expect(sentence).toBe(
      'Graph and Gatehouse agree on 1 policy; on 2 Graph had not enough information to decide: neither agreement nor disagreement.',
    );
  });

  it('gives each row its verdict', () => {
    expect(verdictOf(graph('a', false, 'notEnoughInformation'), engine('a', 'notApplied'))).toBe('graphUndecided');
    expect(verdictOf(graph('a', false, 'notEnoughInformation'), engine('a', 'indeterminate'))).toBe('cannotTell');
    expect(verdictOf(graph('a', false), engine('a', 'indeterminate'))).toBe('cannotTell');
    expect(verdictOf(graph('a', false), engine('a', 'applies'))).toBe('disagree');
    expect(verdictOf(graph('a', true), engine('a', 'applies'))).toBe('agree');
    expect(verdictOf(undefined, engine('a', 'applies'))).toBe('notAnswered');
    expect(verdictOf(graph('a', true), undefined)).toBeNull();
  });
});
