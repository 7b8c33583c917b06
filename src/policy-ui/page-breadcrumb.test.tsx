// @vitest-environment jsdom
// The breadcrumb shows a policy's whole name, isolated (a right-to-left name cannot reorder the
// trail around it) and titled in full for when the window cuts it.
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { PageBreadcrumb } from './page-breadcrumb';

afterEach(cleanup);

const rtlName = 'حظر المصادقة القديمة for all users of the tenant, including guests and the break-glass accounts';

describe('PageBreadcrumb', () => {
  it('shows a long right-to-left name whole, isolated and titled', () => {
    render(
      <MemoryRouter>
        <PageBreadcrumb trail={[{ label: rtlName, to: '/policies/p1' }, { label: 'Edit' }]} />
      </MemoryRouter>,
    );
    const step = screen.getByRole('button', { name: rtlName });
    expect(step.getAttribute('title')).toBe(rtlName);
    expect(step.querySelector('bdi')?.textContent).toBe(rtlName);
    // The console's own words are not the tenant's: no isolation, no title.
    expect(screen.getByRole('button', { name: 'Policies' }).hasAttribute('title')).toBe(false);
    expect(screen.getByText('Edit').closest('bdi')).toBeNull();
  });

  it('isolates the name of the policy being shown', () => {
    render(
      <MemoryRouter>
        <PageBreadcrumb trail={[{ label: 'שם\u202E' }]} />
      </MemoryRouter>,
    );
    expect(screen.getByText('שם').tagName).toBe('BDI');
    expect(screen.getByText('שם').textContent).toBe('שם\\u202E');
  });
});
