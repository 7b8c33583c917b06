// What a Gatehouse backup holds besides the tenant's objects: contingency plans, staged rollouts and
// lint suppressions, kept on an admin's device. An import writes to the tenant only, so these are
// named with the page that restores each from a backup, rather than left unmentioned.
import type { Bundle } from '../bundle/bundle';
import { CONTINGENCY_FILE, LINT_SUPPRESSIONS_FILE, ROLLOUT_FILE } from '../bundle/folder';

export type DevicePart = 'contingencyPlans' | 'rolloutPlans' | 'lintSuppressions';
export type DeviceParts = Record<DevicePart, number>;

export const DEVICE_PARTS: readonly DevicePart[] = ['contingencyPlans', 'rolloutPlans', 'lintSuppressions'];

/** Each part as the console names it, its file in a backup folder, and where it is restored (page › button). */
export const DEVICE_PART_WORDS: Record<DevicePart, { name: string; file: string; page: string; action: string }> = {
  contingencyPlans: { name: 'Contingency plans', file: CONTINGENCY_FILE, page: 'Contingency', action: 'Restore plans from a backup…' },
  rolloutPlans: { name: 'Staged rollouts', file: ROLLOUT_FILE, page: 'Rollout', action: 'Restore rollouts from a backup…' },
  lintSuppressions: {
    name: 'Lint suppressions',
    file: LINT_SUPPRESSIONS_FILE,
    page: 'Lint',
    action: 'Restore suppressions from a backup…',
  },
};

export const devicePartsOf = (bundle: Pick<Bundle, DevicePart>): DeviceParts => ({
  contingencyPlans: bundle.contingencyPlans.length,
  rolloutPlans: bundle.rolloutPlans.length,
  lintSuppressions: bundle.lintSuppressions.length,
});

/** "Contingency plans (3): restored from Contingency › Restore plans from a backup…, not by this import." */
export const devicePartSentence = (part: DevicePart, count: number) => {
  const words = DEVICE_PART_WORDS[part];
  return `${words.name} (${count}): restored from ${words.page} › ${words.action}, not by this import.`;
};

/** A sentence for each part the backup holds (none for an empty part). */
export const devicePartNotes = (parts: DeviceParts): string[] =>
  DEVICE_PARTS.filter((part) => parts[part] > 0).map((part) => devicePartSentence(part, parts[part]));

/** The part a backup folder's file holds ("contingency-plans.json"), by its path inside the folder. */
export const devicePartOfFile = (relative: string): DevicePart | null =>
  DEVICE_PARTS.find((part) => DEVICE_PART_WORDS[part].file === relative) ?? null;

export const addDeviceParts = (into: DeviceParts | undefined, parts: DeviceParts): DeviceParts => ({
  contingencyPlans: (into?.contingencyPlans ?? 0) + parts.contingencyPlans,
  rolloutPlans: (into?.rolloutPlans ?? 0) + parts.rolloutPlans,
  lintSuppressions: (into?.lintSuppressions ?? 0) + parts.lintSuppressions,
});
