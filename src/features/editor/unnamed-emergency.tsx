// While no emergency-access accounts are named for the tenant, the lock-out guard knows only the
// admin: the editor's checks and its review say so, and warn when the draft leaves out what most of
// the tenant's policies for all users exclude (the Emergency access page's candidates). A warning,
// never a block (Graph accepts the policy), and a candidate is never taken for a named account.
// A draft that is Off or report-only locks no one out now, but the contingency switch, a plan's apply or
// the portal can turn it on without this guard: it is judged as if On, and warned of in words for when it
// is turned on (the checks: against the policy as the tenant holds it; the review: only when the save
// changes what it excludes). The note stays quiet: nothing is locked out while it is not On.
import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { leftOut, turnedOn, type LeftCandidate } from '../../domain/emergency/candidate-guard';
import { suggestCandidates } from '../../domain/emergency/fix';
import { isJsonObject, policyJson, type JsonObject } from '../../domain/json';
import { lookupName, type NameDirectory } from '../../domain/references';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { RouteLink } from '../../policy-ui/lint-findings';
import { policiesQuery, useNames } from '../../policy-ui/queries';
import { useEmergencyAccess } from '../../session/emergency-access';
import { useTenantSession } from '../../session/tenant-session';
import { paths } from '../../shared/routes/paths';
import { isolatedText } from '../../shared/ui/isolated-text';

export const UNNAMED_NOTE = 'No emergency-access accounts are named for this tenant: the lock-out guard checked only you.';
export const DORMANT_NOTE =
  'While this policy is Off or report-only it cannot lock anyone out: the lock-out guard checks it when it is turned On here. ' +
  'No emergency-access accounts are named for this tenant, so it will then check only you.';
/** Said instead of "No problems found." until the tenant's policies and the candidates' names are read. */
export const CANDIDATES_CHECKING = "Checking what most of this tenant's policies for all users exclude…";
export const CANDIDATES_FAILED =
  "The tenant's policies could not be read: what most of its policies for all users exclude was not checked.";

export interface UnnamedEmergency {
  /** No emergency-access account or group is named for the tenant in Settings. */
  unnamed: boolean;
  /** The draft is not On (Off, report-only): it locks no one out now, so its warnings are for when it is turned on. */
  dormant: boolean;
  /** The tenant's policies, or the names of what the draft leaves out, are still being read: no warning is known yet. */
  checking: boolean;
  /** The tenant's policies could not be read, so nothing but the admin was checked. */
  failed: boolean;
  /** What the draft leaves out that most policies for all users exclude, in words (none while accounts are named). */
  warnings: { key: string; text: string }[];
}

function warningFor(candidate: LeftCandidate, all: readonly LeftCandidate[], names: NameDirectory | undefined, dormant: boolean): string {
  const nameOf = (c: LeftCandidate) => lookupName(names, [c.kind], c.id)?.displayName;
  const known = nameOf(candidate);
  // Two groups (or accounts) of one name would read as the same line: the id tells them apart.
  const shared = known !== undefined && all.some((c) => c !== candidate && c.kind === candidate.kind && nameOf(c) === known);
  const name = known === undefined ? `'${candidate.id}'` : `'${isolatedText(known)}'${shared ? ` (${candidate.id})` : ''}`;
  const who = candidate.kind === 'group' ? `the group ${name}` : `the account ${name}`;
  const share = `which ${candidate.excludedFrom} of ${candidate.of} policies for all users exclude`;
  const holds = candidate.kind === 'group' ? 'it holds your emergency-access accounts' : 'it is an emergency-access account';
  if (dormant)
    return candidate.stopped
      ? `When this policy is turned on, it would stop excluding ${who}, ${share}: if ${holds}, keep it excluded.`
      : `When this policy is turned on, it would not exclude ${who}, ${share}: if ${holds}, exclude it.`;
  return candidate.stopped
    ? `This change stops excluding ${who}, ${share}: if ${holds}, keep it excluded.`
    : `This policy does not exclude ${who}, ${share}: if ${holds}, exclude it.`;
}

/**
 * `before` is the policy as the tenant holds it (null for a new one); left out, it is the policy of the
 * draft's id in the tenant's list. With `changesOnly` (the review), a draft not On is warned of only for
 * what the save changes: `before` is judged as On too, so a risk it already had once on is not said again.
 */
