// Plan ids key the choices and switch records kept on a device: two plans of distinct names never share one.
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../json';
import { REPORT_ONLY } from '../types';
import { recognisePlans, withEdits, type PlanEdits } from './contingency-plan';

const contingency = (id: string, disruption: string): JsonObject => ({
  id,
  displayName: `EM01 - ENABLE IN EMERGENCY: ${disruption} [1/1] - All apps: Block`,
  state: REPORT_ONLY,
});
const edits = (name: string): PlanEdits => ({ suspend: [{ policyId: `ca-${name}`, name, to: 'disabled' }], exclusions: [] });

/** What each plan turns off once the choices saved for it are read back by its id. */
function suspendedBy(...disruptions: string[]): Record<string, string[]> {
  const plans = recognisePlans(disruptions.map((d, i) => contingency(`em${i}`, d)));
  const saved = Object.fromEntries(plans.map((p) => [p.id, edits(`chosen for ${p.disruption}`)]));
  return Object.fromEntries(withEdits(plans, saved).map((p) => [p.disruption, p.suspend.map((s) => s.name)]));
}

describe('contingency plan ids', () => {
  it('keep names that differ only by an accent apart, so their saved choices do not mix', () => {
    expect(suspendedBy('Café block', 'Cafe block')).toEqual({
      'Café block': ['chosen for Café block'],
      'Cafe block': ['chosen for Cafe block'],
    });
    expect(suspendedBy('Ärzte', 'Arzte')).toEqual({ Ärzte: ['chosen for Ärzte'], Arzte: ['chosen for Arzte'] });
    expect(suspendedBy('Café block', 'Cafè block', 'Caf block')).toEqual({
      'Café block': ['chosen for Café block'],
      'Cafè block': ['chosen for Cafè block'],
      'Caf block': ['chosen for Caf block'],
    });
  });

  it('keep a name in full-width letters apart from a plan that has those letters as its Latin id', () => {
    // 'MFA 障害' alone keeps the Latin id 'mfa'; 'ＭＦＡ' has no Latin letter, and compatibility-normalised is 'mfa' too.
    expect(suspendedBy('MFA 障害', 'ＭＦＡ')).toEqual({ 'MFA 障害': ['chosen for MFA 障害'], ＭＦＡ: ['chosen for ＭＦＡ'] });
    expect(suspendedBy('Fi 障害', 'ﬁ')).toEqual({ 'Fi 障害': ['chosen for Fi 障害'], ﬁ: ['chosen for ﬁ'] });
  });

  it('keep the ids plans already had when nothing collides', () => {
    const idOf = (...disruptions: string[]) => recognisePlans(disruptions.map((d, i) => contingency(`em${i}`, d))).map((p) => p.id);
    expect(idOf('Café block')).toEqual(['caf-block']);
    expect(idOf('MFA 障害')).toEqual(['mfa']);
    expect(idOf('ＭＦＡ')).toEqual(['mfa']);
  });
});
