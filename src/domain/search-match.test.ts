// The words under a row that search kept say where the match is, the name in them isolated once.
import { describe, expect, it } from 'vitest';
import { describePolicy } from './describe-policy';
import { isolatedText } from './isolate';
import { describeMatch, matchablesOf } from './search-match';
import type { ConditionalAccessPolicy } from './types';

const HEBREW = 'חזק מאוד';

const policy = (grantControls: ConditionalAccessPolicy['grantControls'], sessionControls?: ConditionalAccessPolicy['sessionControls']) =>
  ({
    id: 'p-1',
    displayName: 'CA001',
    state: 'enabled',
    conditions: { users: { includeUsers: ['All'] }, applications: { includeApplications: ['All'] } },
    grantControls,
    sessionControls,
  }) as ConditionalAccessPolicy;

const phrasesOf = (p: ConditionalAccessPolicy) => matchablesOf(describePolicy(p, undefined)).map((m) => m.phrase);

describe('matchablesOf', () => {
  it('names a right-to-left authentication strength isolated once, as the summary shows it, not inside a second isolate', () => {
    const phrases = phrasesOf(policy({ operator: 'OR', authenticationStrength: { id: 's-1', displayName: HEBREW } }));
    expect(phrases).toContain(`authentication strength “\u2068${HEBREW}\u2069”`);
    const row = {
      name: 'CA001',
      id: 'p-1',
      matchables: matchablesOf(
        describePolicy(policy({ operator: 'OR', authenticationStrength: { id: 's-1', displayName: HEBREW } }), undefined),
      ),
    };
    expect(describeMatch(row, 'מאוד')).toBe(`Matches authentication strength “\u2068${HEBREW}\u2069”`);
  });

  it('names a setting the summary isolated (an unknown continuous access evaluation mode) isolated once', () => {
    const phrases = phrasesOf(
      policy(null, { continuousAccessEvaluation: { mode: HEBREW } } as unknown as ConditionalAccessPolicy['sessionControls']),
    );
    expect(phrases).toContain(`session: continuous access evaluation “${isolatedText(HEBREW)}”`);
    expect(isolatedText(HEBREW)).toBe(`\u2068${HEBREW}\u2069`);
  });
});
