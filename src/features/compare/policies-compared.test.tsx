// @vitest-environment jsdom
// A policy's name in the table of a set comparison is isolated: a direction control in it (U+202E)
// cannot draw the link's neighbours backwards.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { PolicyMatch } from '../../domain/match-policies';
import { PoliciesCompared } from './policies-compared';

afterEach(cleanup);

describe('PoliciesCompared', () => {
  it('isolates a policy’s name in its link', () => {
    const name = 'Block \u202Eevil';
    const match: PolicyMatch = { key: 'p1', name, status: 'onlyA', a: { displayName: name } };
    render(
      <PoliciesCompared matches={[match]} names={undefined} acrossTenants={false} opened={null} hrefOf={() => '#p1'} onOpen={() => {}} />,
    );
    // As shown: the override as an escape, in the order stored.
    const link = screen.getByRole('link', { name: 'Block \\u202Eevil' });
    expect(link.querySelector('bdi')?.textContent).toBe('Block \\u202Eevil');
  });
});
