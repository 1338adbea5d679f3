/**
 * What to tell IT (issue 16 item 6) through the real app in browser mode: the Report page's
 * "Copy for IT" puts only the network administrator's changes on the clipboard, "Save findings
 * CSV" makes main write the CSV into its exports folder, and the PDF's "What to change" keeps the
 * technician's steps in their own list. Expectations read by hand from the report fixture.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { cli, missingTool, pdfText } from '../report/pdf-tools'
import { openSurveyNamed, skipBrowserTier, useBrowserApp } from '../support/app'
import { SAMPLE_PATH } from './garage-surveys'

const skip = skipBrowserTier(missingTool('pdftotext'))

describe.skipIf(skip)('what to tell IT', () => {
  const app = useBrowserApp({ surveys: { 'garage.wcsurvey': SAMPLE_PATH } })
  const dir = mkdtempSync(join(tmpdir(), 'wc-it-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('Copy for IT and Save findings CSV on the Report page', async () => {
    const { page, errors, cspViolations } = await app.open({ width: 1366, height: 768 })
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.server.origin })
    await openSurveyNamed(page, 'Harbour Point Garage')
    await page.getByRole('button', { name: 'Report', exact: true }).click()
    const card = page.locator('.report-it')
    await card.waitFor()
    // P3 – stall 2: NTP to two servers, TLS inspection, NET-DOMAINS; WIFI-WIDTH, WIFI-SIGNAL, WIFI-STEER on the access points.
    expect(await card.textContent()).toContain('4 firewall rules and 3 access-point settings to change; 8 survey steps left for the technician (not sent to IT)')
    if (process.env.WC_SHOTS) await card.screenshot({ path: join(process.env.WC_SHOTS, 'report-it-card.png') })

    await card.getByRole('button', { name: 'Copy for IT' }).click()
    await card.getByRole('status').filter({ hasText: 'Copied' }).waitFor()
    // Page-side code as text: this file is type-checked for Node, which has no DOM types.
    const copied = await page.evaluate<string>('navigator.clipboard.readText()')
    expect(copied).toContain('Wi-Fi and firewall changes for the Wall Connectors — Harbour Point Garage')
    expect(copied).toContain('1. [NET-NTP] allow UDP 123 to pool.ntp.org\n   At Level P3 – stall 2')
    expect(copied).toContain('   Access point (BSSID): 33:44:55:66:77:88\n   At Level P2 – stall 14')
    expect(copied).not.toContain('screenshot')

    await card.getByRole('button', { name: 'Save findings CSV' }).click()
    const saved = page.getByRole('status').filter({ hasText: 'Findings CSV saved' })
    await saved.waitFor()
    const path = (await saved.locator('.path').textContent())?.trim() ?? ''
    expect(dirname(path)).toBe(join(app.server.dataDir, 'exports'))
    expect(path.endsWith('Harbour-Point-Garage-2026-11-18-findings.csv')).toBe(true)
    const csv = readFileSync(path, 'utf8')
    expect(csv.startsWith('location,requirement,title,result,who acts,what to do,access points (BSSID),evidence\r\n')).toBe(true)
    expect(csv).toContain('Level P2 – stall 14,WIFI-WIDTH,Channel width 20 MHz or less,fail,network administrator: access point,Set the 2.4 GHz radio to 20 MHz channel width (not 20/40 MHz or auto).,33:44:55:66:77:88,')
    expect(errors).toEqual([])
    expect(cspViolations).toEqual([])
  })

  it('the PDF keeps the technician\'s steps apart from the network administrator\'s changes', async () => {
    const pdf = join(dir, 'garage.pdf')
    const r = await cli([SAMPLE_PATH, '-o', pdf, '--quiet'])
    expect(r, r.stderr).toMatchObject({ code: 0 })
    const text = (await pdfText(pdf, 'raw')).replace(/\s+/g, ' ')
    const change = text.slice(text.indexOf('What to change'), text.indexOf('Still to do on site'))
    const todo = text.slice(text.indexOf('Still to do on site'), text.indexOf('Still to do on site') + 3000)
    expect(change).toContain('Access point (BSSID): 33:44:55:66:77:88')
    expect(change).not.toContain('screenshot')
    expect(todo).toContain('technician (survey steps, no change to the network)')
    expect(todo).toContain('SITE-PHONE Connect the laptop to "Tesla-Charging-Access" at this stall and run the connectivity check (the vendor asks for a screenshot taken while connected). At Level P1 – stall 3')
  }, 240000)
})
