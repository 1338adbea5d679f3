/**
 * The Electron guards with stand-ins for Electron's objects: navigation stays in the app, new
 * windows are denied (http(s) goes to the OS browser, nothing else), permissions are denied, every
 * response gets the CSP, and app:// serves the renderer folder only.
 */
import { EventEmitter } from 'node:events'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { tempDir } from '../survey/helpers'

const opened: string[] = []
let protocolHandler: ((request: Request) => Promise<Response>) | null = null
vi.mock('electron', () => ({
  BrowserWindow: class {},
  shell: {
    openExternal: async (url: string) => {
      opened.push(url)
    }
  },
  protocol: {
    registerSchemesAsPrivileged: () => undefined,
    handle: (_scheme: string, fn: (request: Request) => Promise<Response>) => {
      protocolHandler = fn
    }
  }
}))

const { guardSession, guardWebContents } = await import('../../../src/main/electron/window')
const { handleAppProtocol } = await import('../../../src/main/electron/app-protocol')

/** A WebContents stand-in: an EventEmitter with a window-open handler slot. */
class FakeContents extends EventEmitter {
  openHandler: ((d: { url: string }) => { action: string }) | null = null
  setWindowOpenHandler(fn: (d: { url: string }) => { action: string }): void {
    this.openHandler = fn
  }
}

function navigate(contents: FakeContents, event: string, url: string): boolean {
  let prevented = false
  contents.emit(event, { preventDefault: () => (prevented = true) }, url)
  return prevented
}

describe('guardWebContents', () => {
  const contents = new FakeContents()
  guardWebContents(contents as never, null) // the guard uses only on() and setWindowOpenHandler()

  it.each([
    ['app://wc-site-survey/index.html', false],
    ['app://evil/index.html', true],
    ['https://evil.example/', true],
    ['file:///etc/passwd', true],
    ['javascript:alert(1)', true]
  ])('will-navigate and will-redirect to %s: prevented %s', (url, prevented) => {
    expect(navigate(contents, 'will-navigate', url)).toBe(prevented)
    expect(navigate(contents, 'will-redirect', url)).toBe(prevented)
  })

  it('denies every new window; only http(s) reaches the OS browser', async () => {
    for (const url of ['https://www.tesla.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'app://wc-site-survey/index.html', 'smb://host/share']) {
      expect(contents.openHandler?.({ url })).toEqual({ action: 'deny' })
    }
    await Promise.resolve()
    expect(opened).toEqual(['https://www.tesla.com/'])
  })

  it('refuses webviews', () => {
    expect(navigate(contents, 'will-attach-webview', '')).toBe(true)
  })
})

describe('guardSession', () => {
  it('denies permissions and adds the CSP to every response', () => {
    const calls: Record<string, (...a: never[]) => unknown> = {}
    const session = {
      setPermissionRequestHandler: (fn: never) => (calls.request = fn),
      setPermissionCheckHandler: (fn: never) => (calls.check = fn),
      setDevicePermissionHandler: (fn: never) => (calls.device = fn),
      webRequest: { onHeadersReceived: (fn: never) => (calls.headers = fn) }
    }
    guardSession(session as never) // only these four members are used
    const decisions: boolean[] = []
    ;(calls.request as (c: unknown, p: string, cb: (ok: boolean) => void) => void)(null, 'geolocation', (ok) => decisions.push(ok))
    expect(decisions).toEqual([false])
    // Cast: the captured handlers, typed as Electron declares them.
    expect((calls.check as () => boolean)()).toBe(false)
    expect((calls.device as () => boolean)()).toBe(false)
    let headers: Record<string, string[]> = {}
    // Cast: the captured handler, typed as Electron declares it.
    ;(calls.headers as (d: unknown, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void)(
      { responseHeaders: { 'X-Other': ['1'] } },
      (r) => (headers = r.responseHeaders)
    )
    expect(headers['X-Other']).toEqual(['1'])
    expect(headers['Content-Security-Policy']?.[0]).toMatch(/^default-src 'self'; script-src 'self'/)
  })
})

describe('app:// protocol', () => {
  const dir = tempDir()
  const renderer = join(dir, 'renderer')
  mkdirSync(renderer)
  writeFileSync(join(renderer, 'index.html'), '<title>app</title>')
  writeFileSync(join(dir, 'secret.txt'), 'secret')
  handleAppProtocol(renderer)
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it.each([
    ['app://wc-site-survey/index.html', 200],
    ['app://wc-site-survey/', 200],
    ['app://wc-site-survey/../secret.txt', 404],
    ['app://wc-site-survey/%2e%2e/secret.txt', 404],
    ['app://other-host/index.html', 404]
  ])('%s → %s', async (url, status) => {
    const response = await protocolHandler?.(new Request(url))
    expect(response?.status).toBe(status)
    if (status === 200) {
      expect(response?.headers.get('content-security-policy')).toMatch(/object-src 'none'/)
      expect(await response?.text()).toBe('<title>app</title>')
    }
  })
})
