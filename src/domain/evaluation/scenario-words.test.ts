import { describe, expect, it } from 'vitest';
import { evaluatePolicy } from './evaluate-policy';
import { missingInWords, missingInputInWords, SCENARIO_FIELD_WORDS } from './scenario-words';
import { adaToExchange, context, ids, policy } from './test-fixtures';

describe('missing inputs in the form’s words', () => {
  it('names what a scenario without address or country lacks as the form’s fields do', () => {
    // Outside the allowed countries or the corporate network: the country and the address are both needed.
    const outsideAllowed = policy({
      conditions: { locations: { includeLocations: ['All'], excludeLocations: [ids.allowedCountries, ids.corporate] } },
    });
    const result = evaluatePolicy(outsideAllowed, { ...adaToExchange, ipAddress: undefined, country: undefined }, context);
    expect(result.missing).toEqual(['country', 'ipAddress']);
    expect(missingInWords(result.missing ?? [])).toEqual(['Country', 'IP address']);
  });

  it('uses the very labels of the form’s fields', () => {
    expect(missingInputInWords('ipAddress')).toBe(SCENARIO_FIELD_WORDS.ipAddress);
    expect(missingInputInWords('clientAppType')).toBe('Client app');
    expect(missingInputInWords('identity')).toBe('Who signs in');
  });

  it('says where an input no field states comes from, and leaves the policy’s own paths as written', () => {
    expect(missingInWords(['context.mfaTrustedIps', 'identity.groupIds', 'context.appGroups.Office365'])).toEqual([
      'the MFA trusted IPs (in Settings)',
      'the user’s groups',
      'the apps of Office 365',
    ]);
    expect(missingInWords(['conditions.times', 'device.model'])).toEqual(['conditions.times', 'device.model']);
  });

  it('names each input once', () => {
    expect(missingInWords(['ipAddress', 'country', 'ipAddress'])).toEqual(['IP address', 'Country']);
  });
});
