/**
 * The renderer's browser client against the real web server and the real survey handlers:
 * requests round-trip, failures surface with the status, events arrive, the stream reconnects.
 */
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Handlers } from '../../../src/shared/contract'
import { createSurveyHandlers } from '../../../src/main/survey/handlers'
import { startWebServer, type WebServer } from '../../../src/main/web/server'
import { createBrowserClient } from '../../../src/renderer/src/api/browser-client'
import { tempDir } from '../survey/helpers'

/** A stand-in EventSource (Node 20 has none) that the test drives by hand. */
class FakeEventSource {
  static all: FakeEventSource[] = []
  readyState = 0
  onopen: (() => void) | null = null
  onerror: (() => void) | null = null
  closed = false
  readonly handlers = new Map<string, (e: { data: string }) => void>()
  constructor(readonly url: string) {
    FakeEventSource.all.push(this)
  }
  close(): void {
    this.closed = true
    this.readyState = 2
  }
  addEventListener(name: string, fn: (e: { data: string }) => void): void {
    this.handlers.set(name, fn)
  }
  fire(name: string, data: string): void {
    this.handlers.get(name)?.({ data })
  }
}

let dir: string
let server: WebServer
beforeAll(async () => {
  dir = tempDir()
  const { handlers } = createSurveyHandlers({
    emit: () => undefined,
    dataDir: dir,
    platform: 'linux',
    env: {},
    appVersion: '1.2.3',
    mode: 'browser',
    rendererDir: dir,
    assetsDir: dir,
    desktop: null
  })
  // Only the survey handlers are needed here; other names are never called.
  server = await startWebServer({ handlers: handlers as Handlers, rendererDir: dir })
})
afterAll(async () => {
  await server.close()
  rmSync(dir, { recursive: true, force: true })
})

/** Every fetch the client made: path and headers. */
const fetched: Array<{ path: string; headers: Record<string, string> }> = []

function client(token: string, timers: Array<() => void> = []) {
  return createBrowserClient({
    token,
    // The page fetches same-origin paths; here they go to the test server's absolute URL.
    fetch: (input, init) => {
      fetched.push({ path: String(input), headers: init?.headers as Record<string, string> }) // the client passes a plain object
      return fetch(`http://127.0.0.1:${server.port}${String(input)}`, init)
    },
    createEventSource: (url) => new FakeEventSource(url) as unknown as EventSource, // the client uses only the members the fake has
    setTimeout: (fn) => timers.push(fn)
  })
}

describe('browser client', () => {
  it('round-trips requests through the real server', async () => {
    const api = client(server.token)
    expect(await api.request('app:info')).toMatchObject({ version: '1.2.3', mode: 'browser', nativeDialogs: false })
    const created = await api.request('survey:create', { siteName: 'Depot', billingMode: 'free' })
    expect(created).toMatchObject({ ok: true, path: join(dir, 'surveys', 'Depot.wcsurvey') })
    expect((await api.request('survey:list')).map((r) => r.siteName)).toEqual(['Depot'])
  })

  it('turns HTTP failures into errors naming the request and status', async () => {
    await expect(client(server.token).request('survey:open', '')).rejects.toThrow(/survey:open failed \(400\): invalid arguments/)
    await expect(client('wrong').request('app:info')).rejects.toThrow(/app:info failed \(401\).*Open the URL printed by `wc-survey serve` again/)
  })

  it('sends the token as a bearer header and never asks for cookies', async () => {
    fetched.length = 0
    await client(server.token).request('app:info')
    expect(fetched).toEqual([{ path: '/api/request/app%3Ainfo', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` } }])
  })

  it('delivers events to subscribers, drops malformed frames, and reconnects a failed stream with a fresh ticket', async () => {
    FakeEventSource.all = []
    const timers: Array<() => void> = []
    const api = client(server.token, timers)
    const seen: unknown[] = []
    const off = api.on('app:command', (c) => seen.push(c))
    api.on('scan:status', () => undefined) // a second subscriber shares the one stream
    await vi.waitFor(() => expect(FakeEventSource.all).toHaveLength(1))
    const [es] = FakeEventSource.all
    const first = /^\/api\/events\?ticket=([A-Za-z0-9_-]{22})$/.exec(es?.url ?? '')
    expect(first).not.toBeNull()
    es?.fire('app:command', '{"command":"about","path":null}')
    es?.fire('app:command', '{broken')
    expect(seen).toEqual([{ command: 'about', path: null }])
    // A network drop: the browser would retry with the spent ticket; the client closes it and asks anew.
    es?.onerror?.()
    expect(es?.closed).toBe(true)
    expect(timers).toHaveLength(1)
    timers[0]?.()
    await vi.waitFor(() => expect(FakeEventSource.all).toHaveLength(2))
    expect(FakeEventSource.all[1]?.url).toMatch(/^\/api\/events\?ticket=/)
    expect(FakeEventSource.all[1]?.url).not.toBe(es?.url)
    FakeEventSource.all[1]?.fire('app:command', '{"command":"library","path":null}')
    off()
    FakeEventSource.all[1]?.fire('app:command', '{"command":"open","path":null}')
    expect(seen).toEqual([
      { command: 'about', path: null },
      { command: 'library', path: null }
    ])
    // Cast: deliberately a name outside the contract.
    expect(() => api.on('nope' as 'app:command', () => undefined)).toThrow(/Unknown event/)
  })
})
