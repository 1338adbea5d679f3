/**
 * Chromium for browser tests (playwright-core + the Debian chromium): launch it with the team's
 * flags, and open pages that record console errors, uncaught exceptions and CSP violations.
 */
import { existsSync } from 'node:fs'
import { chromium, type Browser, type Page } from 'playwright-core'

export const CHROMIUM_PATH = process.env.WC_SURVEY_CHROMIUM ?? '/usr/bin/chromium'

/** Why Chromium cannot run here, or null when it can. */
export function chromiumMissingReason(): string | null {
  return existsSync(CHROMIUM_PATH) ? null : `Chromium not found at ${CHROMIUM_PATH} (apt-get install chromium)`
}

/** Launches headless Chromium; no network beyond loopback is ever used by the tests. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
  })
}

/** A page plus what went wrong in it. */
export interface WatchedPage {
  readonly page: Page
  /** console.error messages and uncaught exceptions. */
  readonly errors: string[]
  /** Content-Security-Policy violations ("directive: blocked URI"). */
  readonly cspViolations: string[]
}

/**
 * Opens a new page (default 1280×800) that records console errors, page errors and CSP
 * violations from the first script on.
 */
export async function openWatchedPage(browser: Browser, options: { width?: number; height?: number } = {}): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: options.height ?? 800 } })
  const page = await context.newPage()
  const errors: string[] = []
  const cspViolations: string[] = []
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return
    const text = msg.text()
    if (text.startsWith('CSP violation:')) cspViolations.push(text.slice('CSP violation:'.length).trim())
    // Chromium's own report of a blocked resource ("Refused to load … Content Security Policy").
    else if (text.includes('Content Security Policy')) cspViolations.push(text)
    else errors.push(text)
  })
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`))
  // Injected through the DevTools protocol, not as an inline script: the page's CSP still applies to its own code.
  // Page-side code as text: this file is type-checked for Node, which has no DOM types.
  await page.addInitScript({
    content:
      "document.addEventListener('securitypolicyviolation', (e) => " +
      'console.error(`CSP violation: ${e.violatedDirective}: ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`))'
  })
  return { page, errors, cspViolations }
}
