// @vitest-environment jsdom
// Every write is seen before it is made: a create shows the whole object it writes, a policy as a difference
// against nothing (a rollout copy's dropped guests and its ring group are there to read), any other object as JSON.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { JsonObject } from '../../domain/json';
import type { PlanRow } from '../../domain/plan/types';
import { RowDifference } from './row-difference';

// The diff view itself is tested on its own: here, what it is given.
vi.mock('../policy-diff', () => ({
  useDiffView: () => [{}, () => undefined],
  PolicyDiff: (props: { before: JsonObject; after: JsonObject; beforeLabel: string; afterLabel: string }) => (
    <div data-testid="diff">
      {props.beforeLabel} | {props.afterLabel} | {JSON.stringify(props.before)} | {JSON.stringify(props.after)}
    </div>
  ),
}));
vi.mock('../queries', () => ({ useNames: () => ({ data: undefined }) }));
vi.mock('../../session/tenant-session', () => ({ useTenantSession: () => null }));

afterEach(cleanup);

const COPY = {
  displayName: 'CA001 MFA (ring 1)',
  state: 'enabledForReportingButNotEnforced',
  conditions: { users: { includeGroups: ['ring-1-group'] } },
};

const create = (kind: PlanRow['kind'], intended: JsonObject): PlanRow => ({
  key: `${kind}:x`,
  kind,
  displayName: String(intended.displayName),
  action: 'create',
  options: ['create'],
  why: 'Not in the target',
  sourceId: null,
  targetId: null,
  body: intended,
  intended,
  before: null,
  problems: [],
});

describe('RowDifference, a create', () => {
  it('shows a policy to be created as a difference against nothing', () => {
    render(<RowDifference row={create('policy', COPY)} targetName="Contoso" />);
    expect(screen.getByTestId('diff').textContent).toBe(`Not in Contoso now | Created by the plan | {} | ${JSON.stringify(COPY)}`);
  });

  it('shows a named location to be created as the JSON it sends', () => {
    const location = { displayName: 'Office', isTrusted: true };
    render(<RowDifference row={create('namedLocation', location)} targetName="Contoso" />);
    const json = screen.getByLabelText('Office as the plan creates it');
    expect(JSON.parse(json.textContent!)).toEqual(location);
  });
});
