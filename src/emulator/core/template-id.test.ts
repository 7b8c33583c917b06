// templateId is read-only (1118): a value other than the stored one is refused; the stored value
// sent back unchanged, as a GET → PATCH round trip does, is not.
import { describe, expect, it } from 'vitest';
import { testEmulator } from '../harness/test-emulator';
import type { JsonObject } from './model';

const POLICIES = '/v1.0/identity/conditionalAccess/policies';
const json = async (response: Response) => (await response.json()) as JsonObject;

async function fromTemplate(call: ReturnType<typeof testEmulator>['call']): Promise<JsonObject> {
  const policies = (await json(await call('GET', POLICIES))).value as JsonObject[];
  return policies.find((p) => typeof p.templateId === 'string')!;
}

describe('templateId in an update', () => {
  it('is accepted unchanged: a policy made from a template, read and written back, is saved', async () => {
    const { call } = testEmulator();
    const policy = await fromTemplate(call);
    const url = `${POLICIES}/${String(policy.id)}`;
    const read = await json(await call('GET', url));
    const response = await call('PATCH', url, { body: { ...read, state: 'disabled' } });
    expect(response.status).toBe(204);
    expect(await json(await call('GET', url))).toMatchObject({ state: 'disabled', templateId: policy.templateId });
  });

  it('is refused with 1118 when it differs from the stored one', async () => {
    const { call } = testEmulator();
    const policy = await fromTemplate(call);
    const response = await call('PATCH', `${POLICIES}/${String(policy.id)}`, {
      body: { templateId: '00000000-0000-0000-0000-000000000001' },
    });
    expect(response.status).toBe(400);
    expect(((await json(response)).error as { innerError: JsonObject }).innerError.message).toMatch(/^1118:/);
  });
});
