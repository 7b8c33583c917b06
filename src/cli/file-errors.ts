// A file or folder the command could not read or write, in words: Node's own text ("EEXIST: file
// already exists, mkdir …") names a system call, not what to change. One place for every command:
// the router and the --tenants runs both say a failure through it.
import { statSync } from 'node:fs';
import { dirname, isAbsolute, relative } from 'node:path';

interface SystemError {
  code: string;
  syscall?: string;
  path: string;
}

const isSystemError = (error: unknown): error is SystemError =>
  error instanceof Error &&
  typeof (error as Partial<SystemError>).code === 'string' &&
  typeof (error as Partial<SystemError>).path === 'string';

const DOING: Record<string, string> = {
  mkdir: 'make the folder',
  open: 'open',
  write: 'write',
  rename: 'write',
  copyfile: 'write',
  unlink: 'remove',
  rm: 'remove',
  rmdir: 'remove',
  scandir: 'list the folder',
  stat: 'read',
  lstat: 'read',
  read: 'read',
};

/** The nearest part of `folder` (itself, or a folder above it) that exists and is a file: what stands where a folder should be. */
function fileInTheWay(folder: string): string | null {
  for (let at = folder; at !== dirname(at); at = dirname(at)) {
    try {
      return statSync(at).isDirectory() ? null : at;
    } catch {
      // not there: look further up
    }
  }
  return null;
}

/** A path as seen from `cwd`: relative when it is inside it, as given otherwise. */
const shownFrom = (cwd: string) => (p: string) => {
  const rel = relative(cwd, p);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : p;
};

const intoFile = (path: string) => `Cannot write into ${path}: it is a file, not a folder (check --out).`;

/**
 * What the write will say when a file stands where `folder` (absolute: the folder made for a command's output)
 * or a folder above it should be, as fileErrorWords says the failed mkdir; null when no file is in the way. For
 * checking --out before signing in, in the words the write would fail with after the reads.
 */
export function fileInTheWayWords(folder: string, cwd: string): string | null {
  const file = fileInTheWay(folder);
  if (!file) return null;
  const shown = shownFrom(cwd);
  return file === folder ? intoFile(shown(folder)) : `Cannot make the folder ${shown(folder)}: ${shown(file)} is a file, not a folder.`;
}

/** What Node says of a file or folder, in words naming the path as seen from `cwd`; null for any other failure. */
export function fileErrorWords(error: unknown, cwd: string): string | null {
  if (!isSystemError(error)) return null;
  const shown = shownFrom(cwd);
  const path = shown(error.path);
  const doing = DOING[error.syscall ?? ''] ?? 'use';
  switch (error.code) {
    case 'EEXIST':
      return error.syscall === 'mkdir' ? intoFile(path) : null;
    case 'ENOTDIR': {
      const file = fileInTheWay(dirname(error.path));
      return `Cannot ${doing} ${path}: ${file ? `${shown(file)} is a file, not a folder` : 'a part of the path is a file, not a folder'}.`;
    }
    case 'EISDIR':
      return `Cannot write ${path}: it is a folder. Give a file's name.`;
    case 'EACCES':
    case 'EPERM':
      return `Cannot ${doing} ${path}: permission denied.`;
    case 'ENOENT':
      return `Cannot ${doing} ${path}: no such file or folder.`;
    case 'ENOSPC':
      return `Cannot ${doing} ${path}: no space left on the device.`;
    case 'EROFS':
      return `Cannot ${doing} ${path}: the file system is read-only.`;
    default:
      return null;
  }
}
