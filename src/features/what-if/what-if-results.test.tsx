// @vitest-environment jsdom
// Graph's column for a policy it could not decide (no IP address, no country) must not read as
// "Does not apply": a block that may hit the sign-in would be skimmed over.
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { requirementsOf, type SignInEvaluation } from '../../domain/evaluation/evaluate-policies';
import type { PolicyEvaluation } from '../../domain/evaluation/evaluate-policy';
import type { GraphWhatIfResult } from '../../graph/what-if';
import type { WhatIfAnswers } from './use-what-if';
import { WhatIfResults } from './what-if-results';

afterEach(cleanup);

const requirements = { decision: 'allow', certain: false, summary: 'Allowed.', indeterminate: [] };

function answersFor(graph: GraphWhatIfResult[], engine: PolicyEvaluation[]): WhatIfAnswers {
  const saved = { results: engine, enforced: requirements, reportOnly: requirements } as unknown as SignInEvaluation;
  return {
    graph: { data: graph, error: null, isFetching: false, refetch: () => undefined } as unknown as WhatIfAnswers['graph'],
    graphUnavailable: null,
    saved,
    draft: null,
    preparing: false,
    engineError: null,
    askAgainWhatFailed: () => {},
  };
}

const policy = (id: string, displayName: string, result: PolicyEvaluation['result'], reason: string): PolicyEvaluation => ({
  policyId: id,
  displayName,
  state: 'enabled',
  reportOnly: false,
  result,
  reason,
  trace: [],
});

const graphCell = (name: string) => within(screen.getByRole('row', { name })).getAllByRole('cell')[1]!;

describe('WhatIfResults, Graph’s column', () => {
  it('shows Graph’s notEnoughInformation as its own badge, not as “Does not apply”', () => {
    render(
      <WhatIfResults
        draftLabel={null}
        run={1}
        onAskAgain={() => {}}
        answers={answersFor(
          [
            { id: 'ca6', displayName: 'CA006', state: 'enabled', policyApplies: false, analysisReasons: 'notEnoughInformation' },
            { id: 'ca1', displayName: 'CA001', state: 'enabled', policyApplies: false, analysisReasons: 'users' },
          ],
          [
            policy('ca6', 'CA006', 'indeterminate', 'the IP address is not known.'),
            policy('ca1', 'CA001', 'notApplied', 'the user is not included.'),
          ],
        )}
      />,
    );
    const ca006 = graphCell('CA006');
    expect(ca006.textContent).toContain('Not enough information');
    expect(ca006.textContent).not.toContain('Does not apply');
    expect(graphCell('CA001').textContent).toBe('Does not apply' + 'Not matched: users');
  });

  it('reads the reasons as flags: several, comma-separated, one of them not enough information', () => {
    render(
      <WhatIfResults
        draftLabel={null}
        run={1}
        onAskAgain={() => {}}
        answers={answersFor(
          [{ id: 'ca6', displayName: 'CA006', state: 'enabled', policyApplies: false, analysisReasons: 'location, notEnoughInformation' }],
          [policy('ca6', 'CA006', 'indeterminate', 'the IP address is not known.')],
        )}
      />,
    );
    expect(graphCell('CA006').textContent).toContain('Not enough information');
  });
});

describe('WhatIfResults, a policy’s name', () => {
  it('is isolated in its row, the row’s name and the summary, so U+202E in it cannot turn the words around', () => {
    const name = 'Block \u202Eevil';
    // As shown and said: the override as an escape, in the order stored.
    const shown = 'Block \\u202Eevil';
    const blocking = { ...policy('ca9', name, 'applies', 'every condition matches.'), grant: { block: true } } as PolicyEvaluation;
    const results = [blocking];
    const saved = { results, enforced: requirementsOf(results), reportOnly: requirementsOf([]) } as SignInEvaluation;
    render(<WhatIfResults draftLabel={null} run={1} onAskAgain={() => {}} answers={{ ...answersFor([], []), saved }} />);

    // Said: the name as stored, nothing turned (the row as it was named ran on into what followed it).
    const row = screen.getByRole('row', { name: shown });
    // Shown: the name in a <bdi>, in its row and in the summary's sentence.
    expect(row.querySelector('bdi')?.textContent).toBe(shown);
    const summary = screen.getByText('Gatehouse, saved policies').closest('.fui-MessageBarBody')!;
    expect(summary.textContent).toBe(`Gatehouse, saved policiesBlocked by ${shown}.`);
    expect(summary.querySelector('bdi')?.textContent).toBe(shown);
  });
});
