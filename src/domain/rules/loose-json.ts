// Reading a policy draft as loose JSON: the rules run on whatever the admin typed, so a missing or
// mistyped part reads as empty instead of throwing (the schema rule reports the mistyping).
type Loose = Record<string, unknown>;

export const isObject = (value: unknown): value is Loose => typeof value === 'object' && value !== null && !Array.isArray(value);
export const obj = (value: unknown): Loose => (isObject(value) ? value : {});
export const list = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** The grant controls as the service's rules read them; Graph takes a missing operator as OR. */
export function grantOf(policy: Loose) {
  const grant = obj(policy.grantControls);
  return { grant, controls: list(grant.builtInControls), operator: grant.operator ?? 'OR', hasStrength: !!obj(grant.authenticationStrength).id };
}
