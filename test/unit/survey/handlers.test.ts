import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
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
    expect(await handlers['survey:recent']()).toEqual([second.ok && second.path, created.path])
  })

  it('save refuses paths that are not survey files', async () => {
    const { handlers } = createSurveyHandlers(deps())
    const target = join(root, 'profile.sh')
    expect(await handlers['survey:save'](target, sampleSurvey())).toMatchObject({ ok: false, reason: 'failed' })
    expect(existsSync(target)).toBe(false)
  })

  it('Save As with a path adds the extension; without one, browser mode explains what to do', async () => {
    const { handlers } = createSurveyHandlers(deps())
    const saved = await handlers['survey:saveAs'](sampleSurvey(), join(root, 'copy'))
    expect(saved).toMatchObject({ ok: true, path: join(root, 'copy.wcsurvey') })
    expect(await handlers['survey:saveAs'](sampleSurvey(), undefined)).toMatchObject({ ok: false, reason: 'cancelled', message: expect.stringMatching(/type the full path/) })
    expect(await handlers['survey:pickOpen']()).toMatchObject({ ok: false, reason: 'cancelled', message: expect.stringMatching(/type or paste the full path/) })
  })

  it('uses the native dialogs when the desktop provides them', async () => {
    const picked = join(root, 'picked.wcsurvey')
    const desktop: DesktopServices = { pickOpenPath: async () => picked, pickSavePath: async (name) => (name === 'Elm Street Offices.wcsurvey' ? picked : null) }
    const { handlers } = createSurveyHandlers(deps(desktop))
    expect(await handlers['survey:saveAs'](sampleSurvey(), undefined)).toMatchObject({ ok: true, path: picked })
    expect(await handlers['survey:pickOpen']()).toMatchObject({ ok: true, path: picked })
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
    expect(await handlers['survey:open'](bad)).toMatchObject({ ok: false, reason: 'newer-version' })
    const good = copyFixture('v1-garage.wcsurvey', root)
    expect(await handlers['survey:open'](good)).toMatchObject({ ok: true, migratedFrom: 1 })
    expect(await handlers['survey:recent']()).toEqual([good])
  })

  it('app:info names the surveys folder and whether native dialogs exist', async () => {
    const { handlers } = createSurveyHandlers(deps())
    expect(await handlers['app:info']()).toEqual({
      version: '9.9.9',
      mode: 'browser',
      platform: 'linux',
      surveysFolder: join(root, 'data', 'surveys'),
      scanner: 'Linux (nmcli + iw, node-wifi baseline)',
      nativeDialogs: false
    })
  })
})
