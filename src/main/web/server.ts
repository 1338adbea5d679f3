/**
 * Browser mode: the contract served over HTTP on 127.0.0.1 to the same renderer.
 *
 * Protocol (the browser client and the tests rely on it exactly):
 * - `GET /?token=T` with the run's token sets the cookie `wc_token` (HttpOnly, SameSite=Strict)
 *   and redirects to `/`. Every other request carries the token in that cookie or in
 *   `Authorization: Bearer T`, else 401.
 * - The Host header must be `127.0.0.1:<port>` or `localhost:<port>`, else 403 (DNS rebinding).
 * - No CORS headers, ever; OPTIONS is 405.
 * - `POST /api/request/<name>` with `{"args":[...]}` → 200 `{"value":…}`, 404 unknown name,
 *   400 `{"error":"invalid arguments: …"}`, 500 `{"error":…}` when a handler throws.
 * - `GET /api/events` → server-sent events (`event: <name>`, `data: <json>`).
 * - Anything else under GET is a static file of the built renderer.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { EventSink, Handlers } from '../../shared/contract'
import { checkRequest } from '../dispatch'
import { SECURITY_HEADERS } from '../security/csp'
import { contentTypeFor, resolveStaticFile } from '../security/static-files'
import { createEventStream, type EventStream } from './event-stream'

/** Only loopback: browser mode is for the person at this machine. */
export const WEB_HOST = '127.0.0.1'
/** Largest request body: a survey with many measurements plus headroom. */
export const MAX_BODY_BYTES = 32 * 1024 * 1024
/** The cookie that carries the token after the first visit. */
export const TOKEN_COOKIE = 'wc_token'

export interface WebServerOptions {
  readonly handlers: Handlers
  /** The built renderer (out/renderer). */
  readonly rendererDir: string
  /** 0 (default) picks a free port. */
  readonly port?: number
  /** Fixed token for tests; a fresh random one otherwise. */
  readonly token?: string
  /** The stream the services already emit to (create it first, pass its `emit` to the services). */
  readonly events?: EventStream
}

export interface WebServer {
  readonly port: number
  readonly token: string
  /** The URL to open: logs in with the token, then redirects to the app. */
  readonly url: string
  /** Broadcasts to every connected page. */
  readonly emit: EventSink
  close(): Promise<void>
}

/** A per-run secret: 32 random bytes, base64url. */
export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

/** Constant-time token comparison (no early exit that leaks how many characters matched). */
export function tokenMatches(expected: string, given: string | undefined | null): boolean {
  if (given === undefined || given === null) return false
  const a = Buffer.from(expected)
  const b = Buffer.from(given)
  return a.length === b.length && timingSafeEqual(a, b)
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  if (header === undefined) return undefined
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim()
  }
  return undefined
}

function bearer(header: string | undefined): string | undefined {
  const match = header?.match(/^Bearer\s+(\S+)$/)
  return match?.[1]
}

class BodyTooLarge extends Error {}

async function readBody(request: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(request.headers['content-length'] ?? 0)
  if (declared > limit) throw new BodyTooLarge()
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    const buffer = chunk as Buffer // IncomingMessage yields Buffers when no encoding is set
    size += buffer.length
    if (size > limit) throw new BodyTooLarge()
    chunks.push(buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** Starts the server on 127.0.0.1; resolves once it listens. */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? newToken()
  const events = options.events ?? createEventStream()
  let port = 0

  function send(response: ServerResponse, status: number, body: string, type: string, extra: Record<string, string> = {}): void {
    response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': String(Buffer.byteLength(body)), ...extra })
    response.end(body)
  }
  function sendJson(response: ServerResponse, status: number, value: unknown): void {
    send(response, status, JSON.stringify(value), 'application/json; charset=utf-8')
  }
  function sendText(response: ServerResponse, status: number, text: string): void {
    send(response, status, `${text}\n`, 'text/plain; charset=utf-8')
  }

  async function handleRequest(request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
    if (request.method !== 'POST') return sendText(response, 405, 'Method not allowed: requests are POST.')
    if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) {
      // A JSON content type forces a CORS preflight on any cross-site attempt (defence in depth).
      return sendJson(response, 415, { error: 'requests must be application/json' })
    }
    let body: unknown
    try {
      body = JSON.parse(await readBody(request, MAX_BODY_BYTES))
    } catch (error) {
      if (error instanceof BodyTooLarge) return sendJson(response, 413, { error: `request body larger than ${MAX_BODY_BYTES} bytes` })
      return sendJson(response, 400, { error: 'request body is not valid JSON' })
    }
    const name = decodeURIComponent(path.slice('/api/request/'.length))
    const args = typeof body === 'object' && body !== null && 'args' in body ? body.args : undefined
    const checked = checkRequest(options.handlers, name, args)
    if (!checked.ok) return sendJson(response, checked.status === 'unknown-request' ? 404 : 400, { error: checked.message })
    try {
      sendJson(response, 200, { value: await checked.run() })
    } catch (error) {
      sendJson(response, 500, { error: error instanceof Error ? error.message : String(error) })
    }
  }

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const host = request.headers.host
    if (host !== `${WEB_HOST}:${port}` && host !== `localhost:${port}`) {
      return sendText(response, 403, 'Forbidden: unexpected Host header.')
    }
    if (request.method === 'OPTIONS') return sendText(response, 405, 'Method not allowed.')
    const url = new URL(request.url ?? '/', `http://${WEB_HOST}:${port}`)

    const queryToken = url.searchParams.get('token')
    if (url.pathname === '/' && queryToken !== null && request.method === 'GET') {
      if (!tokenMatches(token, queryToken)) return sendText(response, 401, 'Unauthorized: wrong token. Use the URL printed by `wc-survey serve`.')
      response.writeHead(302, {
        ...SECURITY_HEADERS,
        'Set-Cookie': `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        Location: '/',
        'Content-Length': '0'
      })
      return void response.end()
    }

    const given = cookieValue(request.headers.cookie, TOKEN_COOKIE) ?? bearer(request.headers.authorization)
    if (!tokenMatches(token, given)) {
      return sendText(response, 401, 'Unauthorized: open the URL with the token printed by `wc-survey serve`.')
    }

    if (url.pathname.startsWith('/api/request/')) return handleRequest(request, response, url.pathname)
    if (url.pathname === '/api/events') {
      if (request.method !== 'GET') return sendText(response, 405, 'Method not allowed.')
      return events.attach(response, SECURITY_HEADERS)
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return sendText(response, 405, 'Method not allowed.')
    const file = await resolveStaticFile(options.rendererDir, url.pathname)
    if (file === null) return sendText(response, 404, 'Not found.')
    const data = await readFile(file)
    response.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': contentTypeFor(file), 'Content-Length': String(data.length) })
    response.end(request.method === 'HEAD' ? undefined : data)
  }

  const server: Server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 500, { error: error instanceof Error ? error.message : String(error) })
      else response.destroy()
    })
  })
  // A slow or stalled client must not hold a socket forever (the SSE stream sends heartbeats).
  server.headersTimeout = 20000
  server.requestTimeout = 120000

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, WEB_HOST, () => {
      server.off('error', reject)
      resolveListen()
    })
  })
  port = (server.address() as AddressInfo).port // a TCP listener's address is always AddressInfo

  return {
    port,
    token,
    url: `http://${WEB_HOST}:${port}/?token=${token}`,
    emit: events.emit,
    async close() {
      events.closeAll()
      await new Promise<void>((done) => {
        server.close(() => done())
        server.closeAllConnections()
      })
    }
  }
}
