/**
 * Hostile input end to end (issue 7 item 4). A replay scan whose SSIDs are markup, shell
 * commands, NUL bytes, a 32-byte emoji name and an RTL override — in iw's and nmcli's real text
 * formats, so the real parsers decode them — plus hostile site, location and note text typed into
 * the UI, go through the live view, a measurement, the saved file, the compliance view and the
 * PDF export. Nothing may execute (no CSP violation, no dialog, the `window.__pwned` sentinel stays
 * unset, no `/tmp/wc-pwned-*` file appears), every string is shown as literal text, the file
 * round-trips byte-exact, and the PDF holds the text literally and no JavaScript.
 */
import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { inflateSync } from 'node:zlib'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadSurveyFile, saveSurveyFile } from '../../../src/main/survey/survey-file'
import { loadReplaySet } from '../../../src/main/wifi/scanners/replay'
import { visibleText } from '../../../src/shared/text/hidden-chars'
import { cli, missingTool } from '../report/pdf-tools'
import { skipBrowserTier, useBrowserApp } from '../support/app'
import { openWatchedPage, type WatchedPage } from '../support/browser'
import { eventually } from '../support/eventually'
import { PROJECT_ROOT } from '../support/server'

const skip = skipBrowserTier(missingTool('pdftotext'))

const FIXTURES = join(PROJECT_ROOT, 'test', 'fixtures', 'hostile')
const run = promisify(execFile)

/**
 * Each run gets fresh names for the files the `touch` payloads would create, so a file left by an
 * earlier run cannot make this one fail, and a run that executed one cannot hide it.
 */
const MARKERS = { XXXXXXXX: hex4(), YYYYYYYY: hex4(), ZZZZZZZZ: hex4(), WWWWWWWW: hex4() } as const

function hex4(): string {
  return randomBytes(4).toString('hex')
}

function withMarkers(text: string): string {
  return text.replace(/XXXXXXXX|YYYYYYYY|ZZZZZZZZ|WWWWWWWW/g, (m) => MARKERS[m as keyof typeof MARKERS]) // the regex matches exactly the keys
}

interface SurveyInput {
  readonly siteName: string
  readonly customer: string
  readonly technician: string
  readonly address: string
  readonly siteNotes: string
  readonly targetSsid: string
  readonly locationName: string
  readonly locationNotes: string
  readonly cellularNote: string
}

const expectedSsids = JSON.parse(withMarkers(readFileSync(join(FIXTURES, 'expected-ssids.json'), 'utf8'))) as { iw: string[]; nmcli: string[] } // our fixture's shape
const ALL_SSIDS = [...expectedSsids.iw, ...expectedSsids.nmcli]
const INPUT = JSON.parse(withMarkers(readFileSync(join(FIXTURES, 'survey-input.json'), 'utf8'))) as SurveyInput // our fixture's shape
const PWNED_FILES = Object.values(MARKERS).map((m) => `/tmp/wc-pwned-${m}`)

/**
 * How the app shows a name (issue 16 item 9): hidden and bidi characters as `[U+202E]`, never
 * applied; the inputs keep the raw text.
 */
const shown = (text: string): string => visibleText(text)

/** The exact textContent of every element matching `selector` (NUL and bidi controls included). */
function texts(page: Page, selector: string): Promise<string[]> {
  // Cast: the callback runs in the page, where every element has textContent; this file is type-checked for Node, without the DOM's types.
  return page.locator(selector).evaluateAll((els) => els.map((e) => (e as unknown as { textContent: string | null }).textContent ?? ''))
}

// eslint-disable-next-line no-control-regex -- the characters that must never reach the screen raw
const HIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/

/**
 * Text as pdftotext can show it: bidi/control characters as `[U+202E]` (as the report prints
 * them), whitespace ignored (table cells wrap), and pictographs left out: a glyph the installed
 * fonts lack (🔥 without an emoji font) cannot be mapped back to text by pdftotext.
 */
