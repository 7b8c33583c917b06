import { describe, expect, it } from 'vitest';
import { evaluatePolicy } from '../evaluate-policy';
import type { SignInFacts } from '../sign-in';
import { adaToExchange, context, policy } from '../test-fixtures';

const run = (conditions: Record<string, unknown>, facts: Partial<SignInFacts> = {}) =>
  evaluatePolicy(policy({ conditions: conditions as never }), { ...adaToExchange, ...facts }, context);

describe('device platforms', () => {
  it('includes and excludes platforms', () => {
    const desktops = { platforms: { includePlatforms: ['windows', 'macOS'], excludePlatforms: [] } };
    expect(run(desktops).reason).toContain('The device platform Windows is included.');
    expect(run(desktops, { devicePlatform: 'iOS' })).toMatchObject({ result: 'notApplied', failedCondition: 'platforms' });
    expect(run({ platforms: { includePlatforms: ['all'], excludePlatforms: ['windows'] } })).toMatchObject({
      result: 'notApplied',
      reason: 'The device platform Windows is excluded.',
    });
  });

  it('catches unknown or unsupported platforms with all minus every named one', () => {
    const unsupported = { platforms: { includePlatforms: ['all'], excludePlatforms: ['android', 'iOS', 'windows', 'macOS', 'linux'] } };
    expect(run(unsupported, { devicePlatform: 'unsupported' }).result).toBe('applies');
    expect(run(unsupported, { devicePlatform: 'linux' }).result).toBe('notApplied');
    expect(run(unsupported, { devicePlatform: 'windowsPhone' }).result).toBe('applies');
  });

  it('is indeterminate without the platform, only when platforms are configured', () => {
    expect(run({ platforms: { includePlatforms: ['android'] } }, { devicePlatform: undefined })).toMatchObject({
      result: 'indeterminate',
      missing: ['devicePlatform'],
    });
    expect(run({ platforms: null }, { devicePlatform: undefined }).result).toBe('applies');
  });
});

describe('client apps', () => {
  it('matches the listed client app types, and all', () => {
    const legacy = { clientAppTypes: ['exchangeActiveSync', 'other'] };
    expect(run(legacy).result).toBe('notApplied');
    expect(run(legacy, { clientAppType: 'other' }).result).toBe('applies');
    expect(run(legacy, { clientAppType: 'easSupported' }).result).toBe('applies');
    expect(run({ clientAppTypes: ['easSupported'] }, { clientAppType: 'exchangeActiveSync' }).result).toBe('notApplied');
    expect(run({ clientAppTypes: ['all'] }, { clientAppType: undefined }).result).toBe('applies');
    expect(run({ clientAppTypes: ['browser'] }, { clientAppType: undefined })).toMatchObject({
      result: 'indeterminate',
      missing: ['clientAppType'],
    });
  });
});

describe('risk levels', () => {
  it('matches sign-in and user risk levels', () => {
    expect(run({ signInRiskLevels: ['high', 'medium'] }, { signInRiskLevel: 'medium' }).result).toBe('applies');
    expect(run({ signInRiskLevels: ['high', 'medium'] }, { signInRiskLevel: 'low' })).toMatchObject({
      result: 'notApplied',
      failedCondition: 'signInRisk',
      reason: 'The sign-in risk is low; the policy targets high, medium.',
    });
    expect(run({ userRiskLevels: ['high'] }, { userRiskLevel: 'high' }).result).toBe('applies');
    expect(run({ userRiskLevels: ['high'] }, { userRiskLevel: undefined })).toMatchObject({
      result: 'indeterminate',
      missing: ['userRiskLevel'],
    });
    expect(run({ signInRiskLevels: [] }, { signInRiskLevel: undefined }).result).toBe('applies');
  });

  it('is indeterminate when the risk is hidden (not covered by ID Protection), not a level that misses the policy', () => {
    expect(run({ signInRiskLevels: ['high'] }, { signInRiskLevel: 'hidden' })).toMatchObject({
      result: 'indeterminate',
      missing: ['signInRiskLevel'],
    });
    expect(run({ userRiskLevels: ['high', 'medium'] }, { userRiskLevel: 'hidden' })).toMatchObject({
      result: 'indeterminate',
      missing: ['userRiskLevel'],
    });
  });

  it("reads insider risk as Graph's flags string", () => {
    expect(run({ insiderRiskLevels: 'elevated' }, { insiderRiskLevel: 'elevated' }).result).toBe('applies');
    expect(run({ insiderRiskLevels: 'moderate,elevated' }, { insiderRiskLevel: 'minor' })).toMatchObject({
      result: 'notApplied',
      failedCondition: 'insiderRisk',
    });
    expect(run({ insiderRiskLevels: 'elevated' }, { insiderRiskLevel: undefined }).result).toBe('indeterminate');
  });
});

describe('authentication flows', () => {
  const flows = { authenticationFlows: { transferMethods: 'deviceCodeFlow,authenticationTransfer' } };
  it('matches the transfer methods', () => {
    expect(run(flows, { authenticationFlow: 'deviceCodeFlow' }).reason).toContain('the device code flow');
    expect(run(flows, { authenticationFlow: 'authenticationTransfer' }).result).toBe('applies');
    expect(run(flows)).toMatchObject({ result: 'notApplied', failedCondition: 'authenticationFlows' });
    expect(run(flows, { authenticationFlow: undefined })).toMatchObject({ result: 'indeterminate', missing: ['authenticationFlow'] });
  });

  it('reads transferMethods none as no flow condition: the policy applies to a device code sign-in, and needs no flow known', () => {
    const none = { authenticationFlows: { transferMethods: 'none' } };
    expect(run(none, { authenticationFlow: 'deviceCodeFlow' }).result).toBe('applies');
    expect(run(none, { authenticationFlow: undefined }).result).toBe('applies');
  });
});
