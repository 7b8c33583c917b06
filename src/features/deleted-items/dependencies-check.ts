// Whether what a policy refers to could be checked: a lookup of names that failed (wholly, or in part)
// leaves ids unresolved, which would read as nothing missing. Said instead as could not be checked, with
// Graph's reason; once checked again, what was found is said in these words.
import type { MissingDependency } from '../../domain/dependencies';
import type { NameDirectory } from '../../domain/references';
import { describeError, titleInSentence } from '../../graph/describe-error';
import { nameOfMissing, type GoneNames } from './gone-names';

/** Why the names' lookup did not check everything, in words; null when it did (or has not answered yet). */
export function namesFailure(lookup: { isError: boolean; error: unknown; data?: NameDirectory | undefined }): string | null {
  if (lookup.isError) return describeError(lookup.error, 'look up what they refer to').message;
  const failures = lookup.data?.failures ?? [];
  return failures.length
    ? `Some lookups failed: ${failures
        .map((f) => `${f.what} (${f.error.status === 403 ? 'permission needed' : titleInSentence(describeError(f.error).title)})`)
        .join(', ')}.`
    : null;
}

/** What a check that answered found, said once it answers after Try again. */
export function checkedWords(missing: readonly MissingDependency[], known: GoneNames | undefined): string {
  return missing.length === 0
    ? 'Checked: nothing it refers to is missing.'
    : `Checked: it refers to ${missing.length === 1 ? 'something that no longer exists' : `${missing.length} things that no longer exist`}: ${missing
        .map((m) => `${m.where} ${nameOfMissing(m, known)}`)
        .join(', ')}.`;
}
