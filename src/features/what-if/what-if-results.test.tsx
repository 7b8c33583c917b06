// @vitest-environment jsdom
// Graph's column for a policy it could not decide (no IP address, no country) must not read as
// "Does not apply": a block that may hit the sign-in would be skimmed over.
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { requirementsOf, type SignInEvaluation } from '../../domain/evaluation/evaluate-policies';
import type { GrantRequirement } from '../../domain/evaluation/controls';
import type { PolicyEvaluation } from '../../domain/evaluation/evaluate-policy';
import type { GraphWhatIfResult } from '../../graph/what-if';
import type { WhatIfAnswers } from './use-what-if';
import { WhatIfResults } from './what-if-results';

afterEach(cleanup);

const requirements = { decision: 'allow', certain: false, summary: 'Allowed.', grants: [], session: [], indeterminate: [] };

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
            { id: 'ra', displayName: 'Risky agents', state: 'enabled', policyApplies: false, analysisReasons: 'unknownFutureValue' },
          ],
          [
            policy('ca6', 'CA006', 'indeterminate', 'The IP address is not known.'),
            policy('ca1', 'CA001', 'notApplied', 'the user is not included.'),
            policy('ra', 'Risky agents', 'notApplied', 'The agent risk is low; the policy targets high.'),
          ],
        )}
      />,
    );
    const ca006 = graphCell('CA006');
    expect(ca006.textContent).toContain('Not enough information');
    expect(ca006.textContent).not.toContain('Does not apply');
    expect(graphCell('CA001').textContent).toBe('Does not apply' + 'Not matched: users');
    // Graph's enum has no member for agent risk: its unknownFutureValue is said in words, not as the token.
    expect(graphCell('Risky agents').textContent).toBe('Does not apply' + 'Not matched: a condition Graph’s reasons do not name');
  });

  it('reads the reasons as flags: several, comma-separated, one of them not enough information', () => {
    render(
      <WhatIfResults
        draftLabel={null}
        run={1}
        onAskAgain={() => {}}
        answers={answersFor(
          [{ id: 'ca6', displayName: 'CA006', state: 'enabled', policyApplies: false, analysisReasons: 'location, notEnoughInformation' }],
          [policy('ca6', 'CA006', 'indeterminate', 'The IP address is not known.')],
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

describe('WhatIfResults, what the policies that apply ask', () => {
  const requiring = (control: string): GrantRequirement => ({
    operator: 'OR',
    block: false,
    builtInControls: [control],
    termsOfUse: [],
    customAuthenticationFactors: [],
  });
  const applying = (id: string, name: string, more: Partial<PolicyEvaluation>): PolicyEvaluation => ({
    ...policy(id, name, 'applies', 'every condition matches.'),
    session: [],
    ...more,
  });
  const show = (results: PolicyEvaluation[]) => {
    const saved = { results, enforced: requirementsOf(results), reportOnly: requirementsOf([]) } as SignInEvaluation;
    render(<WhatIfResults draftLabel={null} run={1} onAskAgain={() => {}} answers={{ ...answersFor([], []), saved }} />);
    return screen.getByText('Gatehouse, saved policies').closest('.fui-MessageBarBody')!.textContent;
  };
  const frequency = { control: 'signInFrequency', settings: { isEnabled: true, value: 12, type: 'hours' } };

  it('says the session controls beside the grants, each policy named, and one grant asked twice once', () => {
    const summary = show([
      applying('ca1', 'CA001: Require MFA for all users', { grant: requiring('mfa') }),
      applying('ca14', 'CA014: Require MFA for all guests', { grant: requiring('mfa') }),
      applying('ca10', 'CA010: Sign-in every 12 hours on unmanaged devices', {
        session: [frequency, { control: 'persistentBrowser', settings: { isEnabled: true, mode: 'never' } }],
      }),
    ]);
    expect(summary).toBe(
      'Gatehouse, saved policies' +
        'Allowed, requires multifactor authentication (CA001: Require MFA for all users, CA014: Require MFA for all guests). ' +
        'Session controls: Sign-in frequency every 12 hours and Persistent browser session never persistent ' +
        '(CA010: Sign-in every 12 hours on unmanaged devices).',
    );
    // And on the policy's own row.
    const cells = within(screen.getByRole('row', { name: 'CA010: Sign-in every 12 hours on unmanaged devices' })).getAllByRole('cell');
    expect(cells[2]!.textContent).toContain('Session: Sign-in frequency every 12 hours and Persistent browser session never persistent.');
    const ca001 = within(screen.getByRole('row', { name: 'CA001: Require MFA for all users' })).getAllByRole('cell');
    expect(ca001[2]!.textContent).toContain('Requires multifactor authentication.');
  });

  it('repeats the verb for different grants, and says session controls when no grant is asked', () => {
    expect(
      show([applying('ca1', 'CA001', { grant: requiring('mfa') }), applying('ca2', 'CA002', { grant: requiring('compliantDevice') })]),
    ).toBe(
      'Gatehouse, saved policiesAllowed, requires multifactor authentication (CA001) and requires device to be marked as compliant (CA002).',
    );
    cleanup();
    expect(
      show([
        applying('ca1', 'CA001', { grant: requiring('mfa') }),
        applying('ca2', 'CA002', { grant: requiring('compliantDevice') }),
        applying('ca3', 'CA003', { grant: requiring('passwordChange') }),
      ]),
    ).toBe(
      'Gatehouse, saved policiesAllowed, requires multifactor authentication (CA001), requires device to be marked as compliant (CA002), ' +
        'and requires password change (CA003).',
    );
    cleanup();
    // Resilience defaults disabled (a flag, not a setting), and a control the describer has no words for yet.
    expect(
      show([
        applying('ca20', 'CA020', {
          session: [
            { control: 'disableResilienceDefaults', settings: { disableResilienceDefaults: true } },
            { control: 'futureControl', settings: { isEnabled: true } },
          ],
        }),
      ]),
    ).toBe(
      'Gatehouse, saved policiesAllowed: no policy that applies asks for a grant control. ' +
        'Session controls: Resilience defaults disabled and futureControl (CA020).',
    );
    cleanup();
    expect(show([applying('ca10', 'CA010', { session: [frequency] })])).toBe(
      'Gatehouse, saved policiesAllowed: no policy that applies asks for a grant control. Session controls: Sign-in frequency every 12 hours (CA010).',
    );
  });
});
