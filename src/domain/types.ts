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
