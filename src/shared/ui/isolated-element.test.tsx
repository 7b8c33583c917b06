// @vitest-environment jsdom
// What <Isolated> shows of a name from the tenant: isolated, on one line, in the order it is stored, each escape
// a marker apart from the name's own characters.
import { render, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Isolated } from './isolated-text';

describe('<Isolated>', () => {
  it('shows a name with a line break on one line, the break as "\\n", isolated from the words around it', () => {
    const name = 'CA099 \u202Ekcolb\n::warning title=Gatehouse::All policies OK';
    const { container } = render(
      <p>
        Delete “<Isolated>{name}</Isolated>”?
      </p>,
    );
    expect(container.textContent).toBe('Delete “CA099 \\u202Ekcolb\\n::warning title=Gatehouse::All policies OK”?');
    expect(container.querySelector('bdi')).not.toBeNull();
  });

  it('shows a right-to-left override as a marker, so the name reads as stored and not "600AC exe.live"', () => {
    const { container } = render(<Isolated>{'\u202Eevil.exe CA006'}</Isolated>);
    expect(container.textContent).toBe('\\u202Eevil.exe CA006');
    const marker = within(container).getByTitle('right-to-left override');
    expect(marker.textContent).toBe('\\u202E');
  });

  it('tells an escaped line break from a backslash and "n" typed in the name', () => {
    const { container } = render(
      <>
        <Isolated>{'a\nb'}</Isolated>
        <Isolated>{'a\\nb'}</Isolated>
      </>,
    );
    const [escaped, typed] = container.querySelectorAll('bdi');
    expect(escaped!.textContent).toBe(typed!.textContent);
    expect(escaped!.querySelector('span[title="line feed"]')?.textContent).toBe('\\n');
    expect(typed!.querySelector('span')).toBeNull();
  });

  it('shows a Hebrew name as written, isolated, with no marker', () => {
    const { container } = render(<Isolated>{'מדיניות 2\u200F'}</Isolated>);
    expect(container.innerHTML).toBe('<bdi>מדיניות 2\u200F</bdi>');
  });
});
