/**
 * The garage map in the real UI (issue 11): import a plan (and refuse a file that is not one), set
 * the scale, place a location and drag its pin, measure at the pin with the replay scanner,
 * reload — everything is where it was, on screen and in the file; the heatmap's colour at the
 * measured pin is its band and a far corner is drawn unmeasured.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { PNG } from 'pngjs'
import { afterAll, describe, expect, it } from 'vitest'
import { BAND_PALETTE, UNMEASURED_STRIPE } from '../../src/renderer/src/map/band-palette'
import { openSurveyNamed, skipBrowserTier, useBrowserApp } from './support/app'

const skip = skipBrowserTier()

const W = 1200
const H = 800

/** A plain plan: white with a grey 100 px grid. */
function planPng(): Buffer {
  const png = new PNG({ width: W, height: H })
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const i = (y * W + x) * 4
      const line = x % 100 === 0 || y % 100 === 0
      png.data[i] = png.data[i + 1] = png.data[i + 2] = line ? 170 : 255
      png.data[i + 3] = 255
    }
  }
  return PNG.sync.write(png)
}

/** Screen position of plan point (x, y), from where the plan image is drawn now. */
async function screenOf(page: Page, x: number, y: number): Promise<{ x: number; y: number }> {
  const box = await page.locator('.map-plan').boundingBox()
  if (box === null) throw new Error('plan not shown')
  return { x: box.x + (x * box.width) / W, y: box.y + (y * box.height) / H }
}

async function clickPlan(page: Page, x: number, y: number): Promise<void> {
  const at = await screenOf(page, x, y)
  await page.mouse.click(at.x, at.y)
}

/** The parts of the heatmap's <canvas> the test reads in the page. */
interface CanvasLike {
  readonly dataset: Record<string, string | undefined>
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { readonly data: ArrayLike<number> } } | null
}

interface Saved {
  map: { units: string; levels: { id: string; name: string; plan: { fileName: string; widthPx: number; heightPx: number } | null; scale: { metres: number; a: { x: number }; b: { x: number } } | null }[] }
  locations: { name: string; placement: { levelId: string; position: { x: number; y: number } | null } | null; measurements: unknown[] }[]
}

