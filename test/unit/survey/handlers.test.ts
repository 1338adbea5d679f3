import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { DesktopServices, ServiceDeps } from '../../../src/main/service-deps'
import { createSurveyHandles } from '../../../src/main/survey/handles'
import { createSurveyHandlers } from '../../../src/main/survey/handlers'
import { serializeSurvey } from '../../../src/main/survey/survey-file'
import type { Survey } from '../../../src/shared/model/survey'
import { buildSampleSurvey } from '../../../scripts/make-sample-survey'
import { copyFixture, sampleSurvey, serviceDeps, tempDir } from './helpers'
import { withTimeZone } from '../../support/time-zone'

let root: string
beforeEach(() => {
  root = tempDir()
})
afterEach(() => {
  rmSync(root, { recursive: true, force: true })
})

const deps = (desktop: DesktopServices | null = null): ServiceDeps => serviceDeps(root, desktop)

const input = { siteName: 'Harbour / View', billingMode: 'billed' as const, address: '', customer: 'HV', technician: '', targetSsid: 'HV', notes: '' }

describe('survey handlers', () => {
  it('create writes a new file in the library named after the site, and lists it', async () => {
    const { handlers } = createSurveyHandlers(deps())
    // The new site's zone is the machine's at creation (read before the handler's first await).
    const created = await withTimeZone('Europe/Berlin', () => handlers['survey:create'](input))
    if (!created.ok) throw new Error(created.message)
    expect(created.path).toBe(join(root, 'data', 'surveys', 'Harbour - View.wcsurvey'))
    expect(JSON.parse(readFileSync(created.path, 'utf8'))).toMatchObject({ schemaVersion: 9, site: { name: 'Harbour / View', billingMode: 'billed', timeZone: 'Europe/Berlin' }, locations: [] })
    const second = await handlers['survey:create'](input)
    expect(second.ok && second.path).toBe(join(root, 'data', 'surveys', 'Harbour - View 2.wcsurvey'))
    const rows = await handlers['survey:list']()
    expect(rows.map((r) => r.fileName).sort()).toEqual(['Harbour - View 2.wcsurvey', 'Harbour - View.wcsurvey'])
    // Library rows and recent files carry the handles main issued; the same file keeps its handle.
    const byName = new Map(rows.map((r) => [r.fileName, r.handle]))
    expect(byName.get('Harbour - View.wcsurvey')).toBe(created.handle)
    expect(await handlers['survey:recent']()).toEqual([
      { path: second.ok && second.path, handle: second.ok && second.handle },
      { path: created.path, handle: created.handle }
    ])
    expect(created.handle).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(created.writable).toBe(true)
  })

  it('saves through a handle; an unknown handle saves nothing', async () => {
    const { handlers } = createSurveyHandlers(deps())
    const created = await handlers['survey:create'](input)
    if (!created.ok) throw new Error(created.message)
    const edited = { ...created.survey, targetSsid: 'Changed' }
    expect(await handlers['survey:save'](created.handle, edited)).toMatchObject({ ok: true, path: created.path })
    expect(JSON.parse(readFileSync(created.path, 'utf8'))).toMatchObject({ targetSsid: 'Changed' })
    expect(await handlers['survey:save']('AAAAAAAAAAAAAAAAAAAAAA', edited)).toMatchObject({ ok: false, reason: 'not-found', message: expect.stringMatching(/open it again from the library/) })
    expect(await handlers['survey:open']('AAAAAAAAAAAAAAAAAAAAAA')).toMatchObject({ ok: false, reason: 'not-found' })
  })

  it('browser mode: Save As takes a file name in the surveys folder, adds the extension, never overwrites; no dialog for Open', async () => {
    const { handlers } = createSurveyHandlers(deps())
    const saved = await handlers['survey:saveAs'](sampleSurvey(), 'copy')
    expect(saved).toMatchObject({ ok: true, path: join(root, 'data', 'surveys', 'copy.wcsurvey') })
    expect(await handlers['survey:saveAs'](sampleSurvey(), 'copy.wcsurvey')).toMatchObject({ ok: false, reason: 'not-allowed', message: expect.stringMatching(/already exists/) })
    expect(await handlers['survey:saveAs'](sampleSurvey(), undefined)).toMatchObject({ ok: false, reason: 'cancelled', message: expect.stringMatching(/type a file name/) })
    expect(await handlers['survey:pickOpen']()).toMatchObject({ ok: false, reason: 'cancelled', message: expect.stringMatching(/type or paste the full path/) })
  })

  it('browser mode: a typed path outside the surveys folder opens for review only, and a save to it is refused', async () => {
    const { handlers } = createSurveyHandlers(deps())
    const outside = copyFixture('v2-garage.wcsurvey', root)
    const before = readFileSync(outside)
    const opened = await handlers['survey:openPath'](outside)
    if (!opened.ok) throw new Error(opened.message)
    expect(opened.writable).toBe(false)
    expect(await handlers['survey:save'](opened.handle, opened.survey)).toMatchObject({ ok: false, reason: 'not-allowed', message: expect.stringMatching(/outside .*surveys: browser mode saves only there/) })
    expect(readFileSync(outside)).toEqual(before)
    expect(await handlers['survey:openPath'](join(root, 'notes.txt'))).toMatchObject({ ok: false, reason: 'not-a-survey' })
  })

  it('uses the native dialogs when the desktop provides them; the renderer cannot name a path there', async () => {
    const picked = join(root, 'picked.wcsurvey')
    const desktop: DesktopServices = { pickOpenPath: async () => picked, pickSavePath: async (name) => (name === 'Elm Street Offices.wcsurvey' ? picked : null) }
    const { handlers } = createSurveyHandlers(deps(desktop))
    const saved = await handlers['survey:saveAs'](sampleSurvey(), 'ignored-in-electron.wcsurvey')
    expect(saved).toMatchObject({ ok: true, path: picked })
    const opened = await handlers['survey:pickOpen']()
    expect(opened).toMatchObject({ ok: true, path: picked, writable: true })
    expect(opened.ok && saved.ok && opened.handle).toBe(saved.ok && saved.handle)
    expect(await handlers['survey:openPath'](picked)).toMatchObject({ ok: false, reason: 'cancelled', message: expect.stringMatching(/File › Open/) })
    const cancelled = createSurveyHandlers(deps({ pickOpenPath: async () => null, pickSavePath: async () => null })).handlers
    expect(await cancelled['survey:pickOpen']()).toMatchObject({ ok: false, reason: 'cancelled' })
    expect(await cancelled['survey:saveAs'](sampleSurvey(), undefined)).toMatchObject({ ok: false, reason: 'cancelled' })
  })

  it('openSample fails clearly without the asset, and opens a library copy when it exists', async () => {
    const d = deps()
    const { handlers } = createSurveyHandlers(d)
    expect(await handlers['survey:openSample']()).toMatchObject({ ok: false, reason: 'not-found', message: expect.stringMatching(/sample survey is not available/) })
    copyFixture('v2-garage.wcsurvey', d.assetsDir, 'sample-survey.wcsurvey')
    const opened = await handlers['survey:openSample']()
    expect(opened).toMatchObject({ ok: true, path: join(d.dataDir, 'surveys', 'Sample – Elm Street Offices.wcsurvey') })
    const again = await handlers['survey:openSample']()
    expect(again.ok && again.path).toBe(join(d.dataDir, 'surveys', 'Sample – Elm Street Offices 2.wcsurvey'))
  })

  it('open reports bad files as values and remembers good ones', async () => {
    const { handlers } = createSurveyHandlers(deps())
    const bad = copyFixture('newer-version.wcsurvey', root)
    expect(await handlers['survey:openPath'](bad)).toMatchObject({ ok: false, reason: 'newer-version' })
    const good = copyFixture('v1-garage.wcsurvey', root)
    const opened = await handlers['survey:openPath'](good)
    expect(opened).toMatchObject({ ok: true, migratedFrom: 1 })
    expect(await handlers['survey:recent']()).toEqual([{ path: good, handle: opened.ok && opened.handle }])
  })

  it('app:info names the surveys folder and whether native dialogs exist', async () => {
    const { handlers } = createSurveyHandlers(deps())
    expect(await handlers['app:info']()).toEqual({
      version: '9.9.9',
      mode: 'browser',
      platform: 'linux',
      surveysFolder: join(root, 'data', 'surveys'),
      scanner: 'Linux (nmcli + iw, node-wifi baseline)',
      nativeDialogs: false,
      exportsFolder: join(root, 'data', 'exports')
    })
  })
})

