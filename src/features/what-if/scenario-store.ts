// The what-if scenarios kept on this device, per tenant (they name its users and apps by id).
import { readScenarios, type Scenario } from '../../domain/evaluation/scenario';
import { deviceStore, useDeviceValue } from '../../session/stores/device-store';

const NONE: Scenario[] = [];

const store = deviceStore<Scenario[]>({
  prefix: 'gatehouse.what-if',
  empty: NONE,
  // Kept in the file's own shape, so that what this version cannot read is left out, not fatal.
  parse: (raw) => readScenarios(raw, () => crypto.randomUUID()).scenarios,
  serialise: (scenarios) => ({ format: 'gatehouse.what-if-scenarios', version: 1, scenarios }),
});

/** The saved scenarios, and a setter that says whether the browser kept them. */
export function useScenarios(tenantId: string): [Scenario[], (next: Scenario[]) => boolean] {
  return useDeviceValue(store, tenantId);
}
