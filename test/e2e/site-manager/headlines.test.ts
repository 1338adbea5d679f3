/**
 * Headlines that group (issue 16 item 5): six stalls on two levels, WIFI-WIDTH failing at each,
 * is said once — "WIFI-WIDTH at all 6 locations" — on the compliance page and on the PDF cover.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { cli, missingTool, pdfText } from '../report/pdf-tools'
import { openSurveyNamed, skipBrowserTier, useBrowserApp } from '../support/app'
import { sixStalls } from './garage-surveys'

const skip = skipBrowserTier(missingTool('pdftotext'))
const HEADLINE = 'All 6 locations not ready: WIFI-WIDTH at all 6 locations.'

describe.skipIf(skip)('headlines that group (six stalls, WIFI-WIDTH everywhere)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wc-headlines-'))
  const file = join(dir, 'six.wcsurvey')
  // Written at collection time: the app's library gets a copy when its server starts (beforeAll).
  writeFileSync(file, JSON.stringify(sixStalls()))
  const app = useBrowserApp({ surveys: { 'six.wcsurvey': file } })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('the compliance page says it once', async () => {
    const { page, errors, cspViolations } = await app.open({ width: 1366, height: 768 })
    await openSurveyNamed(page, 'Harbour Point Garage – six stalls')
    await page.getByRole('button', { name: 'Compliance', exact: true }).click()
    const banner = page.getByRole('region', { name: 'Survey verdict' })
    await banner.getByText('Not ready', { exact: true }).waitFor()
    const text = (await banner.textContent()) ?? ''
    expect(text).toContain(HEADLINE)
    expect(text.split('WIFI-WIDTH').length - 1).toBe(1)
    if (process.env.WC_SHOTS) await page.screenshot({ path: join(process.env.WC_SHOTS, 'compliance-six.png') })
    expect(errors).toEqual([])
    expect(cspViolations).toEqual([])
  })

  it('the PDF cover says it once', async () => {
    const pdf = join(dir, 'six.pdf')
    const r = await cli([file, '-o', pdf, '--quiet'])
    expect(r, r.stderr).toMatchObject({ code: 0 })
    const cover = (await pdfText(pdf)).split('\f')[0]?.replace(/\s+/g, ' ') ?? ''
    expect(cover).toContain(HEADLINE)
    // The per-location clause never appears (the how-to-read note names WIFI-WIDTH as an example).
    expect(cover).not.toContain('WIFI-WIDTH at Level')
  }, 240000)
})
