// Replays the sign-ins through the engine off the page's main thread, and compares with what the
// service decided for each policy. The log comes as its pages' bytes, a page a task, parsed here.
import { measureAgreement } from '../../domain/evaluation/bulk/agreement';
import type { JsonObject } from '../../domain/json';
import type { NamedLocationData } from '../../domain/evaluation/sign-in';
import type { UserDirectory } from '../../domain/evaluation/impact-of-draft';
import { signInsOfPages } from '../../graph/sign-ins';
import { receiveWithPages } from '../../shared/worker-pages';

export interface AgreementRequest {
  tenantId: string;
  /** How many of the pages' sign-ins to replay (the first, within the cap). */
  signInCount: number;
  users: UserDirectory;
  policies: readonly JsonObject[];
  namedLocations: readonly NamedLocationData[];
  mfaTrustedIps?: readonly string[];
}

self.onmessage = receiveWithPages<AgreementRequest>((request, pages) => {
  try {
    const { tenantId, signInCount, users, policies, namedLocations, mfaTrustedIps } = request;
    const report = measureAgreement(signInsOfPages({ pages, count: signInCount }), policies, {
      tenantId,
      context: { namedLocations, ...(mfaTrustedIps && { mfaTrustedIps }) },
      directory: { user: (id) => users[id] ?? undefined },
    });
    self.postMessage({ ok: true, report });
  } catch (error) {
    self.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
});
