// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { lazy } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OptionalPart } from './optional-part';

afterEach(cleanup);

describe('OptionalPart', () => {
  it('says a part whose code cannot be fetched could not be loaded, and leaves the screen around it', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const Unreachable = lazy(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module')));
    render(
      <main>
        <h1>Policies</h1>
        <OptionalPart what="What changed in watched policies">
          <Unreachable />
        </OptionalPart>
      </main>,
    );
    expect(
      (await screen.findByText('What changed in watched policies could not be loaded. Reload the page to try again.')).textContent,
    ).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Policies' })).toBeTruthy();
  });

  it('shows the part once it has loaded', async () => {
    const Loaded = lazy(async () => ({ default: () => <p>Two watched policies changed</p> }));
    render(
      <OptionalPart what="What changed in watched policies">
        <Loaded />
      </OptionalPart>,
    );
    expect(await screen.findByText('Two watched policies changed')).toBeTruthy();
  });
});
