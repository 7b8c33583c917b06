// Counts in words for file results: "36 policies, 3 named locations", "9,000 policies" (thousands apart).
import { isolatedText } from '../isolate';

export const plural = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;

/** "a, b and c" */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;
}

/** Names in quotes, each isolated (they come from the admin's files), the first few only: “A”, “B” and 3 more. */
export function someNames(names: readonly string[], shown = 3): string {
  const quoted = names.slice(0, shown).map((n) => `“${isolatedText(n)}”`);
  return names.length > shown ? `${quoted.join(', ')} and ${names.length - shown} more` : listWords(quoted);
}

export const SECTION_WORDS = {
  policies: ['policy', 'policies'],
  namedLocations: ['named location', 'named locations'],
  authenticationStrengths: ['authentication strength', 'authentication strengths'],
  authenticationContexts: ['authentication context', 'authentication contexts'],
  termsOfUse: ['terms of use', 'terms of use'],
} as const;
