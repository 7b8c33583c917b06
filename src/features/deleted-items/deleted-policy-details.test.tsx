// @vitest-environment jsdom
// A deleted policy opened: when what it refers to could not be checked (the names' lookup failed), its
// details say so with Graph's reason and Try again, as the restore dialogs do, instead of showing no
// missing dependency (which reads as nothing missing). Checked again, the warning goes, the focus (if it
// was on Try again) goes to the tab shown and what was found is said.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DeletedPolicy } from '../../graph/deleted-items';
import { DeletedPolicyDetails } from './deleted-policy-details';

vi.mock('../../session/tenant-session', () => ({ useTenantSession: () => ({}) }));
vi.mock('../../shared/theme', () => ({ useTheme: () => ({ dark: false }) }));
vi.mock('../../shared/monaco', () => ({ LazyJsonViewer: () => null }));
vi.mock('../../policy-ui/queries', () => ({ useNames: () => ({ data: undefined }) }));
vi.mock('../../policy-ui/policy-summary-view', () => ({ PolicySummaryView: () => null }));
vi.mock('../../policy-ui/policy-diff', () => ({ PolicyDiff: () => null, useDiffView: () => ['split', () => {}] }));

afterEach(cleanup);

const policy: DeletedPolicy = {
  id: 'CA092',
  displayName: 'CA092: Require MFA for HR',
  state: 'disabled',
  deletedDateTime: '2026-01-02T10:00:00Z',
};

const details = (props: { checking?: boolean; onRetry?: () => void; reason?: string | null }) => (
  <DeletedPolicyDetails
    policy={policy}
    current={[]}
    names={undefined}
    missing={[]}
    known={undefined}
    checking={props.checking}
    unchecked={
      props.reason === null
        ? null
        : { reason: props.reason ?? 'Some lookups failed: groups (permission needed).', onRetry: props.onRetry ?? (() => {}) }
    }
  />
);
const warning = () => screen.queryByRole('group', { name: 'What it refers to could not be checked' });

describe('DeletedPolicyDetails when what it refers to could not be checked', () => {
  it('says so with the reason and offers Try again', () => {
    const onRetry = vi.fn();
    render(details({ onRetry }));
    expect(warning()?.textContent).toContain('Some lookups failed: groups (permission needed).');
    // The details offer nothing but Try again.
    expect(warning()?.textContent).toContain('may be missing: try again.');
    expect(warning()?.textContent).not.toContain('without the check');
    fireEvent.click(within(warning()!).getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('checked again: the warning goes, the focus goes to the tab shown and what was found is said', () => {
    const { rerender } = render(details({}));
    const tryAgain = within(warning()!).getByRole('button', { name: 'Try again' });
    tryAgain.focus();
    fireEvent.click(tryAgain);
    rerender(details({ checking: true }));
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain('Checking again…');
    expect(document.activeElement).toBe(tryAgain);
    rerender(details({ reason: null }));
    expect(warning()).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Summary' }));
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain('Checked: nothing it refers to is missing.');
  });
});
