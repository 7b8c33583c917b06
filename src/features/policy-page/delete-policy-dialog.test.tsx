// @vitest-environment jsdom
// A name holding a direction control (U+202E) is isolated in the question that names it: the words
// after it ("”?") keep their order instead of being drawn backwards with the rest of the name.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { DeletePolicyButton } from './delete-policy-dialog';

vi.mock('react-router', () => ({ useNavigate: () => () => {} }));
vi.mock('../../session/write-access', () => ({
  useWriteAccess: () => ({ allowed: true }),
  WriteAccessTooltip: ({ children }: { children: ReactElement }) => children,
}));
vi.mock('../../policy-ui/writes', () => ({ useDeletePolicies: () => ({ mutateAsync: async () => {} }) }));

afterEach(cleanup);

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
