// @vitest-environment jsdom
// A percentage over a small decided share must not read as trust: each row says over how many
// sign-ins the engine decided, a mostly undecided policy is marked too few to judge, and the summary
// does not call its answers trustworthy.
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AgreementReport, PolicyAgreement } from '../../domain/evaluation/bulk/agreement';
import { AgreementReportView } from './agreement-report-view';

afterEach(cleanup);

const row = (displayName: string, compared: number, agreed: number, undecided: number): PolicyAgreement => {
  const decidedShare = compared / (compared + undecided);
  return {
    policyId: displayName,
    displayName,
    compared,
    agreed,
    undecided,
    notComparable: 0,
    agreement: agreed / compared,
    decidedShare,
    tooFewDecided: decidedShare < 0.5,
    conditions: [],
    sentence: '',
  };
};

function report(policies: PolicyAgreement[]): AgreementReport {
  return {
    signIns: 5000,
    compared: 62_814,
    agreed: 62_700,
    undecided: 2_337,
    agreement: 0.998,
    policies,
    conditions: [],
    sentence: 'Over 5,000 sign-ins and 3 policies, the engine agrees on 99.8 % of 62,814 decisions.',
    threshold: 0.97,
    trusted: true,
    tooFewDecided: policies.filter((p) => p.tooFewDecided).map(({ policyId, displayName }) => ({ policyId, displayName })),
  };
}

const agreementCell = (name: string) => within(screen.getByRole('row', { name })).getAllByRole('cell')[1]!.textContent;

describe('AgreementReportView', () => {
  it('says over how many sign-ins each percentage stands, and marks a policy mostly undecided as too few to judge', () => {
    render(<AgreementReportView cappedAt={null} report={report([row('CA001', 4000, 3990, 10), row('CA012', 103, 103, 2337)])} />);
    expect(agreementCell('CA001')).toBe('99.7 % of 4,000 (10 not decided) ');
    expect(agreementCell('CA012')).toBe('100.0 % of 103 (2,337 not decided) Too few decided to judge');
    expect(screen.getByText(/^Over 5,000 sign-ins/).textContent).toMatch(
      /Its answers for drafts of the other policies can be trusted as far as that goes\.$/,
    );
  });

  it('says answers can be trusted only when every policy was mostly decided', () => {
    render(<AgreementReportView cappedAt={null} report={report([row('CA001', 4000, 3990, 0)])} />);
    expect(agreementCell('CA001')).toBe('99.7 % of 4,000 ');
    expect(screen.getByText(/^Over 5,000 sign-ins/).textContent).toMatch(/ Its answers for drafts can be trusted as far as that goes\.$/);
  });
});
