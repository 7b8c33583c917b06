// A backup made in memory (another signed-in tenant read live, a pipeline's export) as an import:
// the same shape a bundle file gives.
import type { Bundle } from '../bundle/bundle';
import type { ImportSet } from './import-set';

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
