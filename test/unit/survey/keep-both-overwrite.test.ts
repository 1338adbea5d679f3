/**
 * The two answers to "this file was changed by another program" (issue 17 item 4), through the
 * handlers: `survey:keepBoth` writes yours as a new file beside theirs, named
 * "<stem> (yours YYYY-MM-DD HHMM).wcsurvey" (local time), never over an existing file, never
 * through a link, never outside theirs's folder; `survey:overwrite` replaces theirs atomically.
 * Both refuse a handle main did not issue. Expectations are written by hand from each set-up.
 */
import { existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { DesktopServices, ServiceDeps } from '../../../src/main/service-deps'
import { createSurveyHandlers } from '../../../src/main/survey/handlers'
import { serializeSurvey } from '../../../src/main/survey/survey-file'
import type { Survey } from '../../../src/shared/model/survey'
import { makeSurvey } from '../../support/survey-builders'
import { serviceDeps, tempDir } from './helpers'

let root: string
let surveys: string
beforeEach(() => {
  root = tempDir('wc-keep-both-')
  surveys = join(root, 'data', 'surveys')
  // Only Date is faked: the file name's stamp is 2 Dec 2026 02:31 local time; fs timers run for real.
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date(2026, 11, 2, 2, 31, 40))
})
afterEach(() => {
  vi.useRealTimers()
  rmSync(root, { recursive: true, force: true })
})

const deps = (desktop: DesktopServices | null = null): ServiceDeps => serviceDeps(root, desktop)

const UNKNOWN_HANDLE = 'AAAAAAAAAAAAAAAAAAAAAA'
const YOURS = 'Harbour Point (yours 2026-12-02 0231).wcsurvey'

/** Writes a survey named "Harbour Point" at `path`, as another program would. */
function writeSurvey(path: string, siteName = 'Harbour Point'): Buffer {
  const bytes = Buffer.from(serializeSurvey(makeSurvey({ site: { name: siteName } })))
  writeFileSync(path, bytes)
  return bytes
}

/** The other program rewrites `path` a second later (a new modification time): theirs. */
function theyEdit(path: string): Buffer {
  const bytes = writeSurvey(path, 'Edited by the office')
  const later = new Date(Date.now() + 1000)
  utimesSync(path, later, later)
  return bytes
}

/**
 * The common start: "Harbour Point.wcsurvey" in the surveys folder, opened through browser-mode
 * handlers, then edited by another program (theirs).
 */
async function openedThenEditedElsewhere(): Promise<{ path: string; handlers: Handlers; handle: string; survey: Survey; theirs: Buffer }> {
  mkdirSync(surveys, { recursive: true })
  const path = join(surveys, 'Harbour Point.wcsurvey')
  writeSurvey(path)
  const { handlers } = createSurveyHandlers(deps())
  const { handle, survey } = await openIn(handlers, path)
  return { path, handlers, handle, survey, theirs: theyEdit(path) }
}

type Handlers = ReturnType<typeof createSurveyHandlers>['handlers']

/** Opens `path` through the handlers (browser mode: a file in the surveys folder); returns its handle and survey. */
async function openIn(handlers: Handlers, path: string): Promise<{ handle: string; survey: Survey }> {
  const opened = await handlers['survey:openPath'](path)
  if (!opened.ok) throw new Error(opened.message)
  return { handle: opened.handle, survey: opened.survey }
}

