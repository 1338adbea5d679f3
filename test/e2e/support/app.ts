/**
 * The set-up browser-mode e2e tests share: skip when Chromium or the build is missing, start the
 * real browser-mode server and Chromium once per `describe`, stop both afterwards, and open the
 * app (and a survey in it) in a watched page.
 */
import { copyFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { skipFor } from '../../support/requires'
import { chromiumMissingReason, launchChromium, openWatchedPage, type WatchedPage } from './browser'
import { PROJECT_ROOT, serverMissingReason, startServer, type RunningServer } from './server'

/** True (after printing SKIPPED) when the browser tier cannot run: no Chromium, no build, or `otherReason`. */
export function skipBrowserTier(otherReason: string | null = null): boolean {
  return skipFor('browser', chromiumMissingReason() ?? serverMissingReason() ?? otherReason)
}

/** Server environment for the replay scanner reading the shipped demo scans (assets/replay/demo). */
export const DEMO_REPLAY_ENV: NodeJS.ProcessEnv = { WC_SURVEY_SCANNER: 'replay', WC_SURVEY_REPLAY: join(PROJECT_ROOT, 'assets', 'replay', 'demo') }

export interface BrowserAppOptions {
  /** Extra environment for the server (the scanner, for instance). */
  readonly env?: NodeJS.ProcessEnv
  /** Survey files put into the library once the server is up: file name there → the file copied. */
  readonly surveys?: Readonly<Record<string, string>>
}

/** The server and Chromium of one `describe`; reading either before `beforeAll` ran throws. */
export interface BrowserApp {
  readonly server: RunningServer
  readonly browser: Browser
  /** A new watched page (default 1280×800) with the app loaded (the survey library). */
  open(viewport?: { width: number; height: number }): Promise<WatchedPage>
}

/**
 * Registers, in the calling `describe`, a `beforeAll` that starts the browser-mode server (then
 * copies `surveys` into its library) and Chromium, and an `afterAll` that closes Chromium and stops the server.
 */
export function useBrowserApp(options: BrowserAppOptions = {}): BrowserApp {
  let server: RunningServer | undefined
  let browser: Browser | undefined
  beforeAll(async () => {
    server = await startServer({ env: options.env })
    const surveys = Object.entries(options.surveys ?? {})
    if (surveys.length > 0) mkdirSync(server.surveysDir, { recursive: true })
    for (const [name, from] of surveys) copyFileSync(from, join(server.surveysDir, name))
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started (used outside a test or before beforeAll)`)
    return value
  }
  return {
    get server() {
      return started(server, 'the browser-mode server')
    },
    get browser() {
      return started(browser, 'Chromium')
    },
    async open(viewport) {
      const watched = await openWatchedPage(started(browser, 'Chromium'), viewport ?? {})
      await watched.page.goto(started(server, 'the browser-mode server').url)
      return watched
    }
  }
}

/** From the library: opens the shipped sample survey and waits for its Locations. */
export async function openSampleSurvey(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Open the sample survey' }).first().click()
  await page.getByRole('heading', { name: 'Locations' }).waitFor()
}

/** From the library: opens the survey whose site is `siteName` and waits for its Locations. */
export async function openSurveyNamed(page: Page, siteName: string): Promise<void> {
  await page.getByRole('button', { name: siteName, exact: true }).click()
  await page.getByRole('heading', { name: 'Locations' }).waitFor()
}

/** From the library: New survey for `siteName` on `ssid`, created, and its site details opened for editing (main saved the file on Create). */
export async function createSurveyAndEditDetails(page: Page, siteName: string, ssid: string): Promise<void> {
  await page.getByRole('heading', { name: 'Survey library' }).waitFor()
  await page.getByRole('button', { name: 'New survey' }).first().click()
  await page.getByLabel('Site name').fill(siteName)
  await page.getByLabel('Target network (SSID)').fill(ssid)
  await page.getByRole('button', { name: 'Create survey' }).click()
  await page.getByRole('heading', { name: 'Locations' }).waitFor()
  await page.getByRole('status').filter({ hasText: /^Saved \d\d:\d\d:\d\d$/ }).waitFor()
  await page.getByRole('button', { name: 'Edit details' }).click()
}

/** Types `text` at the end of the Site name field with real key presses (Chromium lets a page hold an unload only after a user gesture). */
export async function typeAtEndOfSiteName(page: Page, text: string): Promise<void> {
  const field = page.getByLabel('Site name')
  await field.click()
  await field.press('End')
  await field.pressSequentially(text, { delay: 0 })
}
