// $orderby, $skip and $count on the Conditional Access lists (conditionalaccessroot-list-policies.md
// lists $skip, $top, $count, $filter, $orderBy and $select).
import { describe, expect, it } from 'vitest';
import { testEmulator } from '../harness/test-emulator';
import type { JsonObject } from './model';

const POLICIES = '/v1.0/identity/conditionalAccess/policies';
const LOCATIONS = '/v1.0/identity/conditionalAccess/namedLocations';
const json = async (response: Response) => (await response.json()) as JsonObject;
const names = (body: JsonObject) => (body.value as JsonObject[]).map((item) => String(item.displayName));
const byName = (a: string, b: string) => a.toLowerCase().localeCompare(b.toLowerCase());

describe.each([
  ['policies', POLICIES],
  ['named locations', LOCATIONS],
])('the list of %s', (_, url) => {
  it('is ordered by displayName, ascending or descending', async () => {
    const { call } = testEmulator();
    const all = names(await json(await call('GET', url)));
    const ascending = names(await json(await call('GET', `${url}?$orderby=displayName`)));
    expect(ascending).toEqual([...all].sort(byName));
    const descending = names(await json(await call('GET', `${url}?$orderby=displayName%20desc`)));
    expect(descending).toEqual([...all].sort(byName).reverse());
  });

  it('is ordered by createdDateTime', async () => {
    const { call } = testEmulator();
    const items = (await json(await call('GET', `${url}?$orderby=createdDateTime%20desc`))).value as JsonObject[];
    const times = items.map((item) => String(item.createdDateTime));
    expect(times).toEqual([...times].sort().reverse());
  });

  it('leaves out the first $skip items, and pages with $top after them', async () => {
    const { call } = testEmulator();
    const all = names(await json(await call('GET', `${url}?$orderby=displayName`)));
    expect(names(await json(await call('GET', `${url}?$orderby=displayName&$skip=2`)))).toEqual(all.slice(2));
    const first = await json(await call('GET', `${url}?$orderby=displayName&$skip=1&$top=2`));
    expect(names(first)).toEqual(all.slice(1, 3));
    const next = new URL(String(first['@odata.nextLink']));
    expect(names(await json(await call('GET', `${next.pathname}${next.search}`)))).toEqual(all.slice(3, 5));
  });

  it('counts every item with $count=true', async () => {
    const { call } = testEmulator();
    const all = names(await json(await call('GET', url)));
    expect((await json(await call('GET', `${url}?$count=true&$top=1`)))['@odata.count']).toBe(all.length);
  });

  it('refuses an order it cannot sort by, and a $skip that is no whole number', async () => {
    const { call } = testEmulator();
    expect((await call('GET', `${url}?$orderby=displayNmae`)).status).toBe(400);
    expect((await call('GET', `${url}?$skip=-1`)).status).toBe(400);
  });
});
