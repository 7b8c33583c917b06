// The all-tenant report: one line per tenant of a run (policy states, lint, drift from its baseline,
// emergency access, the age of its last backup, or why the tenant could not be read), written as
// JSON (which the console opens offline), Markdown (a CI job summary) and HTML (renderers beside).
import type { Severity } from '../emergency/exclusion-analysis';
import { isJsonObject, type Json, type JsonObject } from '../json';
import { parseJson } from '../policy-file';
import type { LintFinding } from '../lint/types';
import { REPORT_ONLY } from '../types';

export const REPORT_FORMAT = 'gatehouse.tenants-report';
export const REPORT_VERSION = 1;
/** The service's limit of policies per tenant. */
export const POLICY_LIMIT = 195;

export interface DriftSummary {
  /** The baseline the tenant was compared with (a folder or bundle path). */
  baseline: string;
  added: string[];
  removed: string[];
  changed: { name: string; by?: string; at?: string }[];
}

export interface TenantReportEntry {
  tenantId: string;
  /**
   * The tenant as the tenants file names it (its id or a domain), which a failure also keeps: what
   * joins a shard that read the tenant with one that could not. Absent in reports before it.
   */
  requested?: string;
  name: string;
  /** Why the tenant could not be read (sign-in, permission, Graph); the other parts are then absent. */
  error?: string;
  policies?: { total: number; enabled: number; reportOnly: number; off: number };
  lint?: { errors: number; warnings: number; infos: number; suppressed: number; rules: { ruleId: string; count: number }[] };
  /** Absent: no baseline was given. */
  drift?: DriftSummary;
  /** Absent: the tenant names no emergency accounts. */
  emergency?: { affected: number; worst: Severity | null };
  /** The last backup's time, when one is known. */
  lastBackupAt?: string;
}

export interface TenantsReport {
  format: typeof REPORT_FORMAT;
  version: typeof REPORT_VERSION;
  generatedAt: string;
  tenants: TenantReportEntry[];
}

export interface TenantFacts {
  tenantId: string;
  requested?: string;
  name: string;
  policies: readonly { state?: unknown }[];
  findings?: readonly LintFinding[];
  drift?: DriftSummary;
  emergency?: { worstPerPolicy: readonly (Severity | null)[] };
  lastBackupAt?: string;
}

const RANK: Record<Severity, number> = { critical: 3, high: 2, low: 1 };

/** One tenant's line of the report, from what the run read and computed. */
export function summarizeTenant(facts: TenantFacts): TenantReportEntry {
  const states = facts.policies.map((p) => p.state);
  const entry: TenantReportEntry = {
    tenantId: facts.tenantId,
    ...(facts.requested ? { requested: facts.requested } : {}),
    name: facts.name,
    policies: {
      total: states.length,
      enabled: states.filter((s) => s === 'enabled').length,
      reportOnly: states.filter((s) => s === REPORT_ONLY).length,
      off: states.filter((s) => s === 'disabled').length,
    },
  };
  if (facts.findings) {
    const open = facts.findings.filter((f) => !f.suppressed);
    const counts = new Map<string, number>();
    for (const f of open) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
    entry.lint = {
      errors: open.filter((f) => f.severity === 'error').length,
      warnings: open.filter((f) => f.severity === 'warning').length,
      infos: open.filter((f) => f.severity === 'info').length,
      suppressed: facts.findings.length - open.length,
      rules: [...counts]
        .map(([ruleId, count]) => ({ ruleId, count }))
        .sort((a, b) => b.count - a.count || a.ruleId.localeCompare(b.ruleId)),
    };
  }
  if (facts.drift) entry.drift = facts.drift;
  if (facts.emergency) {
    const hit = facts.emergency.worstPerPolicy.filter((w): w is Severity => w !== null);
    entry.emergency = { affected: hit.length, worst: hit.reduce<Severity | null>((w, s) => (!w || RANK[s] > RANK[w] ? s : w), null) };
  }
  if (facts.lastBackupAt) entry.lastBackupAt = facts.lastBackupAt;
  return entry;
}

/** The line of a tenant that could not be read: known only by what the tenants file names it. */
export const failedTenant = (requested: string, name: string, error: string): TenantReportEntry => ({
  tenantId: requested,
  requested,
  name,
  error,
});

