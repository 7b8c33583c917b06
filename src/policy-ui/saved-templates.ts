// Templates saved on this device (a tenant's policies saved as templates, baselines the admin
// added), in localStorage as the emergency-access setting is, but for every tenant of this device:
// a template carries blanks, not a tenant's ids, so one saved in one tenant is deployed in another.
import { useCallback, useSyncExternalStore } from 'react';
import { isJsonObject } from '../domain/json';
import type { GalleryTemplate } from '../domain/templates/gallery-template';

const KEY = 'gatehouse.templates';
const listeners = new Set<() => void>();
let cache: GalleryTemplate[] | null = null;
const NONE: GalleryTemplate[] = [];

const isTemplate = (value: unknown): value is GalleryTemplate =>
  isJsonObject(value) && typeof value.key === 'string' && typeof value.name === 'string' && isJsonObject(value.policy);

function read(): GalleryTemplate[] {
  if (cache) return cache;
  let value = NONE;
  try {
    const raw = localStorage.getItem(KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    // A template this version cannot read is left out rather than breaking the gallery.
    if (Array.isArray(parsed))
      value = parsed.filter(isTemplate).map((t) => ({
        ...t,
        source: 'tenant' as const,
        templateId: null,
        description: typeof t.description === 'string' ? t.description : '',
        scenarios: Array.isArray(t.scenarios) ? t.scenarios.filter((x) => typeof x === 'string') : [],
      }));
  } catch {
    value = NONE;
  }
  cache = value;
  return value;
}

/** The saved templates, and a setter that says whether the browser kept them (storage may be full or blocked). */
export function useSavedTemplates(): [GalleryTemplate[], (next: GalleryTemplate[]) => boolean] {
  const value = useSyncExternalStore((listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, read);
  const set = useCallback((next: GalleryTemplate[]) => {
    let kept = true;
    try {
      localStorage.setItem(KEY, JSON.stringify(next));
    } catch {
      kept = false;
    }
    cache = next;
    listeners.forEach((listener) => listener());
    return kept;
  }, []);
  return [value, set];
}
