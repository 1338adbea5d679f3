/**
 * Times in the site's local time with its offset (issue 16 item 7), in the PDF and in the app.
 *
 * The v9 fixture's site is in America/New_York: its measurement at Basement – bay 3 was taken
 * 2026-07-14T16:05Z (EDT, UTC-04:00), its watch there started 2026-11-20T18:00Z (EST, UTC-05:00):
 * one report across a DST change. The same survey moved to Australia/Sydney (AEST UTC+10:00 in
 * July, AEDT UTC+11:00 in November, the next calendar day), and with no zone recorded (UTC, said
 * so). Every expected text below is worked out by hand from those instants and the zones' rules.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { surveySchema, type Survey } from '../../../src/shared/model/survey'
import { openSurveyNamed, skipBrowserTier, useBrowserApp } from '../support/app'
import { PROJECT_ROOT } from '../support/server'
import { cli, missingTool, pdfText } from './pdf-tools'

const skip = skipBrowserTier(missingTool('pdftotext'))
const V9 = join(PROJECT_ROOT, 'test', 'fixtures', 'surveys', 'v9-garage-zone-apname.wcsurvey')
/** One line; an offset a narrow table cell broke after its sign ("(UTC- 05:00)") joined again. */
const flat = (text: string): string => text.replace(/\s+/g, ' ').replace(/\(UTC([+-]) /g, '(UTC$1')

/** The v9 fixture with another site zone (and its own id and site name, so a library tells them apart). */
function withZone(timeZone: string | null, id: string, name: string): Survey {
  const v9 = surveySchema.parse(JSON.parse(readFileSync(V9, 'utf8')))
  return { ...v9, id, resurveyOf: null, site: { ...v9.site, name, timeZone } }
}

interface Expected {
  readonly label: string
  readonly cover: string
  readonly surveyed: string
  readonly measured: string
  readonly watchStarted: string
  readonly drop: string
  readonly failedCheck: string
  readonly legend: string
  readonly chargerRead: string
  readonly calibrationSet: string
}

const CASES: readonly (Expected & { readonly survey: () => Survey })[] = [
  {
    label: 'America/New_York',
    survey: () => surveySchema.parse(JSON.parse(readFileSync(V9, 'utf8'))),
    cover: "America/New_York (the site's local time)",
    surveyed: '14 Jul 2026',
    // 16:05Z − 4 h (EDT).
    measured: 'Measured 14 Jul 2026, 12:05 (UTC-04:00)',
    // 18:00Z − 5 h (EST, since 1 Nov).
    watchStarted: 'Started 20 Nov 2026, 13:00 (UTC-05:00)',
    drop: '13:00:30–13:00:40 (UTC-05:00)',
    failedCheck: '13:01:00 (UTC-05:00) DNS h3-hermes-',
    legend: 'times in America/New_York (UTC-05:00)',
    // 2026-02-14T10:12Z − 5 h.
    chargerRead: 'read 14 Feb 2026, 05:12 (UTC-05:00)',
    // 10:20Z − 5 h.
    calibrationSet: 'set 14 Feb 2026, 05:20 (UTC-05:00)'
  },
  {
    label: 'Australia/Sydney',
    survey: () => withZone('Australia/Sydney', '7a1c2e34-5b6d-4e7f-8a9b-0c1d2e3f4a5b', 'Elm Street Sydney'),
    cover: "Australia/Sydney (the site's local time)",
    // 16:05Z + 10 h (AEST) is 02:05 the next day.
    surveyed: '15 Jul 2026',
    measured: 'Measured 15 Jul 2026, 02:05 (UTC+10:00)',
    // 18:00Z + 11 h (AEDT, since 4 Oct) is 05:00 the next day.
    watchStarted: 'Started 21 Nov 2026, 05:00 (UTC+11:00)',
    drop: '05:00:30–05:00:40 (UTC+11:00)',
    failedCheck: '05:01:00 (UTC+11:00) DNS h3-hermes-',
    legend: 'times in Australia/Sydney (UTC+11:00)',
    // 2026-02-14T10:12Z + 11 h (AEDT in February).
    chargerRead: 'read 14 Feb 2026, 21:12 (UTC+11:00)',
    calibrationSet: 'set 14 Feb 2026, 21:20 (UTC+11:00)'
  },
  {
    label: 'not recorded',
    survey: () => withZone(null, '8b2d3f45-6c7e-4f80-9bac-1d2e3f4a5b6c', 'Elm Street Unzoned'),
    cover: "UTC (the site's time zone was not recorded)",
    surveyed: '14 Jul 2026',
    measured: 'Measured 14 Jul 2026, 16:05 (UTC+00:00)',
    watchStarted: 'Started 20 Nov 2026, 18:00 (UTC+00:00)',
    drop: '18:00:30–18:00:40 (UTC+00:00)',
    failedCheck: '18:01:00 (UTC+00:00) DNS h3-hermes-',
    legend: 'times in UTC',
    chargerRead: 'read 14 Feb 2026, 10:12 (UTC+00:00)',
    calibrationSet: 'set 14 Feb 2026, 10:20 (UTC+00:00)'
  }
]

describe.skipIf(skip)("report: times in the site's zone with its offset (issue 16 item 7)", () => {
  const dir = mkdtempSync(join(tmpdir(), 'wc-report-times-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it.each(CASES)('the PDF, site zone $label: the cover names the zone, the location page gives each time with its offset', async (c) => {
    const from = join(dir, `${c.label.replace(/\W+/g, '-')}.wcsurvey`)
    writeFileSync(from, JSON.stringify(c.survey(), null, 2))
    const pdf = from.replace(/\.wcsurvey$/, '.pdf')
    const r = await cli([from, '-o', pdf, '--quiet'])
    expect(r, r.stderr).toMatchObject({ code: 0 })
    const pages = (await pdfText(pdf, 'raw')).split('\f').map(flat)
    const cover = pages[0] ?? ''
    expect(cover).toContain(`TIMES SHOWN IN ${c.cover}`)
    expect(cover).toContain(`SURVEYED ${c.surveyed}`)
    expect(cover).toContain(`last measurement ${c.surveyed}`)
    const location = pages.find((p) => p.includes('Measured ') && p.includes('Basement – bay 3')) ?? ''
    expect(location).toContain(c.measured)
    const all = pages.join(' ')
    expect(all).toContain(c.watchStarted)
    expect(all).toContain(c.legend)
    // The watch figures and the WIFI-STABLE finding's evidence, in the same zone.
    expect(all).toContain(`1: ${c.drop}`)
    expect(all).toContain(`1 drop: ${c.drop}`)
    expect(all).toContain(c.failedCheck)
    // The chargers page: the first charger's reading (2026-02-14T10:12Z) and the calibration (10:20Z).
    expect(all).toContain(c.chargerRead)
    expect(all).toContain(c.calibrationSet)
    // No time left in bare UTC where the site has a zone.
    if (c.label !== 'not recorded') expect(all).not.toMatch(/\(UTC\+00:00\)|\d\d:\d\d:\d\d UTC\b/)
  }, 240000)
})

describe.skipIf(skip)("the app: the survey's times in the site's zone (issue 16 item 7)", () => {
  const app = useBrowserApp({ surveys: { 'elm.wcsurvey': V9 } })

  it('survey page (history, watch timeline and figures, WIFI-STABLE) and the Report preview, in America/New_York with offsets', async () => {
    const { page, errors, cspViolations } = await app.open({ width: 1366, height: 768 })
    await openSurveyNamed(page, 'Elm Street Offices')
    const detail = page.locator('section.location-detail')
    await detail.getByRole('heading', { name: 'Basement – bay 3', level: 2 }).waitFor()
    const history = detail.getByRole('table', { name: 'Measurement history, newest first' })
    expect(await history.textContent()).toContain('14 Jul 2026, 12:05 (UTC-04:00)')
    const watch = detail.getByRole('region', { name: 'Watch this stall' })
    const watchText = (await watch.textContent()) ?? ''
    expect(watchText).toContain('1: 13:00:30–13:00:40 (UTC-05:00)')
    expect(watchText).toContain('5 run, 1 failed: 13:01:00 (UTC-05:00) DNS h3-hermes-prd.sn.tesla.services')
    expect(watchText).toContain('times in America/New_York (UTC-05:00)')
    // The axis: the first tick is the start, 13:00 on the site's clock (never 18:00, UTC).
    const ticks = await watch.locator('.watch-timeline svg > text').allTextContents()
    expect(ticks).toContain('13:00')
    expect(ticks).not.toContain('18:00')
    expect((await detail.textContent()) ?? '').not.toMatch(/\d\d:\d\d:\d\d UTC\b/)
    if (process.env.WC_SHOTS) await watch.screenshot({ path: join(process.env.WC_SHOTS, 'watch-site-zone.png') })

    await page.getByRole('button', { name: 'Report', exact: true }).click()
    const preview = page.locator('.rpt').first()
    await preview.getByText('Measured 14 Jul 2026, 12:05 (UTC-04:00)', { exact: false }).waitFor()
    const text = (await preview.textContent()) ?? ''
    expect(text).toContain('Started 20 Nov 2026, 13:00 (UTC-05:00)')
    expect(text).toContain("America/New_York (the site's local time)")
    expect(errors).toEqual([])
    expect(cspViolations).toEqual([])
  })
})
