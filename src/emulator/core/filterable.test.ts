// A $filter on the logs names only properties their resource pages say support $filter
// (beta/resources/signin.md, v1.0/resources/directoryaudit.md); a misspelt one is a 400, not an empty list.
import { describe, expect, it } from 'vitest';
import { testEmulator } from '../harness/test-emulator';

const SIGN_INS = '/beta/auditLogs/signIns';
const AUDITS = '/v1.0/auditLogs/directoryAudits';
const get = (call: ReturnType<typeof testEmulator>['call'], path: string, filter: string) =>
  call('GET', `${path}?$filter=${encodeURIComponent(filter)}`);
const messageOf = async (response: Response) => ((await response.json()) as { error: { message: string } }).error.message;

describe('$filter on the sign-in log', () => {
  it('refuses a property that cannot be filtered on, naming it', async () => {
    const { call } = testEmulator();
    const response = await get(call, SIGN_INS, "userPrincipleName eq 'hugo.lefevre@contoso.example'");
    expect(response.status).toBe(400);
    expect(await messageOf(response)).toContain("'userPrincipleName'");
  });

  it('answers the filters the console sends', async () => {
    const { call } = testEmulator();
    const filter =
      "createdDateTime ge 2026-01-01T00:00:00Z and createdDateTime le 2026-12-31T00:00:00Z and userId eq 'x' and appId eq 'y' and signInEventTypes/any(t: t eq 'interactiveUser' or t eq 'servicePrincipal')";
    expect((await get(call, SIGN_INS, filter)).status).toBe(200);
    expect((await get(call, SIGN_INS, "status/errorCode eq 53003 and location/countryOrRegion eq 'NL'")).status).toBe(200);
  });
});

describe('$filter on the directory audits', () => {
  it('refuses a property that cannot be filtered on, naming it', async () => {
    const { call } = testEmulator();
    const response = await get(call, AUDITS, "loggedByServce eq 'Conditional Access'");
    expect(response.status).toBe(400);
    expect(await messageOf(response)).toContain("'loggedByServce'");
    expect((await get(call, AUDITS, "targetResources/any(t: t/modifiedProperties eq 'x')")).status).toBe(400);
  });

  it('answers the filters the console and the documentation send', async () => {
    const { call } = testEmulator();
    const console =
      "loggedByService eq 'Conditional Access' and activityDateTime ge 2026-01-01T00:00:00Z and activityDateTime le 2026-12-31T00:00:00Z";
    expect((await get(call, AUDITS, console)).status).toBe(200);
    expect((await get(call, AUDITS, "targetResources/any(t: t/id eq 'x') and initiatedBy/user/id eq 'y'")).status).toBe(200);
  });
});
