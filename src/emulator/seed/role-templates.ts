// Directory role templates: the ids are Microsoft's published, tenant-independent template ids.
import type { RoleTemplate } from '../core/model';

const role = (id: string, displayName: string, description: string): RoleTemplate => ({ id, displayName, description });

export const roles = {
  globalAdministrator: role(
    '62e90394-69f5-4237-9190-012177145e10',
    'Global Administrator',
    'Can manage all aspects of Microsoft Entra ID and Microsoft services that use Microsoft Entra identities.',
  ),
  securityAdministrator: role(
    '194ae4cb-b126-40b2-bd5b-6091b380977d',
    'Security Administrator',
    'Can read security information and reports, and manage configuration in Microsoft Entra ID and Office 365.',
  ),
  conditionalAccessAdministrator: role(
    'b1be1c3e-b65d-4f19-8427-f6fa0d97feb9',
    'Conditional Access Administrator',
    'Can manage Conditional Access capabilities.',
  ),
  exchangeAdministrator: role(
    '29232cdf-9323-42fd-ade2-1d097af3e4de',
    'Exchange Administrator',
    'Can manage all aspects of the Exchange product.',
  ),
  sharePointAdministrator: role(
    'f28a1f50-f6e7-4571-818b-6a12f2af6b6c',
    'SharePoint Administrator',
    'Can manage all aspects of the SharePoint service.',
  ),
  userAdministrator: role(
    'fe930be7-5e62-47db-91af-98c3a49a38b1',
    'User Administrator',
    'Can manage all aspects of users and groups, including resetting passwords for limited admins.',
  ),
  helpdeskAdministrator: role(
    '729827e3-9c14-49f7-bb1b-9608f156bbb8',
    'Helpdesk Administrator',
    'Can reset passwords for non-administrators and Helpdesk Administrators.',
  ),
  billingAdministrator: role(
    'b0f54661-2d74-4c50-afa3-1ec803f12efe',
    'Billing Administrator',
    'Can perform common billing related tasks like updating payment information.',
  ),
  applicationAdministrator: role(
    '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3',
    'Application Administrator',
    'Can create and manage all aspects of app registrations and enterprise apps.',
  ),
  cloudApplicationAdministrator: role(
    '158c047a-c907-4556-b7ef-446551a6b5f7',
    'Cloud Application Administrator',
    'Can create and manage all aspects of app registrations and enterprise apps except App Proxy.',
  ),
  authenticationAdministrator: role(
    'c4e39bd9-1100-46d3-8c65-fb160da0071f',
    'Authentication Administrator',
    'Can access to view, set and reset authentication method information for any non-admin user.',
  ),
  privilegedAuthenticationAdministrator: role(
    '7be44c8a-adaf-4e2a-84d6-ab2649e08a13',
    'Privileged Authentication Administrator',
    'Can access to view, set and reset authentication method information for any user (admin or non-admin).',
  ),
  privilegedRoleAdministrator: role(
    'e8611ab8-c189-46e8-94e1-60213ab1f814',
    'Privileged Role Administrator',
    'Can manage role assignments in Microsoft Entra ID, and all aspects of Privileged Identity Management.',
  ),
  intuneAdministrator: role(
    '3a2c62db-5318-420d-8d74-23affee5d9d5',
    'Intune Administrator',
    'Can manage all aspects of the Intune product.',
  ),
  securityReader: role(
    '5d6b6bb7-de71-4623-b4af-96380a352509',
    'Security Reader',
    'Can read security information and reports in Microsoft Entra ID and Office 365.',
  ),
  globalReader: role(
    'f2ef992c-3afb-46b9-b7cf-a126ee74c451',
    'Global Reader',
    'Can read everything that a Global Administrator can, but not update anything.',
  ),
  securityOperator: role('5f2222b1-57c3-48ba-8ad5-d4759f1fde6f', 'Security Operator', 'Creates and manages security events.'),
  teamsAdministrator: role('69091246-20e8-4a56-aa4d-066075b2a7a8', 'Teams Administrator', 'Can manage the Microsoft Teams service.'),
  directorySynchronizationAccounts: role(
    'd29b2b05-8046-44ba-8758-1e26182fcf32',
    'Directory Synchronization Accounts',
    'Only used by Microsoft Entra Connect service.',
  ),
  guestInviter: role(
    '95e79109-95c0-4d8e-aee3-d01accf2d47b',
    'Guest Inviter',
    'Can invite guest users independent of the members can invite guests setting.',
  ),
  reportsReader: role('4a5d8f65-41da-4de4-8968-e035b65339cf', 'Reports Reader', 'Can read sign-in and audit reports.'),
  complianceAdministrator: role(
    '17315797-102d-40b4-93e0-432062caca18',
    'Compliance Administrator',
    'Can read and manage compliance configuration and reports in Microsoft Entra ID and Microsoft 365.',
  ),
  passwordAdministrator: role(
    '966707d0-3269-4727-9be2-8c3a10f19b9d',
    'Password Administrator',
    'Can reset passwords for non-administrators and Password Administrators.',
  ),
  authenticationPolicyAdministrator: role(
    '0526716b-113d-4c15-b2c8-68e3c22b9f80',
    'Authentication Policy Administrator',
    'Can create and manage the authentication methods policy and password protection policy.',
  ),
  directoryReaders: role('88d8e3e3-8f55-4a1e-953a-9b9898b8876b', 'Directory Readers', 'Can read basic directory information.'),
};

export const roleTemplates: RoleTemplate[] = Object.values(roles);

/** The privileged roles that "protect admins" policies usually target. */
export const privilegedRoleIds = [
  roles.globalAdministrator,
  roles.securityAdministrator,
  roles.conditionalAccessAdministrator,
  roles.exchangeAdministrator,
  roles.sharePointAdministrator,
  roles.userAdministrator,
  roles.helpdeskAdministrator,
  roles.billingAdministrator,
  roles.applicationAdministrator,
  roles.cloudApplicationAdministrator,
  roles.authenticationAdministrator,
  roles.privilegedAuthenticationAdministrator,
  roles.privilegedRoleAdministrator,
  roles.intuneAdministrator,
].map((r) => r.id);
