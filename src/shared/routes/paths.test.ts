// Links and routes cannot drift apart: every link the console makes matches the route meant to
// serve it, and ids are encoded.
import { matchPath } from 'react-router';
import { describe, expect, it } from 'vitest';
import { paths, routePatterns } from './paths';

const pathname = (link: string) => link.split('?')[0]!;

describe('paths', () => {
  it('match their own route patterns', () => {
    const id = '94f22196-aad7-4e18-ace4-2089187ed1a0';
    const links: [keyof typeof routePatterns, string][] = [
      ['policies', paths.policies],
      ['newPolicy', paths.newPolicy()],
      ['newPolicy', paths.newPolicy({ duplicate: id })],
      ['policy', paths.policy(id)],
      ['editPolicy', paths.editPolicy(id)],
      ['deleted', paths.deleted],
      ['compare', paths.compare()],
      ['compare', paths.compare(id)],
      ['compareTenants', paths.compareTenants],
      ['history', paths.history],
      ['backup', paths.backup],
      ['settings', paths.settings],
    ];
    for (const [route, link] of links) expect(matchPath(routePatterns[route], pathname(link)), `${link} → ${route}`).not.toBeNull();
    expect(matchPath(routePatterns.policy, paths.policy(id))?.params.id).toBe(id);
    expect(paths.newPolicy({ duplicate: id })).toBe(`/policies/new?duplicate=${id}`);
  });

  it('encode what they carry', () => {
    expect(paths.policy('a/b?c')).toBe('/policies/a%2Fb%3Fc');
    expect(new URL(paths.compare('x&b=y'), 'https://h').searchParams.get('a')).toBe('x&b=y');
  });
});
