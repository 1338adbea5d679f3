/**
 * Accessibility of every page (issue 16 item 10), in Chromium against browser mode: axe-core
 * (the engine behind Lighthouse's and DevTools' accessibility audits) run in each page of the app
 * and in the report view finds no serious or critical violation; each page has exactly one
 * level-one heading; the compliance matrix is one tab stop with arrow keys inside (WAI-ARIA grid
 * pattern, roving tabindex), and a selected cell looks different from a focused one.
 *
 * One file visits every page, so a page someone adds or changes is audited here too: it walks the
 * app's own list of pages (PAGES, the sidebar's), plus the survey page with a location open and
 * the empty library; the Report page includes the report's preview.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { PAGES } from '../../src/renderer/src/state/nav-store'
import { join } from 'node:path'
import { DEMO_REPLAY_ENV, openSampleSurvey, openSurveyNamed, skipBrowserTier, useBrowserApp } from './support/app'
import { PROJECT_ROOT } from './support/server'

const skip = skipBrowserTier()
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/** One axe violation as the test reports it: rule, impact, and where. */
interface Violation {
  readonly id: string
  readonly impact: string | null
  readonly help: string
  readonly nodes: readonly { readonly target: readonly string[]; readonly failureSummary: string }[]
}

/**
 * Runs axe-core in the page (evaluated through the DevTools protocol, so the page's CSP, which
 * allows no inline script, does not apply to it) and returns the serious and critical violations.
 */
async function seriousViolations(page: Page): Promise<Violation[]> {
  await page.evaluate(AXE_SOURCE)
  // The callback runs in the page, where axe-core has just defined the global `axe`; this file is typed for Node.
  const violations = await page.evaluate<Violation[]>(`axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary })) })))`)
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
}

/** The violations in a readable form for the failure message. */
function describe_(violations: readonly Violation[]): string {
  return violations.map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')} — ${n.failureSummary.replace(/\s+/g, ' ')}`).join('\n')}`).join('\n')
}

describe.skipIf(skip)('browser mode: accessibility of every page', () => {
  const app = useBrowserApp({ env: DEMO_REPLAY_ENV })

  it('axe-core: no serious or critical violation, one level-one heading, on every page', async () => {
    const { page } = await app.open({ width: 1366, height: 768 })
    await page.getByRole('heading', { name: 'Survey library' }).waitFor()
    const found: Record<string, string> = {}
    const headings: Record<string, string[]> = {}
    const audit = async (name: string): Promise<void> => {
      await page.waitForTimeout(300)
      const v = await seriousViolations(page)
      if (v.length > 0) found[name] = describe_(v)
      headings[name] = (await page.getByRole('heading', { level: 1 }).allTextContents()).map((t) => t.trim().slice(0, 60))
    }
    await audit('library (empty)')
    await openSampleSurvey(page)
    await audit('survey')
    await page.getByRole('button', { name: /Level P2 – stall 14/ }).click()
    await audit('survey, a location')
    for (const p of PAGES.filter((x) => x.id !== 'survey')) {
      const nav = page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: p.label, exact: true })
      await nav.click()
      await page.locator('[aria-current="page"]', { hasText: p.label }).waitFor()
      await audit(p.label)
    }
    expect(found, Object.entries(found).map(([k, v]) => `${k}:\n${v}`).join('\n')).toEqual({})
    expect(Object.entries(headings).filter(([, h]) => h.length !== 1)).toEqual([])
  }, 180000)
  it('the compliance matrix is one tab stop, arrow keys move inside it, and a selected cell looks different from a focused one', async () => {
    const { page, errors } = await app.open({ width: 1366, height: 768 })
    await openSampleSurvey(page)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Compliance', exact: true }).click()
    const grid = page.getByRole('grid', { name: 'Compliance by location and requirement' })
    await grid.waitFor()
    // Every finding of the four measured stalls is a button; one of them is reachable by Tab.
    expect(await grid.getByRole('button').count()).toBeGreaterThan(60)
    expect(await grid.locator('button:not([tabindex="-1"])').count()).toBe(1)

    const focused = (): Promise<string> => page.evaluate('document.activeElement?.getAttribute("aria-label") ?? document.activeElement?.tagName ?? ""')
    const inGrid = (): Promise<boolean> => page.evaluate('document.activeElement?.closest(".cmp-matrix") !== null')
    await grid.getByRole('button', { name: 'Level P1 – stall 3, WIFI-SEC: Pass' }).focus()
    await page.keyboard.press('Tab')
    expect(await inGrid()).toBe(false)
    await page.keyboard.press('Shift+Tab')
    expect(await focused()).toBe('Level P1 – stall 3, WIFI-SEC: Pass')
    // Moves, read by hand from the sample's matrix (rows P1 – stall 3, P2 – stall 14, P3 – stall 2, P2 – stall 20; P3 – stall 7 not measured).
    const moves: [string, RegExp][] = [
      ['ArrowRight', /^Level P1 – stall 3, WIFI-AUTH: /],
      ['ArrowDown', /^Level P2 – stall 14, WIFI-AUTH: /],
      ['End', /^Level P2 – stall 14, SITE-PHONE: /],
      ['Home', /^Level P2 – stall 14, WIFI-SEC: /],
      ['ArrowDown', /^Level P3 – stall 2, WIFI-SEC: /],
      ['ArrowDown', /^Level P2 – stall 20, WIFI-SEC: /],
      // The not-measured row has no cells: the focus stays.
      ['ArrowDown', /^Level P2 – stall 20, WIFI-SEC: /],
      ['Control+Home', /^Level P1 – stall 3, WIFI-SEC: /],
      ['Control+End', /^Level P2 – stall 20, SITE-PHONE: /]
    ]
    for (const [key, expected] of moves) {
      await page.keyboard.press(key)
      expect(await focused(), key).toMatch(expected)
    }
    expect(await grid.locator('button:not([tabindex="-1"])').count()).toBe(1)

    // Enter selects the focused cell; moving on leaves it selected but not focused.
    await page.keyboard.press('Control+Home')
    await page.keyboard.press('Enter')
    const selectedCell = grid.getByRole('button', { name: 'Level P1 – stall 3, WIFI-SEC: Pass' })
    expect(await selectedCell.getAttribute('aria-pressed')).toBe('true')
    await page.keyboard.press('ArrowRight')
    const focusedCell = grid.getByRole('button', { name: /^Level P1 – stall 3, WIFI-AUTH: / })
    const look = (cell: typeof selectedCell): Promise<{ outline: string; shadow: string; mark: string }> =>
      cell.evaluate((el) => {
        // Cast: the callback runs in the page; this file is type-checked for Node, without the DOM's types.
        const css = (el as unknown as { ownerDocument: { defaultView: { getComputedStyle(e: unknown, pseudo?: string): Record<string, string> } } }).ownerDocument.defaultView
        const own = css.getComputedStyle(el)
        return { outline: own.outlineStyle ?? '', shadow: own.boxShadow ?? '', mark: css.getComputedStyle(el, '::after').content ?? '' }
      })
    const sel = await look(selectedCell)
    const foc = await look(focusedCell)
    // Selected: the dark inset ring and the corner mark, no focus ring; focused: the dashed focus ring only.
    expect(sel).toMatchObject({ outline: 'none', mark: '""' })
    expect(sel.shadow).toContain('inset')
    expect(foc).toMatchObject({ outline: 'dashed', shadow: 'none', mark: 'none' })
    expect(errors).toEqual([])
  }, 120000)
})

