// The writes a restore or copy makes besides policies, and the reads that tell, after a lost answer,
// whether a create happened: named locations, custom strengths, authentication contexts and
// security groups, over the emulator with the real Graph client.
import { describe, expect, it } from 'vitest';
import { GROUP_CREATE_SCOPES, WRITE_SCOPES } from '../../auth/scopes';
import { PREPROD_TENANT_ID } from '../../emulator/seed';
import { findAuthenticationContextsByName, putAuthenticationContext } from '../../graph/authentication-contexts';
import {
  createAuthenticationStrength,
  findAuthenticationStrengthsByName,
  updateAuthenticationStrength,
} from '../../graph/authentication-strengths';
import { GraphRequestError } from '../../graph/errors';
import { createSecurityGroup, findGroupsByName } from '../../graph/groups';
import { createNamedLocation, findNamedLocationsByName, getNamedLocation, updateNamedLocation } from '../../graph/named-locations';
import { graphOverEmulator } from '../graph-over-emulator';

const ADMIN = ['Policy.Read.All', 'Policy.ReadWrite.ConditionalAccess', 'Directory.Read.All', 'Agreement.Read.All'];
const target = (scopes = ADMIN) => graphOverEmulator({ tenantId: PREPROD_TENANT_ID, scopes });

describe('named locations', () => {
  it('creates one, finds it by name (any case), and updates it', async () => {
    const { client } = target();
    const created = await createNamedLocation(
      client,
      {
        '@odata.type': '#microsoft.graph.ipNamedLocation',
        displayName: 'Branch offices',
        isTrusted: true,
        ipRanges: [{ '@odata.type': '#microsoft.graph.iPv4CidrRange', cidrAddress: '198.51.100.0/24' }],
      },
      WRITE_SCOPES,
    );
    expect(created.id).toEqual(expect.any(String));
    expect((await findNamedLocationsByName(client, '  branch OFFICES ')).map((l) => l.id)).toEqual([created.id]);
    expect(await findNamedLocationsByName(client, 'Branch')).toEqual([]);

    await updateNamedLocation(
      client,
      created.id,
      {
        '@odata.type': '#microsoft.graph.ipNamedLocation',
        ipRanges: [{ '@odata.type': '#microsoft.graph.iPv4CidrRange', cidrAddress: '198.51.100.0/25' }],
      },
      WRITE_SCOPES,
    );
    expect(await getNamedLocation(client, created.id)).toMatchObject({
      displayName: 'Branch offices',
      ipRanges: [{ cidrAddress: '198.51.100.0/25' }],
    });
  });

  it('refuses an update without @odata.type before sending anything', async () => {
    const { client, roundTrips } = target();
    const [corporate] = await findNamedLocationsByName(client, 'Corporate network');
    const before = roundTrips.length;
    await expect(updateNamedLocation(client, corporate!.id, { displayName: 'HQ' }, WRITE_SCOPES)).rejects.toThrow(/@odata\.type/);
    expect(roundTrips).toHaveLength(before);
  });
});

describe('custom authentication strengths', () => {
  it('creates one, changes its methods and name, and finds it by name; a built-in name finds nothing', async () => {
    const { client, roundTrips } = target();
    const created = await createAuthenticationStrength(
      client,
      { displayName: 'Keys or Hello', description: 'Phishing-resistant', allowedCombinations: ['fido2'] },
      WRITE_SCOPES,
    );
    expect(created).toMatchObject({ displayName: 'Keys or Hello', policyType: 'custom', allowedCombinations: ['fido2'] });

    roundTrips.length = 0;
    const result = await updateAuthenticationStrength(
      client,
      created.id,
      { displayName: "Keys, Hello or O'Hara's card", allowedCombinations: ['fido2', 'windowsHelloForBusiness'] },
      WRITE_SCOPES,
    );
    expect(result).toMatchObject({ previousCombinations: ['fido2'], currentCombinations: ['fido2', 'windowsHelloForBusiness'] });
    expect(roundTrips.map((r) => `${r.method} ${new URL(r.url).pathname.split('/').at(-1)}`)).toEqual([
      'POST updateAllowedCombinations',
      `PATCH ${created.id}`,
    ]);

    const [found, ...others] = await findAuthenticationStrengthsByName(client, "Keys, Hello or O'Hara's card");
    expect(others).toEqual([]);
    expect(found).toMatchObject({ id: created.id, allowedCombinations: ['fido2', 'windowsHelloForBusiness'] });
    expect(await findAuthenticationStrengthsByName(client, 'Multifactor authentication')).toEqual([]);
  });

  it('changes only the name when only the name differs, and refuses what Graph cannot write', async () => {
    const { client, roundTrips } = target();
    const created = await createAuthenticationStrength(client, { displayName: 'Temp', allowedCombinations: ['fido2'] }, WRITE_SCOPES);
    roundTrips.length = 0;
    expect(await updateAuthenticationStrength(client, created.id, { description: 'Now described' }, WRITE_SCOPES)).toBeNull();
    expect(roundTrips.map((r) => r.method)).toEqual(['PATCH']);
    await expect(updateAuthenticationStrength(client, created.id, { requirementsSatisfied: 'mfa' }, WRITE_SCOPES)).rejects.toThrow(
      /requirementsSatisfied cannot be changed/,
    );
  });
});

