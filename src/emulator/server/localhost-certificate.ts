// A self-signed certificate for https on localhost, made when asked (MSAL, in the browser and in Node,
// talks to an identity provider over https only): the key and certificate written as PEM files in
// `dir`, named after `name`, for oauth2-mock-server to serve and NODE_EXTRA_CA_CERTS to trust. The
// emulator's sign-in server uses it, and so do the tests' identity providers (src/testing).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from 'selfsigned';

export async function localhostCertificate(dir: string, name: string): Promise<{ keyPath: string; certPath: string }> {
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  } as Parameters<typeof generate>[1]);
  const keyPath = join(dir, `${name}-key.pem`);
  const certPath = join(dir, `${name}-cert.pem`);
  writeFileSync(keyPath, pems.private);
  writeFileSync(certPath, pems.cert);
  return { keyPath, certPath };
}
