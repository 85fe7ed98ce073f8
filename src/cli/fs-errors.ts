/**
 * File-system errors in words a user can act on. Its own module, with no imports, so the CLI entry can name a
 * stdout failure without loading the file writer (node:fs/promises, node:crypto) on every command.
 * @module
 */

/** What a Node file-system error means for the user, by its code. */
const REASONS: Readonly<Record<string, string>> = {
  ENOSPC: 'the disk is full (no space left on device)',
  EDQUOT: 'the disk quota is exhausted',
  EFBIG: 'the file is larger than this file system allows',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  EEXIST: 'it already exists',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many open files',
  EIO: 'input/output error from the device',
  EPIPE: 'the reader closed the pipe',
  ELOOP: 'too many symbolic links',
  EXDEV: 'the temporary file and the target are on different file systems',
};

/** One phrase for a file-system error: "the disk is full (no space left on device) [ENOSPC]". */
export function describeFsError(err: unknown): string {
  const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : undefined;
  if (code && REASONS[code]) return `${REASONS[code]} [${code}]`;
  const message = err instanceof Error ? err.message : String(err);
  return code ? `${message} [${code}]` : message;
}
