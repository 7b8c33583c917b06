// For tests: small backups for the command line's file tests: a policy as a tenant exports it and a bundle of
// policies, as `backup` writes them, without a tenant.
import { createBundle, type Bundle } from '../domain/bundle/bundle';
import type { JsonObject } from '../domain/json';
import type { LintSuppression } from '../domain/lint';

/** A policy that blocks Linux for everyone (what lint and diff have something to say of). */
export const blockLinux = (id: string, displayName = 'CA031: Block Linux'): JsonObject => ({
  id,
  displayName,
  state: 'enabled',
  conditions: {
    users: { includeUsers: ['All'] },
    applications: { includeApplications: ['All'] },
    platforms: { includePlatforms: ['linux'] },
  },
  grantControls: { operator: 'OR', builtInControls: ['block'] },
});

/** A backup of these policies (and nothing else) of the tenant, taken at `capturedAt`. */
export const backupOf = (
  policies: JsonObject[],
  tenantId: string,
  options: { capturedAt?: string; lintSuppressions?: LintSuppression[] } = {},
): Promise<Bundle> =>
  createBundle(
    { policies, namedLocations: [], authenticationStrengths: [], authenticationContexts: [], termsOfUse: [] },
    [],
    { tenantId, tenantName: 'Contoso', capturedAt: new Date(options.capturedAt ?? '2026-11-30T12:00:00Z') },
    [],
    [],
    options.lintSuppressions ?? [],
  );
