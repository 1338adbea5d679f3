// The technician's firewall walk in browser mode, run inside a lab namespace (Chromium must reach
// that namespace's 127.0.0.1). Prints one JSON object of what the page showed; the test
// (connectivity-keep.test.ts) holds the expectations.
// Usage: node connectivity-walk.mjs <app-url> keep|nothing|review [screenshot-dir]
import { chromium } from 'playwright-core'

const [url, mode, shots] = process.argv.slice(2)
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
})
const seen = {}
const errors = []
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } })
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
  await page.goto(url)
  const text = (locator) => locator.first().textContent()
  const runCheck = async () => {
    await page.getByRole('button', { name: 'Connectivity', exact: true }).click()
    await page.getByRole('button', { name: /^(Run firewall check|Run again)$/ }).click()
    await page.getByRole('button', { name: 'Run again' }).waitFor({ timeout: 60000 })
  }
  if (mode === 'review') {
    // A survey open for review: a finished run cannot be kept with a stall, so leaving asks.
    await page.getByRole('button', { name: 'New survey' }).first().click()
    await page.getByLabel('Site name').fill('Lab review garage')
    await page.getByLabel('Target network (SSID)').fill('HarbourPoint-EV')
    await page.getByRole('button', { name: 'Create survey' }).click()
    await page.getByLabel('New location name').fill('P1 – stall 1')
    await page.getByRole('button', { name: 'Add location' }).click()
    await page.getByRole('heading', { name: 'P1 – stall 1', level: 2 }).waitFor()
    await page.getByText(/^Saved \d\d:\d\d:\d\d$/).waitFor()
    await page.getByRole('button', { name: 'Close' }).click()
    await page.getByRole('button', { name: 'Lab review garage', exact: true }).click()
    await page.getByText('Review mode — this survey is read-only').waitFor()
    await runCheck()
    seen.unkept = await text(page.locator('.banner-warning .banner-title'))
    seen.unkeptWhy = await text(page.locator('.banner-warning .banner-text'))
    // Leave at once (a reload), answering Stay: the browser's prompt, the run still on screen.
    seen.dialogs = []
    page.on('dialog', (d) => {
      seen.dialogs.push(d.type())
      void d.dismiss()
    })
    void page.reload({ timeout: 10000 }).catch(() => undefined)
    for (let i = 0; i < 100 && seen.dialogs.length === 0; i++) await new Promise((r) => setTimeout(r, 100))
    seen.stillThere = await page.getByRole('button', { name: 'Run again' }).count()
    if (shots) await page.screenshot({ path: `${shots}/connectivity-unkept.png` })
  } else if (mode === 'nothing') {
    await runCheck()
    seen.alert = await text(page.getByRole('alert'))
    seen.foldOpen = await page.locator('details.probe-fold').first().evaluate((d) => d.open)
    seen.visibleRows = await page.locator('.probe-table tr.probe-main').filter({ visible: true }).count()
    seen.rows = await page.locator('.probe-table tr.probe-main').count()
    if (shots) await page.screenshot({ path: `${shots}/connectivity-nothing.png` })
  } else {
    await page.getByRole('button', { name: 'New survey' }).first().click()
    await page.getByLabel('Site name').fill('Lab garage')
    await page.getByLabel('Target network (SSID)').fill('HarbourPoint-EV')
    await page.getByLabel('Billed').check()
    await page.getByRole('button', { name: 'Create survey' }).click()
    for (const name of ['P1 – stall 1', 'P1 – stall 2']) {
      await page.getByLabel('New location name').fill(name)
      await page.getByRole('button', { name: 'Add location' }).click()
      await page.getByRole('button', { name: 'Measure', exact: true }).click()
      await page.getByRole('heading', { name: 'Measurements' }).waitFor({ timeout: 60000 })
    }
    await page.getByRole('button', { name: /P1 – stall 1/ }).click()
    await page.getByRole('heading', { name: 'P1 – stall 1', level: 2 }).waitFor()
    await runCheck()
    // Kept without a save: leave at once for the Survey page.
    seen.kept = await text(page.locator('.banner-success .banner-title'))
    if (shots) await page.screenshot({ path: `${shots}/connectivity-kept.png` })
    await page.getByRole('button', { name: 'Survey', exact: true }).click()
    const cards = page.locator('section.location-detail .loc-finding .req-id')
    seen.stall1Cards = await cards.allTextContents()
    await page.getByRole('button', { name: /P1 – stall 2/ }).click()
    await page.getByRole('heading', { name: 'P1 – stall 2', level: 2 }).waitFor()
    seen.stall2Todo = await text(page.getByRole('group', { name: 'Firewall not checked' }))
    // Close and reopen from the library: read-only review, the run still there.
    await page.getByRole('button', { name: 'Close' }).click()
    await page.getByRole('button', { name: 'Lab garage', exact: true }).click()
    await page.getByText('Review mode — this survey is read-only').waitFor()
    await page.getByRole('button', { name: 'Connectivity', exact: true }).click()
    const saved = page.getByRole('list', { name: /Probe runs saved in the survey/ })
    seen.savedStalls = await saved.locator('.probe-saved-stall').allTextContents()
    await saved.getByRole('button', { name: 'Review' }).click()
    seen.reviewing = await text(page.locator('.banner-info .banner-title'))
    seen.reviewRows = await page.locator('.probe-table tr.probe-main').count()
    if (shots) await page.screenshot({ path: `${shots}/connectivity-review.png` })
  }
} catch (error) {
  seen.failure = String(error)
} finally {
  seen.errors = errors
  process.stdout.write(`${JSON.stringify(seen)}\n`)
  await browser.close()
}
