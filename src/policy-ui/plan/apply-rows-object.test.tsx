// @vitest-environment jsdom
// The run's table keeps each object's name on one line beside a long outcome (a refusal's words squeezed
// "Fault A" onto two lines); a name too long for its column ends in … and shows whole under the mouse.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApplyItem } from '../../operations/apply-plan';
import { ApplyRowsTable } from './apply-rows-table';

afterEach(cleanup);

const LONG = 'CA099 Require a compliant device for every cloud app except the break-glass accounts';
const item = (name: string, status: ApplyItem['status'], message?: string): ApplyItem => ({
  key: `policy:${name}`,
  kind: 'policy',
  name,
  action: 'create',
  status,
  body: {},
  intended: {},
  targetId: null,
  baseModified: null,
  ...(message && { message }),
});

describe('ApplyRowsTable, the Object column', { timeout: 20_000 }, () => {
  it('keeps a name on one line and shows a cut one whole under the mouse', async () => {
    // jsdom lays nothing out: the long name's box is narrower than its text, as Chromium measures it.
    vi.spyOn(HTMLElement.prototype, 'scrollWidth', 'get').mockImplementation(function (this: HTMLElement) {
      return this.textContent === LONG ? 400 : 100;
    });
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(100);
    render(<ApplyRowsTable items={[item('Fault A', 'failed', 'Microsoft Graph refused the write: '.repeat(8)), item(LONG, 'pending')]} />);
    const short = screen.getByText('Fault A').closest('span')!;
    expect(getComputedStyle(short).whiteSpace).toBe('nowrap');
    fireEvent.mouseEnter(short);
    expect(screen.queryByRole('tooltip')).toBeNull();
    fireEvent.mouseEnter(screen.getByText(LONG).closest('span')!);
    expect((await screen.findByRole('tooltip')).textContent).toBe(LONG);
  });
});
