// One policy: its page, with the policy's change history as the History tab.
import type { ConditionalAccessPolicy } from '../../domain/types';
import { PolicyHistory } from '../../features/history/policy-history';
import { PolicyPage } from '../../features/policy-page/policy-page';

const history = (policy: ConditionalAccessPolicy) => <PolicyHistory policy={policy} />;

export function PolicyRoute() {
  return <PolicyPage history={history} />;
}
