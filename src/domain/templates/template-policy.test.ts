// What the gallery makes of a template for the plan: a blank emptied in the form (nothing chosen) is
// as one never filled, kept in the policy and listed for the plan's mapping to ask about; an empty list
// of client apps (Microsoft's samples write one, Graph refuses it) is written as ['all'], and said.
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../json';
import { baselineTemplates } from './baselines';
import { CLIENT_APPS_NOTE } from './client-apps';
import { CURRENT_ADMIN_BLANK, fromMicrosoftTemplate } from './gallery-template';
import { templatesImport } from './template-import';

const usersOf = (policy: unknown) => ((policy as JsonObject).conditions as JsonObject).users as JsonObject;
const guests = baselineTemplates().filter((t) => t.name === 'Template 3 - Require MFA for Guest Access');
const microsoft = fromMicrosoftTemplate({
  id: 'm1',
  name: 'Require MFA for all users',
  description: '',
  scenarios: 'secureFoundation',
  details: {
    conditions: {
      clientAppTypes: [],
      applications: { includeApplications: ['All'] },
      users: { includeUsers: ['All'], excludeUsers: ['Current administrator will be excluded'] },
    },
    grantControls: { operator: 'OR', builtInControls: ['mfa'] },
  },
});

describe('a blank emptied in the form', () => {
  it('stays in the policy and the plan asks what it stands for', () => {
    const set = templatesImport(guests, new Map([['<EXCLUDED GROUP>', []]]));
    expect(set.references.map((r) => r.id)).toEqual(['<EXCLUDED GROUP>']);
    expect(usersOf(set.sections.policies[0]).excludeGroups).toEqual(['<EXCLUDED GROUP>']);
  });

  it('of the current administrator (the “Me” taken away) stays too', () => {
    const set = templatesImport([microsoft], new Map([[CURRENT_ADMIN_BLANK, []]]));
    expect(set.references.map((r) => r.id)).toEqual([CURRENT_ADMIN_BLANK]);
    expect(usersOf(set.sections.policies[0]).excludeUsers).toEqual([CURRENT_ADMIN_BLANK]);
  });
});

describe('a template whose client apps are an empty list (Microsoft’s samples)', () => {
  const clientApps = (policy: unknown) => ((policy as JsonObject).conditions as JsonObject).clientAppTypes;

  it("makes a policy for any client app as Graph takes it: ['all'], never the [] Graph refuses", () => {
    const set = templatesImport([microsoft, ...guests], new Map());
    expect(set.sections.policies.map(clientApps)).toEqual([['all'], ['all']]);
  });

  it('says so where the gallery shows the template', () => {
    expect(microsoft.notes).toEqual([CLIENT_APPS_NOTE]);
    expect(guests[0]!.notes).toEqual([CLIENT_APPS_NOTE]);
  });

  it("saved on this device before the gallery changed it still makes a policy with ['all']", () => {
    const saved = {
      ...guests[0]!,
      policy: { ...guests[0]!.policy, conditions: { ...(guests[0]!.policy.conditions as JsonObject), clientAppTypes: [] } },
    };
    expect(clientApps(templatesImport([saved], new Map()).sections.policies[0])).toEqual(['all']);
  });
});
