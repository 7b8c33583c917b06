// POST /groups, as group-post-groups documents it: displayName, mailEnabled, mailNickname and
// securityEnabled are required (mailNickname even for a group that is not mail-enabled); 201 with the
// group; members and owners may be bound at creation, 20 at most. Validation errors take the
// directory's shape (Request_BadRequest naming the property); a caller without Group.ReadWrite.All,
// Group.Create or Directory.ReadWrite.All gets the directory's 403, Authorization_RequestDenied.
import { errors, GraphError, isObject, jsonResponse, readJson } from '../http';
import { newId } from '../ids';
import type { DirectoryGroup, TenantState } from '../model';
import { contextUrl, GUID, scopes, type Route } from '../route';

const required = (property: string) =>
  new GraphError(400, 'Request_BadRequest', `A value is required for property '${property}' of resource 'Group'.`);
const invalid = (property: string) =>
  new GraphError(400, 'Request_BadRequest', `Invalid value specified for property '${property}' of resource 'Group'.`, undefined, {}, [
    { code: 'InvalidValue', target: property },
  ]);

/** At most 64 ASCII characters, none of @ ( ) \ [ ] " ; : . < > , or space (the page's list). */
const NICKNAME = /^[\x21-\x7e]{1,64}$/;
const NICKNAME_FORBIDDEN = /[@()\\[\]";:.<>,]/;
/** The documented cap on owners and members bound in the create request. */
const MAX_BOUND = 20;

/** The ids of `members@odata.bind` / `owners@odata.bind` URLs; each must name an object of the tenant. */
function boundIds(tenant: TenantState, value: unknown, property: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw invalid(property);
  const known = new Set([...tenant.users, ...tenant.groups, ...tenant.servicePrincipals].map((o) => o.id));
  return value.map((url) => {
    const id =
      typeof url === 'string' ? new RegExp(`/(?:users|groups|servicePrincipals|directoryObjects)/${GUID}$`).exec(url)?.[1] : undefined;
    if (!id) throw invalid(property);
    if (!known.has(id)) throw errors.directoryNotFound(id);
    return id;
  });
}

/** What the create page's security-group example answers, beyond what the emulator keeps. */
const documentedNulls = {
  deletedDateTime: null,
  classification: null,
  expirationDateTime: null,
  isAssignableToRole: null,
  mail: null,
  membershipRule: null,
  membershipRuleProcessingState: null,
  onPremisesLastSyncDateTime: null,
  onPremisesSecurityIdentifier: null,
  onPremisesSyncEnabled: null,
  preferredDataLocation: null,
  proxyAddresses: [],
  visibility: null,
};

export const groupWriteRoutes: Route[] = [
  {
    method: 'POST',
    pattern: /^groups$/,
    scopes: scopes.createGroups,
    denied: errors.insufficientPrivileges,
    throttle: 'none',
    async handle(input) {
      const body = await readJson(input.request);
      if (!isObject(body)) throw errors.invalidJson();
      const { displayName, mailEnabled, mailNickname, securityEnabled, description } = body;
      for (const property of ['displayName', 'mailEnabled', 'mailNickname', 'securityEnabled']) {
        if (body[property] === undefined || body[property] === null) throw required(property);
      }
      if (typeof displayName !== 'string' || !displayName.trim() || displayName.length > 256) throw invalid('displayName');
      if (typeof mailEnabled !== 'boolean') throw invalid('mailEnabled');
      if (typeof securityEnabled !== 'boolean') throw invalid('securityEnabled');
      if (typeof mailNickname !== 'string' || !NICKNAME.test(mailNickname) || NICKNAME_FORBIDDEN.test(mailNickname))
        throw invalid('mailNickname');
      if (description !== undefined && description !== null && typeof description !== 'string') throw invalid('description');
      const groupTypes = body.groupTypes ?? [];
      if (!Array.isArray(groupTypes) || !groupTypes.every((t) => t === 'Unified' || t === 'DynamicMembership')) throw invalid('groupTypes');
      // Not documented as errors, so these messages are the emulator's: Graph creates only Microsoft 365
      // and security groups, and the emulator keeps no membership rules.
      if (groupTypes.includes('DynamicMembership')) throw errors.badRequest('The emulator does not create dynamic groups.');
      if (mailEnabled && !groupTypes.includes('Unified')) {
        throw errors.badRequest('Only Microsoft 365 groups can be mail-enabled when created through Microsoft Graph.');
      }
      const members = boundIds(input.tenant, body['members@odata.bind'], 'members@odata.bind');
      // Owners are checked like members but not kept: nothing in the emulator reads them.
      const owners = boundIds(input.tenant, body['owners@odata.bind'], 'owners@odata.bind');
      if (members.length + owners.length > MAX_BOUND) {
        throw errors.badRequest(`At most ${MAX_BOUND} owners and members can be added when a group is created; add the others afterwards.`);
      }

      const group: DirectoryGroup = {
        id: newId(),
        displayName,
        description: typeof description === 'string' ? description : null,
        securityEnabled,
        mailEnabled,
        groupTypes: groupTypes as string[],
        mailNickname,
        createdDateTime: input.context.now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      };
      input.tenant.groups.push(group);
      if (members.length > 0) input.tenant.groupMembers = { ...input.tenant.groupMembers, [group.id]: [...new Set(members)] };
      return jsonResponse(input.context, 201, {
        '@odata.context': contextUrl(input, 'groups/$entity'),
        ...documentedNulls,
        ...group,
        renewedDateTime: group.createdDateTime,
      });
    },
  },
];
