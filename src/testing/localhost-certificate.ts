// The tests' identity providers serve https with the emulator's localhost certificate (one maker for
// both), written as `idp-key.pem` / `idp-cert.pem` in `dir` unless named otherwise.
import { localhostCertificate as emulatorLocalhostCertificate } from '../emulator/server/localhost-certificate';

export function localhostCertificate(dir: string, name = 'idp'): Promise<{ keyPath: string; certPath: string }> {
  return emulatorLocalhostCertificate(dir, name);
}
