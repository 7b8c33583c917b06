// The page's polite status: said once, when both the engine and Graph have answered.
import { describe, expect, it } from 'vitest';
import { requirementsOf, type SignInEvaluation } from '../../domain/evaluation/evaluate-policies';
import type { PolicyEvaluation, PolicyResult } from '../../domain/evaluation/evaluate-policy';
import type { GraphWhatIfResult } from '../../graph/what-if';
import { resultsAnnouncement } from './results-announcement';
import type { WhatIfAnswers } from './use-what-if';

const engine = (policyId: string, result: PolicyResult, reportOnly = false): PolicyEvaluation => ({
  policyId,
  displayName: policyId,
  state: reportOnly ? 'enabledForReportingButNotEnforced' : 'enabled',
  reportOnly,
  result,
  reason: '',
  trace: [],
});
const graph = (id: string, policyApplies: boolean): GraphWhatIfResult => ({
  id,
  displayName: id,
  state: 'enabled',
  policyApplies,
  analysisReasons: policyApplies ? 'notSet' : 'users',
});

const saved = [engine('a', 'applies'), engine('b', 'applies'), engine('c', 'applies', true), engine('d', 'notApplied')];

const evaluation = (results: PolicyEvaluation[]): SignInEvaluation => ({
  results,
  enforced: requirementsOf(results.filter((r) => !r.reportOnly)),
  reportOnly: requirementsOf(results.filter((r) => r.reportOnly)),
});

function answers(over: { graph?: Partial<WhatIfAnswers['graph']> } & Partial<Omit<WhatIfAnswers, 'graph'>> = {}): WhatIfAnswers {
  const { graph: graphOver, ...rest } = over;
  return {
    graph: { data: undefined, error: null, isFetching: false, ...graphOver } as unknown as WhatIfAnswers['graph'],
    graphUnavailable: null,
    saved: evaluation(saved),
    draft: null,
    preparing: false,
    engineError: null,
    askAgainWhatFailed: () => {},
    ...rest,
  };
}

describe('the what-if status', () => {
  it('says nothing while the engine or Graph is still working', () => {
    expect(resultsAnnouncement(answers({ preparing: true, saved: null }))).toBe('');
    expect(resultsAnnouncement(answers({ graph: { isFetching: true } }))).toBe('');
  });

  it('says the counts and Graph’s agreement once both have answered', () => {
    const data = [graph('a', true), graph('b', true), graph('c', true), graph('d', false)];
    expect(resultsAnnouncement(answers({ graph: { data } }))).toBe(
      'Allowed: no policy that applies asks for a grant control. Policies: 2 apply, 1 in report-only. Graph and Gatehouse agree on every policy.',
    );
  });

  it('says the draft’s counts, what Gatehouse cannot tell, and when Graph cannot evaluate', () => {
    const draft = evaluation([engine('a', 'applies'), engine('b', 'indeterminate')]);
    expect(resultsAnnouncement(answers({ draft, graphUnavailable: 'Graph needs an application.', graph: { isFetching: true } }))).toBe(
      'Allowed: no policy that applies asks for a grant control. Policies: 2 apply, 1 in report-only. ' +
        'With the draft: Allowed: no policy that applies asks for a grant control. 1 more may apply but cannot be evaluated: b. ' +
        'Policies: 1 applies, 0 in report-only, 1 undecided. Graph cannot evaluate this scenario.',
    );
  });

  it('starts with the decision: blocked, and by which policy (its name isolated), or allowed and what it requires', () => {
    const blocks = { ...engine('CA001 \u202Eevil', 'applies'), grant: { block: true } } as PolicyEvaluation;
    const blocked = resultsAnnouncement(answers({ saved: evaluation([blocks, engine('b', 'notApplied')]) }));
    expect(blocked).toBe('Blocked by CA001 \\u202Eevil. Policies: 1 applies, 0 in report-only.');

    const mfa = {
      ...engine('CA002', 'applies'),
      grant: { block: false, operator: 'OR', builtInControls: ['mfa'], termsOfUse: [], customAuthenticationFactors: [] },
    } as PolicyEvaluation;
    expect(resultsAnnouncement(answers({ saved: evaluation([mfa]) }))).toMatch(
      /^Allowed, requires multifactor authentication \(CA002\)\. /,
    );
  });

  it('says nothing when the engine failed: the error’s alert says it', () => {
    expect(resultsAnnouncement(answers({ engineError: 'The server could not process the request.', saved: null }))).toBe('');
  });
});
