// What the review asks before a save that could lock people out: an acknowledgement that covers the
// people it named (a changed list asks again), and the one-click exclusion of the emergency accounts,
// offered with the list that names one; once they are excluded its button leaves (with the risk that
// offered it), and the keyboard's focus goes on to what is next to do, the acknowledgement still asked, or Save.
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { LockoutRisk } from '../../domain/lockout';

const emergencyIn = (list: LockoutRisk[]) => list.some((r) => r.who.includes('(emergency access'));

export function useLockoutAcknowledgement({
  risks,
  alreadyRisks,
  onExcludeEmergency,
  saveButton,
}: {
  risks: LockoutRisk[];
  alreadyRisks: LockoutRisk[];
  onExcludeEmergency?: () => void;
  saveButton: RefObject<HTMLButtonElement | null>;
}) {
  const [acknowledged, setAcknowledged] = useState(false);
  const riskKey = risks.map((r) => r.who).join('|');
  const [acknowledgedFor, setAcknowledgedFor] = useState(riskKey);
  // An acknowledgement covers the people it named: if the list changes, it must be given again.
  if (acknowledgedFor !== riskKey) {
    setAcknowledgedFor(riskKey);
    setAcknowledged(false);
  }
  // The one-click exclusion sits with the list that names an emergency account.
  const excludeWithNew = !!onExcludeEmergency && (emergencyIn(risks) || !emergencyIn(alreadyRisks));
  const understood = useRef<HTMLInputElement>(null);
  const offered = (risks.length > 0 && excludeWithNew) || (alreadyRisks.length > 0 && !!onExcludeEmergency && !excludeWithNew);
  const excluding = useRef(false);
  const [excludedSaid, setExcludedSaid] = useState(0);
  useEffect(() => {
    if (!excluding.current || offered) return;
    excluding.current = false;
    (risks.length > 0 && understood.current ? understood.current : saveButton.current)?.focus();
    setExcludedSaid((n) => n + 1);
  }, [offered, risks.length, saveButton]);
  const excludeEmergency = () => {
    excluding.current = true;
    onExcludeEmergency?.();
  };
  return {
    acknowledged,
    setAcknowledged,
    needsAcknowledgement: risks.length > 0 && !acknowledged,
    /** The checkbox that acknowledges, where the focus goes after the exclusion while it is still asked. */
    understood,
    /** The exclusion is offered with the new risks (otherwise with those the policy already had). */
    excludeWithNew,
    excludeEmergency,
    /** Counts the exclusions made from the review, so each is said. */
    excludedSaid,
  };
}
