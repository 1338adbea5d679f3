/**
 * Chargers end to end in browser mode (issue 13): the real renderer and the real charger client
 * against a fake Wall Connector on loopback. Find it by address, assign it to a stall, see its
 * findings in the compliance matrix, calibrate the margin, see WIFI-SIGNAL re-judged; a hostile
 * SSID from a charger stays text. Expectations are written by hand from the sample survey
 * (P2 stall 14: laptop -75 dBm) and the fake's answer (RSSI -80 dBm).
 */
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bodySet, startFakeCharger, type FakeCharger } from '../support/fake-charger'
import { pdfText } from './report/pdf-tools'
import { openSampleSurvey, skipBrowserTier, useBrowserApp } from './support/app'

const skip = skipBrowserTier()
const HOSTILE_SSID = '<img src=x onerror="window.__pwned=1">\u202eevil'
const wifi = (ssid: string, rssi: number) =>
  JSON.stringify({ wifi_ssid: Buffer.from(ssid).toString('base64'), wifi_signal_strength: 30, wifi_rssi: rssi, wifi_snr: 12, wifi_connected: true, wifi_infra_ip: '192.168.10.32', internet: true, wifi_mac: '54:F8:F0:0A:30:AA' })

describe.skipIf(skip)('browser mode: installed chargers', () => {
  const app = useBrowserApp()
  let charger: FakeCharger
  let hostile: FakeCharger

  beforeAll(async () => {
    charger = await startFakeCharger({ set: { ...bodySet('real'), wifi_status: { kind: 'body', body: wifi('HarbourPoint-EV', -80) } } })
    hostile = await startFakeCharger({
      set: { ...bodySet('real'), version: { kind: 'body', body: '{"firmware_version":"1.0","serial_number":"HOSTILE0001"}' }, wifi_status: { kind: 'body', body: wifi(HOSTILE_SSID, -50) } }
    })
  })
  afterAll(async () => {
    await charger?.close()
    await hostile?.close()
  })

  it('find by address → assign to a stall → findings in the matrix → calibrate → WIFI-SIGNAL re-judged', async () => {
    const { page, errors, cspViolations } = await app.open({ width: 1366, height: 768 })
    await openSampleSurvey(page)
    await page.getByRole('button', { name: 'Edit survey' }).click()

    // Before: WIFI-SIGNAL at P2 stall 14 is a warning (-75 dBm, no margin), no WC-* finding.
    await page.getByRole('button', { name: 'Compliance', exact: true }).click()
    await page.getByRole('button', { name: 'Level P2 – stall 14, WIFI-SIGNAL: Warning' }).waitFor()
    expect(await page.getByRole('button', { name: /Level P2 – stall 14, WC-SIGNAL/ }).count()).toBe(0)

    await page.getByRole('button', { name: 'Chargers', exact: true }).click()
    await page.getByLabel('Address or host name').fill(`127.0.0.1:${charger.port}`)
    await page.getByRole('button', { name: 'Read charger' }).click()
    await page.getByText('Read B7S24024J01612').waitFor()
    const card = page.getByRole('article', { name: 'Charger B7S24024J01612' })
    expect(await card.textContent()).toContain('HarbourPoint-EV')
    expect(await card.textContent()).toContain('-80 dBm')
    expect(await card.textContent()).toContain('idle, no vehicle connected')
    await page.getByLabel('Stall of charger B7S24024J01612').selectOption({ label: 'Level P2 – stall 14' })
    await page.screenshot({ path: '/tmp/i13-chargers-1366.png', fullPage: false })

    // Its findings in the compliance matrix.
    await page.getByRole('button', { name: 'Compliance', exact: true }).click()
    await page.getByRole('button', { name: 'Level P2 – stall 14, WC-SIGNAL: Fail' }).waitFor()
    expect(await page.getByRole('button', { name: 'Level P2 – stall 14, WC-ONLINE: Pass' }).count()).toBe(1)
    expect(await page.getByRole('button', { name: 'Level P2 – stall 14, WC-NETWORK: Pass' }).count()).toBe(1)
    await page.screenshot({ path: '/tmp/i13-compliance-1366.png', fullPage: false })

    // Calibrate: laptop -75 − charger -80 = 5 dB, n = 1; set on confirm.
    await page.getByRole('button', { name: 'Chargers', exact: true }).click()
    const table = page.getByRole('table', { name: 'Calibration per stall' })
    expect((await table.textContent())?.replace(/\s+/g, ' ')).toContain('Level P2 – stall 14B7S24024J01612-75 dBm-80 dBm5 dB')
    await page.getByText('Site median: 5 dB (n = 1)').waitFor()
    await page.getByRole('button', { name: 'Use 5 dB as the margin…' }).click()
    await page.getByRole('button', { name: 'Set 5 dB' }).click()
    await page.getByText(/Margin in use: 5 dB/).waitFor()
    await page.screenshot({ path: '/tmp/i13-calibration-1366.png', fullPage: true })

    // WIFI-SIGNAL re-judged: -75 − 5 = -80 dBm fails; P1 stall 3 (-42 − 5 = -47) still passes.
    await page.getByRole('button', { name: 'Compliance', exact: true }).click()
    await page.getByRole('button', { name: 'Level P2 – stall 14, WIFI-SIGNAL: Fail' }).waitFor()
    expect(await page.getByRole('button', { name: 'Level P1 – stall 3, WIFI-SIGNAL: Pass' }).count()).toBe(1)
    expect(await page.getByText(/5 dB laptop margin applied \(median of laptop − charger RSSI at 1 stall, n = 1\)/).count()).toBe(1)

    // The location page shows the charger too.
    await page.getByRole('button', { name: 'Survey', exact: true }).click()
    await page.getByRole('button', { name: /Level P2 – stall 14/ }).click()
    expect(await page.getByLabel('Charger at this stall').textContent()).toContain('B7S24024J01612')

    // The PDF from the Report page has the section, with the margin, where it came from and n.
    await page.getByRole('button', { name: 'Report', exact: true }).click()
    await page.getByLabel('File name').fill('chargers-report.pdf')
    await page.getByRole('button', { name: 'Export PDF' }).click()
    await page.getByText('PDF report saved').waitFor({ timeout: 90000 })
    const text = (await pdfText(join(app.server.dataDir, 'exports', 'chargers-report.pdf'))).replace(/\s+/g, ' ')
    expect(text).toContain('Chargers as installed')
    expect(text).toContain('B7S24024J01612')
    expect(text).toContain('-80 dBm / 12 dB / 30 %')
    expect(text).toContain('Site median: 5 dB (n = 1). WIFI-SIGNAL was judged with a 5 dB margin: median of laptop − charger RSSI at 1 stall (n = 1), set')
    expect(errors).toEqual([])
    expect(cspViolations).toEqual([])
  })

  it('a hostile SSID from a charger is shown as text, never as markup', async () => {
    const { page, errors } = await app.open({ width: 1366, height: 768 })
    await page.getByRole('button', { name: 'Open the sample survey' }).first().click()
    await page.getByRole('button', { name: 'Edit survey' }).click()
    await page.getByRole('button', { name: 'Chargers', exact: true }).click()
    await page.getByLabel('Address or host name').fill(`127.0.0.1:${hostile.port}`)
    await page.getByRole('button', { name: 'Read charger' }).click()
    const card = page.getByRole('article', { name: 'Charger HOSTILE0001' })
    await card.waitFor()
    // Text, with the right-to-left override shown as a visible code (visibleText), never obeyed.
    expect(await card.textContent()).toContain('<img src=x onerror="window.__pwned=1">[U+202E]evil')
    expect(await page.locator('img[src="x"]').count()).toBe(0)
    expect(await page.evaluate('typeof window.__pwned')).toBe('undefined')
    expect(errors).toEqual([])
  })

  it('a dead address: a clear message, the reading kept with its reasons', async () => {
    const { page } = await app.open({ width: 1366, height: 768 })
    await page.getByRole('button', { name: 'Open the sample survey' }).first().click()
    await page.getByRole('button', { name: 'Edit survey' }).click()
    await page.getByRole('button', { name: 'Chargers', exact: true }).click()
    await page.getByLabel('Address or host name').fill('127.0.0.1:1')
    await page.getByRole('button', { name: 'Read charger' }).click()
    await page.getByText('127.0.0.1 did not answer').waitFor()
    expect(await page.getByText(/connection refused on 127\.0\.0\.1:1/).first().textContent()).toContain('connection refused')
    await page.getByLabel('Address or host name').fill('bad host!')
    await page.getByRole('button', { name: 'Read charger' }).click()
    await page.getByText('Nothing was read').waitFor()
  })
})
