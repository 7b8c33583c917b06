// EntraExporter (Microsoft's PowerShell module) writes a tenant's configuration as a tree, one
// object per file in a folder named after its id: Identity/Conditional/AccessPolicies/<id>/<id>.json,
// …/NamedLocations/, …/AuthenticationContexts/, IdentityGovernance/TermsOfUse/Agreements/, Groups/,
// and Organization/Organization.json for the tenant itself. The objects are Graph's as read; the
// tree says which tool wrote them, the organization where they were taken.
import { isJsonObject, type JsonObject } from '../json';
import type { ImportSet } from './import-set';

const MARK = /(^|\/)Identity\/Conditional\//;

/** The folders of a drop that an EntraExporter export roots. */
export const entraExporterRoots = (paths: readonly string[]): string[] => [
  ...new Set(
    paths.flatMap((p) => {
      const match = MARK.exec(p);
      return match ? [p.slice(0, match.index + match[1]!.length)] : [];
    }),
  ),
];

/** Where the organization object says the export was taken. */
export function organizationOrigin(organization: JsonObject): Partial<ImportSet['origin']> {
  const domains = Array.isArray(organization.verifiedDomains) ? organization.verifiedDomains.filter(isJsonObject) : [];
  const domain = domains.find((d) => d.isDefault === true) ?? domains.find((d) => d.isInitial === true);
  return {
    tenantId: typeof organization.id === 'string' ? organization.id : null,
    tenantName: typeof organization.displayName === 'string' ? organization.displayName : null,
    domain: domain && typeof domain.name === 'string' ? domain.name : null,
  };
}
