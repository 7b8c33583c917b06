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

  it('calls On → Report-only no longer enforced (it protects no one), and leads with it', () => {
    const summary = summarizeWatched(
      policy('enabled', ['windows'], ['mfa']),
      policy('enabledForReportingButNotEnforced', ['windows', 'macOS'], ['mfa']),
    );
    expect(summary).toMatchObject({ turnedOff: false, unenforced: true });
    expect(summaryText(summary)).toBe('State: On → Report-only (and 1 more)');
  });

  it('does not call turning a policy on, or Off to Report-only, a weakening', () => {
    for (const [was, is] of [
      ['disabled', 'enabled'],
      ['disabled', 'enabledForReportingButNotEnforced'],
      ['enabledForReportingButNotEnforced', 'enabled'],
    ] as const) {
      const summary = summarizeWatched(policy(was, ['windows'], ['mfa']), policy(is, ['windows'], ['mfa']));
      expect(summary).toMatchObject({ turnedOff: false, unenforced: false });
    }
  });

  it('says a deleted policy was deleted, with no change in words', () => {
    expect(summarizeWatched(policy('enabled', [], []), null)).toEqual({
      lead: null,
      more: 0,
      turnedOff: false,
      unenforced: false,
      deleted: true,
    });
  });
});
