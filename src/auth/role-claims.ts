// What a sign-in's role claims say about changing Conditional Access policies. Entra ID puts the
// template ids of the user's active directory roles in `wids`; `roles` carries app roles, which
// count only when they name a directory role. No claim means "unknown", never "cannot": many
// tokens carry none, and their admins keep every action until Graph itself refuses one.

export const CONDITIONAL_ACCESS_ADMINISTRATOR_ROLE = 'b1be1c3e-b65d-4f19-8427-f6fa0d97feb9';

/** The built-in roles that can create, change, delete and restore Conditional Access policies. */
export const WRITER_ROLES: Readonly<Record<string, string>> = {
  [CONDITIONAL_ACCESS_ADMINISTRATOR_ROLE]: 'Conditional Access Administrator',
  '194ae4cb-b126-40b2-bd5b-6091b380977d': 'Security Administrator',
  '62e90394-69f5-4237-9190-012177145e10': 'Global Administrator',
};

/** A role that reads everything and changes nothing (the demo's reader holds it). */
export const GLOBAL_READER_ROLE = 'f2ef992c-3afb-46b9-b7cf-a126ee74c451';

export interface RoleClaims {
  /** Directory role template ids (`wids`). */
  wids?: readonly string[];
  /** App roles (`roles`). */
  roles?: readonly string[];
}

const strings = (value: unknown): string[] | undefined =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined;

/** The role claims of an ID token's claims, or undefined when it has neither. */
export function roleClaimsOf(claims: Record<string, unknown> | undefined): RoleClaims | undefined {
  const wids = strings(claims?.wids);
  const roles = strings(claims?.roles);
  if (!wids && !roles) return undefined;
  return { ...(wids ? { wids } : {}), ...(roles ? { roles } : {}) };
}

const writerNames = new Set(Object.values(WRITER_ROLES).map((name) => name.toLowerCase()));
const isWriter = (value: string) => value.toLowerCase() in WRITER_ROLES || writerNames.has(value.toLowerCase());

export function writeAccessFromClaims(claims: RoleClaims | undefined): 'yes' | 'no' | 'unknown' {
  if (!claims) return 'unknown';
  if ([...(claims.wids ?? []), ...(claims.roles ?? [])].some(isWriter)) return 'yes';
  // Only `wids` lists directory roles: without it, app roles say nothing about them.
  return claims.wids ? 'no' : 'unknown';
}
