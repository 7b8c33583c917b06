// What the tenant is and offers beside its objects: the directory role templates and role definitions,
// the organization (its name and default domain), and the terms of use agreements.
import { jsonResponse } from '../http';
import { applySelect, compileFilter, selector } from '../odata';
import { contextUrl, scopes, type Route } from '../route';

export const organizationRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^directoryRoleTemplates$/,
    scopes: scopes.readRoles,
    throttle: 'none',
    handle: (input) =>
      jsonResponse(input.context, 200, {
        '@odata.context': contextUrl(input, 'directoryRoleTemplates'),
        value: input.state.catalog.roleTemplates.map((r) => ({
          '@odata.type': '#microsoft.graph.directoryRoleTemplate',
          deletedDateTime: null,
          ...r,
        })),
      }),
  },
  {
    method: 'GET',
    pattern: /^roleManagement\/directory\/roleDefinitions$/,
    scopes: scopes.readRoles,
    throttle: 'none',
    handle(input) {
      const filter = compileFilter(input.url.searchParams.get('$filter'));
      const value = input.state.catalog.roleTemplates
        .map((r) => ({
          id: r.id,
          templateId: r.id,
          displayName: r.displayName,
          description: r.description,
          isBuiltIn: true,
          isEnabled: true,
        }))
        .filter(filter)
        .map(selector(input.url.searchParams.get('$select')));
      return jsonResponse(input.context, 200, { '@odata.context': contextUrl(input, 'roleManagement/directory/roleDefinitions'), value });
    },
  },
  {
    method: 'GET',
    pattern: /^organization$/,
    scopes: scopes.readOrganization,
    throttle: 'none',
    handle: (input) =>
      jsonResponse(input.context, 200, {
        '@odata.context': contextUrl(input, 'organization'),
        value: [
          {
            id: input.tenant.id,
            displayName: input.tenant.displayName,
            verifiedDomains: [
              {
                name: input.tenant.defaultDomain,
                isDefault: true,
                isInitial: true,
                type: 'Managed',
                capabilities: 'Email, OfficeCommunicationsOnline',
              },
            ],
          },
        ],
      }),
  },
  {
    method: 'GET',
    pattern: /^identityGovernance\/termsOfUse\/agreements$/,
    scopes: scopes.readAgreements,
    throttle: 'none',
    handle: (input) =>
      jsonResponse(input.context, 200, {
        '@odata.context': contextUrl(input, 'identityGovernance/termsOfUse/agreements'),
        value: input.tenant.agreements.map((a) => applySelect({ ...a }, input.url.searchParams.get('$select'))),
      }),
  },
];
