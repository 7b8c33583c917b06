// The app groups a policy can name instead of appIds: Office365 and MicrosoftAdminPortals. Microsoft
// documents them by app name (reference-office-365-application-contents, concept-conditional-access-
// cloud-apps) and keeps adding to them; no Graph call lists their appIds. This table is the documented
// subset whose appIds are well known. An app outside the table is not assumed out of the group: the
// answer is unknown, which makes a policy indeterminate only where the group decides it (a policy on
// All resources that excludes nothing does not care). An app owned by a tenant other than Microsoft's
// is in neither group, whatever its id. A caller that knows better passes its own lists in the context.
import { no, notKnown, yes, type Tri } from './outcome';

export type AppGroup = 'Office365' | 'MicrosoftAdminPortals';

/** Tenants that own Microsoft's first-party apps. */
const MICROSOFT_TENANTS = new Set(['f8cdef31-a31e-4b4a-93e4-5f571e91255a', '72f988bf-86f1-41af-91ab-2d7cd011db47']);

const EXCHANGE = '00000002-0000-0ff1-ce00-000000000000';
const SHAREPOINT = '00000003-0000-0ff1-ce00-000000000000';
const SKYPE = '00000004-0000-0ff1-ce00-000000000000';
const TEAMS_SERVICES = 'cc15fd57-2c6c-4117-a88c-83b1d56b4bbe';
const AZURE_PORTAL = 'c44b4083-3bb0-49c1-b47d-974e53cbdf3c';

/** Documented members, by appId. */
export const APP_GROUP_MEMBERS: Record<AppGroup, readonly string[]> = {
  Office365: [
    EXCHANGE,
    SHAREPOINT,
    SKYPE,
    TEAMS_SERVICES,
    '1fec8e78-bce4-4aaf-ab1b-5451cc387264', // Microsoft Teams
    '00000006-0000-0ff1-ce00-000000000000', // Microsoft Office 365 Portal
    '4765445b-32c6-49b0-83e6-1d93765276ca', // OfficeHome
    'd3590ed6-52b3-4102-aeff-aad2292ab01c', // Microsoft Office
    'c9a559d2-7aab-4f13-a6ed-e7e9c52aec87', // Microsoft Forms
  ],
  MicrosoftAdminPortals: [
    AZURE_PORTAL,
    '80ccca67-54bd-44ab-8625-4b79c4dc7775', // Microsoft 365 Security and Compliance Center
    '497effe9-df71-4043-a8bb-14cf78c4b63b', // Exchange admin center
  ],
};

/** Microsoft apps known to be outside a group (the group's documented list does not have them). */
const KNOWN_OUTSIDE: Record<AppGroup, readonly string[]> = {
  Office365: [
    '00000003-0000-0000-c000-000000000000', // Microsoft Graph
    '00000002-0000-0000-c000-000000000000', // Windows Azure Active Directory
    '797f4846-ba00-4fd7-ba43-dac1f8f63013', // Windows Azure Service Management API
    '0000000a-0000-0000-c000-000000000000', // Microsoft Intune
    'd4ebce55-015a-49b5-a083-c84d1797ae8c', // Microsoft Intune Enrollment
    AZURE_PORTAL,
  ],
  MicrosoftAdminPortals: [
    '00000003-0000-0000-c000-000000000000',
    '00000002-0000-0000-c000-000000000000',
    '0000000a-0000-0000-c000-000000000000',
    'd4ebce55-015a-49b5-a083-c84d1797ae8c',
    EXCHANGE,
    SHAREPOINT,
    SKYPE,
    TEAMS_SERVICES,
  ],
};

export const APP_GROUP_WORDS: Record<AppGroup, string> = { Office365: 'Office 365', MicrosoftAdminPortals: 'Microsoft Admin Portals' };

export function inAppGroup(
  group: AppGroup,
  app: { appId: string; ownerTenantId?: string },
  appName: string,
  override?: readonly string[],
): Tri {
  const words = APP_GROUP_WORDS[group];
  const id = app.appId.toLowerCase();
  if (override)
    return override.some((m) => m.toLowerCase() === id) ? yes(`${appName} is in ${words}`) : no(`${appName} is not in ${words}`);
  if (APP_GROUP_MEMBERS[group].includes(id)) return yes(`${appName} is in ${words}`);
  if (app.ownerTenantId !== undefined && !MICROSOFT_TENANTS.has(app.ownerTenantId.toLowerCase()))
    return no(`${appName} is not a Microsoft app, so it is not in ${words}`);
  if (KNOWN_OUTSIDE[group].includes(id)) return no(`${appName} is not in ${words}`);
  return notKnown(`whether ${appName} is in ${words} is not known (Microsoft lists the group's apps by name only)`, [
    `context.appGroups.${group}`,
  ]);
}
