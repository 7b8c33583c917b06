// $orderby and $skip on the Conditional Access lists (policies, named locations, their deleted items):
// v1.0/api/conditionalaccessroot-list-policies.md lists $skip, $top, $count, $filter, $orderBy and
// $select among the query parameters the list supports.
import { errors } from './http';

/**
 * Sorts by `$orderby` ("displayName", "createdDateTime desc", "state asc,displayName"): the
 * properties a list names as sortable, ascending unless desc, nulls first as OData orders them.
 * Graph's words for a property it cannot sort by are not documented: this 400 is ours.
 */
export function orderBy<T extends object>(items: T[], url: URL, sortable: readonly string[]): T[] {
  const param = url.searchParams.get('$orderby') ?? url.searchParams.get('$orderBy');
  if (!param?.trim()) return items;
  const keys = param.split(',').map((part) => {
    const [name = '', direction = 'asc', ...rest] = part.trim().split(/\s+/);
    const property = sortable.find((candidate) => candidate.toLowerCase() === name.toLowerCase());
    if (!property || rest.length > 0 || !/^(asc|desc)$/i.test(direction)) {
      throw errors.badRequest(`Invalid $orderby '${param}': the list can be ordered by ${sortable.join(', ')}, each asc or desc.`);
    }
    return { property, sign: direction.toLowerCase() === 'desc' ? -1 : 1 };
  });
  const value = (item: T, property: string): unknown => (item as Record<string, unknown>)[property] ?? null;
  return [...items].sort((a, b) => {
    for (const { property, sign } of keys) {
      const order = compare(value(a, property), value(b, property));
      if (order !== 0) return sign * order;
    }
    return 0;
  });
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const left = String(a);
  const right = String(b);
  return left.toLowerCase().localeCompare(right.toLowerCase()) || (left < right ? -1 : left > right ? 1 : 0);
}

/** Leaves out the first `$skip` items (a whole number, 0 or more). */
export function skip<T>(items: T[], url: URL): T[] {
  const param = url.searchParams.get('$skip');
  if (param === null) return items;
  const count = Number(param);
  if (!/^\d+$/.test(param.trim()) || !Number.isSafeInteger(count)) throw errors.badRequest(`Invalid value '${param}' for $skip.`);
  return items.slice(count);
}
