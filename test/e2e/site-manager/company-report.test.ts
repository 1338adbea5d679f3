/**
 * The surveying company on the customer's report (issue 16 item 7a): with a company saved in the
 * data folder (main's store, as the Settings page saves it), `wc-survey report` and the app's Export
 * PDF (browser mode) print its logo, name and contact on page 1 and its name and contact in every
 * page's footer, markup in the name as text and a long footer line ellipsised before "Page N of M";
 * `--no-company`, and a data folder with no company, print none of it. Expectations written by
 * hand from the company below and the report fixture.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PNG } from 'pngjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { saveCompany } from '../../../src/main/settings/company-store'
import type { Company } from '../../../src/shared/model/company'
import { cli, missingTool, pdfImages, pdfInfo, pdfText } from '../report/pdf-tools'
import { openSurveyNamed, skipBrowserTier, useBrowserApp } from '../support/app'
import { SAMPLE_PATH } from './garage-surveys'

const skip = skipBrowserTier(missingTool('pdftotext') ?? missingTool('pdfimages', ['-v']))
const flat = (t: string): string => t.replace(/\s+/g, ' ')

/** A 300 × 100 PNG logo: two colours, so no encoder turns it into a flat fill. */
function logoPng(): string {
  const png = new PNG({ width: 300, height: 100 })
  for (let i = 0; i < 300 * 100; i += 1) {
    const left = i % 300 < 100
    png.data.set(left ? [250, 190, 20, 255] : [28, 78, 128, 255], i * 4)
  }
  return PNG.sync.write(png).toString('base64')
}

/** Name with markup and long enough that the footer line (name · phone · email · website) must be cut. */
const NAME = 'Voltline Electric & <b>Charging</b> Services for Garages and Car Parks Ltd'
const COMPANY: Company = {
  name: NAME,
  phone: '+44 20 7946 0321',
  email: 'survey@voltline.example',
  website: 'www.voltline-electric-charging.example',
  address: 'Unit 4, Dock Road\nLondon E16 1AA',
  logo: { mediaType: 'image/png', data: logoPng(), widthPx: 300, heightPx: 100 }
}

/** Text of each page, whitespace collapsed. */
async function pages(pdf: string): Promise<string[]> {
  const { pages: count } = await pdfInfo(pdf)
  return (await pdfText(pdf)).split('\f').slice(0, count).map(flat)
}

/** The company printed on page 1 (letterhead and logo) and in every page's footer, before its page number. */
async function expectCompany(pdf: string): Promise<void> {
  const text = await pages(pdf)
  // Page 1 still holds: as many pages as the report without a company (20, report-pdf.test.ts's goldens).
  expect(text).toHaveLength(20)
  // Content order (raw): the letterhead is one block, the kicker beside it. Lines wrap (at the
  // website's dashes too): compared with whitespace removed.
  const squash = (t: string): string => t.replace(/\s+/g, '')
  const cover = squash((await pdfText(pdf, 'raw')).split('\f')[0] ?? '')
  expect(cover).toContain(squash(`${NAME} +44 20 7946 0321 · survey@voltline.example · www.voltline-electric-charging.example · Unit 4, Dock Road, London E16 1AA WALL CONNECTOR NETWORK SITE SURVEY`))
  for (const [i, page] of text.entries()) {
    // The footer: the company line, cut short with an ellipsis, then the page number still on the paper.
    expect(page, `page ${i + 1}`).toMatch(new RegExp(`Voltline Electric & <b>Charging</b> Services for Garages and Car Parks Ltd · \\+44 20 7946 0321 · survey@voltline\\.example · [a-z.-]*… Page ${i + 1} of ${text.length}\\s*$`))
  }
  const logos = (await pdfImages(pdf)).filter((image) => image.width === 300 && image.height === 100)
  expect(logos.map((image) => image.page)).toEqual([1])
}

/** No company anywhere: not on the cover, not in a footer, no logo. */
async function expectNoCompany(pdf: string): Promise<void> {
  const text = await pages(pdf)
  expect(text).toHaveLength(20)
  expect(text.join(' ')).not.toContain('Voltline')
  expect(text.join(' ')).not.toContain('survey@voltline.example')
  for (const [i, page] of text.entries()) expect(page, `page ${i + 1}`).toMatch(new RegExp(`WC Site Survey report Page ${i + 1} of ${text.length}\\s*$`))
  expect((await pdfImages(pdf)).filter((image) => image.width === 300 && image.height === 100)).toEqual([])
}

