/**
 * The README walk (issue 16): every screenshot at 1366 × 768, a typical field laptop. The survey
 * library with a few surveys, New survey, the survey editor, the map on level P2, Compliance and
 * the IT handout on the sample survey, Settings with the surveying company; with the demo replay: Live scan on arrival (scanning,
 * Measure at the current stall), its channel charts, and the target-network picker; then page 1 of
 * the sample's PDF (`wc-survey report`, drawn by pdftoppm).
 * Needs a build (`npm run build`), Chromium and poppler-utils.
 * Run: `npx tsx scripts/screenshots.ts [outDir]`.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PROJECT_ROOT } from '../test/e2e/support/server'
import { screenshotSession } from './screenshot-session'

const outDir = process.argv[2] ?? join(PROJECT_ROOT, 'assets', 'screenshots')
mkdirSync(outDir, { recursive: true })

/** A few plausible surveys next to the sample, so the library shows sorting, verdicts and counts. */
function seedLibrary(surveysDir: string): void {
  mkdirSync(surveysDir, { recursive: true })
  // Cast: our own shipped sample survey; only the fields read below are named.
  const sample = JSON.parse(readFileSync(join(PROJECT_ROOT, 'assets', 'sample-survey.wcsurvey'), 'utf8')) as {
    id: string
    updatedAt: string
    site: Record<string, string>
    targetSsid: string
    locations: { measurements: unknown[] }[]
  }
  const variants = [
    { file: 'northgate-depot.wcsurvey', name: 'Northgate Bus Depot', customer: 'Metro Transit Fleet Services', ssid: 'NG-Depot-IoT', keep: 3, measured: true, at: '2026-11-18T14:22:00.000Z' },
    { file: 'riverside-offices.wcsurvey', name: 'Riverside Offices – basement', customer: 'Riverside Estates', ssid: 'RS-Facilities', keep: 2, measured: false, at: '2026-11-21T09:41:00.000Z' },
    { file: 'lakeview-hotel.wcsurvey', name: 'Lakeview Hotel valet garage', customer: 'Lakeview Hospitality', ssid: 'HarbourPoint-EV', keep: 1, measured: true, at: '2026-11-12T16:05:00.000Z' }
  ]
  variants.forEach((v, i) => {
    const s = structuredClone(sample)
    s.id = `00000000-0000-4000-8000-00000000000${i}`
    s.updatedAt = v.at
    s.site = { ...s.site, name: v.name, customer: v.customer, notes: '' }
    s.targetSsid = v.ssid
    s.locations = s.locations.slice(0, v.keep).map((l) => (v.measured ? l : { ...l, measurements: [] }))
    writeFileSync(join(surveysDir, v.file), JSON.stringify(s, null, 2))
  })
  // One damaged file: the library shows why it cannot be read, on its own row.
  writeFileSync(join(surveysDir, 'old-export.wcsurvey'), '{"schemaVersion":2,"site":')
}

const LAPTOP = { width: 1366, height: 768 } as const
// One data folder for the whole walk: the company set on the Settings page is on the PDF's page 1.
const dataDir = mkdtempSync(join(tmpdir(), 'wc-shots-'))

