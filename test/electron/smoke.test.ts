/**
 * Electron smoke test (issue 2 item 8): the window opens, the page has no Node (`require` is
 * undefined), the preload exposes only the contract, and new windows are denied. Runs where the Electron binary exists; prints SKIPPED with the reason elsewhere.
 * The binary is found as electron-app.ts says (never through `require('electron')`).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { _electron as electron, type ElectronApplication } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { skipFor } from '../support/requires'
import { electronBinary, electronMissingReason, ROOT as root } from './electron-app'

const found = electronBinary()
const reason = electronMissingReason(found)

describe.skipIf(skipFor('electron', reason, { allowedInCi: 'reason' in found }))('Electron smoke', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'wc-electron-'))
  let app: ElectronApplication | null = null
  afterAll(async () => {
    await app?.close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('opens a hardened window whose page sees only the contract', async () => {
    if (!('path' in found)) return
    app = await electron.launch({ executablePath: found.path, args: [root], env: { ...process.env, WC_SURVEY_DATA_DIR: dataDir } })
    const page = await app.firstWindow()
    await page.waitForLoadState('domcontentloaded')
    expect(page.url()).toBe('app://wc-site-survey/index.html')
    // Cast: probing for globals a sandboxed page must not have.
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined')
    // Cast: probing for globals a sandboxed page must not have.
    expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined')
    // Cast: the preload's global, if it installed one.
    expect(await page.evaluate(() => Object.keys((globalThis as { wcSurvey?: object }).wcSurvey ?? {}).sort())).toEqual(['on', 'request'])
    // Cast: the preload's global; its shape is what this test checks.
    const info = await page.evaluate(() => (globalThis as unknown as { wcSurvey: { request(n: string): Promise<{ mode: string }> } }).wcSurvey.request('app:info'))
    expect(info.mode).toBe('electron')
    // Electron has no API to read back webPreferences; the literal options are checked statically
    // (test/unit/security-gates). Here: exactly one window, and its page cannot open another.
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1)
    expect(await page.evaluate(() => (globalThis as unknown as { open(u: string): unknown }).open('https://example.com/') === null)).toBe(true)
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1)
  })
})
