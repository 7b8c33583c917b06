import { describe, expect, it } from 'vitest';
import type { ConditionalAccessPolicy } from './types';
import { describePolicy } from './describe-policy';

const session = (sessionControls: Record<string, unknown>) =>
  describePolicy({ displayName: 'CA020', state: 'enabled', sessionControls } as unknown as ConditionalAccessPolicy, undefined)
    .find((s) => s.title === 'Session')!
    .lines.map((l) => `${l.label}: ${l.text ?? l.values.map((v) => v.label).join(', ')}`);

describe('describePolicy: session controls', () => {
  it('says Conditional Access App Control in the admin center words, not Graph enum values', () => {
    const appControl = (cloudAppSecurityType: string | null) => session({ cloudAppSecurity: { isEnabled: true, cloudAppSecurityType } });
    expect(appControl('monitorOnly')).toEqual(['Conditional Access App Control: Monitor only']);
    expect(appControl('blockDownloads')).toEqual(['Conditional Access App Control: Block downloads']);
    expect(appControl('mcasConfigured')).toEqual(['Conditional Access App Control: Use custom policy…']);
    // A value Graph adds later is shown as it is rather than hidden.
    expect(appControl('unknownFutureValue')).toEqual(['Conditional Access App Control: unknownFutureValue']);
    expect(appControl(null)).toEqual(['Conditional Access App Control: On']);
    expect(session({ cloudAppSecurity: { isEnabled: false, cloudAppSecurityType: 'monitorOnly' } })).toEqual([
      'Session: No session controls',
    ]);
  });
});