export function useUnnamedEmergency(after: JsonObject | null, before?: JsonObject | null, changesOnly = false): UnnamedEmergency {
  const tenant = useTenantSession();
  const [settings] = useEmergencyAccess(tenant.account.tenantId);
  const unnamed = settings.users.length + settings.groups.length === 0;
  // Only a policy that is on locks anyone out now; one that is not is judged as it would be once on.
  const dormant = !!after && after.state !== 'enabled';
  const listed = useQuery({ ...policiesQuery(tenant), enabled: unnamed });
  const list = listed.data;
  // Found once per list: a keystroke judges the draft against them, not every policy again.
  const policies = useMemo(() => list?.map(policyJson), [list]);
  const candidates = useMemo(() => (policies ? suggestCandidates(policies) : []), [policies]);
  const left = useMemo(() => {
    if (!unnamed || !after || !policies) return [];
    const earlier = before !== undefined ? before : (policies.find((p) => typeof after.id === 'string' && p.id === after.id) ?? null);
    if (!dormant) return leftOut(candidates, earlier, after);
    return leftOut(candidates, changesOnly && earlier ? turnedOn(earlier) : earlier, turnedOn(after));
  }, [unnamed, after, dormant, before, changesOnly, policies, candidates]);
  // Only the candidates' own names are looked up (a new policy does not mention them).
  const named = useMemo(
    () =>
      left.length
        ? [
            {
              conditions: {
                users: {
                  excludeUsers: left.filter((c) => c.kind === 'user').map((c) => c.id),
                  excludeGroups: left.filter((c) => c.kind === 'group').map((c) => c.id),
                },
              },
            } as ConditionalAccessPolicy,
          ]
        : undefined,
    [left],
  );
  const looked = useNames(tenant, named);
  const judged = unnamed && !!after;
  const failed = judged && !list && listed.isError;
  // A name that fails to resolve is said by its id; one still loading is waited for, not shown as a bare id.
  const checking = judged && !failed && (!list || (left.length > 0 && looked.isPending));
  const warnings = checking ? [] : left.map((c) => ({ key: `${c.kind}:${c.id}`, text: warningFor(c, left, looked.data, dormant) }));
  return { unnamed, dormant: unnamed && dormant, checking, failed, warnings };
}

/** The note, with the way to where the accounts are named; quiet about a draft that is not On (its warnings say when). */
export function UnnamedNote({ dormant = false }: { dormant?: boolean }) {
  return (
    <>
      {dormant ? DORMANT_NOTE : UNNAMED_NOTE} <RouteLink to={paths.settings}>Name them in Settings</RouteLink>
    </>
  );
}

const useStyles = makeStyles({ list: { margin: `${tokens.spacingVerticalS} 0`, paddingLeft: tokens.spacingHorizontalXL } });

const parsed = (text: string): JsonObject | null => {
  try {
    const value: unknown = JSON.parse(text);
    return isJsonObject(value) ? value : null;
  } catch {
    return null;
  }
};

/** In the review: `original` is the policy's text as the tenant holds it ('' for a new policy), `modified` the draft's. */
export function UnnamedEmergencyNotice({ original, modified }: { original: string; modified: string }) {
  const styles = useStyles();
  const before = useMemo(() => (original ? parsed(original) : null), [original]);
  const after = useMemo(() => parsed(modified), [modified]);
  const { unnamed, dormant, checking, failed, warnings } = useUnnamedEmergency(after, before, true);
  // Saving a policy that is not On locks no one out now: said only when the save changes what it excludes.
  if (!unnamed || (dormant && warnings.length === 0)) return null;
  return (
    <MessageBar intent={warnings.length ? 'warning' : 'info'} layout="multiline">
      <MessageBarBody>
        {warnings.length > 0 && (
          <>
            <MessageBarTitle>This may leave out your emergency-access accounts</MessageBarTitle>
            <ul className={styles.list} aria-label="Not excluded">
              {warnings.map((w) => (
                <li key={w.key}>{w.text}</li>
              ))}
            </ul>
          </>
        )}
        {checking && <>{CANDIDATES_CHECKING} </>}
        {failed && <>{CANDIDATES_FAILED} </>}
        <UnnamedNote dormant={dormant} />
      </MessageBarBody>
    </MessageBar>
  );
}