describe.skipIf(skip)('wc-survey report: the surveying company from the data folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wc-company-report-'))
  const data = { company: join(dir, 'data-company'), none: join(dir, 'data-none'), damaged: join(dir, 'data-damaged') }
  const out = { company: join(dir, 'company.pdf'), left: join(dir, 'no-company.pdf'), none: join(dir, 'none.pdf'), damaged: join(dir, 'damaged.pdf') }
  const runs: Record<string, { code: number; stdout: string; stderr: string }> = {}

  beforeAll(async () => {
    expect(await saveCompany(data.company, COMPANY)).toEqual({ ok: true })
    mkdirSync(data.none)
    mkdirSync(join(data.damaged, 'settings'), { recursive: true })
    writeFileSync(join(data.damaged, 'settings', 'company.json'), '{"schemaVersion": 1, "company": {"name": "Half a')
    const env = (dataDir: string): NodeJS.ProcessEnv => ({ ...process.env, WC_SURVEY_DATA_DIR: dataDir })
    const [company, left, none, damaged] = await Promise.all([
      cli([SAMPLE_PATH, '-o', out.company, '--quiet'], env(data.company)),
      cli([SAMPLE_PATH, '-o', out.left, '--no-company', '--quiet'], env(data.company)),
      cli([SAMPLE_PATH, '-o', out.none, '--quiet'], env(data.none)),
      cli([SAMPLE_PATH, '-o', out.damaged, '--quiet'], env(data.damaged))
    ])
    Object.assign(runs, { company, left, none, damaged })
    for (const r of [company, left, none, damaged]) expect(r, r?.stderr).toMatchObject({ code: 0 })
  }, 240000)
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('prints the logo, name and contact on page 1 and the company in every page footer', async () => {
    await expectCompany(out.company)
    expect(runs.company?.stderr).toBe('')
  })

  it('--no-company leaves it all out, as a data folder without a company does', async () => {
    await expectNoCompany(out.left)
    await expectNoCompany(out.none)
    // Same text page for page: nothing is printed in the company's place (no placeholder).
    expect(await pdfText(out.left)).toBe(await pdfText(out.none))
  })

  it('a settings file that cannot be used is said on stderr and left out; the report is still made', async () => {
    expect(runs.damaged?.stderr).toMatch(/^wc-survey report: the company is left out: .*company\.json/)
    await expectNoCompany(out.damaged)
  })

  it('refuses --no-company with --evidence (the image has no company)', async () => {
    const r = await cli([SAMPLE_PATH, '--evidence', 'loc-p1-stall-3', '-o', join(dir, 'card.png'), '--no-company'])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('--no-company goes with the PDF report')
  })
})

describe.skipIf(skip)('browser mode: Export PDF carries the company main read from its settings', () => {
  const app = useBrowserApp({ surveys: { 'garage.wcsurvey': SAMPLE_PATH } })

  it('with a company saved: the exported PDF has it on page 1 and in every footer', async () => {
    // Saved after the server started: main reads the setting afresh for each export.
    expect(await saveCompany(app.server.dataDir, COMPANY)).toEqual({ ok: true })
    const { page, errors, cspViolations } = await app.open({ width: 1366, height: 768 })
    await openSurveyNamed(page, 'Harbour Point Garage')
    await page.getByRole('button', { name: 'Report', exact: true }).click()
    // The preview on the Report page shows the same letterhead, the name's markup as text.
    const preview = page.getByLabel('Report preview')
    await preview.getByText('Voltline Electric & <b>Charging</b> Services', { exact: false }).first().waitFor()
    expect(await preview.locator('b').filter({ hasText: 'Charging' }).count()).toBe(0)
    await page.getByRole('button', { name: 'Export PDF' }).click()
    await page.getByRole('status').filter({ hasText: 'PDF report saved' }).waitFor({ timeout: 120000 })
    await expectCompany(join(app.server.dataDir, 'exports', 'Harbour-Point-Garage-survey-2026-11-18.pdf'))
    expect(errors).toEqual([])
    expect(cspViolations).toEqual([])
  }, 180000)
})