describe('survey:keepBoth', () => {
  it('writes yours beside theirs as "<stem> (yours <local date and time>)", leaves theirs byte-identical, and points the handle at yours', async () => {
    const { path, handlers, handle, survey, theirs } = await openedThenEditedElsewhere()

    const kept = await handlers['survey:keepBoth'](handle, { ...survey, targetSsid: 'mine' })
    expect(kept).toMatchObject({ ok: true, path: join(surveys, YOURS) })
    expect(readdirSync(surveys).sort()).toEqual(['Harbour Point (yours 2026-12-02 0231).wcsurvey', 'Harbour Point.wcsurvey'])
    expect(readFileSync(path).equals(theirs)).toBe(true)
    expect(JSON.parse(readFileSync(join(surveys, YOURS), 'utf8'))).toMatchObject({ site: { name: 'Harbour Point' }, targetSsid: 'mine' })

    // The window's next save goes to yours; theirs stays as it is.
    if (!kept.ok) throw new Error(kept.message)
    expect(await handlers['survey:save'](kept.handle, { ...survey, targetSsid: 'mine, later' })).toMatchObject({ ok: true, path: join(surveys, YOURS) })
    expect(JSON.parse(readFileSync(join(surveys, YOURS), 'utf8'))).toMatchObject({ targetSsid: 'mine, later' })
    expect(readFileSync(path).equals(theirs)).toBe(true)
  })

  it('never replaces a file that already has the name: it takes the next free one', async () => {
    const { handlers, handle, survey } = await openedThenEditedElsewhere()
    const earlier = writeSurvey(join(surveys, YOURS), 'Kept both a minute ago')

    expect(await handlers['survey:keepBoth'](handle, survey)).toMatchObject({ ok: true, path: join(surveys, 'Harbour Point (yours 2026-12-02 0231) 2.wcsurvey') })
    expect(readFileSync(join(surveys, YOURS)).equals(earlier)).toBe(true)
  })

  it('never writes through a link: a link to a file takes no write, a dangling link is refused and its target never created', async () => {
    const { handlers, handle, survey } = await openedThenEditedElsewhere()
    const elsewhere = join(root, 'elsewhere.wcsurvey')
    const elsewhereBytes = writeSurvey(elsewhere, 'Not the app’s')
    symlinkSync(elsewhere, join(surveys, YOURS))

    expect(await handlers['survey:keepBoth'](handle, survey)).toMatchObject({ ok: true, path: join(surveys, 'Harbour Point (yours 2026-12-02 0231) 2.wcsurvey') })
    expect(readFileSync(elsewhere).equals(elsewhereBytes)).toBe(true)
    expect(lstatSync(join(surveys, YOURS)).isSymbolicLink()).toBe(true)

    // A link to nothing: the name looks free, but main refuses to write there.
    const nowhere = join(root, 'nowhere.wcsurvey')
    rmSync(join(surveys, YOURS))
    rmSync(join(surveys, 'Harbour Point (yours 2026-12-02 0231) 2.wcsurvey'))
    symlinkSync(nowhere, join(surveys, YOURS))
    expect(await handlers['survey:keepBoth'](handle, survey)).toMatchObject({ ok: false, reason: 'not-allowed', message: expect.stringContaining(`${YOURS} in ${surveys} is a link to somewhere else`) })
    expect(readdirSync(root).sort()).toEqual(['assets', 'data', 'elsewhere.wcsurvey'])
    expect(readdirSync(surveys).sort()).toEqual(['Harbour Point (yours 2026-12-02 0231).wcsurvey', 'Harbour Point.wcsurvey'])
  })

  it('stays in theirs’s folder: beside a file the desktop dialog opened elsewhere; in browser mode a file outside the surveys folder is refused', async () => {
    const folder = join(root, 'jobs', 'elm')
    mkdirSync(folder, { recursive: true })
    const path = join(folder, 'Harbour Point.wcsurvey')
    writeSurvey(path)
    const desktop: DesktopServices = { pickOpenPath: async () => path, pickSavePath: async () => null }
    const electron = createSurveyHandlers(deps(desktop)).handlers
    const opened = await electron['survey:pickOpen']()
    if (!opened.ok) throw new Error(opened.message)
    theyEdit(path)
    expect(await electron['survey:keepBoth'](opened.handle, opened.survey)).toMatchObject({ ok: true, path: join(folder, YOURS) })
    expect(readdirSync(folder).sort()).toEqual(['Harbour Point (yours 2026-12-02 0231).wcsurvey', 'Harbour Point.wcsurvey'])

    // Browser mode writes only in its surveys folder: the same file, opened by path, is for review only.
    const browser = createSurveyHandlers(deps()).handlers
    const { handle, survey } = await openIn(browser, path)
    rmSync(join(folder, YOURS))
    expect(await browser['survey:keepBoth'](handle, survey)).toMatchObject({ ok: false, reason: 'not-allowed' })
    expect(readdirSync(folder)).toEqual(['Harbour Point.wcsurvey'])
    expect(existsSync(surveys) ? readdirSync(surveys) : []).toEqual([])
  })

  it('refuses a handle main did not issue, writing nothing', async () => {
    mkdirSync(surveys, { recursive: true })
    const { handlers } = createSurveyHandlers(deps())
    expect(await handlers['survey:keepBoth'](UNKNOWN_HANDLE, makeSurvey())).toMatchObject({ ok: false, reason: 'not-found', message: expect.stringContaining('open it again from the library') })
    expect(readdirSync(surveys)).toEqual([])
  })
})

describe('survey:overwrite', () => {
  it('replaces theirs with yours by renaming a whole new file into place (a reader holding theirs keeps theirs), no temp file left', async () => {
    const { path, handlers, handle, survey, theirs } = await openedThenEditedElsewhere()
    // A second name for theirs's bytes on disk: an in-place write would change it too, a rename does not.
    const reader = join(root, 'theirs-as-read.wcsurvey')
    linkSync(path, reader)

    expect(await handlers['survey:save'](handle, { ...survey, targetSsid: 'mine' })).toMatchObject({ ok: false, reason: 'changed-on-disk' })
    expect(await handlers['survey:overwrite'](handle, { ...survey, targetSsid: 'mine' })).toMatchObject({ ok: true, path })
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ site: { name: 'Harbour Point' }, targetSsid: 'mine' })
    expect(readFileSync(reader).equals(theirs)).toBe(true)
    expect(readdirSync(surveys)).toEqual(['Harbour Point.wcsurvey'])
  })

  it('refuses a handle main did not issue, writing nothing', async () => {
    mkdirSync(surveys, { recursive: true })
    const path = join(surveys, 'Harbour Point.wcsurvey')
    const bytes = writeSurvey(path)
    const { handlers } = createSurveyHandlers(deps())
    expect(await handlers['survey:overwrite'](UNKNOWN_HANDLE, makeSurvey())).toMatchObject({ ok: false, reason: 'not-found', message: expect.stringContaining('open it again from the library') })
    expect(readFileSync(path).equals(bytes)).toBe(true)
    expect(readdirSync(surveys)).toEqual(['Harbour Point.wcsurvey'])
  })
})
