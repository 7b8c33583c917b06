// Microsoft first-party application ids (public, the same in every tenant) used by the seed.
export const microsoftApps = {
  exchangeOnline: { appId: '00000002-0000-0ff1-ce00-000000000000', displayName: 'Office 365 Exchange Online' },
  sharePointOnline: { appId: '00000003-0000-0ff1-ce00-000000000000', displayName: 'Office 365 SharePoint Online' },
  microsoftGraph: { appId: '00000003-0000-0000-c000-000000000000', displayName: 'Microsoft Graph' },
  teams: { appId: 'cc15fd57-2c6c-4117-a88c-83b1d56b4bbe', displayName: 'Microsoft Teams Services' },
  azureManagement: { appId: '797f4846-ba00-4fd7-ba43-dac1f8f63013', displayName: 'Windows Azure Service Management API' },
  intuneEnrollment: { appId: 'd4ebce55-015a-49b5-a083-c84d1797ae8c', displayName: 'Microsoft Intune Enrollment' },
  intune: { appId: '0000000a-0000-0000-c000-000000000000', displayName: 'Microsoft Intune' },
  azureCli: { appId: '04b07795-8ddb-461a-bbee-02f9e1bf7b46', displayName: 'Microsoft Azure CLI' },
  azurePowerShell: { appId: '1950a258-227b-4e31-a9cf-717495945fc2', displayName: 'Microsoft Azure PowerShell' },
} as const;
