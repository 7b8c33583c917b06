// @vitest-environment jsdom
// Every write is seen before it is made: a create shows the whole object it writes, a policy as a difference
// against nothing (a rollout copy's dropped guests and its ring group are there to read), any other object as JSON.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { JsonObject } from '../../domain/json';
import { pendingId, type PlanRow } from '../../domain/plan/types';
import type { NameDirectory } from '../../domain/references';
import { RowDifference } from './row-difference';

// The diff view itself is tested on its own: here, what it is given.
vi.mock('../policy-diff', () => ({
  useDiffView: () => [{}, () => undefined],
  PolicyDiff: (props: { before: JsonObject; after: JsonObject; beforeLabel: string; afterLabel: string; names?: NameDirectory }) => (
    <div data-testid="diff">
      <p>
        {props.beforeLabel} | {props.afterLabel} | {JSON.stringify(props.before)} | {JSON.stringify(props.after)}
      </p>
      <ul aria-label="Names given">
        {[...(props.names?.names.values() ?? [])].map((name) => (
          <li key={name.id}>{`${name.kind} ${name.id}: ${name.displayName}`}</li>
        ))}
      </ul>
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
    expect(screen.getByTestId('diff').firstChild!.textContent).toBe(
      `Not in Contoso now | Created by the plan | {} | ${JSON.stringify(COPY)}`,
    );
  });

  it('names a group the plan creates where the policy will refer to it, not by its placeholder id', () => {
    const group = create('group', { displayName: 'Pilot ring' });
    const copy = create('policy', { ...COPY, conditions: { users: { includeGroups: [pendingId(group.key)] } } });
    render(<RowDifference row={copy} targetName="Contoso" planned={[group, copy]} />);
    const given = screen.getByRole('list', { name: 'Names given' });
    expect(given.textContent).toBe(`group ${pendingId('group:x')}: Pilot ring (created by the plan)`);
  });

  it('shows a named location to be created as the JSON it sends', () => {
    const location = { displayName: 'Office', isTrusted: true };
    render(<RowDifference row={create('namedLocation', location)} targetName="Contoso" />);
    const json = screen.getByLabelText('Office as the plan creates it');
    expect(JSON.parse(json.textContent!)).toEqual(location);
  });
});
