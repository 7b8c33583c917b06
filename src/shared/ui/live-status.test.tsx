// @vitest-environment jsdom
// A status says the same words again on a new occasion: they are put in anew (a screen reader reads what
// is added to a live region), where words left as they were were not said a second time.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { LiveStatus, SpokenStatus } from './live-status';

afterEach(cleanup);

it('puts the same words in anew on a new occasion, and leaves them be otherwise', () => {
  const { rerender } = render(<SpokenStatus occasion={1}>All 2 findings are chosen for the fix.</SpokenStatus>);
  const first = screen.getByRole('status').firstChild;
  rerender(<SpokenStatus occasion={1}>All 2 findings are chosen for the fix.</SpokenStatus>);
  expect(screen.getByRole('status').firstChild).toBe(first);
  rerender(<SpokenStatus occasion={2}>All 2 findings are chosen for the fix.</SpokenStatus>);
  const second = screen.getByRole('status').firstChild;
  expect(second).not.toBe(first);
  expect(second?.textContent).toBe('All 2 findings are chosen for the fix.');
});

it('a shown status too puts the same words in anew on a new occasion, and only then', () => {
  const { rerender } = render(<LiveStatus occasion={1}>Mapping applied: 3 domains.</LiveStatus>);
  const first = screen.getByRole('status').firstChild;
  rerender(<LiveStatus occasion={1}>Mapping applied: 3 domains.</LiveStatus>);
  expect(screen.getByRole('status').firstChild).toBe(first);
  rerender(<LiveStatus occasion={2}>Mapping applied: 3 domains.</LiveStatus>);
  const second = screen.getByRole('status').firstChild;
  expect(second).not.toBe(first);
  expect(second?.textContent).toBe('Mapping applied: 3 domains.');
});
