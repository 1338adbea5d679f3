/**
 * Closing the Electron window with an edit not saved yet (issue 16 item 4): the renderer's leave
 * guard prevents the unload, main's 'will-prevent-unload' handler (src/main/electron/window.ts)
 * asks "Stay / Close anyway". Stay keeps the window and the edit (written moments later); Close
 * anyway closes it. The native message box is modal, so the test replaces
 * dialog.showMessageBoxSync in main with one that records the question and answers it; everything
 * else (the page's beforeunload, Electron's unload, main's handler) is the real app.
 *
 * Runs where the Electron binary exists; prints SKIPPED with the reason elsewhere (the browser
 * mode's prompt is test/e2e/leave-guard.test.ts).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { _electron as electron, type ElectronApplication } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { skipFor } from '../support/requires'
import { createSurveyAndEditDetails, typeAtEndOfSiteName } from '../e2e/support/app'
import { eventually } from '../e2e/support/eventually'
import { electronBinary, electronMissingReason, ROOT } from './electron-app'

const found = electronBinary()
const reason = electronMissingReason(found)

/** What main's stand-in message box saw: the options of each question. */
interface Asked {
  readonly buttons?: string[]
  readonly message?: string
}

/** Replaces the modal message box in main: records each question and answers `answer` (0 Stay, 1 Close anyway). */
async function answerWith(app: ElectronApplication, answer: 0 | 1): Promise<void> {
  await app.evaluate(({ dialog }, a) => {
    // Cast: a record kept on main's global for the test to read back.
    const g = globalThis as { asked?: unknown[] }
    g.asked = []
    // Cast: the stand-in takes the overloads' arguments loosely and returns the button index, as the real one does.
    dialog.showMessageBoxSync = ((...args: unknown[]) => {
      g.asked?.push(args.at(-1))
      return a
    }) as typeof dialog.showMessageBoxSync
  }, answer)
}

async function asked(app: ElectronApplication): Promise<Asked[]> {
  // Cast: the record answerWith keeps on main's global.
  return app.evaluate(() => ((globalThis as { asked?: Asked[] }).asked ?? []).map((o) => ({ buttons: o.buttons, message: o.message })))
}

describe.skipIf(skipFor('electron', reason, { allowedInCi: 'reason' in found }))('Electron: closing with an unsaved edit asks Stay / Close anyway', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'wc-electron-leave-'))
  let app: ElectronApplication | null = null
  afterAll(async () => {
    await app?.close().catch(() => undefined)
    rmSync(dataDir, { recursive: true, force: true })
  })
  const siteNameOnDisk = (): string => {
    const dir = join(dataDir, 'surveys')
    const files = readdirSync(dir).filter((f) => f.endsWith('.wcsurvey'))
    if (files.length !== 1) throw new Error(`expected one survey file, found ${files.join(', ')}`)
    // Cast: the file the app saved; the test reads only the site's name.
    return (JSON.parse(readFileSync(join(dir, files[0] ?? ''), 'utf8')) as { site: { name: string } }).site.name
  }

  it('Stay keeps the window and the edit (on disk moments later); Close anyway closes it', async () => {
    if (!('path' in found)) return
    app = await electron.launch({ executablePath: found.path, args: [ROOT], env: { ...process.env, WC_SURVEY_DATA_DIR: dataDir } })
    const page = await app.firstWindow()
    await createSurveyAndEditDetails(page, 'Harbour Point garage', 'Garage-IoT')

    await answerWith(app, 0)
    await typeAtEndOfSiteName(page, ' North')
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close())
    // The unload is held and the question asked in main a moment after close().
    let first: Asked[] = []
    for (let i = 0; i < 100 && first.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 100))
      first = await asked(app)
    }
    expect(first).toEqual([{ buttons: ['Stay', 'Close anyway'], message: 'Close without keeping everything?' }])
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1)
    await expect(page.getByLabel('Site name').inputValue()).resolves.toBe('Harbour Point garage North')
    await eventually(siteNameOnDisk, (name) => name === 'Harbour Point garage North')

    await answerWith(app, 1)
    await typeAtEndOfSiteName(page, ' West')
    const closed = page.waitForEvent('close')
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close())
    // Answered Close anyway (or saved before the close, then nothing was asked): the window is gone.
    await closed
  })
})
