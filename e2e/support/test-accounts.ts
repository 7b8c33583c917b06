// Who signs in through the local identity provider: the Contoso administrator of the seed.
import { CONTOSO_TENANT_ID, seedAccounts } from '../../src/emulator/seed';

const admin = seedAccounts().find((a) => a.tenantId === CONTOSO_TENANT_ID && a.role === 'admin')!;
export const signInUser = { ...admin.user, tenantId: CONTOSO_TENANT_ID };
export { CONTOSO_TENANT_ID };
