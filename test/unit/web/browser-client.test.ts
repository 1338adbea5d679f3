/**
 * The renderer's browser client against the real web server and the real survey handlers:
 * requests round-trip, failures surface with the status, events arrive, the stream reconnects.
 */
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
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
  readonly handlers = new Map<string, (e: { data: string }) => void>()
  constructor(readonly url: string) {
    FakeEventSource.all.push(this)
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

function client(token: string, timers: Array<() => void> = []) {
  return createBrowserClient({
    // The page fetches same-origin with its cookie; here: absolute URL and a bearer token.
    fetch: (input, init) => fetch(`http://127.0.0.1:${server.port}${String(input)}`, { ...init, headers: { ...(init?.headers as Record<string, string>), Authorization: `Bearer ${token}` } }),
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

  it('delivers events to subscribers, drops malformed frames, and reconnects a closed stream', () => {
    FakeEventSource.all = []
    const timers: Array<() => void> = []
    const api = client(server.token, timers)
    const seen: unknown[] = []
    const off = api.on('app:command', (c) => seen.push(c))
    const [es] = FakeEventSource.all
    expect(es?.url).toBe('/api/events')
    es?.fire('app:command', '{"command":"about","path":null}')
    es?.fire('app:command', '{broken')
    expect(seen).toEqual([{ command: 'about', path: null }])
    if (es) es.readyState = 2
    es?.onerror?.()
    expect(timers).toHaveLength(1)
    timers[0]?.()
    expect(FakeEventSource.all).toHaveLength(2)
    FakeEventSource.all[1]?.fire('app:command', '{"command":"library","path":null}')
    off()
    FakeEventSource.all[1]?.fire('app:command', '{"command":"open","path":null}')
    expect(seen).toEqual([
      { command: 'about', path: null },
      { command: 'library', path: null }
    ])
    expect(() => api.on('nope' as 'app:command', () => undefined)).toThrow(/Unknown event/)
  })
})
