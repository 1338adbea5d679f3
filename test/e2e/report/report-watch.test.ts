/**
 * A watched stall in the PDF: the location page carries the watch's timeline chart (signal of
 * each BSS, the drop shaded, the time not watched hatched) and its figures (min / p5 / median,
 * the share of time below each WIFI-SIGNAL threshold, drops, failed checks and gaps with their
 * times), read back with pdftotext and looked for on the page image.
 *
 * The watch is scripted here, scan by scan, through the same pure steps main's engine applies;
 * every expected figure below is worked out by hand from this script.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { execFile } from 'node:child_process'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WatchBss, WatchRecord } from '../../../src/shared/model/watch'
import { surveySchema } from '../../../src/shared/model/survey'
import { appendCheck, appendScan, endWatch, newWatchRecord, withWatch } from '../../../src/shared/watch/record'
import { findChromium } from '../../../src/main/report/chromium'
import { serializeSurvey } from '../../../src/main/survey/survey-file'
import { skipFor } from '../../support/requires'
import { ROOT, cli, ensureBuilt, missingTool, pdfText, readPng } from './pdf-tools'

const run = promisify(execFile)
const chromium = findChromium(process.env, process.platform, existsSync)
const skip = skipFor('browser', !chromium.ok ? `report PDF: ${chromium.message}` : (missingTool('pdftotext') ?? missingTool('pdftoppm')))
const flat = (text: string): string => text.replace(/\s+/g, ' ')

const T0 = Date.parse('2026-11-20T18:00:00Z')
const A = 'aa:bb:cc:00:00:01'
const B = 'aa:bb:cc:00:00:02'
const bssA = (dbm: number): WatchBss => ({ bssid: A, dbm, channel: 6, band: '2.4' })
const bssB = (dbm: number): WatchBss => ({ bssid: B, dbm, channel: 11, band: '2.4' })

/**
 * 18:00:00–18:09:50 a scan every 10 s: A at -60 (best), B at -70; not heard at 18:05:00, :10, :20.
 * 18:09:50–18:14:50 the laptop slept (no scan).
 * 18:14:50–18:16:30 A at -74 (best, alone); 18:16:40–18:19:50 B at -78 (best, alone): a roam at 18:16:40.
 * A check every 30 s while watched; those at 18:15:30 and 18:16:30 failed. Stopped at 18:19:50.
 */
function scriptedWatch(): WatchRecord {
  let r = newWatchRecord({ id: 'report-watch-1', ssid: 'HarbourPoint-EV', startedAt: T0, plannedMs: 20 * 60_000, intervalMs: 10_000, checkEveryMs: 30_000 })
  const scan = (s: number, bss: WatchBss[], best: string | null) => {
    r = appendScan(r, { sample: { t: T0 + s * 1000, bss, best, coChannel: best === null ? null : 0 }, coChannel: [] })
  }
  const check = (s: number) => {
    const failed = s === 930 || s === 990 ? ['TLS s3.amazonaws.com: timeout (TCP 443: no answer)'] : []
    r = appendCheck(r, { t: T0 + s * 1000, ok: failed.length === 0, failed })
  }
  for (let s = 0; s <= 590; s += 10) {
    if (s % 30 === 0) check(s)
    if (s >= 300 && s <= 320) scan(s, [], null)
    else scan(s, [bssA(-60), bssB(-70)], A)
  }
  for (let s = 890; s <= 1190; s += 10) {
    if (s % 30 === 0) check(s)
    if (s <= 990) scan(s, [bssA(-74)], A)
    else scan(s, [bssB(-78)], B)
  }
  return endWatch(r, 'stopped', T0 + 1190_000)
}

