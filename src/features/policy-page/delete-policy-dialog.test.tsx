// @vitest-environment jsdom
// A name holding a direction control (U+202E) is isolated in the question that names it: the words
// after it ("”?") keep their order instead of being drawn backwards with the rest of the name.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { formatDate } from '../../shared/ui/format';
import { DeletePolicyButton } from './delete-policy-dialog';

vi.mock('react-router', () => ({ useNavigate: () => () => {} }));
vi.mock('../../session/write-access', () => ({
  useWriteAccess: () => ({ allowed: true }),
  WriteAccessTooltip: ({ children }: { children: ReactElement }) => children,
}));
const deleting = vi.hoisted(() => ({ answer: (): Promise<void> => Promise.resolve() }));
vi.mock('../../policy-ui/writes', () => ({ useDeletePolicies: () => ({ mutateAsync: () => deleting.answer() }) }));

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  deleting.answer = () => Promise.resolve();
});

const POLICY = { id: 'p1', displayName: 'CA006: Block legacy', state: 'enabled' } as ConditionalAccessPolicy;

describe('the delete dialog opened again', () => {
  it('counts the 30 days from when it opens, not from when the page was opened', () => {
    vi.useFakeTimers({ now: new Date('2026-12-01T12:00:00Z'), toFake: ['Date'] });
    render(<DeletePolicyButton policy={POLICY} />);
    // The page stays open four days before Delete… is pressed.
    vi.setSystemTime(new Date('2026-12-05T12:00:00Z'));
    fireEvent.click(screen.getByRole('button', { name: 'Delete…' }));
    const said = screen.getByRole('dialog').textContent;
    expect(said).toContain(`restored until ${formatDate('2027-01-04T12:00:00Z')}.`);
  });

  it('no longer shows the failure of the last attempt', async () => {
    deleting.answer = () => Promise.reject(new Error('The network dropped.'));
    render(<DeletePolicyButton policy={POLICY} />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete policy' }));
    expect((await screen.findByRole('alert')).textContent).toContain('The network dropped.');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Delete…' }));
    expect(screen.getByRole('dialog')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('Delete policy pressed', () => {
  it('keeps the keyboard’s focus on the busy button while the policy is deleted', async () => {
    deleting.answer = () => new Promise(() => {});
    render(<DeletePolicyButton policy={POLICY} />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete…' }));
    const remove = screen.getByRole('button', { name: 'Delete policy' });
    remove.focus();
    fireEvent.click(remove);
    const busy = await screen.findByRole('button', { name: 'Deleting…' });
    expect(busy.getAttribute('aria-disabled')).toBe('true');
    expect(document.activeElement).toBe(busy);
    // Cancel stays focusable too, and does not close the dialog while the delete is under way.
    const cancel = screen.getByRole('button', { name: 'Cancel' });
    cancel.focus();
    expect(document.activeElement).toBe(cancel);
    fireEvent.click(cancel);
    expect(screen.getByRole('dialog')).toBeTruthy();
  });
});

describe('DeletePolicyButton', () => {
  it('isolates the policy’s name in the question, so a direction control in it reorders nothing around it', () => {
    const name = 'Block \u202Eevil';
    render(<DeletePolicyButton policy={{ id: 'p1', displayName: name, state: 'enabled' } as ConditionalAccessPolicy} />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete…' }));
    const dialog = screen.getByRole('dialog');
    const title = dialog.querySelector('h2')!;
    expect(title.textContent).toBe(`Delete “${name}”?`);
    const names = [...dialog.querySelectorAll('bdi')];
    expect(names.map((n) => n.textContent)).toEqual([name, name]);
    // The quotes and the question mark are outside the isolating element, in the sentence's own order.
    expect(names[0]!.parentElement).toBe(title);
    expect(names[0]!.nextSibling?.textContent).toBe('”?');
  });
});
