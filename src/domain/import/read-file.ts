// One file of a drop, recognised by its shape and read into a FileContent, or set aside with why:
// JSON (a Gatehouse backup, Graph's answers and their wrappers, IntuneManagement and EntraExporter
// files, CIPP templates, PowerShell objects), Microsoft365DSC configurations, and what is none of
// these (a README, an image).
import { BundleError, isBundle, readBundle } from '../bundle/read-bundle';
import { notTextMessage } from '../file-signature';
import { isJsonObject, type Json, type JsonObject } from '../json';
import { decodeText, parseJson, PolicyFileError } from '../policy-file';
import { describeContents } from '../policy-file-contents';
import { bundleContent } from './bundle-files';
import { isCippTemplate, takeLocationInfo } from './cipp';
import { organizationOrigin } from './entra-exporter';
import { emptyContent, type FileContent, type Outcome } from './file-content';
import { findObjects } from './graph-json';
import type { ImportFormat, NamedReference } from './import-set';
import { isMigrationTable, readMigrationTable } from './intune-management';
import { readDscConfiguration } from './m365dsc';
import { addPolicies } from './policy-names';
import { PowerShellSyntaxError } from './powershell-literals';
import { plural, someNames } from './words';

/** Which tool wrote the file, when its place in the drop says so. */
export type ToolHint = 'intune-management' | 'entra-exporter' | null;

const IGNORED = /\.(png|jpe?g|gif|svg|bmp|ico|webp|md|txt|pdf|html?|csv|xlsx?|docx?|ya?ml|xml|log|css|js|ts)$/i;
const SYSTEM = /(^|\/)(\.DS_Store|Thumbs\.db|desktop\.ini|LICENSE|LICENCE|README|NOTICE)$/i;
const IMAGE = /\.(png|jpe?g|gif|svg|bmp|ico|webp)$/i;

const extension = (path: string) => /\.([^./]+)$/.exec(path)?.[1]?.toLowerCase() ?? '';
const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : null);

/** Why a file is set aside by its name alone: a system file or a picture, whatever it holds. */
function ignoredByName(path: string): string | null {
  if (SYSTEM.test(path)) return 'Not a policy file (a system or documentation file).';
  if (IMAGE.test(path)) return 'Not a policy file (an image).';
  return null;
}

