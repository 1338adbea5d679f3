/**
 * Measure in browser mode (issue 4 item 4) with the replay scanner: the snapshot runs through the
 * real scan service, the measurement is judged, shown, and autosaved into the survey file.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { skipFor } from '../support/requires'
import { chromiumMissingReason, launchChromium, openWatchedPage } from './support/browser'
import { serverMissingReason, startServer, type RunningServer } from './support/server'

const skip = skipFor('browser', chromiumMissingReason() ?? serverMissingReason())

interface SavedSurvey {
  locations: { name: string; measurements: { scanCount: number; observations: unknown[]; findings: { requirement: string }[]; profileVersion: string }[] }[]
}

describe.skipIf(skip)('browser mode: Measure', () => {
  let server: RunningServer
  let browser: Browser

  beforeAll(async () => {
    server = await startServer({ env: { WC_SURVEY_SCANNER: 'replay' } })
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('measures an unmeasured location of the sample survey and autosaves the judged measurement', async () => {
    const { page, errors, cspViolations } = await openWatchedPage(browser)
    await page.goto(server.url)
    await page.getByRole('button', { name: 'Open the sample survey' }).click()
    await page.getByRole('button', { name: 'Edit survey' }).click()
    await page.getByRole('button', { name: /Level P3 – stall 7/ }).click()
    await page.getByRole('heading', { name: 'Level P3 – stall 7', level: 2 }).waitFor()
    await expect(page.getByText(/^Not measured yet\./).count()).resolves.toBe(1)

    await page.getByRole('button', { name: 'Measure', exact: true }).click()
    await page.getByRole('heading', { name: 'Measurements' }).waitFor({ timeout: 60000 })
    await expect(page.locator('.loc-finding').count()).resolves.toBeGreaterThan(0)
    await page.getByText(/^Saved \d\d:\d\d:\d\d$/).waitFor({ timeout: 10000 })

    const file = readdirSync(server.surveysDir).find((f) => f.endsWith('.wcsurvey'))
    expect(file).toBeDefined()
    // Cast: the file the app just saved; the test reads only the fields SavedSurvey names.
    const saved = JSON.parse(readFileSync(join(server.surveysDir, file!), 'utf8')) as SavedSurvey
    const location = saved.locations.find((l) => l.name === 'Level P3 – stall 7')
    expect(location?.measurements).toHaveLength(1)
    const m = location!.measurements[0]!
    expect(m.scanCount).toBe(3)
    expect(m.observations.length).toBeGreaterThan(0)
    expect(m.findings.map((f) => f.requirement)).toContain('WIFI-SIGNAL')
    expect(m.profileVersion).toMatch(/^\d+\.\d+\.\d+$/)
    expect(errors).toEqual([])
    expect(cspViolations).toEqual([])
  })
})
