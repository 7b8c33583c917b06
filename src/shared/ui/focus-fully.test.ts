// @vitest-environment jsdom
// Focus given back to a button a pixel above the window (its ring cut off) brings it wholly into view;
// one already in view is not scrolled.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { focusFully } from './focus-fully';

afterEach(() => document.body.replaceChildren());

function buttonAt(top: number) {
  const button = document.createElement('button');
  document.body.append(button);
  button.getBoundingClientRect = () => ({
    top,
    bottom: top + 32,
    left: 40,
    right: 200,
    width: 160,
    height: 32,
    x: 40,
    y: top,
    toJSON: () => ({}),
  });
  const scrolled: unknown[] = [];
  button.scrollIntoView = vi.fn((options?: boolean | ScrollIntoViewOptions) => void scrolled.push([options, button.style.scrollMargin]));
  return { button, scrolled };
}

describe('focusFully', () => {
  it('scrolls a button partly above the window into view, with room for its focus ring', () => {
    const { button, scrolled } = buttonAt(-1);
    focusFully(button);
    expect(document.activeElement).toBe(button);
    expect(scrolled).toEqual([[{ block: 'nearest', inline: 'nearest' }, '8px']]);
    expect(button.style.scrollMargin).toBe('');
  });

  it('leaves a button already in view where it is', () => {
    const { button, scrolled } = buttonAt(200);
    focusFully(button);
    expect(document.activeElement).toBe(button);
    expect(scrolled).toEqual([]);
  });
});
