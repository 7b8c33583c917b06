// @vitest-environment jsdom
// A run of another action, unfinished: on another page, where it resumes (a link there); on its own page
// (a contingency switch stopped half way, then Switch back), no link back to the same page.
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApplyRun } from '../../operations/apply-plan';
import { WaitingElsewhere } from './waiting-elsewhere';

afterEach(cleanup);

const run: ApplyRun = {
  tenantId: 't',
  startedAt: '2026-12-05T10:00:00.000Z',
  created: {},
  origin: { key: 'contingency:switch:mfa', path: '/contingency', label: 'Contingency, the switch to the plan for MFA Disruption' },
  items: [1, 2].map((n) => ({
    key: `p${n}`,
    kind: 'policy' as const,
    name: `EM0${n}`,
    action: 'update' as const,
    status: n === 1 ? ('done' as const) : ('pending' as const),
    body: {},
    intended: {},
    targetId: `id${n}`,
    baseModified: null,
  })),
};

const at = (path: string) =>
  render(
    <MemoryRouter initialEntries={[path]}>
      <WaitingElsewhere run={run} targetName="Contoso" />
    </MemoryRouter>,
  );

describe('an unfinished run of another action', () => {
  it('on another page, says it resumes on its own page and links there', () => {
    at('/import');
    expect(screen.getByText(/1 of 2 written to Contoso\. It resumes on its own page/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'open it there' }).getAttribute('href')).toBe('/contingency');
  });

  it('on its own page, says it is this page’s other action, with no link to the page already open', () => {
    at('/contingency');
    expect(screen.getByText(/It is another action of this page: go on with it from its own button here/)).toBeTruthy();
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.queryByText(/It resumes on its own page/)).toBeNull();
  });
});
