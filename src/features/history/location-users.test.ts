import { describe, expect, it } from 'vitest';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { policiesUsingLocation } from './location-users';

const policy = (displayName: string, state: string, locations: object, block = false) =>
  ({
    displayName,
    state,
    conditions: { locations },
    grantControls: { operator: 'OR', builtInControls: block ? ['block'] : ['mfa'] },
  }) as ConditionalAccessPolicy;

const policies = [
  policy('Block outside the office', 'enabled', { includeLocations: ['All'], excludeLocations: ['office'] }, true),
  policy('MFA outside trusted places', 'enabledForReportingButNotEnforced', {
    includeLocations: ['All'],
    excludeLocations: ['AllTrusted'],
  }),
  policy('Unrelated', 'enabled', { includeLocations: ['elsewhere'] }),
];

describe('the policies a named location change reaches', () => {
  it('names the policies that use the location, how, and whether they block while on', () => {
    expect(policiesUsingLocation(policies, 'office', false)).toEqual([
      { name: 'Block outside the office', how: 'excludes it; On, blocks access', blocksWhenOn: true },
    ]);
  });

  it('adds those that use trusted locations when the location is trusted before or after the change', () => {
    expect(policiesUsingLocation(policies, 'office', true).map((u) => `${u.name}: ${u.how}`)).toEqual([
      'Block outside the office: excludes it; On, blocks access',
      'MFA outside trusted places: excludes trusted locations; Report-only',
    ]);
  });
});
