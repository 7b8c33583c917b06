import { describe, expect, it } from 'vitest';
import {
  alertCouldLockOut,
  IMPACT_CLASSES,
  type DraftImpact,
  type ImpactAlert,
  type ImpactClass,
} from '../../domain/evaluation/bulk/impact';
import { impactText, type ImpactRun } from './impact-report';

const alert = (c: ImpactClass): ImpactAlert => ({ identityId: 'bg', who: 'emergencyAccount', class: c, signIns: 2, items: [] });
const run = (alerts: ImpactAlert[]): ImpactRun => ({
  answer: {
    impact: {
      evaluatedAsEnabled: false,
      stopsEnforcing: false,
      signIns: 2,
      shapes: 1,
      classes: Object.fromEntries(
        IMPACT_CLASSES.map((c) => [c, { signIns: 0, shapes: 0, identityIds: [], resourceIds: [], items: [] }]),
      ) as unknown as DraftImpact['classes'],
      alerts,
      summary: 'Of 2 sign-ins (1 distinct shape): …',
    },
    usersUnread: 0,
    names: { bg: 'Break Glass 01' },
    agreement: { sentence: 'Agrees.', trusted: true, percent: 100 },
  },
  draftLabel: 'the draft',
  days: 7,
  read: 2,
  capped: false,
  cap: 5000,
});

describe('impact report alerts', () => {
  it('says each class of hit on an emergency account as a sentence', () => {
    const said = impactText(run(IMPACT_CLASSES.filter((c) => c !== 'unchanged').map(alert))).split('\n');
    expect(said.slice(0, 6)).toEqual([
      'EMERGENCY ACCOUNT Break Glass 01 would be newly blocked in 2 sign-ins.',
      'EMERGENCY ACCOUNT Break Glass 01 would newly be asked for a control they would be prompted for in 2 sign-ins.',
      'EMERGENCY ACCOUNT Break Glass 01 would newly be asked for a control they already satisfied in 2 sign-ins.',
      'EMERGENCY ACCOUNT Break Glass 01 may be kept out or prompted (the draft cannot be evaluated) in 2 sign-ins.',
      'EMERGENCY ACCOUNT Break Glass 01 would get other session controls in 2 sign-ins.',
      'EMERGENCY ACCOUNT Break Glass 01 would no longer be blocked or asked for a control in 2 sign-ins.',
    ]);
  });

  it('counts sign-ins a blocking draft cannot be evaluated for as a possible lock-out, not under a draft that only asks MFA', () => {
    const block = { grantControls: { operator: 'OR', builtInControls: ['block'] } };
    const mfa = { grantControls: { operator: 'OR', builtInControls: ['mfa'] } };
    expect(alertCouldLockOut(alert('indeterminate'), block)).toBe(true);
    expect(alertCouldLockOut(alert('indeterminate'), mfa)).toBe(false);
    expect(alertCouldLockOut(alert('newlyRequiredWouldPrompt'), mfa)).toBe(true);
    expect(alertCouldLockOut(alert('sessionChanged'), block)).toBe(false);
  });
});
