// Screenshot of the Connectivity page in browser mode after a partly blocked run. Runs inside the
// lab's client namespace (Chromium must reach that namespace's 127.0.0.1).
// Usage: node connectivity-shot.mjs <app-url> <out.png>
import { chromium } from 'playwright-core'

const [url, out] = process.argv.slice(2)
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
})
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1100 } })
  await page.goto(url)
  await page.getByRole('button', { name: 'Connectivity' }).click()
  await page.getByRole('button', { name: /Run firewall check/ }).click()
  await page.getByRole('button', { name: /Run again/ }).waitFor({ timeout: 20000 })
  // Open the evidence of the first failure, as a technician would.
  await page.locator('.probe-table details').first().evaluate((d) => { d.open = true })
  await page.screenshot({ path: out, fullPage: true })
  process.stdout.write(`screenshot: ${out}\n`)
} finally {
  await browser.close()
}