await screenshotSession({ ...LAPTOP, dataDir }, async (page, server) => {
  seedLibrary(server.surveysDir)
  await page.goto(server.url)
  await page.getByRole('heading', { name: 'Survey library' }).waitFor()

  // Opening the sample copies it into the library; come back to show it listed.
  await page.getByRole('button', { name: 'Open the sample survey' }).click()
  await page.getByRole('heading', { name: 'Locations' }).waitFor()
  await page.getByRole('button', { name: 'Close' }).click()
  await page.getByRole('table').waitFor()
  await page.waitForTimeout(300)
  await page.screenshot({ path: join(outDir, 'library.png') })

  await page.getByRole('button', { name: 'New survey' }).first().click()
  await page.getByLabel('Site name').fill('Depot 7 – staff car park')
  await page.screenshot({ path: join(outDir, 'new-survey.png') })
  await page.getByRole('button', { name: 'Cancel' }).click()

  await page.getByRole('button', { name: 'Harbour Point Garage', exact: true }).click()
  await page.getByRole('heading', { name: 'Locations' }).waitFor()
  await page.getByRole('button', { name: 'Edit survey' }).click()
  await page.getByRole('button', { name: /Level P2 – stall 14/ }).click()
  await page.waitForTimeout(300)
  await page.screenshot({ path: join(outDir, 'survey-editor.png') })
  // The garage map: level P2, stall 14 selected.
  await page.getByRole('button', { name: 'Map', exact: true }).click()
  await page.getByRole('tab', { name: 'P2' }).click()
  await page.locator('.map-pin[aria-label^="Level P2 – stall 14"] .map-pin-body').click()
  await page.waitForTimeout(500)
  await page.screenshot({ path: join(outDir, 'map.png') })
  await page.getByRole('button', { name: 'Compliance', exact: true }).click()
  await page.getByRole('heading', { level: 1 }).waitFor()
  await page.waitForTimeout(500)
  await page.screenshot({ path: join(outDir, 'compliance.png') })
  await page.getByRole('button', { name: 'IT handout', exact: true }).click()
  await page.getByRole('heading', { level: 1 }).waitFor()
  await page.waitForTimeout(500)
  await page.screenshot({ path: join(outDir, 'it-handout.png') })
  // The surveying company, as a site manager sets it up once for every report.
  await page.getByRole('button', { name: 'Settings', exact: true }).click()
  await page.getByLabel('Company name').fill('Northbay EV Installations Ltd')
  await page.getByLabel('Phone').fill('+44 20 7946 0321')
  await page.getByLabel('Email').fill('surveys@northbay-ev.example')
  await page.getByLabel('Website').fill('northbay-ev.example')
  await page.getByLabel('Address').fill('Unit 4, Dockside Works\nLondon E14 9XP')
  await page.locator('input[type=file]').setInputFiles(join(PROJECT_ROOT, 'assets', 'build', 'icon.png'))
  await page.getByRole('img', { name: /^Logo of / }).waitFor()
  await page.getByRole('button', { name: 'Save company', exact: true }).click()
  await page.getByText(/^Saved in /).waitFor()
  await page.mouse.wheel(0, -10000)
  await page.waitForTimeout(300)
  await page.screenshot({ path: join(outDir, 'settings.png') })
})

// The technician's laptop with the demo replay scanning: the picker, then Live scan on arrival.
await screenshotSession({ width: 1366, height: 768, env: { WC_SURVEY_SCANNER: 'replay' } }, async (page, server) => {
  await page.goto(server.url)
  await page.getByRole('button', { name: 'Open the sample survey' }).click()
  await page.getByRole('heading', { name: 'Locations' }).waitFor()
  await page.getByRole('button', { name: 'Edit survey' }).click()
  await page.getByRole('button', { name: /Level P2 – stall 14/ }).click()
  // Live scan first: it scans on arrival, and the picker then offers what the live scan hears.
  await page.getByRole('button', { name: 'Live scan', exact: true }).click()
  await page.getByText(/ · [1-9]\d* BSS$/).waitFor({ timeout: 30000 })
  await page.waitForTimeout(2500)
  await page.screenshot({ path: join(outDir, 'live-arrival.png') })
  // Further down the same page: the channel charts with every BSS the replay hears.
  await page.getByRole('region', { name: 'Channel charts' }).scrollIntoViewIfNeeded()
  await page.waitForTimeout(1500)
  await page.screenshot({ path: join(outDir, 'live-view.png') })
  await page.mouse.wheel(0, -10000)
  await page.getByRole('button', { name: 'Survey', exact: true }).click()
  await page.getByRole('button', { name: 'Edit details' }).click()
  await page.getByRole('combobox', { name: 'Target network (SSID)' }).focus()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  await page.getByRole('listbox').waitFor()
  await page.screenshot({ path: join(outDir, 'target-picker.png') })
})
// Page 1 of the sample's PDF as the site manager hands it over, with the company set above.
try {
  const pdf = join(dataDir, 'report.pdf')
  execFileSync(process.execPath, [join(PROJECT_ROOT, 'bin', 'wc-survey.js'), 'report', join(PROJECT_ROOT, 'assets', 'sample-survey.wcsurvey'), '-o', pdf], {
    env: { ...process.env, WC_SURVEY_DATA_DIR: dataDir },
    stdio: ['ignore', 'ignore', 'inherit']
  })
  execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '110', '-png', '-singlefile', pdf, join(outDir, 'report-page1')])
} finally {
  rmSync(dataDir, { recursive: true, force: true })
}
process.stdout.write(`screenshots written to ${outDir}\n`)