export function tenantsReport(entries: readonly TenantReportEntry[], generatedAt: Date): TenantsReport {
  const tenants = [...entries].sort((a, b) => a.name.localeCompare(b.name) || a.tenantId.localeCompare(b.tenantId));
  return { format: REPORT_FORMAT, version: REPORT_VERSION, generatedAt: generatedAt.toISOString(), tenants };
}

export interface JoinedReport {
  report: TenantsReport;
  /** Tenants found in more than one report (shards that overlap, a shard run again). */
  repeated: string[];
  /** Tenants a newer report could not read while an older one did: the read is kept. */
  keptReads: KeptRead[];
}

export interface KeptRead {
  name: string;
  /** As the newer report's failure names the tenant. */
  requested: string;
  error: string;
  failedAt: string;
  readAt: string;
}

interface Dated {
  entry: TenantReportEntry;
  generatedAt: string;
}

/**
 * The reports of a sharded run (`--shard i/n`, one job each) as one: every tenant once, dated as
 * the newest of them, so a backup's age is never said to be younger than it was at any shard's end.
 * Of a tenant's entries the newest read is kept (a later failure says less than an earlier read),
 * else the newest failure.
 */
export function joinReports(reports: readonly TenantsReport[]): JoinedReport {
  const newestFirst = [...reports].sort((a, b) => b.generatedAt.localeCompare(a.generatedAt));
  const groups = sameTenants(newestFirst.flatMap((r) => r.tenants.map((entry) => ({ entry, generatedAt: r.generatedAt }))));
  const repeated: string[] = [];
  const keptReads: KeptRead[] = [];
  const kept = groups.map((group) => {
    const newest = group[0]!;
    const read = group.find((d) => d.entry.error === undefined);
    const chosen = read ?? newest;
    if (group.length > 1) repeated.push(chosen.entry.name);
    if (read && newest.entry.error !== undefined)
      keptReads.push({
        name: read.entry.name,
        requested: newest.entry.requested ?? newest.entry.tenantId,
        error: newest.entry.error,
        failedAt: newest.generatedAt,
        readAt: read.generatedAt,
      });
    return chosen.entry;
  });
  const newest = newestFirst[0]?.generatedAt;
  return { report: tenantsReport(kept, newest ? new Date(newest) : new Date(0)), repeated, keptReads };
}

/**
 * Entries grouped by tenant, each group newest first. Two entries are the same tenant when they share
 * what the file asked for or the id it was read under (without case): a failure holds only the
 * file's id (perhaps a domain), a read also its GUID, and a report before `requested` only the GUID.
 */
function sameTenants(newestFirst: readonly Dated[]): Dated[][] {
  const groupOf = new Map<string, Dated[]>();
  const groups = new Set<Dated[]>();
  for (const dated of newestFirst) {
    const ids = [dated.entry.requested, dated.entry.tenantId].filter((id): id is string => !!id).map((id) => id.toLowerCase());
    const found = [...new Set(ids.map((id) => groupOf.get(id)).filter((g): g is Dated[] => !!g))];
    const group = found[0] ?? [];
    groups.add(group);
    // An entry holding both ids can join two groups met before it (an old report's GUID, a failure's domain).
    for (const other of found.slice(1)) {
      group.push(...other);
      groups.delete(other);
      for (const [id, g] of groupOf) if (g === other) groupOf.set(id, group);
    }
    group.push(dated);
    for (const id of ids) groupOf.set(id, group);
  }
  return [...groups].map((g) => g.sort((a, b) => b.generatedAt.localeCompare(a.generatedAt)));
}

export const driftCount = (drift: DriftSummary | undefined) =>
  drift ? drift.added.length + drift.removed.length + drift.changed.length : 0;

export const backupAgeDays = (entry: TenantReportEntry, now: Date): number | null =>
  entry.lastBackupAt ? Math.floor((now.getTime() - new Date(entry.lastBackupAt).getTime()) / 86_400_000) : null;

