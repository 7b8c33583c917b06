// Suppressions: an admin's decision that a finding is accepted, with the reason. A suppressed
// finding is kept and marked (the report still shows it, and why), never dropped. Suppressions are
// plain JSON, read back strictly, so the device store and the backup bundle can keep them.
import { isJsonObject, type JsonObject } from '../json';
import { isolatedText } from '../isolate';
import type { LintFinding, LintSuppression } from './types';

/** The suppression that covers a finding: one for its policy first, else one for the whole rule. */
export function suppressionFor(finding: LintFinding, suppressions: readonly LintSuppression[]): LintSuppression | undefined {
  const mine = suppressions.filter((s) => s.ruleId === finding.ruleId);
  return (finding.policyId && mine.find((s) => s.policyId === finding.policyId)) || mine.find((s) => s.policyId === undefined);
}

export function applySuppressions(findings: readonly LintFinding[], suppressions: readonly LintSuppression[]): LintFinding[] {
  return findings.map((finding) => {
    const s = suppressionFor(finding, suppressions);
    if (!s) return finding;
    return { ...finding, suppressed: { reason: s.reason, at: s.at, ...(s.by !== undefined && { by: s.by }) } };
  });
}

/** Adds or replaces the suppression of a rule (for one policy, or all): one per rule and policy. */
export function withSuppression(suppressions: readonly LintSuppression[], next: LintSuppression): LintSuppression[] {
  return [...suppressions.filter((s) => !(s.ruleId === next.ruleId && s.policyId === next.policyId)), next];
}

export const withoutSuppression = (suppressions: readonly LintSuppression[], ruleId: string, policyId?: string) =>
  suppressions.filter((s) => !(s.ruleId === ruleId && s.policyId === policyId));

/**
 * Suppressions read from stored JSON (the device, a bundle). `where` names the source in errors,
 * e.g. "the backup's suppressions.json": an entry without a rule, a reason or a date is refused,
 * since a suppression nobody can explain is what suppressions exist to prevent.
 */
export function readSuppressions(value: unknown, where: string): LintSuppression[] {
  if (!Array.isArray(value)) throw new Error(`${where}: suppressions are a JSON array.`);
  return value.map((entry, i) => {
    const at = `${where}, suppression ${i + 1}`;
    if (!isJsonObject(entry)) throw new Error(`${at}: not a JSON object.`);
    const text = (key: string, required: boolean) => {
      const v = entry[key];
      if (v === undefined || v === null) {
        if (required) throw new Error(`${at}: '${key}' is missing.`);
        return undefined;
      }
      if (typeof v !== 'string' || (required && !v.trim()))
        throw new Error(`${at}: '${key}' must be ${required ? 'a non-empty' : 'a'} string.`);
      return v;
    };
    const ruleId = text('ruleId', true)!;
    const reason = text('reason', true)!;
    const when = text('at', true)!;
    if (isNaN(Date.parse(when))) throw new Error(`${at}: 'at' is not a date (${when}).`);
    const policyId = text('policyId', false);
    const by = text('by', false);
    return { ruleId, reason, at: when, ...(policyId !== undefined && { policyId }), ...(by !== undefined && { by }) };
  });
}

const idIn = (p: JsonObject) => (typeof p.id === 'string' ? p.id : '');
const nameIn = (p: JsonObject) => (typeof p.displayName === 'string' ? p.displayName : '');

/** This tenant's policies as far as they are known: read, still being read, or not readable. */
export type TenantPolicies = readonly JsonObject[] | { unread: 'loading' | 'failed' };

/**
 * Suppressions from a backup placed on this tenant's policies: on the same id, else on the policy
 * of the same name (a restore makes policies anew, with new ids); one for a whole rule as it is.
 * What cannot be placed is said, naming the policy as the backup did. While the tenant's policies
 * are unknown, none of a single policy is placed (nor said to be missing from the tenant).
 */
export function placeSuppressions(
  suppressions: readonly LintSuppression[],
  backupPolicies: readonly JsonObject[],
  tenantPolicies: TenantPolicies,
): { placed: LintSuppression[]; notes: string[] } {
  if ('unread' in tenantPolicies) {
    const waiting = suppressions.filter((s) => s.policyId !== undefined).length;
    const which = waiting === 1 ? 'the suppression of a single policy was' : `the ${waiting} suppressions of single policies were`;
    return {
      placed: suppressions.filter((s) => s.policyId === undefined),
      notes: !waiting
        ? []
        : [
            tenantPolicies.unread === 'loading'
              ? `This tenant’s policies are still being read, so ${which} not restored: restore again once they are read.`
              : `This tenant’s policies could not be read, so ${which} not restored: restore again once they can be read.`,
          ],
    };
  }
  const notes: string[] = [];
  const lower = (s: string) => s.toLowerCase();
  const placed = suppressions.flatMap((s): LintSuppression[] => {
    if (s.policyId === undefined) return [s];
    const sameId = tenantPolicies.find((p) => lower(idIn(p)) === lower(s.policyId!));
    if (sameId) return [{ ...s, policyId: idIn(sameId) }];
    const name = nameIn(backupPolicies.find((p) => lower(idIn(p)) === lower(s.policyId!)) ?? {});
    const sameName = name ? tenantPolicies.filter((p) => nameIn(p) === name) : [];
    if (sameName.length === 1) return [{ ...s, policyId: idIn(sameName[0]!) }];
    notes.push(
      sameName.length > 1
        ? `${sameName.length} policies are called “${isolatedText(name)}”: the suppression of ${s.ruleId} was not restored.`
        : `“${isolatedText(name || s.policyId)}” is not in this tenant: the suppression of ${s.ruleId} was not restored.`,
    );
    return [];
  });
  return { placed, notes };
}