describe.skipIf(skip)('browser mode: the garage map', () => {
  const app = useBrowserApp({ env: { WC_SURVEY_SCANNER: 'replay' } })
  const dir = mkdtempSync(join(tmpdir(), 'wc-map-e2e-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  const savedSurvey = (): Saved => {
    const file = readdirSync(app.server.surveysDir).find((f) => f.endsWith('.wcsurvey'))
    if (file === undefined) throw new Error('no survey saved')
    // Cast: the file the app saved; the test reads only the fields Saved names.
    return JSON.parse(readFileSync(join(app.server.surveysDir, file), 'utf8')) as Saved
  }

  it('import, scale, place, drag, measure, reload: all kept; the heatmap bands the measured pin and leaves far areas unmeasured', { timeout: 180000 }, async () => {
    const plan = join(dir, 'deck-p4.png')
    writeFileSync(plan, planPng())
    const notAnImage = join(dir, 'notes.png')
    writeFileSync(notAnImage, 'Stall list: 1, 2, 3 (not an image)\n')

    const { page, errors, cspViolations } = await app.open({ width: 1366, height: 768 })
    await page.getByRole('button', { name: 'Open the sample survey' }).click()
    await page.getByRole('button', { name: 'Edit survey' }).click()
    await page.getByLabel('New location name').fill('Level P4 – stall 9')
    await page.getByRole('button', { name: 'Add location' }).click()
    await page.getByRole('heading', { name: 'Level P4 – stall 9', level: 2 }).waitFor()

    await page.getByRole('button', { name: 'Map', exact: true }).click()
    // The sample's own plans are there (P1 shown first); add level P4.
    await page.getByRole('tab', { name: 'P1' }).waitFor()
    await page.getByLabel('New level name').fill('P4')
    await page.getByRole('button', { name: 'Add level' }).click()
    await page.getByRole('heading', { name: 'No plan for P4 yet' }).waitFor()

    // Not an image: refused by name, nothing kept.
    await page.getByLabel('Import plan… for P4').setInputFiles(notAnImage)
    await page.getByText('notes.png cannot be a floor plan: it is not a PNG, JPEG or SVG image', { exact: false }).waitFor()
    await expect(page.getByRole('heading', { name: 'No plan for P4 yet' }).count()).resolves.toBe(1)
    await page.getByRole('button', { name: 'Dismiss' }).click()

    await page.getByLabel('Import plan… for P4').setInputFiles(plan)
    await page.locator('.map-plan').waitFor()
    await page.getByText('deck-p4.png, 1200 × 800 px').waitFor()
    await expect(page.getByText('No scale set: distances are not shown').count()).resolves.toBe(1)

    // Scale: two points 1000 px apart are 50 m → 0.05 m/px.
    await page.getByRole('button', { name: 'Set scale' }).click()
    await clickPlan(page, 100, 700)
    await clickPlan(page, 1100, 700)
    await page.getByLabel('Distance between the two points (m)').fill('50')
    await page.getByRole('button', { name: 'Set scale', exact: true }).last().click()
    await expect(page.locator('.map-scalebar-text').textContent()).resolves.toMatch(/^\d+ m$/)

    // Place the new location at (300, 200), then drag its pin to (600, 400).
    const unplaced = page.getByRole('region', { name: /Unplaced/ })
    await unplaced.getByRole('button', { name: 'Place' }).click()
    await clickPlan(page, 300, 200)
    const pin = page.locator('.map-pin[aria-label^="Level P4 – stall 9"]')
    await pin.waitFor({ state: 'attached' }) // a zero-size anchor: its body is what shows
    await expect(unplaced.getByText('Every location is on the map.').count()).resolves.toBe(1)
    const body = await pin.locator('.map-pin-body').boundingBox()
    if (body === null) throw new Error('pin not drawn')
    const from = { x: body.x + 10, y: body.y + body.height / 2 }
    const a = await screenOf(page, 300, 200)
    const b = await screenOf(page, 600, 400)
    await page.mouse.move(from.x, from.y)
    await page.mouse.down()
    await page.mouse.move(from.x + (b.x - a.x) / 2, from.y + (b.y - a.y) / 2, { steps: 5 })
    await page.mouse.move(from.x + (b.x - a.x), from.y + (b.y - a.y), { steps: 5 })
    await page.mouse.up()
    const positionOnDisk = (): { x: number; y: number } | null | undefined => savedSurvey().locations.find((l) => l.name === 'Level P4 – stall 9')?.placement?.position
    await expect.poll(() => positionOnDisk()?.x ?? 0, { timeout: 10000 }).toBeGreaterThan(450)
    const moved = positionOnDisk()
    expect(moved?.x).toBeCloseTo(600, -1) // within 5 px: one screen pixel is 1/zoom plan pixels
    expect(moved?.y).toBeCloseTo(400, -1)

    // Measure at the pin: click it, Measure in its panel.
    await pin.locator('.map-pin-body').click()
    const detail = page.getByRole('region', { name: 'Level P4 – stall 9' })
    await detail.getByRole('button', { name: 'Measure', exact: true }).click()
    await expect.poll(() => pin.getAttribute('aria-label'), { timeout: 60000 }).toMatch(/dBm$/)
    const label = (await pin.getAttribute('aria-label')) ?? ''
    const dbm = Number(/(-\d+) dBm$/.exec(label)?.[1])
    await expect.poll(() => savedSurvey().locations.find((l) => l.name === 'Level P4 – stall 9')?.measurements.length, { timeout: 10000 }).toBe(1)

    // The heatmap at the pin is the pin's band (WIFI-SIGNAL: pass ≥ -67, warn ≥ -75, fail below); (30, 30) is 650 px from it: unmeasured.
    const band = dbm >= -67 ? 1 : dbm >= -75 ? 2 : 3
    const pixel = async (x: number, y: number): Promise<number[]> =>
      page.locator('[data-testid="map-heatmap"]').evaluate(
        (canvas, at) => {
          // Cast: the locator matched the heatmap's <canvas> (the node project has no DOM types).
          const c = canvas as unknown as CanvasLike
          const cell = Number(c.dataset.cellPx)
          return Array.from(c.getContext('2d')?.getImageData(Math.floor(at.x / cell), Math.floor(at.y / cell), 1, 1).data ?? [])
        },
        { x, y }
      )
    const near = (got: number[], want: readonly number[]): boolean => got.length === 4 && got.every((v, i) => Math.abs(v - (want[i] ?? -1)) <= 3)
    await expect.poll(async () => near(await pixel(moved?.x ?? 0, moved?.y ?? 0), BAND_PALETTE[band])).toBe(true)
    const far = await pixel(30, 30)
    expect(near(far, BAND_PALETTE[0]) || near(far, UNMEASURED_STRIPE)).toBe(true)
    await page.screenshot({ path: join(dir, 'map.png') })

    // Reload: the level, its plan, scale and the pin are where they were.
    await page.reload()
    await page.getByRole('button', { name: 'Map', exact: true }).click()
    await page.getByRole('tab', { name: 'P4' }).click()
    await page.locator('.map-pin[aria-label^="Level P4 – stall 9"] .map-pin-body').waitFor()
    const style = await page.locator('.map-pin[aria-label^="Level P4 – stall 9"]').evaluate((el) => {
      // Cast: the callback runs in the page, where a button has a style; this file is type-checked for Node, without the DOM's types.
      const { style } = el as unknown as { style: { left: string; top: string } }
      return [style.left, style.top]
    })
    expect(style).toEqual([`${moved?.x}px`, `${moved?.y}px`])
    await expect(page.locator('.map-scalebar-text').textContent()).resolves.toMatch(/^\d+ m$/)

    const saved = savedSurvey()
    const p4 = saved.map.levels.find((l) => l.name === 'P4')
    expect(p4?.plan).toMatchObject({ fileName: 'deck-p4.png', widthPx: 1200, heightPx: 800 })
    expect(p4?.scale?.metres).toBe(50)
    const stall = saved.locations.find((l) => l.name === 'Level P4 – stall 9')
    expect(stall?.placement?.levelId).toBe(p4?.id)
    expect(stall?.measurements).toHaveLength(1)
    // The sample's own locations stayed on their levels.
    expect(saved.locations.filter((l) => l.placement !== null)).toHaveLength(6)
    expect(errors).toEqual([])
    expect(cspViolations).toEqual([])
  })

  it('a plan damaged inside a survey file: named when it opens, the map says so, everything else is there; a pin is selected from the keyboard', { timeout: 120000 }, async () => {
    mkdirSync(app.server.surveysDir, { recursive: true })
    const file = join(app.server.surveysDir, 'elm-street.wcsurvey')
    copyFileSync(join(import.meta.dirname, '..', 'fixtures', 'surveys', 'v5-corrupt-plan.wcsurvey'), file)
    const before = readFileSync(file)
    const { page, errors, cspViolations } = await app.open({ width: 1366, height: 768 })
    await page.getByRole('button', { name: 'Elm Street Offices', exact: true }).click()
    await page.getByText('A floor plan in elm-street.wcsurvey is damaged').waitFor()
    await page.getByText('Level Basement: the plan basement.png is damaged (its header is damaged (no readable width and height)). Everything else in the survey opened as saved; import the plan again.').waitFor()
    await page.getByRole('button', { name: 'Map', exact: true }).click()
    await page.getByRole('heading', { name: 'The plan of Basement cannot be shown' }).waitFor()
    // The other level and the locations are all there; the file is untouched.
    await page.getByRole('tab', { name: 'Ground' }).waitFor()
    await expect(page.getByRole('region', { name: /Unplaced/ }).getByText('Ground – bay 1').count()).resolves.toBe(1)
    expect(readFileSync(file).equals(before)).toBe(true)

    // The sample (in the library since the first test) on level P1: focus its pin, Enter opens its findings.
    await page.getByRole('button', { name: 'Library', exact: true }).click()
    await page.getByRole('heading', { name: 'Survey library' }).waitFor()
    await openSurveyNamed(page, 'Harbour Point Garage')
    await page.getByRole('button', { name: 'Map', exact: true }).click()
    await page.getByRole('tab', { name: 'P1', selected: true }).waitFor()
    const pin = page.locator('.map-pin[aria-label^="Level P1 – stall 3"]')
    await pin.locator('.map-pin-body').waitFor()
    await pin.focus()
    await page.keyboard.press('Enter')
    await page.getByRole('region', { name: 'Level P1 – stall 3' }).getByText('Every requirement passes', { exact: false }).waitFor()
    expect(errors).toEqual([])
    expect(cspViolations).toEqual([])
  })
})
