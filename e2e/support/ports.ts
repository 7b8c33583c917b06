// Fixed localhost ports of the end-to-end environment.
export const ports = { app: 4173, idp: 4443, emulator: 4010, control: 4012 } as const;
export const urls = {
  app: `http://localhost:${ports.app}`,
  idp: `https://localhost:${ports.idp}`,
  emulator: `http://localhost:${ports.emulator}`,
  control: `http://localhost:${ports.control}`,
};
export const E2E_CLIENT_ID = 'gatehouse-e2e';
