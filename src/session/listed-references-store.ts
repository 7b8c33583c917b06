// What the tenant's policy list referred to at the last visit on this device: ids only (no names,
// nothing a policy export does not hold). The next visit looks their names up while its list is on
// its way, so a returning admin sees names a round trip sooner; what changed since is asked after.
import type { References } from '../domain/references';
import { deviceStore } from './stores/device-store';

export interface ListedReferences {
  /** The references' digest (the names query's key), to write only when they changed. */
  fingerprint: string;
  refs: References;
}

const KINDS = [
  'directoryObjects',
  'roles',
  'applications',
  'locations',
  'authenticationContexts',
  'termsOfUse',
  'authenticationStrengths',
] as const satisfies readonly (keyof References)[];

/** Beyond this many ids the list is not kept (the service's limit of 195 policies holds about 5,000). */
const MOST_IDS = 20_000;

const idsOf = (raw: unknown): Set<string> => {
  if (!Array.isArray(raw) || !raw.every((id) => typeof id === 'string')) throw new Error('not a list of ids');
  return new Set(raw as string[]);
};

export const listedReferencesStore = deviceStore<ListedReferences | null>({
  prefix: 'gatehouse.listed-references',
  // Unreadable or absent: the names are looked up after the list, as on a first visit.
  empty: null,
  parse: (raw) => {
    const value = raw as { fingerprint?: unknown; refs?: Record<string, unknown> };
    if (typeof value.fingerprint !== 'string' || typeof value.refs !== 'object' || value.refs === null) return null;
    const stored = value.refs;
    const refs: References = {
      directoryObjects: idsOf(stored.directoryObjects),
      roles: idsOf(stored.roles),
      applications: idsOf(stored.applications),
      locations: idsOf(stored.locations),
      authenticationContexts: idsOf(stored.authenticationContexts),
      termsOfUse: idsOf(stored.termsOfUse),
      authenticationStrengths: idsOf(stored.authenticationStrengths),
    };
    return { fingerprint: value.fingerprint, refs };
  },
  serialise: (value) =>
    value && { fingerprint: value.fingerprint, refs: Object.fromEntries(KINDS.map((kind) => [kind, [...value.refs[kind]]])) },
});

/** Keeps the list's references for the next visit, when they changed and are not too many. */
export function rememberListedReferences(tenantId: string, value: ListedReferences) {
  if (listedReferencesStore.read(tenantId)?.fingerprint === value.fingerprint) return;
  const count = KINDS.reduce((sum, kind) => sum + value.refs[kind].size, 0);
  if (count > MOST_IDS) return;
  listedReferencesStore.write(tenantId, value);
}
