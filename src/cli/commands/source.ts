// Where lint, docs and diff read a tenant's Conditional Access from: a backup on disk, or the
// tenant itself (signed in, read as a backup would be, nothing written to disk).
import type { Bundle, ManifestItem } from '../../domain/bundle/bundle';
import type { BundleFile } from '../../domain/bundle/folder';
import { isolatedText } from '../../domain/isolate';
import { getOrganization } from '../../graph/organization';
import { exportTenant } from '../../operations/export-tenant';
import { readBackup } from '../files';
import type { CliIo } from '../io';
import type { Values } from '../args';
import type { CommandName } from '../permissions';
import { connectTenant, type TenantConnection } from '../tenant';

export interface Source {
  bundle: Bundle;
  /** The folder's files, when read from a folder. */
  files: BundleFile[] | null;
  /** The file or folder read; null for the tenant. */
  path: string | null;
  connection: TenantConnection | null;
  /** In words: "the backup in ./ca" or "the tenant Contoso". */
  label: string;
  /** What a backup's manifest lists and its file lost (none for the tenant). */
  lost: ManifestItem[];
}

export async function fromDisk(path: string, io: CliIo): Promise<Source> {
  // From the command's working folder (the program's own, or the one a test gives).
  const read = await readBackup(path, io.cwd);
  for (const problem of read.problems) io.err(`${path}: ${problem}\n`);
  return { bundle: read.bundle, files: read.files, path, connection: null, label: `the backup in ${isolatedText(path)}`, lost: read.lost };
}

export async function fromTenant(command: CommandName, values: Values, io: CliIo): Promise<Source> {
  const connection = await connectTenant(command, values, io);
  const organization = await getOrganization(connection.context.client);
  const bundle = await exportTenant(connection.context, organization?.displayName ?? null, (step) => io.err(`${step}\n`));
  return {
    bundle,
    files: null,
    path: null,
    connection,
    label: `the tenant ${isolatedText(organization?.displayName ?? connection.tenantId)}`,
    lost: [],
  };
}
