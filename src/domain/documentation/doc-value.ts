// One object as a document shows it: its name (or pseudonym) and id, from the policy describer's
// reference. The one place masking turns an object's name into a pseudonym; the names the tenant
// gave its strengths, contexts and terms of use are kept, with masked names inside them replaced.
import type { NameRef } from '../describe-policy';
import type { NameKind } from '../references';
import type { Masking } from './mask-text';

/** An object as the document shows it. */
export interface DocValue {
  /** Its name: a pseudonym when masked, the admin center's words for special values ("All users"). */
  name: string;
  /** Its id; null for special values and masked objects. */
  id: string | null;
  /** A second identifier shown beside the id: a user's sign-in name, the external tenants of a guest line. */
  detail: string | null;
  /** The policy names an object the tenant no longer holds. */
  missing: boolean;
  masked: boolean;
}

const KIND_WORDS: Record<NameKind, string> = {
  user: 'user',
  group: 'group',
  role: 'role',
  application: 'application',
  servicePrincipal: 'service principal',
  namedLocation: 'named location',
  authenticationContext: 'authentication context',
  termsOfUse: 'terms of use',
  authenticationStrength: 'authentication strength',
};

// Roles and Microsoft's applications are named by Microsoft; these by the tenant.
const TENANT_NAMED = new Set<NameKind>(['authenticationStrength', 'authenticationContext', 'termsOfUse']);

/** Turns the describer's reference into what the document shows, masking it when asked. */
export function docValue(ref: NameRef, masking: Masking | null): DocValue {
  const kind = ref.kind;
  if (kind === undefined || kind === 'special' || kind === 'tenant')
    return { name: ref.label, id: null, detail: masking ? null : (ref.detail ?? null), missing: false, masked: false };
  if (masking?.pseudonyms.masks(kind, ref.id)) {
    const alias = masking.pseudonyms.of(kind, ref.id);
    return { name: ref.missing ? `${alias} (deleted)` : alias, id: null, detail: null, missing: !!ref.missing, masked: true };
  }
  let name = ref.label;
  // The describer falls back to the id where it knows no name, and labels contexts "Name (c1)".
  if (!ref.missing && name === ref.id) name = `Unknown ${KIND_WORDS[kind]}`;
  else if (!ref.missing && name.endsWith(`: ${ref.id}`)) name = `${name.slice(0, -ref.id.length)}name not in the backup`;
  else if (name.endsWith(` (${ref.id})`)) name = name.slice(0, -ref.id.length - 3);
  if (masking && TENANT_NAMED.has(kind)) name = masking.text(name);
  return { name, id: ref.id, detail: kind === 'user' && ref.detail ? ref.detail : null, missing: !!ref.missing, masked: false };
}
