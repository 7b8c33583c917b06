// Reading a policy draft as loose JSON: the rules run on whatever the admin typed, so a missing or
// mistyped part reads as empty instead of throwing (the schema rule reports the mistyping).
import { isJsonObject, objectIn as obj, stringsIn as list, type LooseObject as Loose } from '../json';

export { isJsonObject as isObject, obj, list };

/** The grant controls as the service's rules read them; Graph takes a missing operator as OR. */
export function grantOf(policy: Loose) {
  const grant = obj(policy.grantControls);
  return {
    grant,
    controls: list(grant.builtInControls),
    operator: grant.operator ?? 'OR',
    hasStrength: !!obj(grant.authenticationStrength).id,
  };
}
