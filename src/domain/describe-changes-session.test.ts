// The sentences a save's review, a plan and the change history say for the session controls and the
// deprecated device lists that once read as raw JSON paths ("sessionControls.continuousAccessEvaluation.mode:
// strictLocation → disabled"). They use the plain-language view's words, so the two views agree.
import { describe, expect, it } from 'vitest';
import type { JsonObject } from './policy-body';
import { describeChanges } from './describe-changes';
import { describePolicy } from './describe-policy';
import type { ConditionalAccessPolicy } from './types';

/** Session controls as Graph returns them: every member present, unset ones null. */
const session = (set: JsonObject): JsonObject => ({
  sessionControls: {
    disableResilienceDefaults: null,
    applicationEnforcedRestrictions: null,
    cloudAppSecurity: null,
    persistentBrowser: null,
    continuousAccessEvaluation: null,
    secureSignInSession: null,
    signInFrequency: null,
    globalSecureAccessFilteringProfile: null,
    ...set,
  },
});
/** What the editor's review and the history say (all names), and what a comparison says (noise hidden). */
const said = (before: JsonObject, after: JsonObject) => describeChanges(before, after).map((c) => c.text);
const saidQuietly = (before: JsonObject, after: JsonObject) =>
  describeChanges(before, after, undefined, { hideEmpty: true, sortIds: true }).map((c) => c.text);
/** The plain-language view's line for a label, to check both views use the same words. */
const summaryLine = (policy: JsonObject, label: string) =>
  describePolicy(policy as ConditionalAccessPolicy, undefined)
    .flatMap((s) => s.lines)
    .find((l) => l.label === label)?.text;

describe('describeChanges: continuous access evaluation', () => {
  const cae = (mode: string) => session({ continuousAccessEvaluation: { mode } });
  it('says its mode in words, never as a property path', () => {
    expect(said(cae('strictLocation'), cae('disabled'))).toEqual([
      'Continuous access evaluation: strictly enforce location policies → disabled',
    ]);
    expect(said(session({}), cae('strictEnforcement'))).toEqual(['Continuous access evaluation: not set → strict enforcement']);
    expect(saidQuietly(cae('disabled'), session({}))).toEqual(['Continuous access evaluation: disabled → not set']);
  });

  it('uses the words of the policy summary', () => {
    const now = said(cae('disabled'), cae('strictLocation'))[0]!;
    expect(now.toLowerCase()).toContain(summaryLine(cae('strictLocation'), 'Continuous access evaluation')!.toLowerCase());
  });

  it('names a mode it has no words for as it is', () => {
    expect(said(cae('disabled'), cae('futureMode'))).toEqual(['Continuous access evaluation: disabled → futureMode']);
  });
});

describe('describeChanges: token protection', () => {
  it('says token protection switched on or off, never as a property path', () => {
    const on = session({ secureSignInSession: { isEnabled: true } });
    expect(said(session({}), on)).toEqual(['Token protection: not set → require token protection for sign-in sessions']);
    expect(said(on, session({ secureSignInSession: { isEnabled: false } }))).toEqual([
      'Token protection: require token protection for sign-in sessions → not set',
    ]);
    expect(summaryLine(on, 'Token protection')).toBe('Require token protection for sign-in sessions');
  });
});

describe('describeChanges: app enforced restrictions', () => {
  it('says app enforced restrictions switched on or off, never as a property path', () => {
    const on = session({ applicationEnforcedRestrictions: { isEnabled: true } });
    expect(said(session({}), on)).toEqual(['App enforced restrictions: not set → on']);
    expect(saidQuietly(on, session({}))).toEqual(['App enforced restrictions: on → not set']);
    expect(summaryLine(on, 'App enforced restrictions')).toBe('On');
  });
});

describe('describeChanges: Global Secure Access security profile', () => {
  const profile = (profileId: string | null, isEnabled = true) => session({ globalSecureAccessFilteringProfile: { isEnabled, profileId } });
  it('says the profile switched on, off or changed, never as a property path', () => {
    expect(said(session({}), profile('p-1'))).toEqual(["Global Secure Access security profile: not set → profile 'p-1'"]);
    expect(said(profile('p-1'), profile('p-2'))).toEqual(["Global Secure Access security profile: profile 'p-1' → profile 'p-2'"]);
    expect(said(profile('p-2'), profile('p-2', false))).toEqual(["Global Secure Access security profile: profile 'p-2' → not set"]);
    expect(said(session({}), profile(null))).toEqual(['Global Secure Access security profile: not set → on']);
  });
});

describe('describeChanges: the deprecated device lists', () => {
  const devices = (includeDevices: string[], excludeDevices: string[] = []) => ({
    conditions: { devices: { includeDevices, excludeDevices } },
  });
  it('says the devices included in words, as the summary does', () => {
    expect(said(devices([]), devices(['All']))).toEqual(["Included device (deprecated) 'Any device' added"]);
    expect(summaryLine(devices(['All']), 'Devices (deprecated)')).toBe('Any device');
  });

  it('says the devices excluded in words', () => {
    expect(said(devices(['All']), devices(['All'], ['Compliant', 'DomainJoined']))).toEqual([
      "Excluded devices (deprecated) 'Device marked as compliant', 'Microsoft Entra hybrid joined device' added",
    ]);
    expect(said(devices(['All'], ['compliant']), devices(['All']))).toEqual([
      "Excluded device (deprecated) 'Device marked as compliant' removed",
    ]);
  });
});

describe('describeChanges: the deprecated device states', () => {
  it('says device states in words, in either of the forms Graph returns', () => {
    expect(
      said({ conditions: { devices: { includeDeviceStates: [] } } }, { conditions: { devices: { includeDeviceStates: ['All'] } } }),
    ).toEqual(["Included device state (deprecated) 'Any device' added"]);
    expect(said({ conditions: { deviceStates: { excludeStates: ['Compliant'] } } }, { conditions: { deviceStates: null } })).toEqual([
      "Excluded device state (deprecated) 'Device marked as compliant' removed",
    ]);
  });
});
