// Microsoft's own applications by appId, with the names the admin center shows. A first-party app's
// appId is the same in every tenant, so a policy that names one means the same app wherever it is
// written, whether or not that tenant has signed in to it yet (its service principal may be missing).
// Exports that carry bare appIds (IntuneManagement) get them named from here; an appId missing here
// is looked up in the tenant as any other application.

const APPS: readonly (readonly [appId: string, name: string])[] = [
  ['00000002-0000-0000-c000-000000000000', 'Windows Azure Active Directory'],
  ['00000002-0000-0ff1-ce00-000000000000', 'Office 365 Exchange Online'],
  ['00000003-0000-0000-c000-000000000000', 'Microsoft Graph'],
  ['00000003-0000-0ff1-ce00-000000000000', 'Office 365 SharePoint Online'],
  ['00000004-0000-0ff1-ce00-000000000000', 'Skype for Business Online'],
  ['00000006-0000-0ff1-ce00-000000000000', 'Microsoft Office 365 Portal'],
  ['00000009-0000-0000-c000-000000000000', 'Power BI Service'],
  ['0000000a-0000-0000-c000-000000000000', 'Microsoft Intune'],
  ['0000000c-0000-0000-c000-000000000000', 'Microsoft App Access Panel'],
  ['04b07795-8ddb-461a-bbee-02f9e1bf7b46', 'Microsoft Azure CLI'],
  ['14d82eec-204b-4c2f-b7e8-296a70dab67e', 'Microsoft Graph Command Line Tools'],
  ['1950a258-227b-4e31-a9cf-717495945fc2', 'Microsoft Azure PowerShell'],
  ['19db86c3-b2b9-44cc-b339-36da233a3be2', 'My Signins'],
  ['1fec8e78-bce4-4aaf-ab1b-5451cc387264', 'Microsoft Teams'],
  ['2634dd23-5e5a-431c-81ca-11710d9079f4', 'Microsoft Stream Service'],
  ['2793995e-0a7d-40d7-bd35-6968ba142197', 'My Apps'],
  ['4765445b-32c6-49b0-83e6-1d93765276ca', 'OfficeHome'],
  ['497effe9-df71-4043-a8bb-14cf78c4b63b', 'Exchange Admin Center'],
  ['797f4846-ba00-4fd7-ba43-dac1f8f63013', 'Windows Azure Service Management API'],
  ['80ccca67-54bd-44ab-8625-4b79c4dc7775', 'Microsoft 365 Security and Compliance Center'],
  ['8c59ead7-d703-4a27-9e55-c96a0054c8d2', 'My Profile'],
  ['c44b4083-3bb0-49c1-b47d-974e53cbdf3c', 'Azure Portal'],
  ['c9a559d2-7aab-4f13-a6ed-e7e9c52aec87', 'Microsoft Forms'],
  ['cc15fd57-2c6c-4117-a88c-83b1d56b4bbe', 'Microsoft Teams Services'],
  ['d3590ed6-52b3-4102-aeff-aad2292ab01c', 'Microsoft Office'],
  ['d4ebce55-015a-49b5-a083-c84d1797ae8c', 'Microsoft Intune Enrollment'],
  ['de8bc8b5-d9f9-48b1-a8ad-b748da725064', 'Graph Explorer'],
  // Its service principal is named Portfolios; the admin center's app picker calls it Project Online.
  ['f53895d3-095d-408f-8e93-8f94b391404e', 'Project Online'],
];

const byAppId = new Map(APPS.map(([appId, name]) => [appId, name]));

/** The Microsoft app an appId stands for, by name, or none. */
export const firstPartyAppName = (appId: string): string | null => byAppId.get(appId.trim().toLowerCase()) ?? null;
