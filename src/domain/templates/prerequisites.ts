// What a policy needs before it works as written: a licence (Microsoft Entra ID P2 for risk
// conditions, Intune for device compliance and app protection, Purview for insider risk…) or a
// setting elsewhere (security defaults off before any policy can be enabled; SharePoint configured
// for app-enforced restrictions). One table, read against the policy, so every template says it.
import { isJsonObject, stringsIn, type JsonObject } from '../json';

export interface Prerequisite {
  id: string;
  /** Short, for a badge. */
  label: string;
  /** What is needed and why, in a sentence. */
  text: string;
  kind: 'licence' | 'setting';
}

const conditionsOf = (p: JsonObject): JsonObject => (isJsonObject(p.conditions) ? p.conditions : {});
const at = (node: unknown, key: string): unknown => (isJsonObject(node) ? node[key] : undefined);
const grantControls = (p: JsonObject) => stringsIn(at(p.grantControls, 'builtInControls'));
const flagsOrList = (value: unknown) => (typeof value === 'string' ? value.split(',').filter(Boolean) : stringsIn(value));

const RULES: { needs: Prerequisite; when(policy: JsonObject): boolean }[] = [
  {
    needs: {
      id: 'p2-risk',
      label: 'Entra ID P2',
      kind: 'licence',
      text: 'Sign-in, user and workload identity risk need Microsoft Entra ID P2 (ID Protection); without it the condition never matches.',
    },
    when: (p) => {
      const c = conditionsOf(p);
      return (
        stringsIn(c.signInRiskLevels).length > 0 ||
        stringsIn(c.userRiskLevels).length > 0 ||
        stringsIn(c.servicePrincipalRiskLevels).length > 0 ||
        grantControls(p).includes('riskRemediation')
      );
    },
  },
  {
    needs: {
      id: 'insider-risk',
      label: 'P2 and Purview',
      kind: 'licence',
      text: 'Insider risk needs Microsoft Entra ID P2 and Microsoft Purview adaptive protection configured to send risk levels.',
    },
    when: (p) => flagsOrList(conditionsOf(p).insiderRiskLevels).length > 0,
  },
  {
    needs: {
      id: 'agent-id',
      label: 'Entra Agent ID',
      kind: 'licence',
      text: 'Policies for agent identities and agent users need Microsoft Entra Agent ID (preview); agent risk needs ID Protection.',
    },
    when: (p) => {
      const c = conditionsOf(p);
      return (
        flagsOrList(c.agentIdRiskLevels).length > 0 ||
        stringsIn(at(c.clientApplications, 'includeAgentIdServicePrincipals')).length > 0 ||
        stringsIn(at(c.users, 'includeUsers')).includes('AllAgentIdUsers')
      );
    },
  },
  {
    needs: {
      id: 'intune-compliance',
      label: 'Intune',
      kind: 'licence',
      text: 'A compliant device needs Microsoft Intune (or a partner) to enrol devices and report compliance; without it, devices are never compliant.',
    },
    when: (p) => grantControls(p).includes('compliantDevice'),
  },
  {
    needs: {
      id: 'intune-app-protection',
      label: 'Intune app protection',
      kind: 'licence',
      text: 'Approved client apps and app protection policies need Microsoft Intune app protection policies for the users.',
    },
    when: (p) => grantControls(p).some((c) => c === 'approvedApplication' || c === 'compliantApplication'),
  },
  {
    needs: {
      id: 'hybrid-join',
      label: 'Hybrid join',
      kind: 'setting',
      text: 'A hybrid joined device needs devices joined to an on-premises domain and synchronised to Microsoft Entra ID.',
    },
    when: (p) => grantControls(p).includes('domainJoinedDevice'),
  },
  {
    needs: {
      id: 'verified-id',
      label: 'Verified ID',
      kind: 'setting',
      text: 'Identity verification needs Microsoft Entra Verified ID with Face Check set up in the tenant.',
    },
    when: (p) => grantControls(p).includes('verifiedID'),
  },
  {
    needs: {
      id: 'sharepoint-restrictions',
      label: 'SharePoint setting',
      kind: 'setting',
      text: 'App-enforced restrictions only take effect once SharePoint Online and Exchange Online are configured to honour them.',
    },
    when: (p) => at(at(p.sessionControls, 'applicationEnforcedRestrictions'), 'isEnabled') === true,
  },
  {
    needs: {
      id: 'mdca',
      label: 'Defender for Cloud Apps',
      kind: 'licence',
      text: 'Conditional Access App Control needs Microsoft Defender for Cloud Apps.',
    },
    when: (p) => at(at(p.sessionControls, 'cloudAppSecurity'), 'isEnabled') === true,
  },
  {
    needs: {
      id: 'phishing-resistant-registered',
      label: 'Methods registered',
      kind: 'setting',
      text: 'Users must have registered a method the authentication strength accepts before the policy is enforced, or they are locked out.',
    },
    when: (p) => isJsonObject(at(p.grantControls, 'authenticationStrength')),
  },
];

/** Needed by every policy the moment it is enabled (not in report-only). */
export const SECURITY_DEFAULTS: Prerequisite = {
  id: 'security-defaults-off',
  label: 'Security defaults off',
  kind: 'setting',
  text: 'Security defaults must be turned off before any Conditional Access policy can be enabled; report-only works either way.',
};

/** What this policy needs, licences first. Security defaults are said once, for every policy, by the page. */
export function prerequisitesOf(policy: JsonObject): Prerequisite[] {
  return RULES.filter((rule) => rule.when(policy))
    .map((rule) => rule.needs)
    .sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'licence' ? -1 : 1));
}
