// Compare reads a Microsoft365DSC configuration as Import does, and says why when it cannot.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundleText, createBundle } from '../../domain/bundle/bundle';
import { readComparisonFile } from './use-comparison-file';

const corpus = fileURLToPath(new URL('../../../../shared/corpus/m365dsc-examples', import.meta.url));
const present = existsSync(corpus);
const bytesOf = (name: string) => new Uint8Array(readFileSync(`${corpus}/${name}`));
const text = (value: string) => new TextEncoder().encode(value);

describe.skipIf(!present)('readComparisonFile with the corpus’s Microsoft365DSC examples', () => {
  if (!present) it.skip('needs ../shared/corpus (present in CI)', () => {});

  it('reads the policy of an AADConditionalAccessPolicy block, its state as the file says', async () => {
    const file = await readComparisonFile('1-Create.ps1', bytesOf('1-Create.ps1'));
    expect(file.policies).toHaveLength(1);
    expect(file.policies[0]!.policy).toMatchObject({ displayName: 'Example CAP', state: 'disabled' });
    expect(file.backup).toBe(false);
  });

  it('says a configuration that only removes a policy holds none to compare', async () => {
    await expect(readComparisonFile('3-Remove.ps1', bytesOf('3-Remove.ps1'))).rejects.toThrow(
      "3-Remove.ps1: “Example CAP” is to be removed (Ensure = 'Absent'): not imported.",
    );
  });
});

describe('readComparisonFile with PowerShell that is not a DSC configuration', () => {
  it('says what the file lacks, not that it is not JSON', async () => {
    await expect(readComparisonFile('script.ps1', text('Write-Host "hello"'))).rejects.toThrow(
      'script.ps1: A PowerShell file without an AADConditionalAccessPolicy block.',
    );
  });
});

describe('readComparisonFile with a backup', () => {
  const policy = (id: string, displayName: string) => ({ id, displayName, state: 'enabled', conditions: {}, grantControls: null });
  const backup = () =>
    createBundle(
      {
        policies: [policy('p-1', 'CA001 MFA'), policy('p-2', 'CA002 Block legacy')],
        namedLocations: [],
        authenticationStrengths: [],
        authenticationContexts: [],
        termsOfUse: [],
      },
      [],
      { tenantId: 't-1', tenantName: 'Contoso', capturedAt: new Date('2026-11-30T12:00:00Z') },
    );

  it('keeps what its reader found amiss: a policy its manifest lists but the file lost', async () => {
    const whole = await readComparisonFile('backup.json', text(bundleText(await backup())));
    expect(whole.problems).toBeUndefined();
    const damaged = JSON.parse(bundleText(await backup())) as { policies: unknown[] };
    damaged.policies = damaged.policies.slice(1);
    const file = await readComparisonFile('backup.json', text(JSON.stringify(damaged)));
    expect(file.policies.map((p) => p.id)).toEqual(['p-2']);
    expect(file.problems).toEqual(['“CA001 MFA” is listed in the manifest but missing.']);
  });
});
