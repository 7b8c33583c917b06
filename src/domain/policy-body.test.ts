import { describe, expect, it } from 'vitest';
import { buildPatch, toWritableBody, withExclusions, type JsonObject } from './policy-body';

const live: JsonObject = {
  '@odata.context': 'https://graph.microsoft.com/beta/$metadata#identity/conditionalAccess/policies/$entity',
  id: 'p1',
  templateId: 't1',
  createdDateTime: '2026-01-01T00:00:00Z',
  modifiedDateTime: null,
  partialEnablementStrategy: null,
  displayName: 'Require MFA',
  state: 'enabled',
  conditions: {
    users: {
      includeUsers: ['All'],
      excludeGroups: ['g1', 'g2'],
      includeGuestsOrExternalUsers: {
        guestOrExternalUserTypes: 'b2bCollaborationGuest',
        externalTenants: { '@odata.type': '#microsoft.graph.conditionalAccessAllExternalTenants', membershipKind: 'all' },
      },
    },
    applications: { includeApplications: ['All'] },
    clientAppTypes: ['all'],
  },
  grantControls: {
    operator: 'OR',
    builtInControls: [],
    'authenticationStrength@odata.context': 'x',
    authenticationStrength: {
      id: '00000000-0000-0000-0000-000000000004',
      displayName: 'Phishing-resistant MFA',
      allowedCombinations: ['fido2'],
    },
  },
  sessionControls: null,
};

describe('toWritableBody', () => {
  it('strips what the service owns and every annotation, keeping polymorphic types', () => {
    const body = toWritableBody(live);
    expect(Object.keys(body)).toEqual(['displayName', 'state', 'conditions', 'grantControls', 'sessionControls']);
    expect(JSON.stringify(body)).not.toContain('@odata.context');
    expect(
      (body.conditions as { users: { includeGuestsOrExternalUsers: { externalTenants: Record<string, unknown> } } }).users
        .includeGuestsOrExternalUsers.externalTenants['@odata.type'],
    ).toBe('#microsoft.graph.conditionalAccessAllExternalTenants');
    expect((body.grantControls as { authenticationStrength: unknown }).authenticationStrength).toEqual({
      id: '00000000-0000-0000-0000-000000000004',
    });
  });
});

describe('buildPatch', () => {
  it('sends only what changed, and collections whole', () => {
    const draft = structuredClone(live);
    ((draft.conditions as JsonObject).users as JsonObject).excludeGroups = ['g1', 'g2', 'g3'];
    draft.state = 'enabledForReportingButNotEnforced';
    expect(buildPatch(live, draft)).toEqual({
      state: 'enabledForReportingButNotEnforced',
      conditions: { users: { excludeGroups: ['g1', 'g2', 'g3'] } },
    });
  });

  it('is empty when nothing changed but read-only fields and annotations', () => {
    const draft = { ...structuredClone(live), modifiedDateTime: '2027-01-01T00:00:00Z', '@odata.context': 'other' };
    expect(buildPatch(live, draft)).toEqual({});
  });

  it('clears a removed member: a collection with [] (Graph refuses null in one), an object with null', () => {
    const draft = structuredClone(live);
    delete ((draft.conditions as JsonObject).users as JsonObject).excludeGroups;
    draft.sessionControls = {
      signInFrequency: {
        isEnabled: true,
        type: 'hours',
        value: 4,
        frequencyInterval: 'timeBased',
        authenticationType: 'primaryAndSecondaryAuthentication',
      },
    };
    expect(buildPatch(live, draft)).toEqual({ conditions: { users: { excludeGroups: [] } }, sessionControls: draft.sessionControls });
    delete draft.sessionControls;
    draft.grantControls = null;
    expect(buildPatch({ ...live, sessionControls: { persistentBrowser: { isEnabled: true, mode: 'never' } } }, draft)).toEqual({
      conditions: { users: { excludeGroups: [] } },
      grantControls: null,
      sessionControls: null,
    });
  });

  it("writes no client apps, or an empty list of them, as ['all']: Graph refuses [] (1064) and reads any client app so", () => {
    for (const change of [(c: JsonObject) => delete c.clientAppTypes, (c: JsonObject) => (c.clientAppTypes = [])]) {
      const draft = structuredClone(live);
      change(draft.conditions as JsonObject);
      expect((toWritableBody(draft).conditions as JsonObject).clientAppTypes).toEqual(['all']);
      // The tenant's ['all'] is what the draft means: nothing to send.
      expect(buildPatch(live, draft)).toEqual({});
    }
  });

  it('leaves out what a sparse draft leaves out and the tenant has empty: the same policy in its full form', () => {
    const full = {
      displayName: 'MFA',
      state: 'disabled',
      conditions: {
        users: { includeUsers: ['None'], excludeUsers: [], includeGuestsOrExternalUsers: null },
        applications: { includeApplications: ['All'], excludeApplications: [], applicationFilter: null },
        platforms: null,
        clientAppTypes: ['all'],
      },
      grantControls: { operator: 'OR', builtInControls: ['mfa'], termsOfUse: [], authenticationStrength: null },
      sessionControls: null,
    };
    const sparse = {
      displayName: 'MFA, renamed',
      state: 'disabled',
      conditions: { users: { includeUsers: ['None'] }, applications: { includeApplications: ['All'] }, clientAppTypes: ['all'] },
      grantControls: { operator: 'OR', builtInControls: ['mfa'] },
    };
    expect(buildPatch(full, sparse)).toEqual({ displayName: 'MFA, renamed' });
  });
});

describe('withExclusions', () => {
  it('adds emergency accounts without dropping any existing exclusion', () => {
    const result = withExclusions(live, { users: ['u-bg1'], groups: ['g2', 'g-emergency'] });
    const users = (result.conditions as JsonObject).users as JsonObject;
    expect(users.excludeGroups).toEqual(['g1', 'g2', 'g-emergency']);
    expect(users.excludeUsers).toEqual(['u-bg1']);
    expect(((live.conditions as JsonObject).users as JsonObject).excludeGroups).toEqual(['g1', 'g2']);
  });
});

describe('comparableText', () => {
  it('sorts keys, and can hide empty values and id order so only real differences remain', async () => {
    const { comparableText } = await import('./policy-body');
    const a: JsonObject = {
      state: 'enabled',
      displayName: 'A',
      conditions: { users: { includeUsers: ['u2', 'u1'], excludeUsers: [] }, locations: null },
    };
    const b: JsonObject = { displayName: 'A', conditions: { users: { includeUsers: ['u1', 'u2'] } }, state: 'enabled' };
    expect(comparableText(a)).not.toBe(comparableText(b));
    expect(comparableText(a, { hideEmpty: true, sortIds: true })).toBe(comparableText(b, { hideEmpty: true, sortIds: true }));
    expect(Object.keys(JSON.parse(comparableText(a)))).toEqual(['conditions', 'displayName', 'state']);
  });
});
