import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../domain/policy-body';
import { summarizeWatched, summaryText } from './watched-summary';

const policy = (state: string, platforms: string[], grant: string[]): JsonObject => ({
  displayName: 'CA007',
  conditions: { platforms: { includePlatforms: platforms } },
  grantControls: { operator: 'OR', builtInControls: grant },
  // Last, so that words in path order would not put it first.
  state,
});

describe('summarizeWatched', () => {
  it('names the first change in words and counts the others', () => {
    const summary = summarizeWatched(policy('enabled', ['windows'], ['mfa']), policy('enabled', ['windows', 'macOS'], ['block']));
    expect(summary.turnedOff).toBe(false);
    expect(summaryText(summary)).toMatch(/^Included platforms? .*macOS.* \(and 1 more\)$/);
  });

  it('leads with the policy turned Off, from On or from Report-only, whatever else changed', () => {
    for (const was of ['enabled', 'enabledForReportingButNotEnforced']) {
      const summary = summarizeWatched(policy(was, ['windows'], ['mfa']), policy('disabled', ['windows', 'macOS'], ['block']));
      expect(summary.turnedOff).toBe(true);
      expect(summaryText(summary)).toMatch(/^State: (On|Report-only) → Off \(and 2 more\)$/);
    }
  });

  it('does not call turning a policy on, or to Report-only, a weakening', () => {
    expect(summarizeWatched(policy('disabled', ['windows'], ['mfa']), policy('enabled', ['windows'], ['mfa'])).turnedOff).toBe(false);
    const summary = summarizeWatched(
      policy('enabled', ['windows'], ['mfa']),
      policy('enabledForReportingButNotEnforced', ['windows'], ['mfa']),
    );
    expect(summary.turnedOff).toBe(false);
    expect(summaryText(summary)).toBe('State: On → Report-only');
  });

  it('says a deleted policy was deleted, with no change in words', () => {
    expect(summarizeWatched(policy('enabled', [], []), null)).toEqual({ lead: null, more: 0, turnedOff: false, deleted: true });
  });
});
