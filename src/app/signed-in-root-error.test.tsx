// @vitest-environment jsdom
// The signed-in frame itself failing (the tenant's session, the shell) shows the error in words with a
// way on, never React Router's bare "Unexpected Application Error!" or a blank page. Rendered with the
// console's own routes, the frame's session made to throw.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, expect, it, vi } from 'vitest';
import { ThemeProvider } from '../shared/theme';
import { signedInRoutes } from './signed-in-app';

vi.mock('../session/tenant-session', () => ({
  TenantSessionProvider: () => {
    throw new Error('The tenant’s session could not start: this browser blocks its storage.');
  },
  useTenantSession: () => {
    throw new Error('no session');
  },
}));

afterEach(cleanup);

it('says the screen failed, in the words of its error, and offers a reload and the way back to the policies', async () => {
  vi.spyOn(console, 'error').mockImplementation(() => {}); // React and React Router report the caught error
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  const reload = vi.fn();
  vi.stubGlobal('location', { ...window.location, reload });
  const router = createMemoryRouter(signedInRoutes({ config: { mode: 'demo' } as never }), { initialEntries: ['/what-if'] });
  render(
    <ThemeProvider>
      <RouterProvider router={router} />
    </ThemeProvider>,
  );
  const alert = await screen.findByRole('alert');
  expect(alert.textContent).toMatch(/^This screen failed.*this browser blocks its storage\./);
  expect(screen.queryByText(/Unexpected Application Error/)).toBeNull();
  fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
  expect(reload).toHaveBeenCalled();
  fireEvent.click(screen.getByRole('button', { name: 'Back to the policies' }));
  expect(router.state.location.pathname).toBe('/policies');
  vi.unstubAllGlobals();
});
