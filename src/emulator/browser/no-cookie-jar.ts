// Stands in for tough-cookie in the demo's bundle. MSW keeps a cookie jar (tough-cookie, with the
// public-suffix list: ~60 kB gzip, a fifth of the demo's first screen) to attach document cookies to
// the requests it intercepts. Microsoft Graph authenticates with bearer tokens and sets no cookies,
// so the emulator's jar is always empty: this is that empty jar, with the methods MSW calls
// (msw/lib/core/utils/cookieStore). Wired in by the alias in vite.config.ts.

export class Cookie {
  static fromJSON(): Cookie | null {
    return null;
  }
  toJSON(): Record<string, never> {
    return {};
  }
}

export class MemoryCookieStore {
  idx: Record<string, never> = {};
}

export class CookieJar {
  constructor(readonly store?: MemoryCookieStore) {}
  getCookiesSync(): Cookie[] {
    return [];
  }
  async setCookie(): Promise<void> {}
}