/** What needs a look across the run, for the report's first lines. */
export function reportTotals(report: TenantsReport, staleBackupDays = 7) {
  const now = new Date(report.generatedAt);
  const ok = report.tenants.filter((t) => !t.error);
  return {
    tenants: report.tenants.length,
    unreadable: report.tenants.length - ok.length,
    withLintErrors: ok.filter((t) => (t.lint?.errors ?? 0) > 0).length,
    drifted: ok.filter((t) => driftCount(t.drift) > 0).length,
    emergencyAtRisk: ok.filter((t) => t.emergency?.worst === 'critical' || t.emergency?.worst === 'high').length,
    nearLimit: ok.filter((t) => (t.policies?.total ?? 0) >= POLICY_LIMIT - 15).length,
    staleBackups: ok.filter((t) => {
      const age = backupAgeDays(t, now);
      return age === null || age > staleBackupDays;
    }).length,
  };
}

export type ReadReport = { ok: true; report: TenantsReport } | { ok: false; message: string };

/** Reads a report file as the console opens it: a wrong file is said plainly, never half-shown. */
export function readTenantsReport(source: string): ReadReport {
  let parsed: Json;
  try {
    parsed = parseJson(source.replace(/^\uFEFF/, ''), 'This file') as Json;
  } catch (error) {
    // Where it breaks, in words (not the JavaScript engine's message).
    return { ok: false, message: (error as Error).message };
  }
  if (!isJsonObject(parsed) || parsed.format !== REPORT_FORMAT)
    return { ok: false, message: 'This is not an all-tenant report of Gatehouse (its "format" is not gatehouse.tenants-report).' };
  if (parsed.version !== REPORT_VERSION)
    return { ok: false, message: `This report is of version ${String(parsed.version)}; this console reads version ${REPORT_VERSION}.` };
  if (typeof parsed.generatedAt !== 'string' || !Array.isArray(parsed.tenants))
    return { ok: false, message: 'This report has no "generatedAt" or no "tenants" list.' };
  const tenants: TenantReportEntry[] = [];
  for (const [index, t] of parsed.tenants.entries()) {
    if (!isJsonObject(t) || typeof t.tenantId !== 'string' || typeof t.name !== 'string')
      return { ok: false, message: `Tenant ${index + 1} of the report has no tenantId or name.` };
    tenants.push(entryOf(t));
  }
  return { ok: true, report: { format: REPORT_FORMAT, version: REPORT_VERSION, generatedAt: parsed.generatedAt, tenants } };
}

// Only the parts a report holds, each of the expected kind: a hand-edited file cannot put a script
// or an object where the console shows text.
function entryOf(t: JsonObject): TenantReportEntry {
  const num = (v: Json | undefined) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
  const str = (v: Json | undefined) => (typeof v === 'string' ? v : undefined);
  const strs = (v: Json | undefined) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  const entry: TenantReportEntry = {
    tenantId: String(t.tenantId),
    ...(str(t.requested) ? { requested: str(t.requested)! } : {}),
    name: String(t.name),
  };
  if (str(t.error)) entry.error = str(t.error)!;
  if (isJsonObject(t.policies))
    entry.policies = {
      total: num(t.policies.total),
      enabled: num(t.policies.enabled),
      reportOnly: num(t.policies.reportOnly),
      off: num(t.policies.off),
    };
  if (isJsonObject(t.lint))
    entry.lint = {
      errors: num(t.lint.errors),
      warnings: num(t.lint.warnings),
      infos: num(t.lint.infos),
      suppressed: num(t.lint.suppressed),
      rules: (Array.isArray(t.lint.rules) ? t.lint.rules : [])
        .filter(isJsonObject)
        .map((r) => ({ ruleId: String(r.ruleId), count: num(r.count) })),
    };
  if (isJsonObject(t.drift))
    entry.drift = {
      baseline: str(t.drift.baseline) ?? '',
      added: strs(t.drift.added),
      removed: strs(t.drift.removed),
      changed: (Array.isArray(t.drift.changed) ? t.drift.changed : []).filter(isJsonObject).map((c) => ({
        name: String(c.name),
        ...(str(c.by) ? { by: str(c.by)! } : {}),
        ...(str(c.at) ? { at: str(c.at)! } : {}),
      })),
    };
  if (isJsonObject(t.emergency)) {
    const worst = t.emergency.worst;
    entry.emergency = {
      affected: num(t.emergency.affected),
      worst: worst === 'critical' || worst === 'high' || worst === 'low' ? worst : null,
    };
  }
  if (str(t.lastBackupAt)) entry.lastBackupAt = str(t.lastBackupAt)!;
  return entry;
}
