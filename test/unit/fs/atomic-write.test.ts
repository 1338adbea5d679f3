/**
 * The one atomic write: the order of its steps is recorded through the injected fs, so the test
 * fails when the fsync before the rename, the rename into place or the folder fsync is undone;
 * failures at each step leave the destination as it was and no temp file.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import * as fsp from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { writeFileAtomic, type AtomicFs } from '../../../src/main/fs/atomic-write'
import { readSources } from '../security-gates/source-checks'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wc-atomic-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

type Step = readonly [op: string, path: string, detail?: string]

/** The real node:fs/promises, recording each call (and each handle's write/sync/close) in order. */
function recordingFs(steps: Step[], fail?: { op: 'write' | 'sync' | 'rename'; code: string }): AtomicFs {
  const failNow = (op: string): void => {
    if (fail?.op === op) throw Object.assign(new Error(`${fail.code}: injected`), { code: fail.code })
  }
  return {
    rm: fsp.rm,
    rename: async (from, to) => {
      steps.push(['rename', String(from), String(to)])
      failNow('rename')
      await fsp.rename(from, to)
    },
    open: (async (path: string, flags?: string, mode?: number) => {
      steps.push(['open', path, flags])
      const handle = await fsp.open(path, flags, mode)
      // Cast: the real handle with write/sync/close recorded; nothing else is used by the write.
      return Object.assign(Object.create(handle) as fsp.FileHandle, {
        writeFile: async (data: string | Uint8Array) => {
          steps.push(['write', path])
          failNow('write')
          await handle.writeFile(data)
        },
        sync: async () => {
          steps.push(['sync', path])
          failNow('sync')
          await handle.sync()
        },
        close: async () => {
          steps.push(['close', path])
          await handle.close()
        }
      })
    }) as AtomicFs['open'] // the recording double only needs the overloads the write uses
  }
}

describe('writeFileAtomic', () => {
  it('writes a temp file beside the destination, fsyncs it, renames it into place, then fsyncs the folder', async () => {
    const path = join(dir, 'site.wcsurvey')
    writeFileSync(path, 'old')
    const steps: Step[] = []
    await writeFileAtomic(path, 'new', { fs: recordingFs(steps) })

    expect(readFileSync(path, 'utf8')).toBe('new')
    expect(readdirSync(dir)).toEqual(['site.wcsurvey'])
    const temp = steps[0]?.[1] ?? ''
    expect(temp).toMatch(/[\\/]\.site\.wcsurvey\.[0-9a-f]{12}\.tmp$/)
    expect(resolve(temp, '..')).toBe(dir)
    expect(steps).toEqual([
      ['open', temp, 'wx'],
      ['write', temp],
      ['sync', temp],
      ['close', temp],
      ['rename', temp, path],
      ['open', dir, 'r'],
      ['sync', dir],
      ['close', dir]
    ])
    // Never opened the destination itself for writing.
    expect(steps.filter(([op, p]) => op === 'open' && p === path)).toEqual([])
  })

  it('writes bytes as they are', async () => {
    const path = join(dir, 'r.pdf')
    await writeFileAtomic(path, new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]))
    expect([...readFileSync(path)]).toEqual([0x25, 0x50, 0x44, 0x46, 0x00, 0xff])
  })

  it.each([
    ['write', 'ENOSPC'],
    ['sync', 'EIO'],
    ['rename', 'EXDEV']
  ] as const)('%s failing with %s: rethrown, the old file intact, no temp left, nothing renamed after a failed fsync', async (op, code) => {
    const path = join(dir, 'site.wcsurvey')
    writeFileSync(path, 'old')
    const steps: Step[] = []
    await expect(writeFileAtomic(path, 'new', { fs: recordingFs(steps, { op, code }) })).rejects.toMatchObject({ code })
    expect(readFileSync(path, 'utf8')).toBe('old')
    expect(readdirSync(dir)).toEqual(['site.wcsurvey'])
    if (op !== 'rename') expect(steps.some(([s]) => s === 'rename')).toBe(false)
  })

  it('a folder that cannot be fsynced does not fail a write whose rename is done', async () => {
    const path = join(dir, 'a.json')
    const real = recordingFs([])
    const noFolderSync: AtomicFs = {
      ...real,
      open: (async (p: string, flags?: string, mode?: number) => {
        if (flags === 'r') throw Object.assign(new Error('EISDIR: injected'), { code: 'EISDIR' }) // as on Windows
        return real.open(p, flags, mode)
      }) as AtomicFs['open'] // same double, folder open refused
    }
    await writeFileAtomic(path, '{}', { fs: noFolderSync })
    expect(readFileSync(path, 'utf8')).toBe('{}')
  })

  it('refuses to write through a temp name that already exists (O_EXCL), leaving it alone', async () => {
    const path = join(dir, 'x.json')
    const planted: AtomicFs = {
      ...fsp,
      open: (async (_p: string, flags?: string, mode?: number) => fsp.open(join(dir, 'planted'), flags, mode)) as AtomicFs['open'] // every open hits an existing file
    }
    writeFileSync(join(dir, 'planted'), 'keep')
    await expect(writeFileAtomic(path, 'new', { fs: planted })).rejects.toMatchObject({ code: 'EEXIST' })
    expect(readFileSync(join(dir, 'planted'), 'utf8')).toBe('keep')
  })
})

describe('one atomic write in main', () => {
  it('no other module of src/main renames files or fsyncs by hand', () => {
    const root = resolve(import.meta.dirname, '../../..')
    // keep-aside.ts: the one other rename, a damaged file moved to a free sibling name (never deleted).
    const helpers = new Set(['src/main/fs/atomic-write.ts', 'src/main/fs/keep-aside.ts'])
    const copies = readSources(root, 'src/main')
      .filter((f) => !helpers.has(f.path))
      .filter((f) => /\brename(Sync)?\(|\.sync\(\)|\bfsync(Sync)?\(/.test(f.text))
      .map((f) => f.path)
    expect(copies).toEqual([])
  })
})
