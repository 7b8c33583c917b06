// Replays the sign-ins through the engine off the page's main thread, and compares with what the
// service decided for each policy. The log comes as its pages' bytes, parsed here (see graph/sign-ins.ts).
import { measureAgreement } from '../../domain/evaluation/bulk/agreement';
import type { JsonObject } from '../../domain/json';
import type { NamedLocationData } from '../../domain/evaluation/sign-in';
import type { UserDirectory } from '../../domain/evaluation/impact-of-draft';
import { signInsOfPages, type SignInLogPages } from '../../graph/sign-ins';

export interface AgreementRequest {
  tenantId: string;
  signInLog: Pick<SignInLogPages, 'pages' | 'count'>;
  users: UserDirectory;
  policies: readonly JsonObject[];
  namedLocations: readonly NamedLocationData[];
  mfaTrustedIps?: readonly string[];
}

self.onmessage = (event: MessageEvent<AgreementRequest>) => {
  try {
    const { tenantId, signInLog, users, policies, namedLocations, mfaTrustedIps } = event.data;
    const report = measureAgreement(signInsOfPages(signInLog), policies, {
      tenantId,
      context: { namedLocations, ...(mfaTrustedIps && { mfaTrustedIps }) },
      directory: { user: (id) => users[id] ?? undefined },
    });
    self.postMessage({ ok: true, report });
  } catch (error) {
    self.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
};
