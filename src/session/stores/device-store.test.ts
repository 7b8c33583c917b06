// A per-tenant setting on this device: what is kept comes back, an unreadable value reads as empty,
// and a browser that refuses to keep it still leaves it in use for the session and says so.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deviceStore } from './device-store';

// Node has no localStorage: a small one in memory, optionally refusing every write (as a full or blocked one does).
function memoryStorage({ refuseWrites = false } = {}) {
  const items = new Map<string, string>();
  const storage = {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => {
      if (refuseWrites) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      items.set(key, value);
    },
    removeItem: (key: string) => void items.delete(key),
  };
  vi.stubGlobal('localStorage', storage);
  return items;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

const names = () =>
  deviceStore<string[]>({
    prefix: 'gatehouse.test-names',
    empty: [],
    parse: (raw) => {
      if (!Array.isArray(raw)) throw new Error('not a list');
      return raw.map(String);
    },
  });

describe('deviceStore', () => {
  it('keeps a value per tenant under the prefix, and a fresh page reads it back', () => {
    const items = memoryStorage();
    expect(names().write('tenant-a', ['Alice'])).toBe(true);
    expect(items.get('gatehouse.test-names.tenant-a')).toBe('["Alice"]');
    expect(names().read('tenant-a')).toEqual(['Alice']);
    expect(names().read('tenant-b')).toEqual([]);
  });

  it('reads an unreadable value (not JSON, or refused by parse) as the empty value', () => {
    const items = memoryStorage();
    items.set('gatehouse.test-names.broken', '{not json');
    items.set('gatehouse.test-names.wrong-shape', '{"names": 1}');
    const store = names();
    expect(store.read('broken')).toEqual([]);
    expect(store.read('wrong-shape')).toEqual([]);
  });

  it('when the browser refuses the write, says it was not kept but uses the value for the session', () => {
    const items = memoryStorage({ refuseWrites: true });
    const store = names();
    const listener = vi.fn();
    store.subscribe(listener);
    expect(store.write('tenant-a', ['Alice'])).toBe(false);
    expect(store.read('tenant-a')).toEqual(['Alice']);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(items.size).toBe(0);
  });

  it('updates from the current value and stores what serialise makes of it', () => {
    const items = memoryStorage();
    const store = deviceStore<Record<string, number>>({
      prefix: 'gatehouse.test-counts',
      empty: {},
      parse: (raw) => Object.fromEntries((raw as [string, number][]).map(([name, count]) => [name, count])),
      serialise: (counts) => Object.entries(counts),
    });
    store.update('t', (current) => ({ ...current, a: 1 }));
    expect(store.update('t', (current) => ({ ...current, b: 2 }))).toBe(true);
    expect(items.get('gatehouse.test-counts.t')).toBe('[["a",1],["b",2]]');
  });

  it('removes the key when null is set, so the next page reads "not said"', () => {
    const items = memoryStorage();
    const saidOrNot = () => deviceStore<string[] | null>({ prefix: 'gatehouse.test-ips', empty: null, parse: (raw) => raw as string[] });
    saidOrNot().write('t', []);
    expect(saidOrNot().read('t')).toEqual([]);
    expect(saidOrNot().write('t', null)).toBe(true);
    expect(items.has('gatehouse.test-ips.t')).toBe(false);
    expect(saidOrNot().read('t')).toBeNull();
  });

  it('stops telling a listener once it unsubscribes', () => {
    memoryStorage();
    const store = names();
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    store.write('t', ['Alice']);
    unsubscribe();
    store.write('t', ['Bob']);
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
