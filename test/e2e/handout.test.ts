/**
 * IT handout end to end in browser mode (NET-NTP, NET-TLS, NET-DOMAINS): open a survey whose probe
 * run saw NTP dropped and TLS inspected, read the rules to add on the IT handout page, save the
 * nftables file — main writes it into its exports folder, the renderer names no path — and check
 * it with `nft -c -f`.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openSurveyNamed, skipBrowserTier, useBrowserApp } from './support/app'
import { PROJECT_ROOT } from './support/server'

const skip = skipBrowserTier()
const canCheckNft = existsSync('/usr/sbin/nft') && typeof process.getuid === 'function' && process.getuid() === 0

describe.skipIf(skip)('browser mode: IT handout', () => {
  const app = useBrowserApp({ surveys: { 'garage.wcsurvey': join(PROJECT_ROOT, 'test', 'fixtures', 'report', 'report-sample.wcsurvey') } })

  it('shows the rules to add and saves the nftables file into main\'s exports folder', async () => {
    const { page, errors, cspViolations } = await app.open({ width: 1366, height: 768 })
    await openSurveyNamed(page, 'Harbour Point Garage')
    await page.getByRole('button', { name: 'IT handout', exact: true }).click()
    await page.getByRole('heading', { name: 'IT handout' }).waitFor()

    const rows = await page.getByRole('table', { name: 'Rules to add' }).getByRole('row').allInnerTexts()
    expect(rows.slice(1).map((r) => r.split('\t').slice(0, 4).join(' | '))).toEqual([
      'NTP | UDP 123 | pool.ntp.org | NET-NTP, NET-DOMAINS',
      'NTP | UDP 123 | time.nist.gov | NET-NTP, NET-DOMAINS',
      'TLS | TCP 443 | *.s3.amazonaws.com | NET-TLS, NET-DOMAINS'
    ])

    await page.getByRole('textbox', { name: "Chargers' interface" }).fill('vlan20')
    await page.getByRole('button', { name: 'Save .nft' }).click()
    const saved = page.getByRole('status').filter({ hasText: 'nftables file saved' })
    await saved.waitFor()
    const path = (await saved.locator('.path').textContent())?.trim() ?? ''
    expect(dirname(path)).toBe(join(app.server.dataDir, 'exports'))
    expect(path.endsWith('Harbour-Point-Garage-2026-11-18-firewall.nft')).toBe(true)
    const text = readFileSync(path, 'utf8')
    expect(text).toContain('define CHARGERS_IF = "vlan20"')
    expect(text).toContain('#   TCP 443 to *.s3.amazonaws.com (NET-TLS, NET-DOMAINS)')
    if (canCheckNft) expect(spawnSync('nft', ['-c', '-f', path], { encoding: 'utf8' }).status).toBe(0)

    expect(errors).toEqual([])
    expect(cspViolations).toEqual([])
  })
})
