// The service's limit on Conditional Access policies per tenant (graph-ca-api.md: 195); a create
// beyond it is refused, so a plan that would pass it cannot be applied as it is.
export const SERVICE_POLICY_LIMIT = 195;

export const POLICY_LIMIT_WORDS = (after: number) =>
  `This tenant would hold ${after} policies; the service allows ${SERVICE_POLICY_LIMIT}. Leave out ${after - SERVICE_POLICY_LIMIT} of the new ones.`;
