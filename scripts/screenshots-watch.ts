/**
 * Screenshots of "Watch this stall" for the README, at 1366 × 768 (a field laptop):
 * `watch-live.png` — a watch under way in browser mode with the demo replay scanner (connectivity
 * checks off: no probe leaves this machine); `watch-finished.png` — a finished 45-minute watch
 * (a drop, the laptop asleep for 4 minutes, a roam, two failed checks) with its WIFI-STABLE
 * finding and figures. Needs a build (`npm run build`) and Chromium.
 * Run: `npx tsx scripts/screenshots-watch.ts [outDir]`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Survey } from '../src/shared/model/survey'
import type { WatchBss, WatchRecord } from '../src/shared/model/watch'
import { appendCheck, appendScan, endWatch, newWatchRecord, withWatch } from '../src/shared/watch/record'
import type { Locator } from 'playwright-core'
import { PROJECT_ROOT } from '../test/e2e/support/server'
import { screenshotSession } from './screenshot-session'

const outDir = process.argv[2] ?? join(PROJECT_ROOT, 'assets', 'screenshots')
mkdirSync(outDir, { recursive: true })

const FINISHED_AT = 'Level P1 – stall 3'
const LIVE_AT = 'Level P2 – stall 14'

/** A 45-minute watch at 5 s, its signal wandering as it does near a busy neighbour. */
function finishedWatch(ssid: string, t0: number): WatchRecord {
  let r = newWatchRecord({ id: 'screenshot-watch', ssid, startedAt: t0, plannedMs: 45 * 60_000, intervalMs: 5000, checkEveryMs: 30_000 })
  const a = (dbm: number): WatchBss => ({ bssid: '22:33:44:55:66:77', dbm, channel: 1, band: '2.4' })
  const b = (dbm: number): WatchBss => ({ bssid: '22:33:44:55:66:78', dbm, channel: 6, band: '2.4' })
  for (let s = 0; s <= 45 * 60; s += 5) {
    if (s > 20 * 60 && s < 24 * 60) continue // the laptop slept
    const wobble = Math.round(3 * Math.sin(s / 70) + 2 * Math.sin(s / 17))
    const t = t0 + s * 1000
    if (s % 30 === 0) {
      const failed = s === 31 * 60 || s === 31 * 60 + 30 ? ['DNS h3-hermes-prd.sn.tesla.services: timeout (UDP 53 to 10.40.0.1: no answer)'] : []
      r = appendCheck(r, { t, ok: failed.length === 0, failed })
    }
    const missing = s >= 12 * 60 && s < 12 * 60 + 25
    const roamed = s >= 36 * 60
    const bss = missing ? [] : roamed ? [a(-78 + wobble), b(-64 + wobble)] : [a(-58 + wobble), b(-71 + wobble)]
    const best = missing ? null : roamed ? b(0).bssid : a(0).bssid
    r = appendScan(r, { sample: { t, bss, best, coChannel: missing ? null : 1 }, coChannel: [] })
  }
  return endWatch(r, 'finished', t0 + 45 * 60_000)
}

/** Scrolls the app's content pane so `target` is at its top; the window itself stays put (header and sidebar in view). */
async function showAtTop(target: Locator): Promise<void> {
  await target.evaluate((el) => {
    // Cast: the callback runs in the page, where an element can scroll itself into view; this file is type-checked for Node, without the DOM's types.
    const page = el as unknown as { scrollIntoView(o: { block: string }): void; ownerDocument: { defaultView: { scrollTo(x: number, y: number): void } | null } }
    page.scrollIntoView({ block: 'start' })
    page.ownerDocument.defaultView?.scrollTo(0, 0)
  })
}

await screenshotSession({ width: 1366, height: 768, env: { WC_SURVEY_SCANNER: 'replay' } }, async (page, server) => {
  mkdirSync(server.surveysDir, { recursive: true })
  const sample = JSON.parse(readFileSync(join(PROJECT_ROOT, 'assets', 'sample-survey.wcsurvey'), 'utf8')) as Survey // our own shipped sample
  const location = sample.locations.find((l) => l.name === FINISHED_AT)
  if (!location) throw new Error(`the sample survey has no location ${FINISHED_AT}`)
  const watched = withWatch(sample, location.id, finishedWatch(sample.targetSsid, Date.parse('2026-11-18T17:30:00Z')))
  writeFileSync(join(server.surveysDir, 'harbour-point.wcsurvey'), JSON.stringify(watched, null, 2))

  await page.goto(server.url)
  await page.getByRole('button', { name: 'Harbour Point Garage', exact: true }).click()
  await page.getByRole('heading', { name: 'Locations' }).waitFor()
  await page.getByRole('button', { name: 'Edit survey' }).click()

  await page.getByRole('button', { name: new RegExp(FINISHED_AT) }).click()
  const heading = page.getByRole('heading', { name: 'Watch this stall' })
  await showAtTop(heading)
  await page.waitForTimeout(300)
  await page.screenshot({ path: join(outDir, 'watch-finished.png') })

  await page.getByRole('button', { name: new RegExp(LIVE_AT) }).click()
  await showAtTop(heading)
  await page.getByLabel('For').selectOption({ label: '15 min' })
  await page.getByLabel('Connectivity check').selectOption({ label: 'off' })
  await page.getByRole('button', { name: 'Watch this stall' }).click()
  await page.getByText('Watching', { exact: true }).waitFor()
  await page.waitForTimeout(45_000)
  await showAtTop(heading)
  await page.screenshot({ path: join(outDir, 'watch-live.png') })
  await page.getByRole('button', { name: 'Stop' }).click()
})
process.stdout.write(`screenshots written to ${outDir}\n`)
