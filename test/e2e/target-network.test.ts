/**
 * Issue 16 items 2 and 3 in browser mode with the replay scanner, at 1366×768, driving the real UI:
 * the chargers' SSID picked from the networks a scan saw (keyboard only); a near miss said at the
 * top of the survey page and fixed with one click; the Live scan page opening at its top and
 * scanning; Measure from Live scan storing a measurement for the current stall, focus kept.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { skipBrowserTier, useBrowserApp } from './support/app'
import { eventually } from './support/eventually'
import { focused, inView, LAPTOP_VIEWPORT } from './support/view'

/** Where the screenshots of this walk go when asked for (WC_SURVEY_SHOTS=<folder>). */
const SHOTS = process.env.WC_SURVEY_SHOTS

interface SavedSurvey {
  targetSsid: string
  locations: { name: string; measurements: { scanCount: number; observations: unknown[] }[] }[]
}

describe.skipIf(skipBrowserTier())('browser mode: the target network from the scan, Live scan ready on arrival', () => {
  const app = useBrowserApp({ env: { WC_SURVEY_SCANNER: 'replay' } })

  /** The one survey file in the library, as saved. */
  function saved(): SavedSurvey {
    const dir = app.server.surveysDir
    const file = readdirSync(dir).find((f) => f.endsWith('.wcsurvey'))
    // Cast: the file the app just saved; the test reads only the fields SavedSurvey names.
    return JSON.parse(readFileSync(join(dir, file ?? 'missing'), 'utf8')) as SavedSurvey
  }

  it('picks the SSID from a scan, says a near miss at the top and fixes it in one click, measures from Live scan', async () => {
    const { page, errors, cspViolations } = await app.open(LAPTOP_VIEWPORT)
    await page.getByRole('button', { name: 'New survey' }).first().click()
    await page.getByLabel('Site name').fill('Harbour Point garage')

    // No scan yet: the field offers one. After it, ↓ lists what was heard, strongest first.
    const ssid = page.getByRole('combobox', { name: 'Target network (SSID)' })
    await page.getByRole('button', { name: 'Scan for networks' }).click()
    await page.getByRole('button', { name: /^Networks seen \(\d+\)$/ }).waitFor({ timeout: 30000 })
    await ssid.focus()
    await page.keyboard.press('ArrowDown')
    const list = page.getByRole('listbox', { name: /^Seen in the scan just taken, strongest first/ })
    await list.waitFor()
    const signals = (await list.locator('.option-meta').allTextContents()).map((t) => Number(/(-\d+) dBm/.exec(t)?.[1] ?? NaN))
    expect(signals.length).toBeGreaterThan(5)
    expect(signals).toEqual([...signals].sort((a, b) => b - a))
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'target-picker.png') })
    // Typing filters; ↓ and Enter pick: the demo's target is broadcast on 2.4 and 5 GHz.
    await page.keyboard.type('harbour')
    await expect(list.getByRole('option').allTextContents()).resolves.toEqual([expect.stringMatching(/^HarbourPoint-EV2\.4 \+ 5 GHz, -\d+ dBm, WPA2 · CCMP/)])
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    await expect(ssid.inputValue()).resolves.toBe('HarbourPoint-EV')
    await expect(ssid.getAttribute('aria-expanded')).resolves.toBe('false')
    await page.getByRole('button', { name: 'Create survey' }).click()
    await page.getByRole('heading', { name: 'Locations' }).waitFor()
    await eventually(saved, (s) => s.targetSsid === 'HarbourPoint-EV')

    // The technician retypes it from the whiteboard, wrong case, and measures stall 1.
    await page.keyboard.type('P1 – stall 1')
    await page.getByRole('button', { name: 'Add location' }).click()
    await page.getByRole('button', { name: 'Edit details' }).click()
    await ssid.fill('HarbourPoint-ev')
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: 'Hide details' }).click()
    await page.getByRole('button', { name: 'Measure', exact: true }).click()
    await page.getByRole('heading', { name: 'Measurements' }).waitFor({ timeout: 60000 })

    // Said once, at the top, in view after Measure scrolled to the stall's result.
    const title = page.getByText('Target network “HarbourPoint-ev” was not seen — “HarbourPoint-EV” was', { exact: true })
    await expect(title.count()).resolves.toBe(1)
    await expect(inView(page, title)).resolves.toBe(true)
    await expect(inView(page, page.locator('section.location-detail .verdict-line'))).resolves.toBe(true)
    await expect(page.locator('section.location-detail .verdict-line').textContent()).resolves.toMatch(/^Incomplete/)
    await page.getByRole('button', { name: 'Use HarbourPoint-EV' }).click()
    await page.getByText('Target network is now “HarbourPoint-EV”').waitFor()
    await expect(title.count()).resolves.toBe(0)
    await expect(page.locator('section.location-detail .verdict-line').textContent()).resolves.toMatch(/^Ready, with warnings/)
    await eventually(saved, (s) => s.targetSsid === 'HarbourPoint-EV')

    // Scrolled down the survey page, then Live scan: it opens at its top, already scanning.
    await page.evaluate("(() => { const m = document.querySelector('main'); m.scrollTop = m.scrollHeight })()")
    await expect(page.evaluate<number>("document.querySelector('main').scrollTop")).resolves.toBeGreaterThan(100)
    await page.getByRole('button', { name: 'Live scan', exact: true }).click()
    await page.getByRole('heading', { name: 'Live scan', level: 1 }).waitFor()
    await expect(page.evaluate<number>("document.querySelector('main').scrollTop")).resolves.toBe(0)
    await page.getByRole('button', { name: 'Stop scanning' }).waitFor()
    await page.getByText(/^last update .* · \d+ scans · [1-9]\d* BSS$/).waitFor({ timeout: 30000 })
    const measure = page.getByRole('button', { name: 'Measure at P1 – stall 1' })
    await expect(inView(page, measure)).resolves.toBe(true)
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'live-arrival.png') })

    // Measure from here: the survey page's Measure, the stall's second measurement, focus kept.
    await measure.click()
    await page.getByRole('button', { name: 'Measuring…' }).waitFor()
    await measure.waitFor({ timeout: 60000 })
    await expect(focused(page)).resolves.toBe('button:Measure at P1 – stall 1')
    const result = page.locator('.live-measure-result')
    await expect(result.textContent()).resolves.toMatch(/^Ready, with warnings P1 – stall 1: .* measured /)
    await expect(inView(page, result)).resolves.toBe(true)
    const after = await eventually(saved, (s) => s.locations[0]?.measurements.length === 2)
    expect(after.locations.map((l) => l.name)).toEqual(['P1 – stall 1'])
    expect(after.locations[0]?.measurements[1]?.scanCount).toBe(3)
    expect(errors).toEqual([])
    expect(cspViolations).toEqual([])
  })
})