describe.skipIf(skip)('browser mode: accessibility of a location with photos', () => {
  // The v8 fixture's "Basement – bay 3" holds one photo (a mounting wall, captioned).
  const app = useBrowserApp({ surveys: { 'elm-photos.wcsurvey': join(PROJECT_ROOT, 'test', 'fixtures', 'surveys', 'v8-garage-photos.wcsurvey') } })

  it('axe-core sees the thumbnails, their captions and the caption fields, read-only and editable, after a real import: no serious or critical violation', async () => {
    const { page, errors } = await app.open({ width: 1366, height: 768 })
    await openSurveyNamed(page, 'Elm Street Offices')
    await page.getByRole('button', { name: /Basement – bay 3/ }).first().click()
    const panel = page.locator('.photos-panel')
    const thumbs = panel.locator('img.photo-thumb')
    await thumbs.first().waitFor()
    // Cast: the callback runs in the page on <img> elements; this file is type-checked for Node, without the DOM's types.
    const loaded = (): Promise<boolean[]> => thumbs.evaluateAll((imgs) => imgs.map((i) => (i as unknown as { complete: boolean; naturalWidth: number }).complete && (i as unknown as { naturalWidth: number }).naturalWidth > 0))
    await expect.poll(loaded).toEqual([true])
    const found: Record<string, string> = {}
    const audit = async (name: string): Promise<void> => {
      await panel.scrollIntoViewIfNeeded()
      await page.waitForTimeout(300)
      const v = await seriousViolations(page)
      if (v.length > 0) found[name] = describe_(v)
    }
    expect(await panel.getByRole('textbox', { name: 'Caption' }).count()).toBe(1)
    await audit('photos, review mode')

    await page.getByRole('button', { name: 'Edit survey' }).click()
    await expect.poll(() => panel.getByRole('textbox', { name: 'Caption' }).first().isEnabled()).toBe(true)
    // A second photo through the real import (file input, metadata stripped in main), then its caption typed.
    await panel.getByLabel('Add photos…').setInputFiles(join(PROJECT_ROOT, 'test', 'fixtures', 'photos', 'DSCN0010.jpg'))
    await expect.poll(() => thumbs.count(), { timeout: 30000 }).toBe(2)
    await expect.poll(loaded).toEqual([true, true])
    await panel.getByRole('textbox', { name: 'Caption' }).nth(1).fill('Access point above bay 3')
    await audit('photos, editing, two photos')
    // Every thumbnail has its alt text: the caption, or the kind when there is none.
    const alts = await thumbs.evaluateAll((imgs) => imgs.map((i) => (i as unknown as { alt: string }).alt))
    expect(alts.every((a) => a.trim() !== '')).toBe(true)
    expect(found, Object.entries(found).map(([k, v]) => `${k}:\n${v}`).join('\n')).toEqual({})
    expect(errors).toEqual([])
  }, 180000)
})
