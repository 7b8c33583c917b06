// @vitest-environment jsdom
// Naming a copy: the hint names the policy copied with its name isolated, so a direction control in
// the name reorders nothing around it (the closing quote and the words after it keep their order).
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { NameTheCopy } from './name-the-copy';

afterEach(cleanup);

describe('NameTheCopy', () => {
  it('isolates the name of the policy copied in the hint', () => {
    const name = 'Block \u202Eevil';
    render(<NameTheCopy policy={{ id: 'p1', displayName: name } as ConditionalAccessPolicy} onContinue={() => {}} onCancel={() => {}} />);
    const input = screen.getByRole('textbox', { name: 'Name of the copy' });
    const hint = document.getElementById((input.getAttribute('aria-describedby') ?? '').split(' ')[0]!)!;
    expect(hint.textContent).toContain('A copy of “Block \\u202Eevil”, in report-only.');
    const isolated = hint.querySelector('bdi');
    expect(isolated?.textContent).toBe('Block \\u202Eevil');
    expect(isolated?.nextSibling?.textContent).toBe('”');
  });
});