function pdfForm(text: string): string {
  // multiline: notes keep their line breaks in the report (and whitespace is ignored here anyway).
  return squash(visibleText(text, { multiline: true }))
}

function squash(text: string): string {
  return text.replace(/\s+/g, '').replace(/\p{Extended_Pictographic}/gu, '')
}

/** The PDF's text in content order (`-raw`: a wrapped table cell stays together, no de-hyphenation). */
async function pdfRawText(pdf: string): Promise<string> {
  return (await run('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 })).stdout
}

/** Every stream of a PDF, inflated when it is Flate-compressed, as Latin-1 text. */
function pdfStreams(bytes: Buffer): string[] {
  const out: string[] = []
  const raw = bytes.toString('latin1')
  const re = /stream\r?\n/g
  for (let m = re.exec(raw); m !== null; m = re.exec(raw)) {
    const start = m.index + m[0].length
    const end = raw.indexOf('endstream', start)
    if (end < 0) break
    const body = bytes.subarray(start, end)
    try {
      out.push(inflateSync(body).toString('latin1'))
    } catch {
      out.push(body.toString('latin1')) // not Flate (fonts, images): searched as they are
    }
    re.lastIndex = end
  }
  return out
}

describe.skipIf(skip)('hostile input end to end (browser mode)', () => {
  let watched: WatchedPage
  let page: Page
  const dialogs: string[] = []
  const work = mkdtempSync(join(tmpdir(), 'wc-hostile-'))
  const replayDir = join(work, 'replay')
  /** Where the Report page's export lands: browser mode writes only into the exports folder (set once the server runs). */
  let uiPdf = ''
  const cliPdf = join(work, 'cli-export.pdf')
  /** The survey file the app saved (set once its autosave holds the measurement and notes). */
  let savedPath = ''

  // Registered before useBrowserApp's beforeAll, so it runs first: the replay files exist before the server starts.
  beforeAll(() => {
    for (const f of PWNED_FILES) expect(existsSync(f), `${f} exists before the run`).toBe(false)
    mkdirSync(replayDir)
    for (const f of readdirSync(join(FIXTURES, 'replay'))) writeFileSync(join(replayDir, f), withMarkers(readFileSync(join(FIXTURES, 'replay', f), 'utf8')))
  })
  const app = useBrowserApp({ env: { WC_SURVEY_SCANNER: 'replay', WC_SURVEY_REPLAY: replayDir } })
  beforeAll(async () => {
    uiPdf = join(app.server.dataDir, 'exports', 'ui-export.pdf')
    watched = await openWatchedPage(app.browser, { width: 1400, height: 1000 })
    page = watched.page
    page.on('dialog', (d) => {
      dialogs.push(`${d.type()}: ${d.message()}`)
      void d.dismiss()
    })
  })
  afterAll(() => rmSync(work, { recursive: true, force: true }))

  it('the fixture is what the real parsers decode: every hostile SSID byte-exact', async () => {
    const set = await loadReplaySet(replayDir)
    expect(set.warnings).toEqual([])
    expect(set.skipped).toBe(0)
    expect(set.base.map((o) => o.ssid).sort()).toEqual([...ALL_SSIDS].sort())
    // The shapes that matter: two NULs kept, the emoji name is exactly 32 bytes, the override kept.
    expect(ALL_SSIDS.filter((s) => s.includes('\u0000'))).toHaveLength(1)
    expect(ALL_SSIDS.some((s) => Buffer.byteLength(s, 'utf8') === 32 && /\p{Extended_Pictographic}/u.test(s))).toBe(true)
    expect(ALL_SSIDS.filter((s) => s.includes('\u202e'))).toHaveLength(1)
    expect(ALL_SSIDS).toContain(INPUT.targetSsid)
  })

  it('creates the survey with hostile text and shows every hostile SSID as literal text in the live view', async () => {
    await page.goto(app.server.url)
    await page.getByRole('heading', { name: 'Survey library' }).waitFor()
    await page.getByRole('button', { name: 'New survey' }).first().click()
    await page.getByLabel('Site name').fill(INPUT.siteName)
    await page.getByLabel('Customer').fill(INPUT.customer)
    await page.getByLabel('Address').fill(INPUT.address)
    await page.getByLabel('Technician').fill(INPUT.technician)
    await page.getByLabel('Target network (SSID)').fill(INPUT.targetSsid)
    await page.getByLabel('Notes').fill(INPUT.siteNotes)
    await page.getByRole('button', { name: 'Create survey' }).click()
    await page.getByRole('heading', { name: 'Locations' }).waitFor()
    await page.getByLabel('New location name').fill(INPUT.locationName)
    await page.getByRole('button', { name: 'Add location' }).click()
    await page.locator('#location-title').waitFor()
    await page.getByLabel('Notes', { exact: true }).fill(INPUT.locationNotes)
    await page.getByLabel('Cellular signal here (SITE-PHONE)').fill(INPUT.cellularNote)

    await page.getByRole('button', { name: 'Live scan', exact: true }).click()
    // Live scan starts scanning on arrival (issue 16 item 3): no Start to press.
    await page.getByRole('button', { name: 'Stop scanning' }).waitFor()
    const table = page.getByRole('table', { name: `Networks: ${ALL_SSIDS.length} SSIDs, ${ALL_SSIDS.length} BSS` })
    await table.waitFor({ timeout: 20000 })
    // Exact text in the table: markup and shell text as typed, the emoji as they are; NUL and the
    // override shown as [U+0000] / [U+202E] so no name can hide characters or read reversed.
    expect((await texts(page, '.network-table .ssid-text')).sort()).toEqual(ALL_SSIDS.map((s) => visibleText(s)).sort())
    expect(await texts(page, '.network-table .ssid-text')).toContain('admin[U+202E]txt.exe')
    const liveText = (await texts(page, '.live-page'))[0] ?? ''
    expect(liveText).not.toMatch(HIDDEN)
    expect(await texts(page, '.live-header .target-chip')).toEqual([`target: ${shown(INPUT.targetSsid)}`])
    // Nothing the payloads name exists as an element.
    expect(await page.locator('.live-page img, .live-page script, .live-page iframe, .live-page textarea').count()).toBe(0)
    await page.screenshot({ path: join(tmpdir(), 'wc-hostile-live.png') })
    await page.getByRole('button', { name: 'Stop scanning' }).click()
    await page.getByRole('button', { name: 'Start scanning' }).waitFor()
  })

  it('measures the location; the survey page shows the hostile text literally', async () => {
    await page.getByRole('button', { name: 'Survey', exact: true }).click()
    await page.getByLabel('Scans').selectOption('1')
    await page.getByRole('button', { name: 'Measure', exact: true }).click()
    await page.locator('.location-list').getByText('1 measurement', { exact: true }).waitFor({ timeout: 30000 })

    expect(await texts(page, '.location-list .location-name')).toEqual([shown(INPUT.locationName)])
    expect(await texts(page, '#location-title')).toEqual([shown(INPUT.locationName)])
    expect(await texts(page, '.topbar .site-name')).toEqual([shown(INPUT.siteName)])
    expect(await texts(page, '.topbar .ssid')).toEqual([shown(INPUT.targetSsid)])
    const values: [string, string][] = [
      ['Site name', INPUT.siteName],
      ['Customer', INPUT.customer],
      ['Technician', INPUT.technician],
      ['Address', INPUT.address],
      ['Target network (SSID)', INPUT.targetSsid],
      ['Site notes', INPUT.siteNotes],
      ['Notes', INPUT.locationNotes],
      ['Cellular signal here (SITE-PHONE)', INPUT.cellularNote]
    ]
    for (const [label, value] of values) expect(await page.getByLabel(label, { exact: true }).inputValue(), label).toBe(value)
    // The measurement saw the target: its history row counts the target's one BSS.
    expect(await texts(page, '.location-detail tbody td:nth-child(4)')).toEqual(['1'])
    expect(await page.locator('.survey-page img, .survey-page script, .survey-page iframe, .survey-page svg[onload]').count()).toBe(0)
  })

  it('the compliance view shows the target SSID, site and location name literally', async () => {
    await page.getByRole('button', { name: 'Compliance', exact: true }).click()
    await page.getByRole('region', { name: 'Survey verdict' }).waitFor()
    expect(await texts(page, '.cmp-ssid')).toEqual([shown(INPUT.targetSsid)])
    expect(await texts(page, '.cmp-loc-name')).toEqual([shown(INPUT.locationName)])
    expect(await page.getByRole('heading', { name: `Signal of "${shown(INPUT.targetSsid)}" at each location`, exact: true }).count()).toBe(1)
    expect(await page.locator('.cmp-head p').first().textContent()).toContain(shown(INPUT.siteName))
    // A measured row: the location's WIFI-SEC cell carries the hostile name, made visible, in its accessible name.
    expect(await page.getByRole('button', { name: `${shown(INPUT.locationName)}, WIFI-SEC: Pass`, exact: true }).count()).toBe(1)
    expect(await page.locator('.cmp-page img, .cmp-page script, .cmp-page iframe').count()).toBe(0)
  })

  it('the saved survey round-trips byte-exact and holds every string exactly', async () => {
    const files = readdirSync(app.server.surveysDir).filter((f) => f.endsWith('.wcsurvey'))
    expect(files).toHaveLength(1)
    // Named after the site, minus what could disguise it ("…\u202Egpj.wcsurvey" listing as "….jpg").
    expect(files[0]).not.toMatch(HIDDEN)
    const path = join(app.server.surveysDir, files[0] ?? '')
    savedPath = path
    type Saved = { site: Record<string, string>; targetSsid: string; locations: { name: string; notes: string; cellularNote: string; measurements: { observations: { ssid: string | null }[] }[] }[] }
    const saved = await eventually(
      () => JSON.parse(readFileSync(path, 'utf8')) as Saved, // the file as the app wrote it; shape checked below
      (s) => s.locations[0]?.measurements.length === 1 && s.locations[0].notes === INPUT.locationNotes && s.locations[0].cellularNote === INPUT.cellularNote
    )
    expect(saved.site).toMatchObject({ name: INPUT.siteName, customer: INPUT.customer, technician: INPUT.technician, address: INPUT.address, notes: INPUT.siteNotes })
    expect(saved.targetSsid).toBe(INPUT.targetSsid)
    expect(saved.locations.map((l) => l.name)).toEqual([INPUT.locationName])
    const ssids = saved.locations[0]?.measurements[0]?.observations.map((o) => o.ssid) ?? []
    expect([...ssids].sort()).toEqual([...ALL_SSIDS].sort())

    const bytes = readFileSync(path)
    const loaded = await loadSurveyFile(path)
    if (!loaded.ok) throw new Error(`the app's own file did not load: ${loaded.message}`)
    const copy = join(work, 'copy.wcsurvey')
    expect(await saveSurveyFile(copy, loaded.survey)).toMatchObject({ ok: true })
    expect(readFileSync(copy).equals(bytes)).toBe(true)
    expect(readFileSync(path).equals(bytes)).toBe(true) // loading never wrote to it
  })

  it('exports the PDF through the Report page, and with `wc-survey report` from the saved file', async () => {
    const before = readFileSync(savedPath)
    // Side by side: the CLI's Chromium and the server's start at once, keeping the tier's wall time down.
    // The full scan appendix: every hostile SSID seen (not only the chargers' network) reaches the page.
    const fromCli = cli([savedPath, '-o', cliPdf, '--full-appendix', '--quiet'])
    await page.getByRole('button', { name: 'Report', exact: true }).click()
    await page.getByLabel('File name').fill('ui-export.pdf')
    await page.getByLabel('Full scan appendix').check()
    await page.getByRole('button', { name: 'Export PDF' }).click()
    await page.getByText('PDF report saved').waitFor({ timeout: 60000 })
    // The technician gets the file from the browser: main serves it back from the exports folder.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download' }).click()])
    expect(download.suggestedFilename()).toBe('ui-export.pdf')
    const downloaded = join(work, 'downloaded.pdf')
    await download.saveAs(downloaded)
    const result = await fromCli
    expect(result, result.stderr).toMatchObject({ code: 0 })
    for (const pdf of [uiPdf, cliPdf]) expect(readFileSync(pdf).subarray(0, 5).toString(), pdf).toBe('%PDF-')
    expect(readFileSync(downloaded).equals(readFileSync(uiPdf))).toBe(true)
    expect(readFileSync(savedPath).equals(before)).toBe(true) // exporting never writes the survey
  })

  it.each([
    ['Report page', () => uiPdf],
    ['wc-survey report', () => cliPdf]
  ])('the PDF (%s) holds the hostile strings as literal text and no JavaScript', async (_, pdf) => {
    const raw = await pdfRawText(pdf())
    // Emoji do come through as text where a font has them; the row of the emoji SSID is there.
    expect(raw).toMatch(/\p{Extended_Pictographic}/u)
    expect(raw).toContain('02:66:6f:6f:00:09')
    const text = squash(raw)
    for (const s of [...ALL_SSIDS, INPUT.siteName, INPUT.customer, INPUT.technician, INPUT.address, INPUT.siteNotes, INPUT.locationName, INPUT.locationNotes, INPUT.cellularNote]) {
      expect(text, JSON.stringify(s)).toContain(pdfForm(s))
    }
    const bytes = readFileSync(pdf())
    for (const body of [bytes.toString('latin1'), ...pdfStreams(bytes)]) {
      expect(body).not.toMatch(/\/JavaScript\b/)
      expect(body).not.toMatch(/\/JS(?![A-Za-z0-9])/)
      expect(body).not.toMatch(/\/Launch\b/)
    }
  })

  it('nothing executed: no CSP violation, no dialog, no sentinel, no console error, no file from a shell', async () => {
    // Page-side code as text: this file is type-checked for Node, which has no DOM types.
    expect(await page.evaluate('typeof window.__pwned')).toBe('undefined') // the payloads' sentinel
    expect(dialogs).toEqual([])
    expect(watched.cspViolations).toEqual([])
    expect(watched.errors).toEqual([])
    for (const f of PWNED_FILES) expect(existsSync(f), f).toBe(false)
  })

  it('control: the same detectors do see a payload that reaches the DOM as markup', async () => {
    const control = await openWatchedPage(app.browser)
    const seen: string[] = []
    control.page.on('dialog', (d) => {
      seen.push(d.type())
      void d.dismiss()
    })
    await control.page.goto(app.server.url)
    await control.page.getByRole('heading', { name: 'Survey library' }).waitFor()
    // What a dangerouslySetInnerHTML of the target SSID would do: the CSP blocks the handler and reports it.
    await control.page.evaluate(`document.body.insertAdjacentHTML('beforeend', ${JSON.stringify(INPUT.targetSsid)})`)
    await eventually(() => control.cspViolations.length, (n) => n > 0)
    expect(control.cspViolations.join('\n')).toContain('script-src')
    expect(await control.page.evaluate('typeof window.__pwned')).toBe('undefined') // blocked, not run
    await control.page.evaluate("window.alert('control')")
    expect(seen).toEqual(['alert'])
    await control.page.context().close()
  })
})
