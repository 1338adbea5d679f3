/**
 * Reading a survey (issue 17 item 4): a BOM is accepted; a FIFO, a device, a socket or a folder
 * named *.wcsurvey is refused without reading; the file is opened once and checked and read
 * through that one descriptor, so what was checked is what is read.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import * as nodeFs from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loadSurveyFile, readSurveyFile, serializeSurvey, type ReadFs } from '../../../src/main/survey/survey-file'
import { makeSurvey } from '../../support/survey-builders'

const dir = mkdtempSync(join(tmpdir(), 'wc-special-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('loadSurveyFile on special files', () => {
  it('accepts a UTF-8 byte order mark (as Notepad saves)', async () => {
    const path = join(dir, 'bom.wcsurvey')
    writeFileSync(path, `\uFEFF${serializeSurvey(makeSurvey())}`)
    const out = await loadSurveyFile(path)
    expect(out.ok).toBe(true)
  })

  it('refuses a FIFO at once (a read would block forever)', async () => {
    const path = join(dir, 'pipe.wcsurvey')
    execFileSync('mkfifo', [path])
    const out = await loadSurveyFile(path)
    expect(out).toMatchObject({ ok: false, reason: 'unreadable' })
    expect(out.ok ? '' : out.message).toContain('not a regular file')
  })

  it('refuses a link to /dev/zero without reading it', async () => {
    const path = join(dir, 'zero.wcsurvey')
    symlinkSync('/dev/zero', path)
    const out = await loadSurveyFile(path)
    expect(out.ok ? '' : out.message).toContain('not a regular file')
  })

  it('refuses eight FIFOs at once, in parallel: no open waits for a writer (four would fill the thread pool)', async () => {
    const paths = Array.from({ length: 8 }, (_, i) => join(dir, `pipe-${i}.wcsurvey`))
    for (const p of paths) execFileSync('mkfifo', [p])
    const outs = await Promise.all(paths.map((p) => loadSurveyFile(p)))
    expect(outs.map((o) => (o.ok ? 'opened' : o.reason))).toEqual(paths.map(() => 'unreadable'))
  })

  it('refuses a Unix socket and a folder named *.wcsurvey', async () => {
    const socket = join(dir, 'sock.wcsurvey')
    const server = createServer()
    await new Promise<void>((resolve) => server.listen(socket, resolve))
    try {
      const out = await loadSurveyFile(socket)
      expect(out.ok ? '' : out.message).toContain('not a regular file')
    } finally {
      await new Promise((resolve) => server.close(resolve))
    }
    const folder = join(dir, 'folder.wcsurvey')
    mkdirSync(folder)
    const out = await loadSurveyFile(folder)
    expect(out.ok ? '' : out.message).toContain('is a folder')
  })

  it('reads the file it checked: swapped for a link to /dev/zero right after the open, the survey opened is still the original', async () => {
    const path = join(dir, 'swapped.wcsurvey')
    writeFileSync(path, serializeSurvey(makeSurvey({ site: { name: 'The original' } })))
    const link = join(dir, 'zero-link')
    symlinkSync('/dev/zero', link)
    // Another program replaces the file by name the moment after it was opened (before any check or read).
    const swapping: ReadFs = {
      open: async (...args: Parameters<typeof nodeFs.open>) => {
        const handle = await nodeFs.open(...args)
        renameSync(link, path)
        return handle
      }
    }
    const out = await loadSurveyFile(path, swapping)
    expect(out.ok ? out.survey.site.name : out.message).toBe('The original')
    // The name now is the link: read afresh it is refused, never read.
    expect((await loadSurveyFile(path)).ok).toBe(false)
  })

  it('gives the size and modification time of the bytes it read, from the same descriptor', async () => {
    const path = join(dir, 'plain.wcsurvey')
    const text = serializeSurvey(makeSurvey())
    writeFileSync(path, text)
    const result = await readSurveyFile(path)
    if (!result.ok) throw new Error(result.outcome.ok ? '' : result.outcome.message)
    expect(result.read.bytes.toString('utf8')).toBe(text)
    expect(result.read.size).toBe(Buffer.byteLength(text))
    expect(result.read.mtimeMs).toBe((await nodeFs.stat(path)).mtimeMs)
  })
})
