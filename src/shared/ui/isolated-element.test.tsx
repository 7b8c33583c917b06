// @vitest-environment jsdom
// What <Isolated> shows of a name from the tenant: isolated, and on one line.
import { render } from '@testing-library/react';
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
    expect(container.textContent).toBe('Delete “CA099 \u202Ekcolb\\n::warning title=Gatehouse::All policies OK”?');
    expect(container.querySelector('bdi')).not.toBeNull();
  });
});
