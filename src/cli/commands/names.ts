// Names from two backups in one directory: a change between them names objects either side holds
// (the later side's name wins, as it is the one the admin sees now).
import type { NameDirectory } from '../../domain/references';

export function mergeNames(earlier: NameDirectory, later: NameDirectory): NameDirectory {
  return { names: new Map([...earlier.names, ...later.names]), failures: [...earlier.failures, ...later.failures] };
}
