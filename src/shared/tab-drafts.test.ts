// @vitest-environment jsdom
// Typing kept per tenant for the tab: each tenant reads only its own, a reload (sessionStorage) keeps it,
// and a browser that refuses to store the newer typing does not bring back the older one over it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tabDrafts } from './tab-drafts';

afterEach(() => {
  vi.restoreAllMocks();
  sessionStorage.clear();
});

const texts = () => tabDrafts<string>('test.drafts', (raw) => (typeof raw === 'string' ? raw : null));

describe('typing kept for the tab', () => {
  it('is read back for its tenant only, after a reload too, and forgotten with null', () => {
    texts().keep('tenant-a', 'typed in A');
    // Another instance, as after a reload: what sessionStorage holds.
    const afterReload = texts();
    expect(afterReload.read('tenant-a')).toBe('typed in A');
    expect(afterReload.read('tenant-b')).toBeNull();
    afterReload.keep('tenant-a', null);
    expect(afterReload.read('tenant-a')).toBeNull();
    expect(sessionStorage.length).toBe(0);
  });

  it('is not brought back when what is kept cannot be read', () => {
    sessionStorage.setItem('test.drafts.tenant-a', '{"not":"a string"}');
    sessionStorage.setItem('test.drafts.tenant-b', 'not JSON');
    expect(texts().read('tenant-a')).toBeNull();
    expect(texts().read('tenant-b')).toBeNull();
  });

  it('reads raw text an older version stored, where it gives a reader for it', () => {
    const legacy = tabDrafts<string>(
      'test.drafts',
      (raw) => (typeof raw === 'string' ? raw : null),
      (text) => text,
    );
    sessionStorage.setItem('test.drafts.tenant-a', '10.0.0.0/8');
    // Raw text that happens to read as JSON, but not as a draft.
    sessionStorage.setItem('test.drafts.tenant-b', '10');
    expect(legacy.read('tenant-a')).toBe('10.0.0.0/8');
    expect(legacy.read('tenant-b')).toBe('10');
    legacy.keep('tenant-c', '"quoted"');
    expect(legacy.read('tenant-c')).toBe('"quoted"');
  });

  it('serves the newest typing from memory when the browser refuses to store it, not the older copy stored before', () => {
    const drafts = texts();
    drafts.keep('tenant-a', 'older');
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    drafts.keep('tenant-a', 'newer');
    expect(drafts.read('tenant-a')).toBe('newer');
  });
});
