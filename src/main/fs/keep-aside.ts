/**
 * Moving a file that cannot be used (damaged, written by a newer version) out of the way, never
 * deleting it: it is renamed to a sibling `<stem>.<label>-YYYYMMDD-HHMMSS[-N]<ext>` in the same
 * folder (so the rename cannot cross disks), a name nothing else uses (an existing sibling is
 * never replaced), and the folder is fsynced so the move survives a power cut (best-effort, as in
 * atomic-write). The next save then writes a fresh file where it was, and the old one stays for a
 * person to look at or send to support.
 *
 * Errors are thrown as Node's (with `code`); each caller words them for its own user.
 */
import * as nodeFs from 'node:fs/promises'
import { basename, dirname, extname, join } from 'node:path'
import { syncFolder, type AtomicFs } from './atomic-write'

/** The file-system calls a move uses; tests inject failures through it. */
export type KeepAsideFs = AtomicFs & Pick<typeof nodeFs, 'lstat'>

/** `20261202-152233` in UTC: sortable, and free of characters Windows refuses in a name. */
function stamp(now: Date): string {
  return now.toISOString().slice(0, 19).replace(/-|:/g, '').replace('T', '-')
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined
}

/** The sibling names tried, in order: without a counter first, then -2, -3, … */
export function asideName(path: string, label: string, now: Date, attempt: number): string {
  const name = basename(path)
  const ext = extname(name)
  const stem = ext === '' ? name : name.slice(0, -ext.length)
  return join(dirname(path), `${stem}.${label}-${stamp(now)}${attempt > 1 ? `-${attempt}` : ''}${ext}`)
}

/**
 * Renames `path` to a free sibling name marked with `label` (e.g. "damaged") and returns that
 * name. Throws when `path` cannot be moved (gone: ENOENT; read-only folder: EACCES/EROFS).
 */
export async function keepAside(path: string, label: string, options: { readonly now?: Date; readonly fs?: KeepAsideFs } = {}): Promise<string> {
  const fs = options.fs ?? nodeFs
  const now = options.now ?? new Date()
  for (let attempt = 1; attempt <= 100; attempt++) {
    const aside = asideName(path, label, now, attempt)
    // A rename replaces what is there: look first, and take the next name when it is taken.
    const taken = await fs.lstat(aside).then(
      () => true,
      (error: unknown) => {
        if (errorCode(error) === 'ENOENT') return false
        throw error
      }
    )
    if (taken) continue
    await fs.rename(path, aside)
    await syncFolder(fs, dirname(path))
    return aside
  }
  throw Object.assign(new Error(`no free name beside ${path} to keep it aside`), { code: 'EEXIST' })
}