describe('survey:resurvey', () => {
  const desktop: DesktopServices = { pickOpenPath: async () => null, pickSavePath: async () => null }

  function originIn(folder: string): string {
    mkdirSync(folder, { recursive: true })
    const path = join(folder, 'harbour.wcsurvey')
    writeFileSync(path, serializeSurvey(buildSampleSurvey()))
    return path
  }

  it('saves a linked survey beside the original: same site and locations (same IDs), no measurements; the original is untouched', async () => {
    const handles = createSurveyHandles()
    const { handlers } = createSurveyHandlers(deps(desktop), handles)
    const folder = join(root, 'jobs')
    const originPath = originIn(folder)
    const before = readFileSync(originPath)

    const outcome = await handlers['survey:resurvey'](handles.issue(originPath))
    if (!outcome.ok) throw new Error(outcome.message)
    const today = new Date().toISOString().slice(0, 10)
    expect(outcome.path).toBe(join(folder, `Harbour Point Garage ${today}.wcsurvey`))
    expect(outcome.writable).toBe(true)
    expect(readFileSync(originPath).equals(before)).toBe(true)

    // Cast: the file the handler just saved, parsed back; its fields are asserted.
    const saved = JSON.parse(readFileSync(outcome.path, 'utf8')) as Survey
    expect(saved.id).not.toBe('sample-harbour-point-garage')
    expect(saved.resurveyOf).toEqual({ surveyId: 'sample-harbour-point-garage', surveyCreatedAt: '2026-11-18T09:00:00.000Z', lineageId: 'sample-harbour-point-garage' })
    expect(saved.site.name).toBe('Harbour Point Garage')
    expect(saved.targetSsid).toBe('HarbourPoint-EV')
    expect(saved.locations.map((l) => [l.id, l.name, l.measurements.length])).toEqual([
      ['loc-p1-stall-3', 'Level P1 – stall 3', 0],
      ['loc-p2-stall-14', 'Level P2 – stall 14', 0],
      ['loc-p3-stall-2', 'Level P3 – stall 2', 0],
      ['loc-p2-stall-20', 'Level P2 – stall 20', 0],
      ['loc-p3-stall-7', 'Level P3 – stall 7', 0]
    ])
    // A second re-survey the same day gets its own file; a re-survey of the re-survey keeps the lineage.
    const again = await handlers['survey:resurvey'](outcome.handle)
    if (!again.ok) throw new Error(again.message)
    expect(again.path).toBe(join(folder, `Harbour Point Garage ${today} 2.wcsurvey`))
    expect(again.survey.resurveyOf).toMatchObject({ surveyId: saved.id, lineageId: 'sample-harbour-point-garage' })
  })

  it('browser mode: beside the original in the surveys folder; an original from elsewhere is re-surveyed into the surveys folder', async () => {
    const handles = createSurveyHandles()
    const { handlers } = createSurveyHandlers(deps(), handles)
    const today = new Date().toISOString().slice(0, 10)
    const inLibrary = await handlers['survey:resurvey'](handles.issue(originIn(join(root, 'data', 'surveys'))))
    expect(inLibrary).toMatchObject({ ok: true, path: join(root, 'data', 'surveys', `Harbour Point Garage ${today}.wcsurvey`), writable: true })
    const outside = join(root, 'usb-stick')
    const fromElsewhere = await handlers['survey:resurvey'](handles.issue(originIn(outside)))
    expect(fromElsewhere).toMatchObject({ ok: true, path: join(root, 'data', 'surveys', `Harbour Point Garage ${today} 2.wcsurvey`), writable: true })
    expect(readdirSync(outside)).toEqual(['harbour.wcsurvey'])
  })

  it('an unreadable original or an unknown handle: a message, and nothing written', async () => {
    const handles = createSurveyHandles()
    const { handlers } = createSurveyHandlers(deps(desktop), handles)
    const folder = join(root, 'jobs')
    mkdirSync(folder)
    const broken = join(folder, 'broken.wcsurvey')
    writeFileSync(broken, '{"schemaVersion": 3, "site": ')
    expect(await handlers['survey:resurvey'](handles.issue(broken))).toMatchObject({ ok: false, reason: 'corrupt' })
    expect(await handlers['survey:resurvey']('AAAAAAAAAAAAAAAAAAAAAA')).toMatchObject({ ok: false, reason: 'not-found' })
    expect(readdirSync(folder)).toEqual(['broken.wcsurvey'])
  })
})
