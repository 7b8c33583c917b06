// Graph accepts a user, group, role or guest type included beside All users (and an app beside All resources);
// the console warns because "All" already covers it, so the entry changes nothing and misleads a reader.
import { SPECIAL_VALUES } from '../references';
import { list, obj } from './loose-json';
import type { Rule, RuleFinding } from './rule';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids and the special values "All" takes in (agent identities are not users: All users leaves them out). */
const COVERED = new Set(['GuestsOrExternalUsers', 'Office365', 'MicrosoftAdminPortals']);
const isCovered = (id: string) => GUID.test(id) || COVERED.has(id);

const LISTS = [
  { section: 'users', all: ['includeUsers'], lists: ['includeUsers', 'includeGroups', 'includeRoles'], allWords: 'All users' },
  { section: 'applications', all: ['includeApplications'], lists: ['includeApplications'], allWords: 'All resources' },
] as const;

const KINDS: Record<string, string> = {
  includeUsers: 'The user',
  includeGroups: 'The group',
  includeRoles: 'The role',
  includeApplications: 'The app',
};

export const coveredByAll: Rule = {
  id: 'covered-by-all',
  severity: 'warning',
  source: 'console',
  description: 'Nothing is included beside All users or All resources, which already cover it.',
  looksAt: LISTS.map(({ section }) => ['conditions', section]),
  check(policy) {
    const conditions = obj(policy.conditions);
    const findings: RuleFinding[] = [];
    for (const { section, all, lists, allWords } of LISTS) {
      const group = obj(conditions[section]);
      if (!all.some((key) => list(group[key]).includes('All'))) continue;
      for (const key of lists) {
        // One also excluded does nothing for another reason, which included-and-excluded says.
        const excluded = list(group[key.replace('include', 'exclude')]);
        list(group[key]).forEach((id, index) => {
          if (!isCovered(id) || excluded.includes(id)) return;
          const what = SPECIAL_VALUES[id] ? `'${SPECIAL_VALUES[id]}'` : `${KINDS[key]} '${id}'`;
          findings.push({
            path: ['conditions', section, key, index],
            message: `${what} is already covered by ${allWords}, so including it as well changes nothing: probably a leftover.`,
          });
        });
      }
      // Guests and external users chosen by type are users too; excluded by type they are a real exception.
      if (section === 'users' && Object.keys(obj(group.includeGuestsOrExternalUsers)).length > 0)
        findings.push({
          path: ['conditions', 'users', 'includeGuestsOrExternalUsers'],
          message: `The guest and external user types are already covered by ${allWords}, so including them as well changes nothing: probably a leftover.`,
        });
    }
    return findings;
  },
};
