// What the deleted items' unit tests check the same way in several places. Test code only.
import { fireEvent, within } from '@testing-library/react';
import { expect, type Mock } from 'vitest';

/**
 * The accessible name of what holds the keyboard's focus, as a screen reader would say it for the
 * controls these tests focus (buttons named by their text or by aria-label / aria-labelledby);
 * "<body>" when the focus has dropped to the document's body.
 */
export function focusedName(): string {
  const focused = document.activeElement;
  if (!focused || focused === document.body) return '<body>';
  const labelledBy = focused.getAttribute('aria-labelledby');
  if (labelledBy)
    return labelledBy
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
      .join(' ');
  return (focused.getAttribute('aria-label') ?? focused.textContent ?? '').trim();
}

/**
 * A restore dialog (one policy or several) whose check of what it refers to could not be done: the
 * warning, a group named "What it refers to…" / "What they refer to… could not be checked", gives the
 * reason; its Try again asks again (`onRetry` once); there is no plain Restore, only "Restore without
 * the check", which is pressed (the caller then checks what it started).
 */
export function expectCouldNotBeChecked(
  dialog: HTMLElement,
  { plural, reason, onRetry }: { plural: boolean; reason: string; onRetry: Mock },
) {
  const inDialog = within(dialog);
  const warning = inDialog.getByRole('group', { name: `What ${plural ? 'they refer' : 'it refers'} to could not be checked` });
  expect(warning.textContent).toContain(reason);
  fireEvent.click(within(warning).getByRole('button', { name: 'Try again' }));
  expect(onRetry).toHaveBeenCalledTimes(1);
  expect(inDialog.queryByRole('button', { name: 'Restore' })).toBeNull();
  fireEvent.click(inDialog.getByRole('button', { name: 'Restore without the check' }));
}
