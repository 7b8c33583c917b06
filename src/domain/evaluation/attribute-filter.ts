// Filters on custom security attributes: applicationFilter (the resource's service principal) and
// servicePrincipalFilter (a workload identity). Rules name CustomSecurityAttribute.<Set>_<Attribute>
// (the admin center's form; Set.Attribute is read the same), in the rule language of filter-rule.ts.
// Conditional Access reads only string attributes (Entra docs, concept-filter-for-applications); a
// multi-valued one is a list, on which -contains matches a whole value. An object whose attributes are
// given but lack the one named has no value for it (null); attributes not given at all are not known.
import { evaluateRule, parseRule, type ParsedRule, type PropertySpec, type RuleVocabulary } from './filter-rule';
import { no, notKnown, yes, type Tri } from './outcome';
import type { CustomSecurityAttributes } from './sign-in';

const PREFIX = 'customsecurityattribute.';

export const attributeVocabulary: RuleVocabulary = {
  subject: 'CustomSecurityAttribute',
  property(written) {
    if (!written.toLowerCase().startsWith(PREFIX) || written.length === PREFIX.length) return undefined;
    return { name: `CustomSecurityAttribute.${written.slice(PREFIX.length)}`, type: 'any' };
  },
  known: 'CustomSecurityAttribute.<AttributeSet>_<Attribute>',
};

const parsed = new Map<string, ParsedRule>();

export function parseAttributeFilter(rule: string): ParsedRule {
  let result = parsed.get(rule);
  if (!result) {
    result = parseRule(rule, attributeVocabulary);
    if (parsed.size > 500) parsed.clear();
    parsed.set(rule, result);
  }
  return result;
}

const key = (name: string) => name.toLowerCase().replace(/\./g, '_');

function read(attributes: CustomSecurityAttributes, property: PropertySpec) {
  const wanted = key(property.name.slice(PREFIX.length));
  for (const [name, value] of Object.entries(attributes)) if (key(name) === wanted) return value;
  return null;
}

/**
 * Whether the object matches a filter's rule (not yet its mode): unknown when its attributes are not
 * given; an error sentence when the rule does not parse.
 */
export function attributeFilterMatch(
  rule: unknown,
  attributes: CustomSecurityAttributes | undefined,
  what: string,
  missing: string,
): Tri | { error: string } {
  const parsedRule = parseAttributeFilter(typeof rule === 'string' ? rule : '');
  if (!parsedRule.ok) return { error: `The filter rule does not parse at column ${parsedRule.error.column}: ${parsedRule.error.message}` };
  if (attributes === undefined) return notKnown(`the custom security attributes of ${what} are not known`, [missing]);
  const answer = evaluateRule(parsedRule.expression, (property) => read(attributes, property));
  // Every attribute is known once the record is given (absent ones are null), so the answer is never open.
  return answer.value ? yes(`${what} matches the filter`) : no(`${what} does not match the filter`);
}
