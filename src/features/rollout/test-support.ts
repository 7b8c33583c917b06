// For the rollout feature's tests: what a control is heard to be described by.

/** The words its aria-describedby names, as a screen reader reads them after the control's name. */
export const described = (element: HTMLElement) =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ')
    .trim();
