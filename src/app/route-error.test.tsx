// @vitest-environment jsdom
// A screen that throws shows an error with a way back inside the layout around it, not a blank page.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryRouter, Outlet, RouterProvider } from 'react-router';
import { RouteError } from './route-error';

afterEach(cleanup);

function Broken(): never {
  throw new Error('Cannot read properties of undefined (reading "conditions")');
}

const routerWith = (initial: string) =>
  createMemoryRouter(
    [
      {
        element: (
          <div>
            <nav>Shell navigation</nav>
            <Outlet />
          </div>
        ),
        children: [
          {
            errorElement: <RouteError />,
            children: [
              { path: '/policies', element: <h1>Policies</h1> },
              { path: '/broken', element: <Broken /> },
            ],
          },
        ],
      },
    ],
    { initialEntries: [initial] },
  );

describe('RouteError', () => {
  it('keeps the shell, says what failed, and leads back to the policies', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {}); // React reports the caught error
    const router = routerWith('/broken');
    render(<RouterProvider router={router} />);
    expect(screen.getByText('Shell navigation')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toMatch(/This screen failed.*reading "conditions"/);
    fireEvent.click(screen.getByRole('button', { name: 'Back to the policies' }));
    expect(await screen.findByRole('heading', { name: 'Policies' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/policies');
  });

  it('asks for a reload when a part of the console failed to download', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const router = createMemoryRouter([
      {
        path: '/',
        errorElement: <RouteError />,
        hydrateFallbackElement: <p>Loading…</p>,
        lazy: async () => Promise.reject(new TypeError('Failed to fetch dynamically imported module: /assets/policy-page.js')),
      },
    ]);
    render(<RouterProvider router={router} />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/could not be loaded.*Reload the page/);
  });
});
