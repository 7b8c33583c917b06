// "Find users again" of a plan's review: the target's directory read again for the chosen policies' users (with a
// domain map, or by their own sign-in names), said in a sentence the review announces. One read of the directory at a
// time: a saved mapping's domain map being read (fileReading) and this wait on each other.
import { useRef, useState } from 'react';
import { describeError } from '../../graph/describe-error';
import type { PlanChoices } from '../../domain/plan/types';
import type { usePlan } from './use-plan';

type Domain = { from: string; to: string };

export function useFindUsersAgain({
  domain,
  targetName,
  lookUpUsers,
  onDomains,
}: {
  domain: Domain;
  targetName: string;
  lookUpUsers: ReturnType<typeof usePlan>['lookUpUsers'];
  /** The domain map the users were found with: the plan's choices take it. */
  onDomains(domains: PlanChoices['domains']): void;
}) {
  const [finding, setFinding] = useState(false);
  const [fileReading, setFileReading] = useState(false);
  const [found, setFound] = useState<{ text: string; occasion: number } | null>(null);
  const findings = useRef(0);
  const busy = finding || fileReading;

  const findUsersAgain = async () => {
    if (busy) return;
    const domains = domain.from && domain.to ? [{ from: domain.from.trim(), to: domain.to.trim() }] : [];
    const by = domains[0] ? `with sign-in names ending in ${domains[0].to}` : 'by their own sign-in names';
    setFinding(true);
    setFound(null);
    let text: string;
    try {
      const { users, found, ambiguous } = await lookUpUsers(domains);
      onDomains(domains);
      // The users of the chosen policies only; one found more than once is said apart: the plan waits for a choice of one.
      text = `Looked up the users again ${by}: ${found.toLocaleString('en-US')} of ${users.toLocaleString('en-US')} found in ${targetName}.`;
      if (ambiguous > 0)
        text +=
          ambiguous === 1
            ? ` One of them matches more than one user there: choose which on its row.`
            : ` ${ambiguous.toLocaleString('en-US')} of them match more than one user there: choose which on their rows.`;
    } catch (failure) {
      // Graph's words for it, a whole sentence before the next: "Failed to fetch" is no sentence of its own.
      const why = describeError(failure, 'look up the users').message.trim();
      text = `Could not look up the users ${by}: ${why}${/[.!?]$/.test(why) ? '' : '.'} The plan is as before.`;
    }
    setFinding(false);
    findings.current += 1;
    setFound({ text, occasion: findings.current });
  };

  return { finding, fileReading, setFileReading, busy, found, findUsersAgain };
}
