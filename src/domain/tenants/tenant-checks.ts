// What a run over many tenants works out for each tenant from its backup bundle, without Graph: the
// lint findings (the bundle's own suppressions applied, the tenant's emergency accounts named), the
// emergency-access analysis, and the drift from its baseline (each changed object, any section).
import type { Bundle, ReferenceEntry, SectionName } from '../bundle/bundle';
import { SECTIONS } from '../bundle/bundle';
import { namesFromBundle } from '../documentation/bundle-names';
import { analyzeEmergencyAccess } from '../emergency/exclusion-analysis';
import { applySuppressions, lintTenant } from '../lint';
import type { LintFinding, LintOptions } from '../lint/types';
import type { EmergencyAccess, Memberships } from '../lockout';
import { matchPolicySets } from '../match-policies';
import { describeChanges } from '../describe-changes';
import type { Severity } from '../emergency/exclusion-analysis';
import type { TenantEntry } from './tenants-file';
import type { DriftSummary } from './report';

/**
 * The tenant's emergency accounts and groups as the analysis takes them: named by id or (users) by
 * sign-in name, their names from the bundle's reference table. Undefined when the file names none.
 */
export function emergencyAccessOf(emergency: TenantEntry['emergency'], references: readonly ReferenceEntry[]): EmergencyAccess | undefined {
  if (emergency.users.length === 0 && emergency.groups.length === 0) return undefined;
  const find = (key: string, kind: 'user' | 'group') =>
    references.find(
      (r) => r.kind === kind && (r.id.toLowerCase() === key.toLowerCase() || r.userPrincipalName?.toLowerCase() === key.toLowerCase()),
    );
  const principal = (key: string, kind: 'user' | 'group') => {
    const entry = find(key, kind);
    return { id: entry?.id ?? key, name: entry?.displayName ?? key };
  };
  return { users: emergency.users.map((u) => principal(u, 'user')), groups: emergency.groups.map((g) => principal(g, 'group')) };
}

/**
 * Lint of one tenant's bundle with the suppressions it holds (memberships: what the emergency accounts belong to, when
 * read; options: the run's, as one-tenant lint takes them, for every tenant).
 */
export function lintBundle(
  bundle: Bundle,
  emergency: EmergencyAccess | undefined,
  now: Date,
  memberships?: Memberships,
  options?: LintOptions,
): LintFinding[] {
  return applySuppressions(
    lintTenant({
      policies: bundle.policies,
      namedLocations: bundle.namedLocations,
      authenticationStrengths: bundle.authenticationStrengths,
      authenticationContexts: bundle.authenticationContexts,
      termsOfUse: bundle.termsOfUse,
      references: bundle.references,
      emergency,
      ...(memberships && { memberships }),
      now,
      ...(options && { options }),
    }),
    bundle.lintSuppressions,
  );
}

/** The worst effect of each policy on the emergency accounts (null: none affected). */
export function emergencyWorst(bundle: Bundle, emergency: EmergencyAccess, memberships?: Memberships): (Severity | null)[] {
  return analyzeEmergencyAccess(bundle.policies, emergency, memberships).policies.map((p) => p.worst);
}

const SECTION_WORDS: Record<SectionName, string> = {
  policies: '',
  namedLocations: 'Named location: ',
  authenticationStrengths: 'Authentication strength: ',
  authenticationContexts: 'Authentication context: ',
  termsOfUse: 'Terms of use: ',
};

export interface DriftItem {
  section: SectionName;
  /** As the report shows it: the policy's name, or the kind of object and its name. */
  label: string;
  /** Its name alone, as `diff --format json` gives it. */
  name: string;
  id: string | null;
  kind: 'added' | 'removed' | 'changed';
  /** For a changed object, each change in words. */
  changes: string[];
}

/** Every object that differs between the baseline and the tenant now, policies first. */
export function driftItems(baseline: Bundle, current: Bundle): DriftItem[] {
  // The later side's name wins: it is the one the admin sees now.
  const [earlier, later] = [namesFromBundle(baseline), namesFromBundle(current)];
  const names = { names: new Map([...earlier.names, ...later.names]), failures: [...earlier.failures, ...later.failures] };
  return (['policies', ...SECTIONS.filter((s) => s !== 'policies')] as SectionName[]).flatMap((section) => {
    const side = (bundle: Bundle) => bundle[section].map((item) => ({ id: typeof item.id === 'string' ? item.id : null, policy: item }));
    return matchPolicySets(side(baseline), side(current))
      .matches.filter((m) => m.status !== 'identical')
      .map((m): DriftItem => {
        const idValue = (m.b ?? m.a)?.id;
        const common = {
          section,
          label: `${SECTION_WORDS[section]}${m.name}`,
          name: m.name,
          id: typeof idValue === 'string' ? idValue : null,
        };
        if (m.status === 'onlyA') return { ...common, kind: 'removed', changes: [] };
        if (m.status === 'onlyB') return { ...common, kind: 'added', changes: [] };
        return {
          ...common,
          kind: 'changed',
          changes: describeChanges(m.a!, m.b!, names, { hideEmpty: true, sortIds: true }).map((c) => c.text),
        };
      });
  });
}

/** The report's drift part, with who changed each object when the audit log said so (by object id). */
export function driftSummary(
  baselinePath: string,
  items: readonly DriftItem[],
  authors: ReadonlyMap<string, { by: string; at: string }> = new Map(),
): DriftSummary {
  return {
    baseline: baselinePath,
    added: items.filter((d) => d.kind === 'added').map((d) => d.label),
    removed: items.filter((d) => d.kind === 'removed').map((d) => d.label),
    changed: items
      .filter((d) => d.kind === 'changed')
      .map((d) => {
        const author = d.id ? authors.get(d.id) : undefined;
        return { name: d.label, ...(author ? { by: author.by, at: author.at } : {}) };
      }),
  };
}

/** The folder of a tenant's backup under a run's --out: its id, so a renamed tenant keeps its folder. */
export function tenantFolderName(entry: Pick<TenantEntry, 'id'>): string {
  return entry.id.toLowerCase().replace(/[^a-z0-9.-]/g, '-');
}
