/**
 * Headless Chromium through playwright-core: the installed browser found by `findChromium`,
 * launched with nothing that talks to the network on its own, one page per job.
 */
import { chromium, type Browser, type Page } from 'playwright-core'
import { PAGE_READY_TIMEOUT_MS, ReportPageError, type PageRenderer, type PdfPrintOptions } from './page-renderer'

/** Flags that keep Chromium quiet and off the network (common.md; no sandbox only as root). */
function launchArgs(): string[] {
  const args = ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-extensions']
  // Chromium's sandbox refuses to start as root (CI, containers); a normal user keeps it.
  if (typeof process.getuid === 'function' && process.getuid() === 0) args.unshift('--no-sandbox')
  return args
}

async function waitReady(page: Page): Promise<void> {
  const html = page.locator('html[data-report-state="ready"], html[data-report-state="error"]')
  await html.waitFor({ state: 'attached', timeout: PAGE_READY_TIMEOUT_MS })
  if ((await html.getAttribute('data-report-state')) === 'error') {
    throw new ReportPageError((await html.getAttribute('data-report-error')) ?? 'The report page could not render the survey.')
  }
}

/** Launches the browser at `executablePath`; rejects when it cannot start. */
export async function launchPlaywrightRenderer(executablePath: string): Promise<PageRenderer> {
  const browser: Browser = await chromium.launch({ executablePath, headless: true, args: launchArgs(), timeout: 30_000 })
  const context = await browser.newContext({ javaScriptEnabled: true, acceptDownloads: false, serviceWorkers: 'block', timezoneId: 'UTC', locale: 'en-US' })
  // No request interception: the print page's CSP already limits it to its own origin, and
  // routing every request through Playwright would slow each export down.
  const withPage = async <T>(url: string, viewport: { width: number; height: number }, job: (page: Page) => Promise<T>): Promise<T> => {
    const page = await context.newPage()
    try {
      await page.setViewportSize(viewport)
      page.on('dialog', (dialog) => void dialog.dismiss())
      await page.goto(url, { waitUntil: 'load', timeout: PAGE_READY_TIMEOUT_MS })
      await waitReady(page)
      return await job(page)
    } finally {
      await page.close()
    }
  }

  return {
    printToPdf: (url: string, options: PdfPrintOptions) =>
      withPage(url, { width: 1000, height: 1300 }, async (page) => {
        const mm = (n: number): string => `${n}mm`
        return page.pdf({
          format: options.paper,
          preferCSSPageSize: true,
          printBackground: true,
          displayHeaderFooter: true,
          headerTemplate: options.headerTemplate,
          footerTemplate: options.footerTemplate,
          // No tagged PDF or outline: they build Chromium's accessibility tree for every page and
          // made a 50-location report half again as slow (scripts/bench/report.ts).
          margin: { top: mm(options.marginsMm.top), right: mm(options.marginsMm.right), bottom: mm(options.marginsMm.bottom), left: mm(options.marginsMm.left) }
        })
      }),
    capturePng: (url, size) =>
      withPage(url, { width: size.width, height: size.height }, (page) =>
        page.screenshot({ type: 'png', clip: { x: 0, y: 0, width: size.width, height: size.height }, animations: 'disabled' })
      ),
    close: () => browser.close()
  }
}
