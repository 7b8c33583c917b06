// Microsoft's own applications, by appId (the same in every tenant and public): masking may leave
// their names, which say nothing about the tenant. Any application not listed here is masked.
const MICROSOFT_APP_IDS = new Set([
  '00000002-0000-0ff1-ce00-000000000000', // Office 365 Exchange Online
  '00000003-0000-0ff1-ce00-000000000000', // Office 365 SharePoint Online
  '00000006-0000-0ff1-ce00-000000000000', // Microsoft Office 365 Portal
  '00000003-0000-0000-c000-000000000000', // Microsoft Graph
  '00000002-0000-0000-c000-000000000000', // Windows Azure Active Directory
  '00000007-0000-0000-c000-000000000000', // Dynamics CRM Online
  '00000009-0000-0000-c000-000000000000', // Power BI Service
  '0000000a-0000-0000-c000-000000000000', // Microsoft Intune
  '0000000c-0000-0000-c000-000000000000', // Microsoft App Access Panel
  'cc15fd57-2c6c-4117-a88c-83b1d56b4bbe', // Microsoft Teams Services
  '1fec8e78-bce4-4aaf-ab1b-5451cc387264', // Microsoft Teams
  '797f4846-ba00-4fd7-ba43-dac1f8f63013', // Windows Azure Service Management API
  'c44b4083-3bb0-49c1-b47d-974e53cbdf3c', // Azure Portal
  'd4ebce55-015a-49b5-a083-c84d1797ae8c', // Microsoft Intune Enrollment
  '9ba1a5c7-f17a-4de9-a1f1-6178c8d51223', // Microsoft Intune Company Portal
  '29d9ed98-a469-4536-ade2-f981bc1d605e', // Microsoft Authentication Broker
  '04b07795-8ddb-461a-bbee-02f9e1bf7b46', // Microsoft Azure CLI
  '1950a258-227b-4e31-a9cf-717495945fc2', // Microsoft Azure PowerShell
  '499b84ac-1321-427f-aa17-267ca6975798', // Azure DevOps
  'd3590ed6-52b3-4102-aeff-aad2292ab01c', // Microsoft Office
  '9cdead84-a844-4324-93f2-b2e6bb768d07', // Azure Virtual Desktop
  '0af06dc6-e4b5-4f28-818e-e78e62d137a5', // Windows 365
  '2793995e-0a7d-40d7-bd35-6968ba142197', // My Apps
]);

export const isMicrosoftApp = (appId: string) => MICROSOFT_APP_IDS.has(appId.toLowerCase());
