/**
 * Before and after in browser mode: re-survey the sample, measure one stall with the replay
 * scanner, see the changes on the Compare page, export the PDF with its "Changes since" page.
 *
 * Expected changes, by hand from the inputs: the sample's P2 stall 14 heard only the 40 MHz BSS
 * 33:44:55:66:77:88 at -75 dBm (WIFI-WIDTH fail, WIFI-SIGNAL warn); the demo replay's
 * HarbourPoint-EV 2.4 GHz BSSes are all 20 MHz and the strongest (1c:b0:44:75:42:a5) is lifted to
 * about -52 dBm (assets/replay/demo/README.md): both fixed. The other stalls are not measured
 * again, so they read "not measured in the newer survey yet".
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { pdfText } from './report/pdf-tools'
import { skipBrowserTier, useBrowserApp } from './support/app'
import { openWatchedPage, type WatchedPage } from './support/browser'

const skip = skipBrowserTier()
const SHOTS = process.env.WC_SURVEY_SHOTS ?? null

describe.skipIf(skip)('browser mode: re-survey and compare', () => {
  const app = useBrowserApp({ env: { WC_SURVEY_SCANNER: 'replay' } })
  let page: Page
  let watched: WatchedPage

  // One page for the whole story: each test goes on where the one before left off.
  beforeAll(async () => {
    watched = await openWatchedPage(app.browser, { width: 1366, height: 768 })
    page = watched.page
  })

  const shot = async (name: string): Promise<void> => {
    if (SHOTS !== null) await page.screenshot({ path: join(SHOTS, `${name}.png`) })
  }

  it('"Re-survey this site" saves a linked survey beside the sample, with the same stalls and no measurements', async () => {
    await page.goto(app.server.url)
    await page.getByRole('button', { name: 'Open the sample survey' }).click()
    await page.getByRole('heading', { name: 'Site details' }).waitFor()
    const [original] = readdirSync(app.server.surveysDir)
    const before = readFileSync(join(app.server.surveysDir, original!))

    await page.getByRole('button', { name: 'Re-survey this site' }).click()
    await page.getByText('Re-survey of Harbour Point Garage created').waitFor()
    const files = readdirSync(app.server.surveysDir).filter((f) => f.endsWith('.wcsurvey'))
    expect(files).toHaveLength(2)
    const resurveyFile = files.find((f) => f !== original)!
    // Cast: the survey file the app just wrote; only the fields asserted are named.
    const saved = JSON.parse(readFileSync(join(app.server.surveysDir, resurveyFile), 'utf8')) as {
      resurveyOf: { surveyId: string }
      locations: { id: string; measurements: unknown[] }[]
    }
    expect(saved.resurveyOf.surveyId).toBe('sample-harbour-point-garage')
    expect(saved.locations.map((l) => [l.id, l.measurements.length])).toEqual([
      ['loc-p1-stall-3', 0],
      ['loc-p2-stall-14', 0],
      ['loc-p3-stall-2', 0],
      ['loc-p2-stall-20', 0],
      ['loc-p3-stall-7', 0]
    ])
    expect(readFileSync(join(app.server.surveysDir, original!)).equals(before)).toBe(true)
  })

  it('measures P2 stall 14 with the replay scanner in the re-survey', async () => {
    await page.getByRole('button', { name: /Level P2 – stall 14/ }).click()
    await page.getByRole('heading', { name: 'Level P2 – stall 14', level: 2 }).waitFor()
    await page.getByRole('button', { name: 'Measure', exact: true }).click()
    await page.getByRole('heading', { name: 'Measurements' }).waitFor({ timeout: 60000 })
    await page.getByText(/^Saved \d\d:\d\d:\d\d$/).waitFor({ timeout: 10000 })
  })

  it('Compare: the open re-survey against the sample; width and signal fixed at P2 stall 14; filters', async () => {
    await page.getByRole('button', { name: 'Compare', exact: true }).first().click()
    await page.getByRole('heading', { name: 'Compare', level: 1 }).waitFor()
    await page.getByRole('form', { name: 'Surveys to compare' }).getByRole('button', { name: 'Compare' }).click()
    const summary = page.getByRole('region', { name: 'Summary of changes' })
    await summary.waitFor()
    // At least the two fixes at P2 stall 14; nothing still fails there (no other stall measured again).
    await expect(summary.textContent()).resolves.toMatch(/^\d+ fixed, \d+ regressed/)
    await page.getByRole('img', { name: 'Level P2 – stall 14, WIFI-WIDTH: Fixed (Fail → Pass)' }).waitFor()
    await page.getByRole('img', { name: 'Level P2 – stall 14, WIFI-SIGNAL: Fixed (Warning → Pass)' }).waitFor()
    await page.getByRole('img', { name: 'Level P1 – stall 3, WIFI-SEC: No longer measured (Pass → not measured)' }).waitFor()
    await expect(page.locator('.chg-list').getByText('Not measured in the newer survey yet.').count()).resolves.toBe(3)
    await expect(page.locator('.chg-list').getByText('Not measured in either survey.').count()).resolves.toBe(1)
    await shot('compare-all')

    await page.getByRole('radio', { name: 'Fixed only' }).click()
    await expect(page.locator('.chg-matrix tbody tr').count()).resolves.toBe(1)
    await expect(page.locator('.chg-matrix tbody th').textContent()).resolves.toContain('Level P2 – stall 14')
    await page.getByRole('radio', { name: 'Regressions only' }).click()
    await expect(page.getByText('Level P1 – stall 3').count()).resolves.toBe(0)
    await shot('compare-regressions')
    await page.getByRole('radio', { name: 'All locations' }).click()
  })

  it('the library groups both surveys of the site, newest first, with "Compare with previous"', async () => {
    await page.getByRole('button', { name: 'Library', exact: true }).click()
    const table = page.getByRole('region', { name: 'Saved surveys' })
    await table.getByRole('button', { name: 'Compare with previous' }).waitFor()
    await expect(table.getByRole('button', { name: 'Compare with previous' }).count()).resolves.toBe(1)
    const names = await table.locator('tbody tr td:first-child').allTextContents()
    expect(names).toHaveLength(2)
    expect(names[1]).toContain('earlier survey')
    await shot('library-grouped')
    await table.getByRole('button', { name: 'Compare with previous' }).click()
    await page.getByRole('img', { name: 'Level P2 – stall 14, WIFI-WIDTH: Fixed (Fail → Pass)' }).waitFor()
  })

  it('exports the PDF with its "Changes since" page from the Report page', async () => {
    // Browser mode writes exports only into the exports folder, under the file name given.
    const pdf = join(app.server.dataDir, 'exports', 'resurvey-report.pdf')
    await page.getByRole('button', { name: 'Report', exact: true }).click()
    await expect(page.getByLabel('Changes since').inputValue()).resolves.not.toBe('')
    await page.getByLabel('File name').fill('resurvey-report.pdf')
    await page.getByRole('button', { name: 'Export PDF' }).click()
    await page.getByText('PDF report saved').waitFor({ timeout: 90000 })
    const text = (await pdfText(pdf)).replace(/\s+/g, ' ')
    // The sample was created on 2026-11-18.
    expect(text).toContain('Changes since 18 Nov 2026')
    expect(text).toMatch(/Fixed WIFI-WIDTH Fail → Pass/)
    expect(text).toMatch(/Fixed WIFI-SIGNAL Warning → Pass/)
    expect(text).toContain('Not measured in the newer survey yet.')
    expect(watched.errors).toEqual([])
    expect(watched.cspViolations).toEqual([])
  })
})
