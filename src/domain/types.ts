// Graph types used by the console. Generated types come from @microsoft/microsoft-graph-types-beta;
// they lag the service, so code that walks policies treats unknown properties as opaque JSON.
export type {
  ConditionalAccessPolicy,
  ConditionalAccessConditionSet,
  ConditionalAccessGrantControls,
  ConditionalAccessSessionControls,
  ConditionalAccessUsers,
  ConditionalAccessApplications,
  ConditionalAccessPolicyState,
  NamedLocation,
  IpNamedLocation,
  CountryNamedLocation,
  AuthenticationStrengthPolicy,
} from '@microsoft/microsoft-graph-types-beta';

/** A named location in deleted items: kept 30 days, restorable until then. */
export interface DeletedNamedLocation {
  id: string;
  displayName: string;
  '@odata.type'?: string;
  deletedDateTime?: string | null;
  ipRanges?: { cidrAddress: string }[];
  countriesAndRegions?: string[];
  isTrusted?: boolean;
}

/** The state in which a policy is evaluated and logged but not enforced. */
export const REPORT_ONLY = 'enabledForReportingButNotEnforced';
