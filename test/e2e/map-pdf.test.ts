/**
 * PDF floor plans in the real UI (issue 11 items 1 and 9): a three-page PDF is imported, page 2
 * chosen, drawn by pdf.js in the page, shown on the map, saved as a PNG inside the survey and
 * there after a reload; a PDF with no pages, one with a password, a damaged one and one whose
 * sheet is too large are each refused by name while the plan already there stays.
 * The fixtures and how they were made: test/fixtures/map/README.md.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PNG } from 'pngjs'
import { afterAll, describe, expect, it } from 'vitest'
import { openSampleSurvey, skipBrowserTier, useBrowserApp } from './support/app'

const skip = skipBrowserTier()

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'map')

interface SavedPlan {
  fileName: string
  mediaType: string
  widthPx: number
  heightPx: number
  data: string
}

interface Saved {
  map: { levels: { name: string; plan: SavedPlan | null }[] }
  locations: { placement: unknown }[]
}

/** The RGB of the saved plan's pixel at (x mm, y mm) of an A4-landscape sheet (297 × 210 mm). */
function sheetPixel(plan: SavedPlan, xMm: number, yMm: number): number[] {
  const png = PNG.sync.read(Buffer.from(plan.data, 'base64'))
  const x = Math.round((xMm / 297) * png.width)
  const y = Math.round((yMm / 210) * png.height)
  const i = (y * png.width + x) * 4
  return [png.data[i] ?? -1, png.data[i + 1] ?? -1, png.data[i + 2] ?? -1]
}

const close = (got: number[], want: number[]): boolean => got.every((v, i) => Math.abs(v - (want[i] ?? -999)) <= 8)

describe.skipIf(skip)('browser mode: a PDF floor plan', () => {
  const app = useBrowserApp()
  // WC_SURVEY_SHOTS keeps the screenshots (page choice, plan on the map) for a person to look at.
  const shots = process.env.WC_SURVEY_SHOTS ?? mkdtempSync(join(tmpdir(), 'wc-map-pdf-e2e-'))

  afterAll(() => {
    if (process.env.WC_SURVEY_SHOTS === undefined) rmSync(shots, { recursive: true, force: true })
  })

  const savedSurvey = (): Saved => {
    const file = readdirSync(app.server.surveysDir).find((f) => f.endsWith('.wcsurvey'))
    if (file === undefined) throw new Error('no survey saved')
    // Cast: the file the app saved; the test reads only the fields Saved names.
    return JSON.parse(readFileSync(join(app.server.surveysDir, file), 'utf8')) as Saved
  }
  const p4Plan = (): SavedPlan | null | undefined => savedSurvey().map.levels.find((l) => l.name === 'P4')?.plan

  it('page 2 of a three-page PDF becomes the plan, is saved as a PNG and is there after a reload; bad PDFs are refused by name and the plan stays', { timeout: 180000 }, async () => {
    const { page, errors, cspViolations } = await app.open({ width: 1366, height: 768 })
    await openSampleSurvey(page)
    await page.getByRole('button', { name: 'Edit survey' }).click()
    await page.getByRole('button', { name: 'Map', exact: true }).click()
    await page.getByRole('tab', { name: 'P1' }).waitFor()
    await page.getByLabel('New level name').fill('P4')
    await page.getByRole('button', { name: 'Add level' }).click()
    await page.getByRole('heading', { name: 'No plan for P4 yet' }).waitFor()
    // The limits are said where the plan is imported, PDF included.
    await page.getByText('Import the floor plan of this level: PNG, JPEG or SVG, or one page of a PDF (kept as a PNG drawn at up to 150 dpi); up to 10 MB', { exact: false }).waitFor()

    await page.getByLabel('Import plan… for P4').setInputFiles(join(FIXTURES, 'garage-levels.pdf'))
    await page.getByText('garage-levels.pdf has 3 pages: which one is the plan of P4?').waitFor()
    const choice = page.getByLabel('Page', { exact: true })
    await expect(choice.inputValue()).resolves.toBe('1')
    await expect(choice.locator('option').allTextContents()).resolves.toEqual(['Page 1 (297 × 210 mm)', 'Page 2 (297 × 210 mm)', 'Page 3 (297 × 210 mm)'])
    await choice.selectOption('2')
    await page.screenshot({ path: join(shots, 'pdf-page-choice.png') })
    await page.getByRole('button', { name: 'Import page' }).click()

    // Chromium's A4 landscape is 841.91998 × 594.95996 pt: at 150 dpi 1753.99996 × 1239.49992, rounded 1754 × 1239 px.
    await page.locator('.map-plan').waitFor()
    await page.getByText('garage-levels.pdf, page 2, 1754 × 1239 px').waitFor()
    await expect.poll(() => p4Plan()?.fileName, { timeout: 10000 }).toBe('garage-levels.pdf, page 2')
    const plan = p4Plan()
    expect(plan).toMatchObject({ mediaType: 'image/png', widthPx: 1754, heightPx: 1239 })
    if (plan === null || plan === undefined) throw new Error('no plan saved')
    // Page 2's dark ramp block (#1f4e79, 15–74 mm across, 21–84 mm down) is there; page 1's (250–280 mm, 80–140 mm) is not.
    expect(close(sheetPixel(plan, 44, 52), [0x1f, 0x4e, 0x79])).toBe(true)
    expect(close(sheetPixel(plan, 265, 110), [255, 255, 255])).toBe(true)
    await page.screenshot({ path: join(shots, 'pdf-plan-on-map.png') })

    // Bad PDFs, each imported over P4's plan: refused by name; the plan and the rest of the survey stay.
    const refusals: [string, string][] = [
      ['no-pages.pdf', 'no-pages.pdf cannot be a floor plan: the PDF has no pages.'],
      ['garage-levels-password.pdf', 'garage-levels-password.pdf cannot be a floor plan: the PDF is protected by a password'],
      ['garage-levels-truncated.pdf', 'garage-levels-truncated.pdf cannot be a floor plan: the PDF is damaged'],
      ['giant-sheet.pdf', 'giant-sheet.pdf, page 1 cannot be a floor plan: the page is 5080 × 5080 mm: even at 50 dpi it would be 10000 × 10000 px.']
    ]
    for (const [file, message] of refusals) {
      await page.getByLabel('Replace plan… for P4').setInputFiles(join(FIXTURES, file))
      await page.getByText(message, { exact: false }).waitFor()
      await page.getByRole('button', { name: 'Dismiss' }).click()
      await expect(page.getByText(message, { exact: false }).count()).resolves.toBe(0)
      await expect(page.getByText('garage-levels.pdf, page 2, 1754 × 1239 px').count()).resolves.toBe(1)
    }
    expect(p4Plan()?.data).toBe(plan.data)

    await page.reload()
    await page.getByRole('button', { name: 'Map', exact: true }).click()
    await page.getByRole('tab', { name: 'P4' }).click()
    await page.locator('.map-plan').waitFor()
    await page.getByText('garage-levels.pdf, page 2, 1754 × 1239 px').waitFor()
    const saved = savedSurvey()
    expect(saved.map.levels.find((l) => l.name === 'P4')?.plan?.data).toBe(plan.data)
    // The sample's own plans and placed locations are untouched.
    expect(saved.map.levels.filter((l) => l.plan !== null).map((l) => l.name)).toEqual(['P1', 'P2', 'P3', 'P4'])
    expect(saved.locations.filter((l) => l.placement !== null)).toHaveLength(5)
    expect(errors).toEqual([])
    expect(cspViolations).toEqual([])
  })
})
