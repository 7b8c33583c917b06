// While no emergency-access accounts are named for the tenant, the lock-out guard knows only the
// admin: the editor's checks and its review say so, and warn when the draft leaves out what most of
// the tenant's policies for all users exclude (the Emergency access page's candidates). A warning,
// never a block (Graph accepts the policy), and a candidate is never taken for a named account.
import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { candidatesLeftOut, type LeftCandidate } from '../../domain/emergency/candidate-guard';
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

export interface UnnamedEmergency {
  /** No emergency-access account or group is named for the tenant in Settings. */
  unnamed: boolean;
  /** What the draft leaves out that most policies for all users exclude, in words (none while accounts are named). */
  warnings: string[];
}

function warningFor(candidate: LeftCandidate, names: NameDirectory | undefined): string {
  const name = isolatedText(lookupName(names, [candidate.kind], candidate.id)?.displayName ?? candidate.id);
  const who = candidate.kind === 'group' ? `the group '${name}'` : `the account '${name}'`;
  const share = `which ${candidate.excludedFrom} of ${candidate.of} policies for all users exclude`;
  const holds = candidate.kind === 'group' ? 'it holds your emergency-access accounts' : 'it is an emergency-access account';
  return candidate.stopped
    ? `This change stops excluding ${who}, ${share}: if ${holds}, keep it excluded.`
    : `This policy does not exclude ${who}, ${share}: if ${holds}, exclude it.`;
}

/**
 * `before` is the policy as the tenant holds it (null for a new one); left out, it is the policy of the
 * draft's id in the tenant's list.
 */
export function useUnnamedEmergency(after: JsonObject | null, before?: JsonObject | null): UnnamedEmergency {
  const tenant = useTenantSession();
  const [settings] = useEmergencyAccess(tenant.account.tenantId);
  const unnamed = settings.users.length + settings.groups.length === 0;
  const list = useQuery({ ...policiesQuery(tenant), enabled: unnamed }).data;
  const left = useMemo(() => {
    if (!unnamed || !after || !list) return [];
    const policies = list.map(policyJson);
    const earlier = before !== undefined ? before : (policies.find((p) => typeof after.id === 'string' && p.id === after.id) ?? null);
    return candidatesLeftOut(policies, earlier, after);
  }, [unnamed, after, before, list]);
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
  const names = useNames(tenant, named).data;
  return { unnamed, warnings: left.map((c) => warningFor(c, names)) };
}

/** The note, with the way to where the accounts are named. */
export function UnnamedNote() {
  return (
    <>
      {UNNAMED_NOTE} <RouteLink to={paths.settings}>Name them in Settings</RouteLink>
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
  const { unnamed, warnings } = useUnnamedEmergency(after, before);
  if (!unnamed) return null;
  return (
    <MessageBar intent={warnings.length ? 'warning' : 'info'} layout="multiline">
      <MessageBarBody>
        {warnings.length > 0 && (
          <>
            <MessageBarTitle>This may leave out your emergency-access accounts</MessageBarTitle>
            <ul className={styles.list} aria-label="Not excluded">
              {warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          </>
        )}
        <UnnamedNote />
      </MessageBarBody>
    </MessageBar>
  );
}
