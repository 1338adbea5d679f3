/**
 * Browser mode's token stays with the app (issue 17 item 6), in Chromium: cookies ignore ports, so
 * a token kept in one would reach every server on 127.0.0.1 and could be set or overwritten by a
 * page there. A recording server on another loopback port, visited in the same browser profile,
 * never sees the token; its page sets a `wc_token` cookie and tosses the cookie jar; the app
 * still works after a reload, events (the ticketed SSE stream) included.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { skipBrowserTier, useBrowserApp } from './support/app'
import type { WatchedPage } from './support/browser'

const skip = skipBrowserTier()

/** What the other server saw: every request line and header, raw. */
interface Seen {
  readonly url: string
  readonly headers: readonly string[]
}

/** The page on the other port: floods the jar (Chromium keeps 180 per host) to evict every older cookie, then sets `wc_token`. */
const HOSTILE_PAGE = `<!doctype html><title>other</title><script>
for (let i = 0; i < 400; i++) document.cookie = 'toss' + i + '=x; path=/'
document.cookie = 'wc_token=overwritten-by-another-port; path=/'
fetch('/after-cookies').then(() => { document.title = 'done' })
</script>`

describe.skipIf(skip)('browser mode: the token stays with the app', () => {
  const fixture = useBrowserApp({ env: { WC_SURVEY_SCANNER: 'replay' } })
  let other: Server
  let otherOrigin: string
  const seen: Seen[] = []

  beforeAll(async () => {
    other = createServer((request, response) => {
      seen.push({ url: request.url ?? '', headers: request.rawHeaders })
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
      response.end(request.url === '/' ? HOSTILE_PAGE : 'ok')
    })
    await new Promise<void>((r) => other.listen(0, '127.0.0.1', r))
    otherOrigin = `http://127.0.0.1:${(other.address() as AddressInfo).port}` // a TCP listener's address is AddressInfo
  })
  afterAll(async () => {
    await new Promise((r) => other?.close(r))
  })

  // From the fragment (or a query, as the cookie-based design printed it: so this test fails on that design for the leak, not for the URL's shape).
  const token = (): string => new URL(fixture.server.url).hash.replace('#token=', '') || (new URL(fixture.server.url).searchParams.get('token') ?? '')

  it('the token leaves the address bar, and a server on another port never receives it', async () => {
    expect(token()).toMatch(/^[A-Za-z0-9_-]{43}$/)
    const watched: WatchedPage = await fixture.open()
    const { page } = watched
    await page.getByRole('heading', { name: 'Survey library' }).waitFor()
    expect(page.url()).toBe(`${fixture.server.origin}/`)
    await page.getByRole('button', { name: 'Open the sample survey' }).click()
    await page.getByRole('button', { name: 'Edit survey' }).waitFor()

    // The same browser profile visits the other port, as a technician's other tab would.
    const visitor = await page.context().newPage()
    await visitor.goto(`${otherOrigin}/`)
    await visitor.waitForFunction("document.title === 'done'") // page-side code as text: this file has no DOM types
    await visitor.goto(`${otherOrigin}/second-visit`)

    expect(seen.map((s) => s.url)).toEqual(expect.arrayContaining(['/', '/after-cookies', '/second-visit']))
    for (const request of seen) {
      for (const value of [request.url, ...request.headers]) expect(value).not.toContain(token())
    }
    // The other page did plant its cookie: proof the attack ran, and that it now carries nothing of ours.
    const cookies = await page.context().cookies(`${fixture.server.origin}/`)
    expect(cookies.find((c) => c.name === 'wc_token')?.value).toBe('overwritten-by-another-port')
    expect(cookies.map((c) => c.value)).not.toContain(token())
    expect(watched.errors).toEqual([])
    await visitor.close()
  })

  it('after the other page overwrote wc_token and tossed the jar, the app still works after a reload, events included', async () => {
    const watched = await fixture.open()
    const { page } = watched
    await page.getByRole('heading', { name: 'Survey library' }).waitFor()
    const visitor = await page.context().newPage()
    await visitor.goto(`${otherOrigin}/`)
    await visitor.waitForFunction("document.title === 'done'") // page-side code as text: this file has no DOM types
    await visitor.close()

    await page.reload()
    // The sample survey opened in the first test is listed: requests are authorised after the reload.
    await page.getByRole('button', { name: /Harbour Point/ }).first().waitFor()
    // Live scan: samples arrive over the event stream, opened with a fresh single-use ticket.
    await page.getByRole('button', { name: 'Live scan' }).click()
    const start = page.getByRole('button', { name: 'Start scanning' })
    if (await start.isVisible()) await start.click()
    await page.getByText(/· [1-9]\d* scans · [1-9]\d* BSS/).waitFor({ timeout: 30000 })
    await page.getByRole('button', { name: 'Stop scanning' }).click()
    expect(watched.errors).toEqual([])
    expect(watched.cspViolations).toEqual([])
  })
})
