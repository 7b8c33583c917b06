// Focus given back to a control must be seen whole: the browser's focus() scrolls only when the element is
// wholly out of view, so a button a pixel above the window kept its focus ring cut off. A little margin
// keeps the ring (drawn just outside the control) in view too.
const MARGIN = 8;

export function focusFully(element: HTMLElement) {
  element.focus();
  const box = element.getBoundingClientRect();
  // Not laid out (hidden, or no layout at all): there is nothing to bring into view.
  if (box.width === 0 && box.height === 0) return;
  const height = window.innerHeight || document.documentElement.clientHeight;
  if (box.top >= MARGIN && box.bottom <= height - MARGIN) return;
  const before = element.style.scrollMargin;
  element.style.scrollMargin = `${MARGIN}px`;
  element.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  element.style.scrollMargin = before;
}
