// Set-up for every unit test file (vite.config.ts `setupFiles`); it acts only in the files that ask
// for jsdom. Fluent's MessageBar measures itself with a ResizeObserver, which jsdom lacks: a stub that
// never reports is enough, as jsdom lays nothing out.
if (typeof window !== 'undefined' && typeof globalThis.ResizeObserver === 'undefined') {
  globalThis.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}

export {};
