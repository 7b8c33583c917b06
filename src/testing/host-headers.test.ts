// The headers shipped for Azure Static Web Apps (public/staticwebapp.config.json) and the
// Content-Security-Policy that the build writes into index.html's meta tag must say the same thing:
// the host adds only what a meta tag cannot carry (frame-ancestors). A change to one without the
// other fails here instead of in production.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../vite.config';

const root = resolve(__dirname, '../..');

interface HostConfig {
  globalHeaders: Record<string, string>;
  routes: { route: string; headers?: Record<string, string> }[];
  navigationFallback: { rewrite: string };
}

const host = JSON.parse(readFileSync(resolve(root, 'public/staticwebapp.config.json'), 'utf8')) as HostConfig;

/** Directive name → its sources, so the order of directives does not matter. */
function directives(policy: string): Map<string, string> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name!.toLowerCase(), sources.join(' ')]),
  );
}

function withoutFrameAncestors(policy: string): Map<string, string> {
  const map = directives(policy);
  map.delete('frame-ancestors');
  return map;
}

const meta = directives(contentSecurityPolicy({ allowLocalhost: false }));

describe('the host configuration for Azure Static Web Apps', () => {
  it("sends the meta tag’s Content-Security-Policy, plus frame-ancestors 'none' that a meta tag cannot carry", () => {
    const policy = host.globalHeaders['Content-Security-Policy']!;
    expect(withoutFrameAncestors(policy)).toEqual(meta);
    expect(directives(policy).get('frame-ancestors')).toBe("'none'");
    expect(host.globalHeaders['X-Frame-Options']).toBe('DENY');
  });

  it('lets only the console itself frame the sign-in bridge page (MSAL’s silent iframes land there)', () => {
    const bridge = host.routes.find((r) => r.route === '/redirect.html')?.headers ?? {};
    expect(withoutFrameAncestors(bridge['Content-Security-Policy']!)).toEqual(meta);
    expect(directives(bridge['Content-Security-Policy']!).get('frame-ancestors')).toBe("'self'");
    expect(bridge['X-Frame-Options']).toBe('SAMEORIGIN');
  });

  it('forbids content sniffing and sends the same referrer policy as index.html', () => {
    const html = readFileSync(resolve(root, 'index.html'), 'utf8');
    const referrer = /<meta name="referrer" content="([^"]+)"/.exec(html)?.[1];
    expect(host.globalHeaders['X-Content-Type-Options']).toBe('nosniff');
    expect(host.globalHeaders['Referrer-Policy']).toBe(referrer);
  });

  it('serves index.html for the console’s own paths, so a bookmarked page loads', () => {
    expect(host.navigationFallback.rewrite).toBe('/index.html');
  });
});
