// Test set-up the plan writers' version tests share (plan-writers-versions for a policy,
// plan-writers-object-versions for a named location): one object's update whose answer is lost while the
// device's history refuses to keep versions, then the run resumed. Used by *.test.ts only; it asserts nothing:
// the tests check both runs it returns.
import type { JsonObject } from '../domain/json';
import type { Plan } from '../domain/plan/types';
import { clientWith, json } from '../graph/client-fake';
import { applyPlan, newApplyRun } from './apply-plan';
import { memoryContext } from './memory-stores';
import { graphPlanWriters } from './plan-writers';
import type { Clock } from './ports';

/** One object (`before` at first) behind a fake fetch; the PATCH's connection drops for good (applied or not, as `applied` says) until `online()`. */
function droppingTenant(before: JsonObject, applied: boolean) {
  let object = { ...before };
  let offline = false;
  const sent = { patches: 0 };
  const { client } = clientWith((_url, init) => {
    if (offline) throw new TypeError('Failed to fetch');
    if (init.method === 'PATCH') {
      sent.patches++;
      const patched = { ...object, ...(JSON.parse(String(init.body)) as JsonObject), modifiedDateTime: '2026-11-30T12:00:01Z' };
      if (sent.patches > 1) {
        object = patched;
        return new Response(null, { status: 204 });
      }
      if (applied) object = patched;
      offline = true;
      throw new TypeError('Failed to fetch');
    }
    return json(200, object);
  });
  return { client, sent, online: () => (offline = false) };
}

/**
 * `plan` (one update of `before`) applied while versions cannot be kept and the PATCH's answer is lost (`lost`, whose row
 * should fail as perhaps written), then resumed once the connection and the device's storage are back (`run`).
 */
export async function lostThenResumed(before: JsonObject, plan: () => Plan, clock: Clock, applied: boolean) {
  const tenant = droppingTenant(before, applied);
  const context = memoryContext(tenant.client, 't', clock);
  const record = context.versions.record;
  context.versions.record = () => Promise.reject(new Error('The quota has been exceeded.'));
  const lost = await applyPlan(newApplyRun(plan(), 't', clock), graphPlanWriters(context), { clock });
  tenant.online();
  context.versions.record = record;
  return { ...tenant, context, lost, run: await applyPlan(lost, graphPlanWriters(context), { clock }) };
}
