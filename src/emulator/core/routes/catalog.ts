// Read-mostly CA resources: Microsoft's policy templates, and (from their own modules) the
// authentication strengths and authentication contexts, which the emulator serves with them.
import { errors, jsonResponse } from '../http';
import type { JsonObject } from '../model';
import { applySelect, compileFilter, listBody, paginate, selector } from '../odata';
import { contextUrl, GUID, scopes, type Route, type RouteInput } from '../route';
import { combinationConfigurationRoutes } from './authentication-combination-configurations';
import { authenticationContextRoutes } from './authentication-contexts';
import { authenticationStrengthUpdateRoutes } from './authentication-strength-updates';
import { authenticationStrengthRoutes } from './authentication-strengths';

const TEMPLATES = 'identity/conditionalAccess/templates';

function selected(input: RouteInput): string {
  const select = input.url.searchParams.get('$select');
  return select ? `(${select})` : '';
}

const SECURITY_DEFAULTS = 'policies/identitySecurityDefaultsEnforcementPolicy';

export const catalogRoutes: Route[] = [
  // Security defaults, as identitysecuritydefaultsenforcementpolicy-get documents it (Policy.Read.All).
  {
    method: 'GET',
    pattern: new RegExp(`^${SECURITY_DEFAULTS}$`),
    scopes: scopes.readPolicies,
    throttle: 'none',
    handle(input) {
      return jsonResponse(input.context, 200, {
        '@odata.context': contextUrl(input, `${SECURITY_DEFAULTS}${selected(input)}/$entity`),
        ...applySelect(
          {
            id: '00000000-0000-0000-0000-000000000005',
            displayName: 'Security Defaults',
            description:
              'Security defaults is a set of basic identity security mechanisms recommended by Microsoft. When enabled, these recommendations will be automatically enforced in your organization.',
            isEnabled: input.tenant.securityDefaults ?? false,
          },
          input.url.searchParams.get('$select'),
        ),
      });
    },
  },
  ...authenticationStrengthRoutes,
  ...authenticationStrengthUpdateRoutes,
  ...combinationConfigurationRoutes,
  ...authenticationContextRoutes,
  {
    method: 'GET',
    pattern: new RegExp(`^${TEMPLATES}$`),
    scopes: scopes.readPolicies,
    throttle: 'none',
    handle(input) {
      const filter = compileFilter(input.url.searchParams.get('$filter'));
      const page = paginate(input.state.catalog.templates.filter(filter), input.url, null);
      page.items = page.items.map(selector(input.url.searchParams.get('$select')));
      return jsonResponse(input.context, 200, listBody(contextUrl(input, `${TEMPLATES}${selected(input)}`), page));
    },
  },
  {
    method: 'GET',
    pattern: new RegExp(`^${TEMPLATES}/${GUID}$`),
    scopes: scopes.readPolicies,
    throttle: 'none',
    handle(input) {
      const found: JsonObject | undefined = input.state.catalog.templates.find((t) => t.id === input.params[0]);
      if (!found) throw errors.notFound('conditionalAccessTemplate', input.params[0]!);
      return jsonResponse(input.context, 200, {
        '@odata.context': contextUrl(input, `${TEMPLATES}${selected(input)}/$entity`),
        ...applySelect(found, input.url.searchParams.get('$select')),
      });
    },
  },
];
