// POST users/{id}/checkMemberGroups and groups/{id}/checkMemberGroups (directoryobject-checkmembergroups.md):
// which of up to 20 given groups the object is in, transitively.
import { errors, isObject, jsonResponse, readJson } from '../http';
import { GUID, scopes, type Route } from '../route';
import { transitiveGroups } from '../sign-ins/subject';

const MAX_GROUPS = 20;

export const checkMemberGroupsRoute: Route = {
  method: 'POST',
  pattern: new RegExp(`^(users|groups)/${GUID}/checkMemberGroups$`),
  readOnly: true,
  scopes: scopes.readGroups,
  throttle: 'none',
  async handle(input) {
    const [collection, id] = input.params as [string, string];
    const granted = new Set(input.principal.scopes);
    // For a user the page asks for a user permission as well, unless Directory.Read.All covers both.
    const directoryWide = granted.has('Directory.Read.All') || granted.has('Directory.ReadWrite.All');
    if (collection === 'users' && !directoryWide && !granted.has('User.ReadBasic.All') && !granted.has('User.Read.All')) {
      throw errors.accessDenied(['User.ReadBasic.All', 'User.Read.All', 'Directory.Read.All']);
    }
    const exists = collection === 'users' ? input.tenant.users.some((u) => u.id === id) : input.tenant.groups.some((g) => g.id === id);
    if (!exists) throw errors.directoryNotFound(id);
    const body = await readJson(input.request);
    if (!isObject(body) || !Array.isArray(body.groupIds) || !body.groupIds.every((g) => typeof g === 'string')) {
      throw errors.badRequest("The request body must contain 'groupIds', a list of group ids.");
    }
    // The page gives the limit, not the refusal's text: this message is the emulator's.
    if (body.groupIds.length > MAX_GROUPS) throw errors.badRequest(`At most ${MAX_GROUPS} groups can be checked per request.`);
    const memberOf = transitiveGroups(input.tenant, id);
    return jsonResponse(input.context, 200, {
      '@odata.context': `https://graph.microsoft.com/${input.version}/$metadata#Collection(Edm.String)`,
      value: (body.groupIds as string[]).filter((groupId) => memberOf.has(groupId)),
    });
  },
};