const looksLikeJson = (text: string) => /^\s*[[{]/.test(text);

export async function readFile(path: string, bytes: Uint8Array, hint: ToolHint): Promise<Outcome> {
  const byName = ignoredByName(path);
  if (byName) return { status: 'ignored', format: null, message: byName };
  const ext = extension(path);
  // A .txt or .md is most often a note; it is read only when its content is JSON (a policy saved as policy.txt).
  const textByName = IGNORED.test(path) ? `Not a policy file (a .${ext} file).` : null;
  if (bytes.length === 0)
    return textByName
      ? { status: 'ignored', format: null, message: textByName }
      : { status: 'error', format: null, message: `${path} is empty.` };
  // A screenshot saved as .json is named for what it is; without that name it is merely set aside.
  const notText = notTextMessage(bytes, path);
  if (notText) return { status: ext === 'json' ? 'error' : 'ignored', format: null, message: textByName ?? notText };
  // A real zip is opened before the import reads its files; one that reaches here only has the name.
  if (ext === 'zip') return { status: 'error', format: null, message: `${path} is not a zip file, or it was cut short.` };
  const decoded = decodeText(bytes).replace(/^\uFEFF/, '');
  const powerShell = ext === 'ps1' || ext === 'psm1' || ext === 'psd1';
  if (powerShell && !(looksLikeJson(decoded) && !/AADConditionalAccessPolicy/i.test(decoded))) return readPowerShell(path, decoded);
  if (ext !== 'json' && !/^\s*[[{"]/.test(decoded))
    return { status: 'ignored', format: null, message: textByName ?? `Not a policy file (${ext ? `a .${ext} file` : 'not JSON'}).` };
  let parsed: Json;
  try {
    parsed = parseJson(decoded, path) as Json;
  } catch (error) {
    if (!(error instanceof PolicyFileError)) throw error;
    // A note that merely starts with a bracket stays a note.
    if (textByName) return { status: 'ignored', format: null, message: textByName };
    return { status: 'error', format: null, message: error.message };
  }
  const outcome = isBundle(parsed)
    ? await readBundleFile(path, parsed)
    : isMigrationTable(parsed)
      ? readTable(parsed)
      : readGraphJson(parsed, hint);
  if (outcome.status === 'read' && ext && ext !== 'json') outcome.content.notes.unshift(`Named .${ext}, but holds JSON: read as JSON.`);
  if (outcome.status === 'ignored' && textByName) return { ...outcome, message: textByName };
  return outcome;
}

async function readBundleFile(path: string, parsed: Json): Promise<Outcome> {
  try {
    const content = bundleContent(await readBundle(parsed));
    return { status: 'read', content };
  } catch (error) {
    if (error instanceof BundleError) return { status: 'error', format: 'gatehouse-bundle', message: `${path}: ${error.message}` };
    throw error;
  }
}

function readTable(parsed: Json): Outcome {
  const table = readMigrationTable(parsed);
  const content = emptyContent('intune-migration-table');
  content.references = table.references;
  content.origin = table.origin;
  content.holds.push(`a migration table of ${plural(table.references.length, 'directory object')} (names and ids)`);
  const others = Object.entries(table.otherTypes).map(([type, count]) => `${count} ${type}`);
  if (others.length > 0) content.notes.push(`Also lists ${others.join(', ')}, which policies do not name.`);
  if (table.origin.tenantId)
    content.notes.push(`Taken from tenant ${table.origin.tenantId}${table.origin.tenantName ? ` (${table.origin.tenantName})` : ''}.`);
  return { status: 'read', content };
}

function directoryReference(kind: NamedReference['kind'], object: JsonObject): NamedReference | null {
  const id = text(object.id);
  if (!id) return null;
  const ref: NamedReference = { kind, id, displayName: text(object.displayName), exists: true };
  if (text(object.userPrincipalName)) ref.userPrincipalName = text(object.userPrincipalName);
  if (text(object.mail)) ref.mail = text(object.mail);
  if (text(object.appId)) ref.appId = text(object.appId);
  return ref;
}

function formatOf(parsed: Json, content: FileContent, found: ReturnType<typeof findObjects>, hint: ToolHint): ImportFormat {
  if (hint) return hint;
  if (content.format === 'cipp-template') return 'cipp-template';
  if (found.pascalCase) return 'graph-powershell';
  const { sections } = found;
  if (Array.isArray(parsed)) return sections.policies.length > 0 ? 'policy-array' : 'graph-response';
  if (
    isJsonObject(parsed) &&
    (Array.isArray(parsed.value) ||
      (typeof parsed['@odata.context'] === 'string' &&
        parsed['@odata.context'].includes('$metadata#') &&
        !parsed['@odata.context'].endsWith('$entity')))
  )
    return 'graph-response';
  if (sections.policies.length > 0) return 'graph-policy';
  if (sections.namedLocations.length === 1) return 'named-location';
  if (found.groups.length === 1) return 'group';
  return 'graph-response';
}

function readGraphJson(parsed: Json, hint: ToolHint): Outcome {
  const found = findObjects(parsed);
  const content = emptyContent('graph-response');
  const { sections } = found;
  const policies = sections.policies.map((policy) => {
    if (!isCippTemplate(policy)) return policy;
    content.format = 'cipp-template';
    const { policy: rest, locations } = takeLocationInfo(policy);
    sections.namedLocations.push(...locations);
    return rest;
  });
  for (const section of ['namedLocations', 'authenticationStrengths', 'authenticationContexts', 'termsOfUse'] as const)
    content.sections[section] = sections[section];
  addPolicies(content, policies);
  for (const group of found.groups) {
    const ref = directoryReference('group', group);
    if (ref) content.references.push(ref);
  }
  for (const user of found.users) {
    const ref = directoryReference('user', user);
    if (ref) content.references.push(ref);
  }
  for (const sp of found.servicePrincipals) {
    const ref = directoryReference('servicePrincipal', sp);
    if (ref) content.references.push(ref);
  }
  const groupNames = found.groups.map((g) => text(g.displayName) ?? String(g.id));
  if (groupNames.length > 0)
    content.holds.push(groupNames.length === 1 ? `the group ${someNames(groupNames)}` : plural(groupNames.length, 'group'));
  if (found.users.length > 0) content.holds.push(plural(found.users.length, 'user'));
  if (found.servicePrincipals.length > 0) content.holds.push(plural(found.servicePrincipals.length, 'service principal'));
  const organization = found.organizations[0];
  if (organization) {
    content.origin = organizationOrigin(organization);
    content.holds.push(`the organization ${someNames([content.origin.tenantName ?? content.origin.tenantId ?? '?'])}`);
  }
  content.format = formatOf(parsed, content, found, hint);
  if (found.pascalCase) content.notes.push('PowerShell’s PascalCase keys read as Graph’s camelCase.');
  if (content.format === 'cipp-template' && sections.namedLocations.length > 0)
    content.notes.push('The named locations it carries are tied to the policy by name.');
  const nothing = Object.values(content.sections).every((s) => s.length === 0) && content.references.length === 0 && !organization;
  if (nothing) return { status: 'ignored', format: null, message: `Holds ${describeContents(parsed)}: nothing of Conditional Access.` };
  if (hint === 'intune-management' && found.groups.some((g) => g.organizationId === '%OrganizationId%'))
    content.notes.push('%OrganizationId% stands for the tenant the export is imported into.');
  return { status: 'read', content };
}

function readPowerShell(path: string, decoded: string): Outcome {
  if (!/AADConditionalAccessPolicy/i.test(decoded))
    return { status: 'ignored', format: null, message: 'A PowerShell file without an AADConditionalAccessPolicy block.' };
  let read: ReturnType<typeof readDscConfiguration>;
  try {
    read = readDscConfiguration(decoded);
  } catch (error) {
    if (error instanceof PowerShellSyntaxError)
      return { status: 'error', format: 'm365dsc', message: `${path} could not be read: ${error.message}.` };
    throw error;
  }
  const present = read.policies.filter((p) => !p.absent);
  const absent = read.policies.filter((p) => p.absent).map((p) => text(p.policy.displayName) ?? `the block at line ${p.line}`);
  const removal =
    absent.length > 0 ? `${someNames(absent)} ${absent.length === 1 ? 'is' : 'are'} to be removed (Ensure = 'Absent'): not imported.` : '';
  if (present.length === 0)
    return {
      status: 'ignored',
      format: 'm365dsc',
      message: removal || 'A Microsoft365DSC configuration with no AADConditionalAccessPolicy to read.',
    };
  const content = emptyContent('m365dsc');
  addPolicies(
    content,
    present.map((p) => p.policy),
  );
  if (removal) content.notes.push(removal);
  const unknown = [...new Set(present.flatMap((p) => p.unknown))];
  if (unknown.length > 0) content.notes.push(`Kept as written, not known to this reader: ${someNames(unknown, 5)}.`);
  const variables = [...new Set(present.flatMap((p) => p.variables))];
  if (variables.length > 0)
    content.notes.push(`Uses ${someNames(variables)}, which the configuration fills when it runs: kept as written.`);
  if (variables.some((v) => v.toLowerCase() === '$domain')) content.origin.domain = '$Domain';
  if (read.otherResources > 0) content.notes.push(`${plural(read.otherResources, 'other DSC resource')} set aside.`);
  return { status: 'read', content };
}
