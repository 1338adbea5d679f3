/**
 * The map in the PDF (issue 11 item 5): `wc-survey report` on the shipped sample gives one map
 * page per level with its plan as an image (pdfimages -list), pins named in text, the legend; each
 * location's page says where it is and shows it on a small plan.
 */
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findChromium } from '../../../src/main/report/chromium'
import { skipFor } from '../../support/requires'
import { ROOT, cli, ensureBuilt, missingTool, pdfImages } from './pdf-tools'

const run = promisify(execFile)
const chromium = findChromium(process.env, process.platform, existsSync)
const skip = skipFor('browser', !chromium.ok ? `report PDF: ${chromium.message}` : (missingTool('pdftotext') ?? missingTool('pdfimages')))
const SHIPPED = join(ROOT, 'assets', 'sample-survey.wcsurvey')

/** The text of each page (pdftotext -raw, content order: close pins' labels do not interleave; pages end with a form feed), whitespace collapsed. */
async function pages(pdf: string): Promise<string[]> {
  const { stdout } = await run('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 })
  return stdout.split('\f').map((p) => p.replace(/\s+/g, ' ').trim())
}

describe.skipIf(skip)('report: the garage map', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wc-report-map-'))
  const pdf = join(dir, 'sample.pdf')

  beforeAll(async () => {
    ensureBuilt()
    const r = await cli([SHIPPED, '-o', pdf, '--quiet'])
    if (r.code !== 0) throw new Error(r.stderr)
  }, 300000)
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('one map page per level, with the plan as an image and every location of the level named', async () => {
    const text = await pages(pdf)
    const mapPage = (level: string): number => text.findIndex((p) => p.includes(`Map — level ${level}`))
    const [p1, p2, p3] = ['P1', 'P2', 'P3'].map(mapPage)
    expect([p1, p2, p3].every((i) => i !== undefined && i >= 0)).toBe(true)
    expect(new Set([p1, p2, p3]).size).toBe(3)
    // The sample: stall 3 on P1; stalls 14 and 20 on P2; stalls 2 and 7 on P3.
    expect(text[p1 ?? -1]).toContain('Level P1 – stall 3')
    expect(text[p2 ?? -1]).toContain('Level P2 – stall 14')
    expect(text[p2 ?? -1]).toContain('Level P2 – stall 20')
    expect(text[p3 ?? -1]).toContain('Level P3 – stall 7')
    for (const i of [p1, p2, p3]) {
      expect(text[i ?? -1]).toContain('Heatmap (WIFI-SIGNAL)')
      expect(text[i ?? -1]).toContain('Unmeasured: farther than 10 m from every measured point')
    }

    // pdfimages -list: page, num, type, width, height, …; the three 1600 × 900 plans on the three map pages (1-based).
    const images = await pdfImages(pdf)
    const plans = images.filter((i) => i.width === 1600 && i.height === 900).map((i) => i.page)
    expect(plans).toEqual([(p1 ?? 0) + 1, (p2 ?? 0) + 1, (p3 ?? 0) + 1])
    // Each of the five location pages shows its plan small (900 px wide).
    expect(images.filter((i) => i.width === 900).length).toBe(5)
  })

  it('each location page says where the location is (20 px/m: stall 3 is 59.75 m from the left, 7.5 m from the top)', async () => {
    const text = await pages(pdf)
    const page = text.find((p) => p.includes('LOCATION 1 OF 5') && p.includes('Level P1 – stall 3'))
    expect(page).toContain("Where: level P1, 59.8 m from the plan's left edge and 7.5 m from its top")
    // Location 4 of 5 in the sample's order.
    const p2 = text.find((p) => p.includes('LOCATION 4 OF 5 Level P2 – stall 20'))
    expect(p2).toContain("Where: level P2, 17.3 m from the plan's left edge and 7.5 m from its top")
  })
})
