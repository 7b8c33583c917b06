// $search on directory collections, as Graph documents it: the clauses it takes and how a name is
// split into the tokens a clause matches.
import { errors } from '../http';
import type { RouteInput } from '../route';

/**
 * The tokens Graph's $search reads in a name or a search text: words split at spaces and symbols, where
 * the case turns from lower to upper, and between letters and digits; words joined only by symbols are
 * one token too ('hello.world': hello, world, helloworld). Lower case: tokens match whatever the case.
 */
export function searchTokens(text: string): string[] {
  const tokens = new Set<string>();
  for (const chunk of text.split(/\s+/).filter(Boolean)) {
    const words = chunk.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    for (const word of words)
      for (const part of word.split(/(?<=\p{Ll})(?=\p{Lu})|(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/u)) tokens.add(part.toLowerCase());
    if (words.length > 1) tokens.add(words.join('').toLowerCase());
  }
  return [...tokens];
}

/** Properties Graph tokenizes for $search; any other property matches as $filter's startswith does. */
const TOKENIZED = new Set(['displayName', 'description']);

/**
 * $search as Graph documents it for directory objects: quoted "property:value" clauses joined by OR
 * or AND (AND binds first), e.g. "displayName:hugo" OR "mail:hugo". It needs ConsistencyLevel:
 * eventual. On displayName and description a clause matches when each of its tokens starts a token
 * of the value, in any order ('displayName:Team' finds 'myContosoTeam'); there is no "contains".
 */
export function searchFilter(input: RouteInput): (item: Record<string, unknown>) => boolean {
  const search = input.url.searchParams.get('$search');
  if (!search) return () => true;
  if (input.request.headers.get('consistencylevel')?.toLowerCase() !== 'eventual') {
    throw errors.badRequest(
      "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'",
    );
  }
  const syntaxError = () => errors.badRequest(`Syntax error in $search: '${search}'.`);
  // Quoted clauses and the operators between them; a value may itself hold "AND" or spaces.
  const tokens = [...search.matchAll(/\s*("[^"]*"|AND\b|OR\b|\S+)/g)].map((m) => m[1]!);
  const clause = (token: string | undefined) => {
    const match = /^"(\w+):([^"]*)"$/.exec(token ?? '');
    if (!match) throw syntaxError();
    const [property, value] = [match[1]!, match[2]!.trim()];
    return { property, value: value.toLowerCase(), tokens: TOKENIZED.has(property) ? searchTokens(value) : null };
  };
  // OR of AND-groups: "a" AND "b" OR "c" is (a and b) or c.
  const groups = [[clause(tokens[0])]];
  for (let index = 1; index < tokens.length; index += 2) {
    const operator = tokens[index];
    if (operator !== 'AND' && operator !== 'OR') throw syntaxError();
    if (operator === 'AND') groups.at(-1)!.push(clause(tokens[index + 1]));
    else groups.push([clause(tokens[index + 1])]);
  }
  const matches = (item: Record<string, unknown>, { property, value, tokens }: ReturnType<typeof clause>) => {
    const text = String(item[property] ?? '');
    if (!tokens) return text.toLowerCase().startsWith(value);
    const words = searchTokens(text);
    return tokens.length > 0 && tokens.every((token) => words.some((word) => word.startsWith(token)));
  };
  return (item) => groups.some((group) => group.every((term) => matches(item, term)));
}
