// The tenant's own templates (policies saved as templates), kept on this device per tenant in
// localStorage, as the emergency-access setting is. A template carries blanks, not the tenant's ids.
import { useCallback, useSyncExternalStore } from 'react';
import { isJsonObject } from '../../domain/json';
import type { GalleryTemplate } from '../../domain/templates/gallery-template';

const key = (tenantId: string) => `gatehouse.templates.${tenantId}`;
const listeners = new Set<() => void>();
const cache = new Map<string, GalleryTemplate[]>();
const NONE: GalleryTemplate[] = [];

const isTemplate = (value: unknown): value is GalleryTemplate =>
  isJsonObject(value) && typeof value.key === 'string' && typeof value.name === 'string' && isJsonObject(value.policy);

function read(tenantId: string): GalleryTemplate[] {
  const cached = cache.get(tenantId);
  if (cached) return cached;
  let value = NONE;
  try {
    const raw = localStorage.getItem(key(tenantId));
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    // A template this version cannot read is left out rather than breaking the gallery.
    if (Array.isArray(parsed)) value = parsed.filter(isTemplate).map((t) => ({ ...t, source: 'tenant' as const }));
  } catch {
    value = NONE;
  }
  cache.set(tenantId, value);
  return value;
}

/** The saved templates, and a setter that says whether the browser kept them (storage may be full or blocked). */
export function useSavedTemplates(tenantId: string): [GalleryTemplate[], (next: GalleryTemplate[]) => boolean] {
  const value = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => read(tenantId),
  );
  const set = useCallback(
    (next: GalleryTemplate[]) => {
      let kept = true;
      try {
        localStorage.setItem(key(tenantId), JSON.stringify(next));
      } catch {
        kept = false;
      }
      cache.set(tenantId, next);
      listeners.forEach((listener) => listener());
      return kept;
    },
    [tenantId],
  );
  return [value, set];
}
