// @vitest-environment jsdom
// A browser that blocks storage (SecurityError on any access) or is full still shows the console: the
// theme follows the system, and a chosen theme applies for this session.
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import { ThemeProvider, useTheme } from './theme';

function Choice() {
  const { preference, setPreference } = useTheme();
  return (
    <button type="button" onClick={() => setPreference('dark')}>
      Theme: {preference}
    </button>
  );
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

it('renders when the browser blocks storage, and a chosen theme applies', () => {
  const blocked = () => {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  };
  vi.spyOn(Storage.prototype, 'getItem').mockImplementation(blocked);
  vi.spyOn(Storage.prototype, 'setItem').mockImplementation(blocked);
  render(
    <ThemeProvider>
      <Choice />
    </ThemeProvider>,
  );
  expect(screen.getByRole('button', { name: 'Theme: system' })).toBeTruthy();
  act(() => screen.getByRole('button').click());
  expect(screen.getByRole('button', { name: 'Theme: dark' })).toBeTruthy();
});
