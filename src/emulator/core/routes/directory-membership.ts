// Membership in the directory: the groups, directory roles and administrative units a user or group
// belongs to (memberOf, transitiveMemberOf), and a group's members (members, transitiveMembers).
import { errors, jsonResponse } from '../http';
import { stableId } from '../ids';
import { listBody, paginate, selector } from '../odata';
import { contextUrl, GUID, scopes, type Route, type RouteInput } from '../route';
import { objects } from './directory-objects';

/** The groups and activated directory roles an object is a direct member of, or, transitively, through groups. */
function memberOf(input: RouteInput, id: string, transitive: boolean): Record<string, unknown>[] {
  const groupMembers = input.tenant.groupMembers ?? {};
  const roleMembers = input.tenant.roleMembers ?? {};
  const groupIds: string[] = [];
  const queue = [id];
  while (queue.length > 0) {
    const member = queue.shift()!;
    for (const [groupId, members] of Object.entries(groupMembers)) {
      if (!members.includes(member) || groupIds.includes(groupId)) continue;
      groupIds.push(groupId);
      if (transitive) queue.push(groupId);
    }
  }
  const holders = new Set(transitive ? [id, ...groupIds] : [id]);
  const roles = Object.entries(roleMembers)
    .filter(([, members]) => members.some((m) => holders.has(m)))
    .map(([templateId]) => input.state.catalog.roleTemplates.find((r) => r.id === templateId))
    .filter((r) => !!r)
    .map((r) => ({
      '@odata.type': '#microsoft.graph.directoryRole',
      id: stableId(`${input.tenant.id}:directoryRole:${r.id}`),
      deletedDateTime: null,
      description: r.description,
      displayName: r.displayName,
      roleTemplateId: r.id,
    }));
  const groups = objects(input.tenant, 'groups').filter((g) => groupIds.includes(String(g.id)));
  // Units hold their members directly (no nesting), so they are the same either way.
  const units = (input.tenant.administrativeUnits ?? [])
    .filter((unit) => unit.members.includes(id))
    .map(({ members: _members, ...unit }) => ({
      '@odata.type': '#microsoft.graph.administrativeUnit',
      description: null,
      visibility: null,
      ...unit,
    }));
  return [...groups, ...roles, ...units];
}

const CASTS: Record<string, string> = {
  group: '#microsoft.graph.group',
  directoryRole: '#microsoft.graph.directoryRole',
  administrativeUnit: '#microsoft.graph.administrativeUnit',
};

export function memberOfRoutes(collection: 'users' | 'groups', scopeSet: readonly string[]): Route {
  return {
    method: 'GET',
    pattern: new RegExp(
      `^${collection}/${GUID}/(memberOf|transitiveMemberOf)(?:/microsoft\\.graph\\.(group|directoryRole|administrativeUnit))?$`,
    ),
    scopes: scopeSet,
    throttle: 'none',
    handle(input) {
      const [id, relation, cast] = input.params as [string, string, string | undefined];
      if (!objects(input.tenant, collection).some((o) => o.id === id)) throw errors.directoryNotFound(id);
      // An OData cast keeps one type: memberOf/microsoft.graph.administrativeUnit.
      const all = memberOf(input, id, relation === 'transitiveMemberOf');
      const page = paginate(cast ? all.filter((o) => o['@odata.type'] === CASTS[cast]) : all, input.url, 100);
      page.items = page.items.map(selector(input.url.searchParams.get('$select')));
      return jsonResponse(input.context, 200, listBody(contextUrl(input, 'directoryObjects'), page));
    },
  };
}

/** A group's members, or (transitively) the members of its nested groups too; a cast keeps one type. */
export const membersRoute: Route = {
  method: 'GET',
  pattern: new RegExp(`^groups/${GUID}/(members|transitiveMembers)(?:/microsoft\\.graph\\.(user|group))?$`),
  scopes: scopes.readGroups,
  throttle: 'none',
  handle(input) {
    const [id, relation, cast] = input.params as [string, string, string | undefined];
    if (!input.tenant.groups.some((g) => g.id === id)) throw errors.directoryNotFound(id);
    const groupMembers = input.tenant.groupMembers ?? {};
    const found: string[] = [];
    const queue = [id];
    while (queue.length > 0) {
      for (const member of groupMembers[queue.shift()!] ?? []) {
        if (found.includes(member)) continue;
        found.push(member);
        if (relation === 'transitiveMembers') queue.push(member);
      }
    }
    const everyone = [...objects(input.tenant, 'users'), ...objects(input.tenant, 'groups'), ...objects(input.tenant, 'servicePrincipals')];
    const matched = everyone.filter((o) => found.includes(String(o.id)) && (!cast || o['@odata.type'] === `#microsoft.graph.${cast}`));
    const page = paginate(matched, input.url, 100);
    page.items = page.items.map(selector(input.url.searchParams.get('$select')));
    return jsonResponse(input.context, 200, listBody(contextUrl(input, cast ? `${cast}s` : 'directoryObjects'), page));
  },
};
