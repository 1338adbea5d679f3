/**
 * A fake Wall Connector: a real HTTP server answering `/api/1/{version,wifi_status,vitals,lifetime}`
 * with the real bodies in test/fixtures/wall-connector-api (byte for byte, SOURCES.md beside them),
 * or with a misbehaviour: silence, a slow answer, 10 MB, an HTML page, a redirect, an error status.
 *
 * In-process: `startFakeCharger({ set: 'real' })`. As a process (lab namespaces, browser tests):
 * `node --import tsx test/support/fake-charger.ts --listen 10.231.2.2:80 --set real`; it prints
 * `listening <address>:<port>` once ready.
 */
import { readFileSync } from 'node:fs'
import { createServer, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { resolve } from 'node:path'

export const FIXTURES = resolve(import.meta.dirname, '../fixtures/wall-connector-api')

/** A fixture body exactly as stored. */
export function fixture(name: string): string {
  return readFileSync(resolve(FIXTURES, name), 'utf8')
}

/** What one endpoint does. */
export type Behaviour =
  | { readonly kind: 'body'; readonly body: string; readonly contentType?: string }
  | { readonly kind: 'silent' }
  | { readonly kind: 'slow'; readonly delayMs: number; readonly body: string }
  | { readonly kind: 'huge'; readonly bytes: number }
  | { readonly kind: 'redirect'; readonly location: string; readonly status?: number }
  | { readonly kind: 'status'; readonly status: number; readonly body?: string }

export type Endpoint = 'version' | 'wifi_status' | 'vitals' | 'lifetime'
export type BodySet = Readonly<Record<Endpoint, Behaviour>>

const body = (name: string): Behaviour => ({ kind: 'body', body: fixture(name), contentType: 'application/json' })

/** A body set: the four answers of one (real or library-test) charger, plus one quirk or fault. */
export function bodySet(name: BodySetName): BodySet {
  const real: BodySet = {
    version: body('version_real_winksaville.json'),
    wifi_status: body('wifi_status_real_winksaville.json'),
    vitals: body('vitals_idle_winksaville.json'),
    lifetime: body('lifetime_real_winksaville.json')
  }
  const html: Behaviour = { kind: 'body', body: '<!DOCTYPE html><html><head><title>Router login</title></head><body><form><input type="password"></form></body></html>', contentType: 'text/html' }
  switch (name) {
    case 'real':
      return real
    case 'einarhauks':
      return {
        version: body('version_einarhauks_test.json'),
        wifi_status: body('wifi_status_base64_einarhauks_test.json'),
        vitals: body('vitals_modern_relay_fields_partial_einarhauks_test.json'),
        lifetime: body('lifetime_einarhauks_test.json')
      }
    case 'bare-nan':
      return { ...real, lifetime: body('QUIRK_lifetime_bare_nan_einarhauks_test.txt') }
    case 'missing-brace':
      return { ...real, lifetime: body('QUIRK_lifetime_missing_end_brace_einarhauks_test.txt') }
    case 'three-phase':
      return { ...real, vitals: body('vitals_3phase_charging_twcmanager_issue292.json') }
    case 'html':
      return { version: html, wifi_status: html, vitals: html, lifetime: html }
    case 'redirect': {
      // A charger that has not joined the LAN sends you to its setup access point.
      const away: Behaviour = { kind: 'redirect', location: 'http://192.168.4.1/setup' }
      return { version: away, wifi_status: away, vitals: away, lifetime: away }
    }
    case 'huge':
      return { ...real, vitals: { kind: 'huge', bytes: 10 * 1024 * 1024 } }
    case 'silent':
      return { version: { kind: 'silent' }, wifi_status: { kind: 'silent' }, vitals: { kind: 'silent' }, lifetime: { kind: 'silent' } }
    case 'not-found':
      return { version: { kind: 'status', status: 404, body: 'Not Found' }, wifi_status: { kind: 'status', status: 404 }, vitals: { kind: 'status', status: 404 }, lifetime: { kind: 'status', status: 404 } }
  }
}

export const BODY_SET_NAMES = ['real', 'einarhauks', 'bare-nan', 'missing-brace', 'three-phase', 'html', 'redirect', 'huge', 'silent', 'not-found'] as const
export type BodySetName = (typeof BODY_SET_NAMES)[number]

/** The vitals fixture for one EVSE state (real captures). */
export const VITALS_BY_STATE: Readonly<Record<number, string>> = {
  1: 'vitals_idle_winksaville.json',
  2: 'vitals_state2_winksaville.json',
  3: 'vitals_state3_winksaville.json',
  7: 'vitals_state7_winksaville.json',
  9: 'vitals_plugged_not_charging_winksaville.json',
  11: 'vitals_charging_winksaville.json'
}

export interface FakeCharger {
  readonly port: number
  readonly address: string
  /** Requests received, by path (to prove what the client asked for). */
  readonly requests: string[]
  /** Replaces one endpoint's behaviour (or all of them) while running. */
  set(endpoint: Endpoint, behaviour: Behaviour): void
  setAll(set: BodySet): void
  close(): Promise<void>
}

function answer(res: ServerResponse, b: Behaviour): void {
  switch (b.kind) {
    case 'body':
      res.writeHead(200, { 'Content-Type': b.contentType ?? 'application/json', 'Content-Length': Buffer.byteLength(b.body) })
      res.end(b.body)
      return
    case 'silent':
      return // keep the connection open and say nothing
    case 'slow':
      setTimeout(() => {
        if (res.destroyed) return
        res.writeHead(200, { 'Content-Type': 'application/json' })
        res.end(b.body)
      }, b.delayMs).unref()
      return
    case 'huge': {
      // No Content-Length: the client must count for itself. Written in 64 KB chunks with back-pressure.
      res.writeHead(200, { 'Content-Type': 'application/json' })
      const chunk = Buffer.alloc(64 * 1024, 0x20)
      let left = b.bytes
      const pump = () => {
        while (left > 0) {
          left -= chunk.length
          if (!res.write(chunk)) {
            res.once('drain', pump)
            return
          }
        }
        res.end()
      }
      res.on('close', () => (left = 0))
      pump()
      return
    }
    case 'redirect':
      res.writeHead(b.status ?? 302, { Location: b.location })
      res.end()
      return
    case 'status':
      res.writeHead(b.status, { 'Content-Type': 'text/plain' })
      res.end(b.body ?? '')
  }
}

/** Starts a fake charger on `host` (127.0.0.1) and `port` (0: any free port). */
export async function startFakeCharger(options: { set?: BodySet; host?: string; port?: number } = {}): Promise<FakeCharger> {
  const behaviours = new Map<string, Behaviour>(Object.entries(options.set ?? bodySet('real')))
  const requests: string[] = []
  const sockets = new Set<Socket>()
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '')
    const m = /^\/api\/1\/([a-z0-9_]+)$/.exec(req.url ?? '')
    const b = m?.[1] === undefined ? undefined : behaviours.get(m[1])
    if (b === undefined) {
      res.writeHead(404, { 'Content-Type': 'text/plain' })
      res.end('Not Found')
      return
    }
    answer(res, b)
  })
  server.on('connection', (s) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  await new Promise<void>((ok, fail) => {
    server.once('error', fail)
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => ok())
  })
  const info = server.address() as AddressInfo // listen() on a TCP port always gives an AddressInfo
  return {
    port: info.port,
    address: info.address,
    requests,
    set: (endpoint, behaviour) => behaviours.set(endpoint, behaviour),
    setAll: (set) => {
      for (const [k, v] of Object.entries(set)) behaviours.set(k, v)
    },
    close: () =>
      new Promise<void>((ok) => {
        for (const s of sockets) s.destroy()
        server.close(() => ok())
      })
  }
}

