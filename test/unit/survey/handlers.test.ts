import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { EventSink } from '../../../src/shared/contract'
import type { DesktopServices, ServiceDeps } from '../../../src/main/service-deps'
import { createSurveyHandlers } from '../../../src/main/survey/handlers'
import { copyFixture, sampleSurvey, tempDir } from './helpers'

let root: string
beforeEach(() => {
  root = tempDir()
})
afterEach(() => {
  rmSync(root, { recursive: true, force: true })
})

const noEvents: EventSink = () => undefined

function deps(desktop: DesktopServices | null = null): ServiceDeps {
  const assetsDir = join(root, 'assets')
  mkdirSync(assetsDir, { recursive: true })
  return {
    emit: noEvents,
    dataDir: join(root, 'data'),
    platform: 'linux',
    env: {},
    appVersion: '9.9.9',
    mode: desktop ? 'electron' : 'browser',
    rendererDir: join(root, 'renderer'),
    assetsDir,
    desktop
  }
}

const input = { siteName: 'Harbour / View', billingMode: 'billed' as const, address: '', customer: 'HV', technician: '', targetSsid: 'HV', notes: '' }

describe('survey handlers', () => {
  it('create writes a new file in the library named after the site, and lists it', async () => {
    const { handlers } = createSurveyHandlers(deps())
    const created = await handlers['survey:create'](input)
    if (!created.ok) throw new Error(created.message)
    expect(created.path).toBe(join(root, 'data', 'surveys', 'Harbour - View.wcsurvey'))
    expect(JSON.parse(readFileSync(created.path, 'utf8'))).toMatchObject({ schemaVersion: 3, site: { name: 'Harbour / View', billingMode: 'billed' }, locations: [] })
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
