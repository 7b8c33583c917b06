// A user is marked an agent user when picked from a search whose entry says so, and the mark is what asks
// "Agent risk" in the form. A user picked before Gatehouse asked it (a form kept in the tab, a scenario saved or
// written to a file then) carries no mark: once the directory read that Evaluate makes anyway says what the
// user is, the form follows it, either way. (What is evaluated follows the directory by itself: use-what-if.ts.)
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { withAgentUserMark, type Scenario } from '../../domain/evaluation/scenario';
import type { TenantSession } from '../../session/tenant-session';
import { signInSubjectQuery } from './use-what-if';

type Identity = Scenario['identity'];

/** Marks the form's user as the directory says, through `onMark`. */
export function useAgentUserMark(
  tenant: TenantSession,
  identity: Identity | null,
  onMark: (mark: <T extends { identity: Identity | null }>(scenario: T) => T) => void,
): void {
  const userId = identity?.kind === 'user' ? identity.id : null;
  const agentUser = useQuery(signInSubjectQuery(tenant, userId)).data?.agentUser;
  const unmarked = identity?.kind === 'user' && agentUser !== undefined && (identity.agentUser === true) !== agentUser;
  useEffect(() => {
    if (unmarked && userId && agentUser !== undefined) onMark((scenario) => withAgentUserMark(scenario, userId, agentUser));
    // Once per answer that differs from the mark; onMark is the page's, new at each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [unmarked, userId, agentUser]);
}
