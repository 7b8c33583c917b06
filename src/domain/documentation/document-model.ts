// A tenant's Conditional Access as a document, made from a backup bundle alone: a summary of the
// tenant, then one card per policy with its sections in the admin center's order and words (the
// console's own describer), every object as its name and id, exclusions marked. The renderers
// (HTML, Markdown, CSV) only lay this out; masking happens here, once, for all of them: objects
// become pseudonyms, and the tenant's free text (policy names first) has those names replaced.
import type { Bundle } from '../bundle/bundle';
import { describePolicy, lastChanged, type SummaryLine, type SummarySection } from '../describe-policy';
import { asPolicy } from '../json';
import { stateLabels } from '../labels';
import type { ConditionalAccessPolicy } from '../types';
import { namesFromBundle } from './bundle-names';
import { docValue, type DocValue } from './doc-value';
import { createMasking, type Masking } from './mask-text';
import { createPseudonyms } from './pseudonyms';
import { tenantSummary, type TenantSummary } from './tenant-summary';

export type { DocValue } from './doc-value';

export interface DocLine {
  label: string;
  values: DocValue[];
  /** Plain words when the line is a setting rather than a list of objects. */
  text: string | null;
  /** The line takes something out of the policy's reach: shown emphasised. */
  exclusion: boolean;
}

export interface DocSection {
  title: SummarySection['title'];
  lines: DocLine[];
}

export type StateKey = 'on' | 'off' | 'report-only' | 'other';

export interface PolicyCard {
  /** A fragment id for links within the document. */
  anchor: string;
  name: string;
  /** Masking replaced a masked object's name or the tenant's name inside the policy's name. */
  nameRewritten: boolean;
  id: string;
  state: string;
  stateKey: StateKey;
  description: string | null;
  created: string | null;
  lastModified: string | null;
  sections: DocSection[];
}

export interface TenantDocument {
  tenant: { name: string | null; id: string | null };
  capturedAt: string;
  masked: boolean;
  /** How many policy names masking rewrote, for the admin to check before sharing. */
  rewrittenPolicyNames: number;
  summary: TenantSummary;
  policies: PolicyCard[];
}

export interface DocumentOptions {
  /** Replace the names of users, groups, service principals, applications and locations by pseudonyms. */
  mask?: boolean;
}

const isExclusion = (line: SummaryLine) =>
  /^Exclu/.test(line.label) || line.label.endsWith('are excluded') || (line.text ?? '').includes(', except ');

const STATE_KEYS: Record<string, StateKey> = { enabled: 'on', disabled: 'off', enabledForReportingButNotEnforced: 'report-only' };

// Fixed locale: the same bundle gives the same document on every machine.
const collator = new Intl.Collator('en', { numeric: true });
const policyName = (policy: ConditionalAccessPolicy) => policy.displayName ?? '(no name)';

function policyCard(policy: ConditionalAccessPolicy, index: number, names: ReturnType<typeof namesFromBundle>, masking: Masking | null) {
  const state = policy.state ?? '';
  // In the order a reader meets them: the name, the description, then the sections' objects.
  const name = masking ? masking.text(policyName(policy)) : policyName(policy);
  const description = policy.description ? (masking ? masking.text(policy.description) : policy.description) : null;
  return {
    anchor: `policy-${index + 1}`,
    name,
    nameRewritten: name !== policyName(policy),
    id: policy.id ?? '',
    state: stateLabels[state] ?? (state || 'Unknown'),
    stateKey: STATE_KEYS[state] ?? 'other',
    description,
    created: policy.createdDateTime ?? null,
    lastModified: lastChanged(policy),
    sections: describePolicy(policy, names).map((section) => ({
      title: section.title,
      lines: section.lines.map((line) => ({
        label: line.label,
        values: line.values.map((ref) => docValue(ref, masking)),
        // Filter rules and settings this console does not describe are the tenant's words.
        text: line.text && masking ? masking.text(line.text) : (line.text ?? null),
        exclusion: isExclusion(line),
      })),
    })),
  } satisfies PolicyCard;
}

export function buildDocument(bundle: Bundle, options: DocumentOptions = {}): TenantDocument {
  const names = namesFromBundle(bundle);
  const masking = options.mask ? createMasking(bundle, createPseudonyms()) : null;
  const policies = bundle.policies
    .map(asPolicy)
    .sort((a, b) => collator.compare(policyName(a), policyName(b)) || collator.compare(a.id ?? '', b.id ?? ''));
  // Cards first: pseudonyms are given in the order a reader meets them in the policies.
  const cards = policies.map((policy, index) => policyCard(policy, index, names, masking));
  return {
    tenant: options.mask ? { name: null, id: null } : { name: bundle.manifest.tenant.name, id: bundle.manifest.tenant.id || null },
    capturedAt: bundle.manifest.capturedAt,
    masked: !!options.mask,
    rewrittenPolicyNames: cards.filter((card) => card.nameRewritten).length,
    summary: tenantSummary(bundle, policies, cards, masking),
    policies: cards,
  };
}
