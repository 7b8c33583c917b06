// The policies a named location's change reaches: those that name it (included or excluded), and,
// when it is trusted before or after the change (its ranges then change what "trusted" covers, or
// its trust changes), those that use "all trusted locations". The lock-out guard does not
// evaluate locations (it counts none as protection), so a location's revert says these by name.
import { objectIn, stringsIn } from '../../domain/json';
import { stateLabels } from '../../domain/labels';
import type { ConditionalAccessPolicy } from '../../domain/types';

export interface LocationUser {
  name: string;
  /** "includes it", "excludes trusted locations", …, and its state: "On, blocks access". */
  how: string;
  /** On and blocking: the kind a wrong range or country turns against the admin. */
  blocksWhenOn: boolean;
}

export function policiesUsingLocation(
  policies: readonly ConditionalAccessPolicy[],
  locationId: string,
  touchesTrusted: boolean,
): LocationUser[] {
  return policies.flatMap((policy) => {
    const locations = objectIn(objectIn(policy.conditions).locations);
    const included = stringsIn(locations.includeLocations);
    const excluded = stringsIn(locations.excludeLocations);
    const uses = [
      included.includes(locationId) && 'includes it',
      excluded.includes(locationId) && 'excludes it',
      touchesTrusted && included.includes('AllTrusted') && 'includes trusted locations',
      touchesTrusted && excluded.includes('AllTrusted') && 'excludes trusted locations',
    ].filter((use): use is string => !!use);
    if (!uses.length) return [];
    const blocks = stringsIn(objectIn(policy.grantControls).builtInControls).includes('block');
    const state = stateLabels[policy.state ?? ''] ?? policy.state ?? '';
    return [
      {
        name: policy.displayName ?? policy.id ?? '',
        how: `${uses.join(', ')}; ${state}${blocks ? ', blocks access' : ''}`,
        blocksWhenOn: blocks && policy.state === 'enabled',
      },
    ];
  });
}
