// @vitest-environment jsdom
// A name holding a direction control (U+202E) is isolated in the question that names it: the words
// after it ("”?") keep their order instead of being drawn backwards with the rest of the name.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { formatDate } from '../../shared/ui/format';
import { GraphRequestError } from '../../graph/errors';
import { DeletePolicyButton, type PolicyRead } from './delete-policy-dialog';

vi.mock('react-router', () => ({ useNavigate: () => () => {} }));
vi.mock('../../session/write-access', () => ({
  useWriteAccess: () => ({ allowed: true }),
  WriteAccessTooltip: ({ children }: { children: ReactElement }) => children,
}));
const deleting = vi.hoisted(() => ({ answer: (): Promise<void> => Promise.resolve() }));
vi.mock('../../policy-ui/writes', () => ({ useDeletePolicies: () => ({ mutateAsync: () => deleting.answer() }) }));

// React says an invalid nesting (a Spinner's <div> in a <p>) once per run, on the console: whichever test
// draws it first fails. (The spy is set before each test: the config restores mocks after each.)
const nesting: string[] = [];
beforeEach(() => {
  const consoleError = console.error;
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    const text = args.map(String).join(' ');
    if (/cannot be a descendant of|cannot contain a nested|cannot be a child of/.test(text)) nesting.push(text);
    else consoleError(...args);
  });
});

afterEach(() => {
  expect(nesting.splice(0)).toEqual([]);
  cleanup();
  vi.useRealTimers();
  deleting.answer = () => Promise.resolve();
});

const POLICY = { id: 'p1', displayName: 'CA006: Block legacy', state: 'enabled' } as ConditionalAccessPolicy;
/** The tenant read again when the dialog opens: here it holds what the page shows. */
const asShown =
  (policy: ConditionalAccessPolicy = POLICY) =>
  (): Promise<PolicyRead> =>
    Promise.resolve({ data: policy, error: null });
/** Opens the dialog and waits for the policy to be read again. */
const openDialog = async () => {
  fireEvent.click(screen.getByRole('button', { name: 'Delete…' }));
  await screen.findByText(/Microsoft Entra keeps deleted policies/);
};

describe('the delete dialog opened again', () => {
  it('counts the 30 days from when it opens, not from when the page was opened', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-01T12:00:00Z'), toFake: ['Date'] });
    render(<DeletePolicyButton policy={POLICY} refresh={asShown()} />);
    // The page stays open four days before Delete… is pressed.
    vi.setSystemTime(new Date('2026-12-05T12:00:00Z'));
    await openDialog();
    const said = screen.getByRole('dialog').textContent;
    expect(said).toContain(`restored until ${formatDate('2027-01-04T12:00:00Z')}.`);
  });

  it('no longer shows the failure of the last attempt', async () => {
    deleting.answer = () => Promise.reject(new Error('The network dropped.'));
    render(<DeletePolicyButton policy={POLICY} refresh={asShown()} />);
    await openDialog();
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
    render(<DeletePolicyButton policy={POLICY} refresh={asShown()} />);
    await openDialog();
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
  it('isolates the policy’s name in the question, so a direction control in it reorders nothing around it', async () => {
    const name = 'Block \u202Eevil';
    // As shown: the override as an escape, in the order stored.
    const shown = 'Block \\u202Eevil';
    const policy = { id: 'p1', displayName: name, state: 'enabled' } as ConditionalAccessPolicy;
    render(<DeletePolicyButton policy={policy} refresh={asShown(policy)} />);
    await openDialog();
    const dialog = screen.getByRole('dialog');
    const title = dialog.querySelector('h2')!;
    expect(title.textContent).toBe(`Delete “${shown}”?`);
    const names = [...dialog.querySelectorAll('bdi')];
    expect(names.map((n) => n.textContent)).toEqual([shown, shown]);
    // The quotes and the question mark are outside the isolating element, in the sentence's own order.
    expect(names[0]!.parentElement).toBe(title);
    expect(names[0]!.nextSibling?.textContent).toBe('”?');
  });
});

describe('the delete dialog reads the policy again when it opens', () => {
  it('says the state the tenant holds now, not the one the page read earlier', async () => {
    // The page read it Off; another admin has since turned it On.
    const shown = { ...POLICY, state: 'disabled' } as ConditionalAccessPolicy;
    render(<DeletePolicyButton policy={shown} refresh={asShown({ ...POLICY, state: 'enabled' })} />);
    await openDialog();
    const said = screen.getByRole('dialog').textContent;
    expect(said).toContain('is On: deleting it stops enforcing it at once.');
    expect(said).not.toContain('is Off');
  });

  it('keeps Delete policy unavailable until the policy is read', async () => {
    let answer: (read: PolicyRead) => void = () => {};
    render(<DeletePolicyButton policy={POLICY} refresh={() => new Promise((resolve) => (answer = resolve))} />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete…' }));
    expect(screen.getByRole('button', { name: 'Delete policy' }).getAttribute('aria-disabled')).toBe('true');
    answer({ data: POLICY, error: null });
    await screen.findByText(/Microsoft Entra keeps deleted policies/);
    expect(screen.getByRole('button', { name: 'Delete policy' }).getAttribute('aria-disabled')).toBeNull();
  });

  it('says a policy deleted meanwhile no longer exists, and offers nothing to delete', async () => {
    const gone = new GraphRequestError(404, 'NotFound', 'Not found.', { method: 'GET', path: '/identity/conditionalAccess/policies/p1' });
    render(<DeletePolicyButton policy={POLICY} refresh={() => Promise.resolve({ data: POLICY, error: gone })} />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete…' }));
    expect((await screen.findByText(/no longer exists/)).textContent).toContain('There is nothing to delete.');
    expect(screen.getByRole('button', { name: 'Delete policy' }).getAttribute('aria-disabled')).toBe('true');
  });
});

describe('the delete dialog while it reads the policy again', () => {
  it('says so', async () => {
    render(<DeletePolicyButton policy={POLICY} refresh={() => new Promise<PolicyRead>(() => {})} />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete…' }));
    expect(await screen.findByText('Reading the policy as the tenant holds it now…')).toBeTruthy();
  });
});
