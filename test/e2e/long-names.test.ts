/**
 * Long and hostile names hold the layout (issue 16 item 9), at 1366×768: a 130-character site
 * name and 130-character location names (with spaces), and a stall named "stall\u202Egnp.exe".
 * The library, the survey page, the compliance matrix, compare and the report page never scroll
 * sideways; a cut name has its whole visible text in `title` and shows it whole on keyboard focus;
 * the override is shown as [U+202E], never applied; a typed or pasted name past its limit is
 * refused with a message and the text kept; the PDF's header stays inside the page.
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { cli, missingTool, pdfInfo } from './report/pdf-tools'
import { sixStalls } from './site-manager/garage-surveys'
import { openSurveyNamed, skipBrowserTier, useBrowserApp } from './support/app'
import { LAPTOP_VIEWPORT } from './support/view'

const run = promisify(execFile)
const skip = skipBrowserTier(missingTool('pdftotext'))

/** Exactly 130 characters with spaces, starting with `start`, ending in a letter. */
function long130(start: string): string {
  const text = `${start} ${'north ramp bay beside the lift lobby and the bike store '.repeat(4)}`.slice(0, 129)
  return `${text.trimEnd()}${'z'.repeat(130 - text.trimEnd().length)}`
}

const SITE = long130('Harbour Point Garage')
const NAMES = [long130('Level P1 stall 1'), long130('Level P1 stall 2'), long130('Level P1 stall 3'), long130('Level P2 stall 4'), long130('Level P2 stall 5'), 'stall\u202Egnp.exe'] as const
const RLO_SHOWN = 'stall[U+202E]gnp.exe'
const SHOTS = process.env.WC_SHOTS

/** Sideways overflow: the document, and each of `selectors` (its content against its box). */
async function overflow(page: Page, selectors: readonly string[]): Promise<Record<string, [number, number]>> {
  // Page-side code as text: this file is type-checked for Node, which has no DOM types.
  return page.evaluate(`(() => {
    const out = { document: [document.scrollingElement.scrollWidth, window.innerWidth] }
    for (const s of ${JSON.stringify(selectors)}) {
      const el = document.querySelector(s)
      out[s] = el === null ? [-1, -1] : [el.scrollWidth, el.clientWidth]
    }
    return out
  })()`)
}

function expectFits(measured: Record<string, [number, number]>): void {
  for (const [what, [content, box]] of Object.entries(measured)) {
    expect(content, `${what} is missing`).toBeGreaterThan(0)
    expect(content, `${what}: content ${content} px in a ${box} px box`).toBeLessThanOrEqual(box)
  }
}

/** The `title` of each element `selector` matches. */
async function titles(page: Page, selector: string): Promise<(string | null)[]> {
  return page.evaluate(`[...document.querySelectorAll(${JSON.stringify(selector)})].map((e) => e.getAttribute('title'))`)
}

/** A computed style property of the first element `selector` matches. */
async function style(page: Page, selector: string, property: string): Promise<string> {
  return page.evaluate(`getComputedStyle(document.querySelector(${JSON.stringify(selector)}))[${JSON.stringify(property)}]`)
}

/** No element's text holds U+202E: every override shows as [U+202E]. */
function bodyText(page: Page): Promise<string> {
  return page.evaluate('document.body.innerText')
}

