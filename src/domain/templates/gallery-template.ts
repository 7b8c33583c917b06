// A template of the gallery, whatever its origin: one of Microsoft's (Graph's templates endpoint),
// a baseline shipped with the console, or a policy the admin saved as a template on this device.
// Each is a policy body whose tenant-specific places hold named blanks (`<CURRENT ADMINISTRATOR>`,
// `<GROUP: Finance>`), so one form fills them whatever the source.
import { isJsonObject, stringsIn, type JsonObject } from '../json';
import { toWritableBody } from '../policy-body';
import { REPORT_ONLY } from '../types';
import { CLIENT_APPS_NOTE, hasEmptyClientApps, withAllClientApps } from './client-apps';

export type TemplateSource = 'microsoft' | 'baseline' | 'tenant';

export interface GalleryTemplate {
  /** Unique in the gallery: `microsoft:<id>`, `baseline:<file>`, `tenant:<id>`. */
  key: string;
  source: TemplateSource;
  /** Microsoft's template id: what a policy created from the template carries as templateId. */
  templateId: string | null;
  name: string;
  description: string;
  /** As Graph sends them, values outside the documented enum kept (aiAgents, …). */
  scenarios: string[];
  /** A writable policy body (report-only, named as the template), blanks where the tenant's objects belong. */
  policy: JsonObject;
  /** Where it comes from, in words (a licence and its holder for a shipped baseline). */
  attribution?: string;
  /** What the gallery changed so that Graph takes the policy (an empty list of client apps written as all). */
  notes?: string[];
}

/** Microsoft's templates write this where the admin creating the policy is excluded. */
export const MICROSOFT_ADMIN_TEXT = 'Current administrator will be excluded';
/** The blank the gallery puts in its place; its form offers the signed-in admin first. */
export const CURRENT_ADMIN_BLANK = '<CURRENT ADMINISTRATOR>';

const replaceAdminText = (value: unknown): unknown => {
  if (typeof value === 'string') return value.trim().toLowerCase() === MICROSOFT_ADMIN_TEXT.toLowerCase() ? CURRENT_ADMIN_BLANK : value;
  if (Array.isArray(value)) return value.map(replaceAdminText);
  if (isJsonObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceAdminText(v)]));
  return value;
};

/** Microsoft's template as Graph returns it (id, name, description, scenarios, details). */
export interface MicrosoftTemplate {
  id: string;
  name: string;
  description: string;
  scenarios: string;
  details: Record<string, unknown>;
}

/** The policy a template's details make: report-only, named as the template, the admin's place a blank, any client app as ['all']. */
export function policyFromDetails(name: string, details: Record<string, unknown>): JsonObject {
  return withAllClientApps(policyWithBlanks(name, details)).policy;
}

function policyWithBlanks(name: string, details: Record<string, unknown>): JsonObject {
  const replaced = replaceAdminText(details) as JsonObject;
  return toWritableBody({
    displayName: name,
    state: REPORT_ONLY,
    conditions: isJsonObject(replaced.conditions) ? replaced.conditions : {},
    grantControls: replaced.grantControls ?? null,
    sessionControls: replaced.sessionControls ?? null,
  });
}

export function fromMicrosoftTemplate(template: MicrosoftTemplate): GalleryTemplate {
  const policy = policyFromDetails(template.name, template.details);
  const replaced = hasEmptyClientApps(template.details);
  return {
    key: `microsoft:${template.id}`,
    source: 'microsoft',
    templateId: template.id,
    name: template.name,
    description: template.description,
    scenarios:
      typeof template.scenarios === 'string'
        ? template.scenarios
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : stringsIn(template.scenarios),
    policy,
    ...(replaced && { notes: [CLIENT_APPS_NOTE] }),
  };
}

/** The admin center's words for Microsoft's scenarios; an unknown one is shown as Graph sends it. */
export const SCENARIO_WORDS: Record<string, string> = {
  new: 'New',
  secureFoundation: 'Secure foundation',
  zeroTrust: 'Zero Trust',
  remoteWork: 'Remote work',
  protectAdmins: 'Protect administrators',
  emergingThreats: 'Emerging threats',
  aiAgents: 'AI agents',
};

export const scenarioWords = (scenario: string) => SCENARIO_WORDS[scenario] ?? scenario;
