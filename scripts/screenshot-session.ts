/**
 * One README screenshot session: browser mode on a fresh data folder and a watched Chromium page
 * at the given size (`openPage` opens more, at other sizes); afterwards any console error,
 * uncaught exception or CSP violation a page had fails the run (a screenshot of a broken page is
 * no documentation), and everything stops.
 */
import type { Page } from 'playwright-core'
import { launchChromium, openWatchedPage, type WatchedPage } from '../test/e2e/support/browser'
import { startServer, type RunningServer } from '../test/e2e/support/server'

type Size = { readonly width: number; readonly height: number }

export async function screenshotSession(
  options: Size & { readonly env?: NodeJS.ProcessEnv; readonly dataDir?: string },
  shoot: (page: Page, server: RunningServer, openPage: (size: Size) => Promise<Page>) => Promise<void>
): Promise<void> {
  const server = await startServer({ env: options.env, dataDir: options.dataDir })
  const browser = await launchChromium()
  const watched: WatchedPage[] = []
  const openPage = async (size: Size): Promise<Page> => {
    const w = await openWatchedPage(browser, size)
    watched.push(w)
    return w.page
  }
  try {
    await shoot(await openPage(options), server, openPage)
    const problems = watched.flatMap((w) => [...w.errors, ...w.cspViolations])
    if (problems.length > 0) {
      process.stderr.write(`page problems:\n${problems.join('\n')}\n`)
      process.exitCode = 1
    }
  } finally {
    await browser.close()
    await server.stop()
  }
}