/** A TCP port that accepts connections and never says anything (a hung device). */
export async function startSilentPort(host = '127.0.0.1'): Promise<{ port: number; close(): Promise<void> }> {
  const { createServer: createTcp } = await import('node:net')
  const sockets = new Set<Socket>()
  const server = createTcp((s) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  await new Promise<void>((ok) => server.listen(0, host, () => ok()))
  const port = (server.address() as AddressInfo).port // a TCP listen gives an AddressInfo
  return {
    port,
    close: () =>
      new Promise<void>((ok) => {
        for (const s of sockets) s.destroy()
        server.close(() => ok())
      })
  }
}

// As a process: `fake-charger.ts --listen HOST:PORT --set NAME [--ssid-base64 B64]`.
if (process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name)
    return i > 0 ? process.argv[i + 1] : undefined
  }
  const [host, port] = (arg('--listen') ?? '127.0.0.1:0').split(/:(?=\d+$)/)
  // Cast: only our own tests start the fake charger, with a set name bodySet knows.
  const set = { ...bodySet((arg('--set') ?? 'real') as BodySetName) }
  const ssid = arg('--wifi-status-json')
  if (ssid !== undefined) set.wifi_status = { kind: 'body', body: ssid }
  const charger = await startFakeCharger({ set, host, port: Number(port) })
  process.stdout.write(`listening ${charger.address}:${charger.port}\n`)
  process.on('SIGTERM', () => void charger.close().then(() => process.exit(0)))
}