describe.skipIf(skip)('report: a watched stall', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wc-report-watch-'))
  const surveyPath = join(dir, 'watched.wcsurvey')
  const pdf = join(dir, 'watched.pdf')
  let result: { code: number; stdout: string; stderr: string }

  beforeAll(async () => {
    ensureBuilt()
    const base = surveySchema.parse(JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'report', 'report-sample.wcsurvey'), 'utf8')))
    writeFileSync(surveyPath, serializeSurvey(withWatch(base, 'loc-p1-stall-3', scriptedWatch())))
    result = await cli([surveyPath, '-o', pdf, '--quiet'])
  }, 300000)
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  /** The text of the PDF page that carries the watch (pdftotext of that page alone), and its number. */
  async function watchPage(): Promise<{ page: number; text: string }> {
    // Raw order keeps each figure's term and value together (layout mode interleaves the grid's columns).
    const all = await pdfText(pdf, 'raw')
    const pages = all.split('\f')
    const page = pages.findIndex((p) => p.includes('Watch of this stall (WIFI-STABLE): Level P1 – stall 3'))
    return { page: page + 1, text: flat(pages[page] ?? '') }
  }

  it('the location page gives the watch in figures, times in UTC (the fixture recorded no site zone), each naming its offset', async () => {
    expect(result, result.stderr).toMatchObject({ code: 0 })
    const { page, text } = await watchPage()
    expect(page).toBeGreaterThan(0)
    expect(text).toContain('Started 20 Nov 2026, 18:00 (UTC+00:00), planned 20 min 00 s; it was stopped early.')
    // 60 + 31 scans; 59 intervals before the sleep, one for the scan after it, 30 after: 900 s.
    expect(text).toContain('15 min 00 s of 20 min 00 s · 91 scans')
    // Heard: 57 × -60, 11 × -74, 20 × -78 (88). p5 is the 5th lowest (-78), the median the 44th (-60).
    expect(text).toContain('min -78 dBm · p5 -78 dBm · median -60 dBm')
    // Below -67: the 31 scans after the sleep, of 91 (34 %); below -75: 20 of 91 (22 %); not heard: 3 of 91.
    expect(text).toContain('-67 dBm: 34 % · -75 dBm: 22 % · not heard: 3 %')
    expect(text).toContain('Drops 1: 18:05:00–18:05:30 (UTC+00:00)')
    expect(text).toContain('Roams 1')
    // 20 checks before the sleep (0–570 s), 10 after (900–1170 s).
    expect(text).toContain('30 run, 2 failed: 18:15:30 (UTC+00:00) TLS s3.amazonaws.com: timeout (TCP 443: no answer); 18:16:30 (UTC+00:00) TLS s3.amazonaws.com: timeout (TCP 443: no answer)')
    expect(text).toContain('Not watched 18:09:50–18:14:50 (UTC+00:00)')
  })

  it('the page has the timeline chart: axes, legend, the signal line, the drop and the hatched gap drawn', async () => {
    const { page, text } = await watchPage()
    // The chart's SVG text: dBm ticks, clock ticks from the start to the last scan (18:19:50), the legend.
    for (const label of ['-100', '-30', '18:00', '18:19', 'aa:bb:cc:00:00:01', 'aa:bb:cc:00:00:02 (best BSS at the last scan)', 'not heard', 'not watched (sleep, pause, app closed)', 'failed check', 'times in UTC']) expect(text, label).toContain(label)
    const png = join(dir, 'watch-page')
    await run('pdftoppm', ['-r', '100', '-png', '-f', String(page), '-l', String(page), '-singlefile', pdf, png])
    const image = readPng(`${png}.png`)
    const count = (hex: string): number => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16))
      let n = 0
      for (let i = 0; i < image.data.length; i += 4) {
        if (Math.abs((image.data[i] ?? 0) - (r ?? 0)) < 12 && Math.abs((image.data[i + 1] ?? 0) - (g ?? 0)) < 12 && Math.abs((image.data[i + 2] ?? 0) - (b ?? 0)) < 12) n++
      }
      return n
    }
    // The best BSS in the target colour, the drop's red shade, the hatch's grey stripes.
    expect(count('#d9480f')).toBeGreaterThan(150)
    expect(count('#ffe3e3')).toBeGreaterThan(100)
    expect(count('#adb5bd')).toBeGreaterThan(200)
  })

  it('the finding names WIFI-STABLE as a warning with the same times', async () => {
    const text = flat(await pdfText(pdf, 'raw'))
    expect(text).toContain('WIFI-STABLE')
    expect(text).toMatch(/A charger here would go offline now and then: the network was missing or below -75 dBm 25 % of the time/)
  })
})