describe.skipIf(skip)('long and hostile names hold the layout (1366×768)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wc-long-names-'))
  const newer = join(dir, 'newer.wcsurvey')
  const older = join(dir, 'older.wcsurvey')
  // Two surveys of the one site (the library groups them by name): compare has a pair.
  writeFileSync(newer, JSON.stringify(sixStalls({ siteName: SITE, names: NAMES })))
  const first = sixStalls({ id: 'long-names-0000-4000-8000-000000000001', siteName: SITE, names: NAMES })
  writeFileSync(older, JSON.stringify({ ...first, createdAt: '2026-10-01T08:00:00.000Z', updatedAt: '2026-10-01T09:00:00.000Z' }))
  const app = useBrowserApp({ surveys: { 'newer.wcsurvey': newer, 'older.wcsurvey': older } })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('library and survey page: no sideways scroll, whole names in title, the override shown as [U+202E]', async () => {
    const { page, errors } = await app.open(LAPTOP_VIEWPORT)
    const table = page.getByRole('region', { name: 'Saved surveys' })
    await table.getByRole('button', { name: 'Compare with previous' }).waitFor()
    expectFits(await overflow(page, ['.table-card table', 'main']))
    expect(await table.locator('tbody tr').first().locator('bdi.name').first().getAttribute('title')).toBe(SITE)
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'long-names-library.png') })

    await openSurveyNamed(page, SITE)
    const list = page.getByRole('region', { name: 'Locations' })
    expect(await titles(page, '.locations .location-name')).toEqual([...NAMES.slice(0, 5), RLO_SHOWN])
    await list.getByRole('button', { name: new RegExp(RLO_SHOWN.replace(/[[\]+]/g, '\\$&')) }).waitFor()
    expect(await bodyText(page)).toContain(RLO_SHOWN)
    expect(await bodyText(page)).not.toContain('\u202E')
    // The top bar's cut site name: whole in title, and a tab stop that shows it whole.
    const top = page.locator('.topbar bdi.site-name')
    expect(await top.getAttribute('title')).toBe(SITE)
    await top.focus()
    expect(await style(page, '.topbar bdi.site-name', 'whiteSpace')).toBe('pre-wrap')
    expectFits(await overflow(page, ['main', '.locations']))
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'long-names-survey.png') })
    expect(errors).toEqual([])
  })

  it('compliance matrix and compare fit the window; a cell reached by keyboard shows its row name whole', async () => {
    const { page, errors } = await app.open(LAPTOP_VIEWPORT)
    await openSurveyNamed(page, SITE)
    await page.getByRole('button', { name: 'Compliance', exact: true }).click()
    const grid = page.getByRole('grid', { name: 'Compliance by location and requirement' })
    await grid.waitFor()
    expectFits(await overflow(page, ['main', '.cmp-matrix-wrap']))
    const heads = await titles(page, 'th.cmp-loc bdi')
    expect(heads).toEqual([...NAMES.slice(0, 5), RLO_SHOWN])
    // From the keyboard: ↓ from the first row's WIDTH cell to the second's, whose name then shows whole.
    await grid.getByRole('button', { name: `${NAMES[0]}, WIFI-WIDTH: Fail` }).focus()
    await page.keyboard.press('ArrowDown')
    await expect(page.evaluate('document.activeElement.getAttribute("aria-label")')).resolves.toBe(`${NAMES[1]}, WIFI-WIDTH: Fail`)
    expect(await style(page, 'tbody tr:nth-child(2) th.cmp-loc bdi', 'overflow')).toBe('visible')
    expect(await style(page, 'tbody tr:nth-child(3) th.cmp-loc bdi', 'overflow')).toBe('hidden')
    await grid.getByRole('button', { name: `${RLO_SHOWN}, WIFI-WIDTH: Fail` }).waitFor()
    expect(await bodyText(page)).not.toContain('\u202E')
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'long-names-compliance.png') })

    await page.getByRole('button', { name: 'Library', exact: true }).click()
    await page.getByRole('region', { name: 'Saved surveys' }).getByRole('button', { name: 'Compare with previous' }).click()
    await page.getByRole('region', { name: 'Changes by location' }).waitFor()
    await page.locator('.chg-matrix').waitFor()
    expectFits(await overflow(page, ['main', '.cmp-card .cmp-matrix-wrap']))
    expect(await bodyText(page)).toContain(RLO_SHOWN)
    expect(await bodyText(page)).not.toContain('\u202E')
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'long-names-compare.png') })
    expect(errors).toEqual([])
  })

  it('the report page fits, and the PDF header stays inside the page', async () => {
    const { page, errors } = await app.open(LAPTOP_VIEWPORT)
    await openSurveyNamed(page, SITE)
    await page.getByRole('button', { name: 'Report', exact: true }).click()
    await page.getByRole('heading', { level: 1 }).waitFor()
    expectFits(await overflow(page, ['main']))
    expect(await bodyText(page)).not.toContain('\u202E')
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'long-names-report.png') })
    expect(errors).toEqual([])

    const pdf = join(dir, 'long.pdf')
    const r = await cli([newer, '-o', pdf, '--quiet'])
    expect(r, r.stderr).toMatchObject({ code: 0 })
    const info = await pdfInfo(pdf)
    // Every word of page 1's header (above the 18 mm top margin) lies inside the page.
    const { stdout } = await run('pdftotext', ['-bbox', '-f', '1', '-l', '1', pdf, '-'])
    const words = [...stdout.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({ x0: Number(m[1]), y1: Number(m[4]), x1: Number(m[3]), text: m[5] ?? '' }))
    const header = words.filter((w) => w.y1 < (18 / 25.4) * 72)
    expect(header.map((w) => w.text).join(' ')).toContain('Harbour Point Garage')
    expect(header.map((w) => w.text).join(' ')).toContain('Wall Connector network survey')
    for (const w of header) {
      expect(w.x0, `${w.text} starts off the page`).toBeGreaterThanOrEqual(0)
      expect(w.x1, `${w.text} ends at ${w.x1} pt on a ${info.width} pt page`).toBeLessThanOrEqual(info.width)
    }
    // The date part ends inside the right margin (14 mm), as the body does.
    const right = Math.max(...header.map((w) => w.x1))
    expect(right).toBeLessThanOrEqual(info.width - (13 / 25.4) * 72)
    const text = (await run('pdftotext', ['-layout', pdf, '-'])).stdout
    expect(text).toContain(RLO_SHOWN)
    expect(text).not.toContain('\u202E')
  }, 240000)

  it('over-long input is refused with a message, the text kept (typed and pasted)', async () => {
    const { page, errors } = await app.open(LAPTOP_VIEWPORT)
    await openSurveyNamed(page, SITE)
    await page.getByRole('button', { name: 'Edit survey' }).click()
    const name = page.getByRole('textbox', { name: 'Name', exact: true })
    await expect(name.inputValue()).resolves.toBe(NAMES[0])
    // Pasted: 130 + 71 = 201 characters is refused whole; nothing is cut.
    await name.fill(`${NAMES[0]}${'p'.repeat(71)}`)
    const refusal = page.getByRole('alert').filter({ hasText: 'Not changed: Name would be 201 characters, over its limit of 200.' })
    await refusal.waitFor()
    await expect(name.inputValue()).resolves.toBe(NAMES[0])
    // Typed: the 70 that fit are taken, the 71st is refused.
    await name.press('End')
    await page.keyboard.type('t'.repeat(71))
    await expect(name.inputValue()).resolves.toBe(`${NAMES[0]}${'t'.repeat(70)}`)
    await refusal.waitFor()
    const ids = ((await name.getAttribute('aria-describedby')) ?? '').split(' ')
    const described = (await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()))).join(' ')
    expect(described).toContain('200 / 200 characters')
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'long-names-refused.png') })
    expect(errors).toEqual([])
  })
})
