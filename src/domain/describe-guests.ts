// Guests and external users in words, for the summary and for the sentences of a change. Local guests
// are accounts of this tenant: "from any external tenant" is said only of the external kinds, and only
// when the policy names external tenants at all.
import { guestTypeLabels } from './labels';
import { isJsonObject, stringsIn } from './json';

/** "B2B collaboration guests from 2 external tenants and Local guest users"; '' when no kind is set. */
export function guestWords(value: unknown): string {
  if (!isJsonObject(value) || typeof value.guestOrExternalUserTypes !== 'string') return '';
  const kinds = value.guestOrExternalUserTypes
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  const label = (kind: string) => guestTypeLabels[kind] ?? kind;
  const local = kinds.filter((k) => k === 'internalGuest').map(label);
  const external = kinds.filter((k) => k !== 'internalGuest').map(label);
  const tenants = isJsonObject(value.externalTenants) ? value.externalTenants : null;
  const members = stringsIn(tenants?.members);
  const where =
    tenants?.membershipKind === 'enumerated'
      ? ` from ${members.length} external tenant${members.length === 1 ? '' : 's'}`
      : tenants?.membershipKind === 'all'
        ? ' from any external tenant'
        : '';
  return [external.length ? `${external.join(', ')}${where}` : '', ...local].filter(Boolean).join(' and ');
}
