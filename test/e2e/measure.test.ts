/**
 * Measure in browser mode (issue 4 item 4) with the replay scanner: the snapshot runs through the
 * real scan service, the measurement is judged, shown, and autosaved into the survey file.
 *
 * Issue 16 items 1 and 11, the technician's side at 1366×768: after Create survey the header says
 * Saved and the focus is on the first location's name; site details are folded once filled; after
 * Measure the verdict and everything that needs attention are in view without scrolling, the
 * connectivity requirements are one "run the firewall check" card, the passes one line, and the
 * focus is still on Measure. A file that is not a survey is called that, not "damaged".
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { skipBrowserTier, useBrowserApp } from './support/app'
import { focused, inView, LAPTOP_VIEWPORT } from './support/view'

const skip = skipBrowserTier()

const VIEWPORT = LAPTOP_VIEWPORT

interface SavedSurvey {
  locations: { name: string; measurements: { scanCount: number; observations: unknown[]; findings: { requirement: string }[]; profileVersion: string }[] }[]
}

describe.skipIf(skip)('browser mode: Measure', () => {
  const app = useBrowserApp({ env: { WC_SURVEY_SCANNER: 'replay' } })

  it('measures an unmeasured location of the sample survey and autosaves the judged measurement', async () => {
    const { page, errors, cspViolations } = await app.open()
    await page.getByRole('button', { name: 'Open the sample survey' }).click()
    await page.getByRole('button', { name: 'Edit survey' }).click()
    await page.getByRole('button', { name: /Level P3 – stall 7/ }).click()
    await page.getByRole('heading', { name: 'Level P3 – stall 7', level: 2 }).waitFor()
    await expect(page.getByText(/^Not measured yet\./).count()).resolves.toBe(1)

    await page.getByRole('button', { name: 'Measure', exact: true }).click()
    await page.getByRole('heading', { name: 'Measurements' }).waitFor({ timeout: 60000 })
    await expect(page.locator('.loc-finding').count()).resolves.toBeGreaterThan(0)
    await page.getByText(/^Saved \d\d:\d\d:\d\d$/).waitFor({ timeout: 10000 })

    const file = readdirSync(app.server.surveysDir).find((f) => f.endsWith('.wcsurvey'))
    expect(file).toBeDefined()
    // Cast: the file the app just saved; the test reads only the fields SavedSurvey names.
    const saved = JSON.parse(readFileSync(join(app.server.surveysDir, file!), 'utf8')) as SavedSurvey
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

  it('create, add six stalls, measure: saved, folded, in view, focus kept', async () => {
    const { page, errors, cspViolations } = await app.open(VIEWPORT)
    await page.getByRole('button', { name: 'New survey' }).first().click()
    await page.getByLabel('Site name').fill('Harbour Point garage')
    await page.getByLabel('Target network (SSID)').fill('HarbourPoint-EV')
    await page.getByRole('button', { name: 'Create survey' }).click()
    await page.getByRole('heading', { name: 'Locations' }).waitFor()

    // Main wrote the file when creating it: the header says so (item 11).
    await page.getByRole('status').filter({ hasText: /^Saved \d\d:\d\d:\d\d$/ }).waitFor()
    await expect(page.getByText('No changes yet').count()).resolves.toBe(0)
    // Filled in the form: the details are one line, the first stall's name has the focus.
    await expect(page.getByLabel('Site name').isVisible()).resolves.toBe(false)
    await expect(page.getByRole('button', { name: 'Edit details' }).isVisible()).resolves.toBe(true)
    await expect(focused(page)).resolves.toBe('input:New location name')

    const stalls = ['P1 – stall 1', 'P1 – stall 2', 'P1 – stall 3', 'P2 – stall 11', 'P2 – stall 12', 'P2 – stall 13']
    for (const name of stalls) {
      await page.keyboard.type(name)
      await page.getByRole('button', { name: 'Add location' }).click()
      // The button is disabled again once the field is empty; the focus is back in the field.
      await expect(focused(page)).resolves.toBe('input:New location name')
    }
    await page.getByRole('heading', { name: 'P2 – stall 13', level: 2 }).waitFor()

    const measure = page.getByRole('button', { name: 'Measure', exact: true })
    await measure.click()
    await page.getByRole('heading', { name: 'Measurements' }).waitFor({ timeout: 60000 })
    await expect(focused(page)).resolves.toBe('button:Measure')

    const detail = page.locator('section.location-detail')
    const verdict = detail.locator('.verdict-line')
    await expect(verdict.textContent()).resolves.toMatch(/^Ready, with warnings/)
    await expect(inView(page, verdict)).resolves.toBe(true)
    const attention = detail.getByRole('list', { name: 'Needs attention' }).locator(':scope > li')
    // The demo network: band steering (WIFI-STEER) and the open drivers' network (SITE-PHONE).
    await expect(attention.locator('.req-id').allTextContents()).resolves.toEqual(['WIFI-STEER', 'SITE-PHONE'])
    for (const card of await attention.all()) await expect(inView(page, card)).resolves.toBe(true)

    // The six connectivity requirements: one card, in view, with the way to the check.
    const todo = detail.getByRole('group', { name: 'Firewall not checked' })
    await expect(todo.locator('.req-id').textContent()).resolves.toBe('WIFI-PORTAL NET-DNS NET-NTP NET-HTTP NET-TLS NET-DOMAINS')
    await expect(todo.textContent()).resolves.toContain('Run the firewall check at this stall.')
    await expect(inView(page, todo)).resolves.toBe(true)
    await expect(detail.locator('.loc-finding .req-id', { hasText: /^NET-DNS$/ }).count()).resolves.toBe(0)

    // Passes: one folded line naming them.
    const passes = detail.locator('details.loc-passes')
    await expect(passes.count()).resolves.toBe(1)
    await expect(passes.locator(':scope > summary').textContent()).resolves.toBe(
      '9 passed: WIFI-SEC, WIFI-AUTH, WIFI-BAND, WIFI-WIDTH, WIFI-PHY, WIFI-RATE, WIFI-SIGNAL, WIFI-MIXED, WIFI-HIDDEN'
    )
    await expect(passes.getAttribute('open')).resolves.toBeNull()

    // Keyboard: Enter on the focused Measure measures again and the focus stays.
    await page.keyboard.press('Enter')
    await page.getByRole('button', { name: 'Measuring…' }).waitFor()
    await page.getByRole('button', { name: 'Measure', exact: true }).waitFor({ timeout: 60000 })
    await expect(focused(page)).resolves.toBe('button:Measure')
    await expect(detail.locator('tbody tr').count()).resolves.toBe(2)

    expect(errors).toEqual([])
    expect(cspViolations).toEqual([])
  })

  it('a file that is not a survey is called that in the library, not damaged', async () => {
    writeFileSync(join(app.server.surveysDir, 'stall-notes.wcsurvey'), 'P1 stall 3: weak signal near the ramp\n')
    writeFileSync(join(app.server.surveysDir, 'cut-short.wcsurvey'), '{"schemaVersion": 4, "id": "x", "site": {"na')
    const { page, errors } = await app.open(VIEWPORT)
    const table = page.getByRole('table')
    await table.getByText(/stall-notes\.wcsurvey is not a WC Site Survey survey/).waitFor()
    await expect(table.getByText(/stall-notes\.wcsurvey is damaged/).count()).resolves.toBe(0)
    await table.getByText(/cut-short\.wcsurvey is damaged/).waitFor()
    expect(errors).toEqual([])
  })
})
