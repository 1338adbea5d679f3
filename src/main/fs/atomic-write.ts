/**
 * The one atomic file write (surveys, exports, handout files, the recent list): a reader — or the
 * next start after a power cut — sees the old file or the new one, never a mix or an empty file.
 *
 *   write a temp file beside the destination (same folder, so the rename cannot cross disks)
 *   → fsync it (the bytes are on the disk before the name points at them)
 *   → rename it over the destination (atomic on POSIX and on NTFS)
 *   → fsync the folder (the rename itself survives a power cut; best-effort where impossible).
 *
 * Why not the `write-file-atomic` package: it never fsyncs the folder, resolves symlinks and
 * writes where the link points (main confines destinations to folders it chose, links refused),
 * opens its temp file without O_EXCL, and offers no seam for the full-disk tests.
 *
 * Errors are thrown as Node's (with `code`); each caller words them for its own user.
 */
import { randomBytes } from 'node:crypto'
import * as nodeFs from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/** The file-system calls a write uses; tests inject failures (a full disk, a failed fsync) through it. */
export type AtomicFs = Pick<typeof nodeFs, 'open' | 'rename' | 'rm'>

export interface AtomicWriteOptions {
  /** Permission bits of a new file (default 0o644: the user's own documents). */
  readonly mode?: number
  readonly fs?: AtomicFs
}

/** `.name.<12 hex>.tmp`: hidden, and recognisable as a temp of `name` when a killed write leaves one. */
function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
}

const TEMP_SUFFIX = /^[0-9a-f]{12}\.tmp$/

/**
 * Writes `data` to `path` atomically (see the module comment). On failure the temp file is
 * removed, the destination is as it was, and the error is rethrown.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const fs = options.fs ?? nodeFs
  const temp = tempPathFor(path)
  try {
    // 'wx': never write into a file that is already there (a leftover, or a planted link).
    const handle = await fs.open(temp, 'wx', options.mode ?? 0o644)
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await fs.rename(temp, path)
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined)
    throw error
  }
  await syncFolder(fs, dirname(path))
  await removeStaleTemps(dirname(path), basename(path))
}

/**
 * fsync a folder so a rename in it survives a power cut. Best-effort: the new file is already in
 * place, and Windows cannot open a folder as a file (EISDIR/EPERM), some filesystems refuse to
 * fsync one (EINVAL) — a write is not failed for that. Also used after keep-aside.ts's rename.
 */
export async function syncFolder(fs: AtomicFs, folder: string): Promise<void> {
  let handle: nodeFs.FileHandle | undefined
  try {
    handle = await fs.open(folder, 'r')
    await handle.sync()
  } catch {
    // See above: durability of the rename is best-effort where the platform cannot give it.
  } finally {
    await handle?.close().catch(() => undefined)
  }
}

/** Temp files younger than this may belong to a write still running in another process. */
const STALE_TEMP_MS = 10 * 60 * 1000

/**
 * Removes temp files of `name` left by writes that were killed mid-way (power cut, SIGKILL).
 * Housekeeping only: a failure here never fails the write.
 */
async function removeStaleTemps(folder: string, name: string): Promise<void> {
  try {
    const prefix = `.${name}.`
    const now = Date.now()
    for (const entry of await nodeFs.readdir(folder)) {
      if (!entry.startsWith(prefix) || !TEMP_SUFFIX.test(entry.slice(prefix.length))) continue
      const temp = join(folder, entry)
      const info = await nodeFs.lstat(temp)
      if (now - info.mtimeMs > STALE_TEMP_MS) await nodeFs.rm(temp, { force: true })
    }
  } catch {
    // Housekeeping only.
  }
}