describe('authentication contexts', () => {
  it('creates a context at its id, updates it there, and finds it by name', async () => {
    const { client } = target();
    await putAuthenticationContext(
      client,
      'c3',
      { id: 'c3', displayName: 'Trusted devices', description: null, isAvailable: true },
      WRITE_SCOPES,
    );
    expect(await findAuthenticationContextsByName(client, 'trusted devices')).toEqual([
      expect.objectContaining({ id: 'c3', displayName: 'Trusted devices', isAvailable: true }),
    ]);
    await putAuthenticationContext(client, 'c3', { displayName: 'Trusted devices only' }, WRITE_SCOPES);
    expect((await findAuthenticationContextsByName(client, 'Trusted devices only')).map((c) => c.id)).toEqual(['c3']);
    expect(await findAuthenticationContextsByName(client, 'Trusted devices')).toEqual([]);
  });

  it('refuses an id outside c1…c99, or a body naming another id, before sending anything', async () => {
    const { client, roundTrips } = target();
    await expect(putAuthenticationContext(client, 'c100', {}, WRITE_SCOPES)).rejects.toThrow(/c1 to c99/);
    await expect(putAuthenticationContext(client, 'c4', { id: 'c5' }, WRITE_SCOPES)).rejects.toThrow(/c5/);
    expect(roundTrips).toEqual([]);
  });
});

describe('security groups', () => {
  it('creates an empty security group whose mail alias Graph accepts, whatever the name', async () => {
    const { client } = target([...ADMIN, ...GROUP_CREATE_SCOPES]);
    const name = "Équipe d'accès — break glass (CA)";
    const group = await createSecurityGroup(client, { displayName: name, description: 'Created for CA001' }, GROUP_CREATE_SCOPES);
    expect(group).toMatchObject({ displayName: name, description: 'Created for CA001', securityEnabled: true, mailEnabled: false });
    expect(group.mailNickname).toMatch(/^equipe-d-acces-break-glass-ca-[a-z0-9]+$/);
    expect((await findGroupsByName(client, name)).map((g) => g.id)).toEqual([group.id]);
  });

  it('is refused with the directory’s 403 without a group-writing permission', async () => {
    const { client } = target();
    const error = await createSecurityGroup(client, { displayName: 'Pilot' }, GROUP_CREATE_SCOPES).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphRequestError);
    expect(error).toMatchObject({ status: 403, code: 'Authorization_RequestDenied' });
  });

  it('after an answer lost on the way back, is found by name once, not created twice', async () => {
    const { client, emulator } = target([...ADMIN, ...GROUP_CREATE_SCOPES]);
    emulator.setFaults(PREPROD_TENANT_ID, { rules: [{ match: 'POST /v1.0/groups', fault: 'drop-after', times: 1 }] });
    const error = await createSecurityGroup(client, { displayName: 'Lost answer' }, GROUP_CREATE_SCOPES).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 0 });
    const found = await findGroupsByName(client, 'Lost answer');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ displayName: 'Lost answer', securityEnabled: true });
  });
});
