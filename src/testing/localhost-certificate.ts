// A certificate for https on localhost, made when tests start (MSAL, in the browser and in Node,
// talks to an identity provider over https only): the key and certificate written as PEM files in
// `dir`, for oauth2-mock-server to serve and NODE_EXTRA_CA_CERTS to trust.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from 'selfsigned';

export async function localhostCertificate(dir: string, name = 'idp'): Promise<{ keyPath: string; certPath: string }> {
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
