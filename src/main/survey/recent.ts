/**
 * The recently opened surveys (File › Open Recent), kept in `<dataDir>/recent.json`.
 *
 * The list is a convenience: an unreadable or damaged list file counts as empty and is replaced
 * on the next change, and paths that no longer exist are left out when read.
 */
import { mkdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { writeFileAtomic } from '../fs/atomic-write'

/** Entries kept, most recent first. */
export const RECENT_LIMIT = 10

const recentFileSchema = z.object({ paths: z.array(z.string().min(1).max(4096)).max(100) })

/** The recent list of one data folder. */
export interface RecentList {
  /** Existing paths, most recent first. */
  read(): Promise<readonly string[]>
  /** Moves `path` to the top. */
  add(path: string): Promise<void>
}

/** A recent list stored in `dataDir`. */
export function createRecentList(dataDir: string): RecentList {
  const file = join(dataDir, 'recent.json')

  async function readRaw(): Promise<string[]> {
    try {
      const parsed = recentFileSchema.safeParse(JSON.parse(await readFile(file, 'utf8')))
      return parsed.success ? parsed.data.paths : []
    } catch {
      return []
    }
  }

  // Writes are queued so two quick opens cannot interleave a read-modify-write.
  let queue: Promise<void> = Promise.resolve()

  return {
    async read() {
      const paths = await readRaw()
      const present = await Promise.all(paths.map((p) => stat(p).then(() => true, () => false)))
      return paths.filter((_, i) => present[i])
    },
    add(path) {
      const next = queue.then(async () => {
        const paths = [path, ...(await readRaw()).filter((p) => p !== path)].slice(0, RECENT_LIMIT)
        await mkdir(dataDir, { recursive: true })
        try {
          await writeFileAtomic(file, `${JSON.stringify({ paths }, null, 2)}\n`)
        } catch {
          // Open Recent is a convenience: failing to record it must not fail the open itself.
        }
      })
      queue = next.catch(() => undefined)
      return next
    }
  }
}
