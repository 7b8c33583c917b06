// Whether the window is as small as a phone (the layout's SMALL width), followed as it is resized.
import { useSyncExternalStore } from 'react';
import { SMALL } from './media';

const QUERY = SMALL.replace(/^@media\s+/, '');

function subscribe(onChange: () => void) {
  if (typeof matchMedia !== 'function') return () => {};
  const query = matchMedia(QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

const isSmall = () => typeof matchMedia === 'function' && matchMedia(QUERY).matches;

export function useSmallWindow(): boolean {
  return useSyncExternalStore(subscribe, isSmall, () => false);
}
