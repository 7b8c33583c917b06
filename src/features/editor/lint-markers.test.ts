import { describe, expect, it } from 'vitest';
import type { LintFinding } from '../../domain/lint/types';
import { lintMarkers } from './lint-markers';

const text = JSON.stringify({ displayName: 'CA027', conditions: { users: { excludeUsers: ['gone'] }, applications: {} } }, null, 2);
const finding = (ruleId: string, path: string[], extra: Partial<LintFinding> = {}): LintFinding => ({
  ruleId,
  severity: 'warning',
  category: 'references',
  message: `'CA027' (Off): ${ruleId}.`,
  path,
  external: [],
  ...extra,
});

describe('lint markers in the editor', () => {
  it('places each finding on its path, with its rule id, quick fix and the other tools’ ids', () => {
    const [marker] = lintMarkers(
      [
        finding('directory-object-gone', ['conditions', 'users', 'excludeUsers'], {
          external: [{ source: 'maester', id: 'MT.1066' }],
          fix: { description: 'Remove the id that no longer exists.', patch: {} },
        }),
      ],
      [],
      text,
    );
    expect(text.slice(marker!.start, marker!.end)).toMatch(/^"excludeUsers": \[\s*"gone"\s*\]$/);
    expect(marker).toMatchObject({
      severity: 'warning',
      code: 'directory-object-gone',
      message: "'CA027' (Off): directory-object-gone. Quick fix: Remove the id that no longer exists. (Maester MT.1066)",
    });
  });

  it('leaves out what the editor says itself, and what was suppressed', () => {
    const markers = lintMarkers(
      [
        // The editor's own rule, run by the lint on saved policies.
        finding('grant-or-session-control', ['grantControls']),
        // The same question as the editor's target-a-resource, which has spoken.
        finding('untargeted-policy', ['conditions', 'applications']),
        finding('stale-report-only-or-off', ['state'], { suppressed: { reason: 'Kept Off on purpose', at: '2026-11-30T00:00:00Z' } }),
        finding('naming-pattern', ['displayName'], { severity: 'info' }),
      ],
      [{ path: ['conditions', 'applications'], severity: 'error', message: 'Choose a resource.', rule: 'target-a-resource' }],
      text,
    );
    expect(markers.map((m) => [m.code, m.severity])).toEqual([['naming-pattern', 'info']]);
    // Without the editor's finding, the lint's says it.
    expect(lintMarkers([finding('untargeted-policy', ['conditions', 'applications'])], [], text).map((m) => m.code)).toEqual([
      'untargeted-policy',
    ]);
  });
});
