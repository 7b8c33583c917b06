// A tenant's own policy saved as a template: its references to the tenant's own objects (users,
// groups, workload identities, named locations, terms of use, custom strengths) replaced by named
// blanks such as `<GROUP: Finance>`, so it can be written into this or another tenant with the
// blanks filled there. Roles and Microsoft's applications keep their ids: they are the same in
// every tenant. The saved templates' store is the session's business (this is pure).
import { isPlaceholder } from '../import/placeholders';
import { isolatedText } from '../isolate';
import { isSpecialValue, lookupName, type NameDirectory } from '../references';
import type { JsonObject } from '../json';
import { toWritableBody } from '../policy-body';
import { BUILT_IN_STRENGTHS, rewriteReferences } from '../plan/reference-places';
import type { MappingKind } from '../plan/types';
import { REPORT_ONLY } from '../types';
import { CLIENT_APPS_NOTE, hasEmptyClientApps, withAllClientApps } from './client-apps';
import type { GalleryTemplate } from './gallery-template';

const BLANK_WORD: Partial<Record<MappingKind, string>> = {
  user: 'USER',
  group: 'GROUP',
  servicePrincipal: 'WORKLOAD IDENTITY',
  namedLocation: 'LOCATION',
  termsOfUse: 'TERMS OF USE',
  authenticationStrength: 'STRENGTH',
};

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A blank's words must not close it early. */
const clean = (name: string) => name.replace(/[<>{}%$]/g, '').trim();

export interface SaveAsTemplateInput {
  policy: JsonObject;
  names?: NameDirectory;
  /** A fresh id for the template (the caller's clock or random source). */
  id: string;
  savedAt: string;
  /** Values that stand for objects though they are not ids (names a file wrote in id places): blanked too. */
  declared?: ReadonlySet<string>;
  /** Where it came from, in words, when not this tenant. */
  from?: string;
}

export function policyAsTemplate({ policy, names, id, savedAt, declared, from }: SaveAsTemplateInput): GalleryTemplate {
  const body = toWritableBody(policy);
  const blankOf = new Map<string, string>();
  const used = new Set<string>();
  const templated = rewriteReferences(body, (place, value) => {
    const word = BLANK_WORD[place.kind];
    // Special values (All, AllTrusted, GuestsOrExternalUsers…) and anything that is not an id stay.
    if (!word || isPlaceholder(value) || (isSpecialValue(value) && !declared?.has(value))) return undefined;
    if (place.kind === 'authenticationStrength' && BUILT_IN_STRENGTHS.has(value)) return undefined;
    const key = `${place.kind}:${value.toLowerCase()}`;
    const known = blankOf.get(key);
    if (known) return known;
    // Without a name, an id is shortened; a name the file wrote is its own name.
    const name = clean(lookupName(names, [place.kind], value)?.displayName ?? '') || clean(GUID.test(value) ? value.slice(0, 8) : value);
    let blank = `<${word}: ${name}>`;
    for (let n = 2; used.has(blank); n++) blank = `<${word}: ${name} (${n})>`;
    used.add(blank);
    blankOf.set(key, blank);
    return blank;
  });
  const name = typeof body.displayName === 'string' && body.displayName.trim() ? body.displayName : 'Saved policy';
  // A baseline file from Microsoft's samples writes [] for any client app: Graph refuses it.
  const written = withAllClientApps({ ...templated, displayName: name, state: REPORT_ONLY });
  const replaced = hasEmptyClientApps(policy);
  return {
    key: `tenant:${id}`,
    source: 'tenant',
    templateId: null,
    name,
    description: from
      ? `${from}, saved on ${savedAt.slice(0, 10)}.`
      : `Saved from this tenant’s policy “${isolatedText(name)}” on ${savedAt.slice(0, 10)}.`,
    scenarios: [],
    policy: written.policy,
    ...(replaced && { notes: [CLIENT_APPS_NOTE] }),
  };
}
