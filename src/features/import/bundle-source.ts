// A backup read live from another signed-in tenant, as an import: the same shape a bundle file gives.
import type { Bundle } from '../../domain/bundle/bundle';
import type { ImportSet } from '../../domain/import/import-set';

export const importSetOfBundle = (bundle: Bundle): ImportSet => ({
  origin: {
    tenantId: bundle.manifest.tenant.id,
    tenantName: bundle.manifest.tenant.name,
    capturedAt: bundle.manifest.capturedAt,
    domain: null,
  },
  sections: {
    policies: bundle.policies,
    namedLocations: bundle.namedLocations,
    authenticationStrengths: bundle.authenticationStrengths,
    authenticationContexts: bundle.authenticationContexts,
    termsOfUse: bundle.termsOfUse,
  },
  references: bundle.references,
  files: [],
});
