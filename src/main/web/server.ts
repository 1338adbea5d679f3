/**
 * Browser mode: the contract served over HTTP on 127.0.0.1 to the same renderer.
 *
 * Protocol (the browser client and the tests rely on it exactly):
 * - The URL to open is `http://127.0.0.1:<port>/#token=T`. The fragment never leaves the browser;
 *   the page moves the token into its session storage and drops it from the address bar.
 * - Every `/api/` request carries `Authorization: Bearer T`, else 401. No cookie is ever set or
 *   read: cookies ignore ports, so a cookie would reach every server on 127.0.0.1 and a page on
 *   another port could set or overwrite it (RFC 6265 §8.5).
 * - URLs the browser opens by itself (the EventSource stream) cannot carry a header: the page
 *   asks `POST /api/ticket` `{"for":"/api/events"}` (with the token) for a single-use ticket valid
 *   30 s, and opens `/api/events?ticket=…` (tickets.ts).
 * - The Host header must be `127.0.0.1:<port>` or `localhost:<port>`, else 403 (DNS rebinding).
 * - No CORS headers, ever; OPTIONS is 405.
 * - `POST /api/request/<name>` with `{"args":[...]}` → 200 `{"value":…}`, 404 unknown name,
 *   400 `{"error":"invalid arguments: …"}` (or a malformed name), 500 `{"error":…}` when a
 *   handler throws.
 * - `GET /api/events` → server-sent events (`event: <name>`, `data: <json>`).
 * - `GET /api/exports/<name>` → a file of the exports folder as a download (a PDF or PNG main
 *   wrote there; never a link, never another folder), with a ticket like the stream.
 * - Anything else under GET is a static file of the built renderer, served without the token: it
 *   is the app's public code, and the page must load before it can read the token.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { constants } from 'node:fs'
import { open, readFile } from 'node:fs/promises'
import { extname } from 'node:path'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { EXPORTS_URL_PREFIX, type EventSink, type Handlers } from '../../shared/contract'
import { checkRequest } from '../dispatch'
import { SECURITY_HEADERS } from '../security/csp'
import { contentTypeFor, resolveStaticFile } from '../security/static-files'
import { pathInFolder } from '../survey/confined-path'
import { MAX_SURVEY_BYTES } from '../survey/survey-file'
import { createEventStream, type EventStream } from './event-stream'
import { createTicketBook } from './tickets'

/** Only loopback: browser mode is for the person at this machine. */
export const WEB_HOST = '127.0.0.1'
/**
 * Room a request needs beside the survey it carries: the envelope, a handle, a file name. A survey
 * travels as compact JSON, never larger than the file it saves as (serializeSurvey).
 */
const REQUEST_ENVELOPE_BYTES = 1024 * 1024
/** Largest request body, derived from the file cap: every survey that opens can be saved (issue 17 item 4). */
export const MAX_BODY_BYTES = MAX_SURVEY_BYTES + REQUEST_ENVELOPE_BYTES
/** The types of the files served from the exports folder. */
const DOWNLOAD_TYPES: Readonly<Record<string, '.pdf' | '.png'>> = { '.pdf': '.pdf', '.png': '.png' }

/** Paths a ticket can open (the browser fetches them itself, without our header): the stream and a download. */
function ticketable(path: string): boolean {
  return path === '/api/events' || (path.startsWith(EXPORTS_URL_PREFIX) && path.length > EXPORTS_URL_PREFIX.length && !path.slice(EXPORTS_URL_PREFIX.length).includes('/'))
}

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
  /** The exports folder whose files `GET /api/exports/<name>` serves; none when absent. */
  readonly exportsFolder?: string
}

export interface WebServer {
  readonly port: number
  readonly token: string
  /** The URL to open: the app, with the token in the fragment (never sent over the wire). */
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
  const tickets = createTicketBook()
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

  /** The JSON body of a POST, or null once an error answer has been sent. */
  async function jsonBody(request: IncomingMessage, response: ServerResponse): Promise<{ readonly value: unknown } | null> {
    if (request.method !== 'POST') {
      sendText(response, 405, 'Method not allowed: requests are POST.')
      return null
    }
    if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) {
      // A JSON content type forces a CORS preflight on any cross-site attempt (defence in depth).
      sendJson(response, 415, { error: 'requests must be application/json' })
      return null
    }
    try {
      return { value: JSON.parse(await readBody(request, MAX_BODY_BYTES)) as unknown }
    } catch (error) {
      if (error instanceof BodyTooLarge) sendJson(response, 413, { error: `request body larger than ${MAX_BODY_BYTES} bytes` })
      else sendJson(response, 400, { error: 'request body is not valid JSON' })
      return null
    }
  }

  async function handleTicket(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const parsed = await jsonBody(request, response)
    if (parsed === null) return
    const body = parsed.value
    const wanted = typeof body === 'object' && body !== null && 'for' in body ? body.for : undefined
    if (typeof wanted !== 'string' || !ticketable(wanted)) return sendJson(response, 400, { error: 'a ticket is only issued for /api/events and /api/exports/<name>' })
    sendJson(response, 200, { ticket: tickets.issue(wanted) })
  }

  async function handleRequest(request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
    const parsed = await jsonBody(request, response)
    if (parsed === null) return
    const body = parsed.value
    let name: string
    try {
      name = decodeURIComponent(path.slice('/api/request/'.length))
    } catch {
      // A malformed percent-escape (`%E0%A4%A`) is the client's mistake, not a server failure.
      return sendJson(response, 400, { error: 'malformed request name (bad percent-escape)' })
    }
    const args = typeof body === 'object' && body !== null && 'args' in body ? body.args : undefined
    const checked = checkRequest(options.handlers, name, args)
    if (!checked.ok) return sendJson(response, checked.status === 'unknown-request' ? 404 : 400, { error: checked.message })
    try {
      sendJson(response, 200, { value: await checked.run() })
    } catch (error) {
      sendJson(response, 500, { error: error instanceof Error ? error.message : String(error) })
    }
  }

  /**
   * A file main exported, as a download; only plain PDF/PNG files directly in the exports folder.
   * `inline` (the Report page's Open): shown in the browser's own viewer instead of saved.
   */
  async function handleDownload(request: IncomingMessage, response: ServerResponse, path: string, inline: boolean): Promise<void> {
    if (request.method !== 'GET') return sendText(response, 405, 'Method not allowed.')
    let name: string
    try {
      name = decodeURIComponent(path.slice(EXPORTS_URL_PREFIX.length))
    } catch {
      return sendText(response, 400, 'Malformed file name (bad percent-escape).')
    }
    const ext = DOWNLOAD_TYPES[extname(name).toLowerCase()]
    const folder = options.exportsFolder
    if (ext === undefined || folder === undefined) return sendText(response, 404, 'Not found.')
    const file = await pathInFolder(folder, name, ext, { replace: true })
    if (!file.ok) return sendText(response, 404, 'Not found.')
    let data: Buffer
    try {
      // O_NOFOLLOW: a link swapped in after the check is refused by the kernel, not followed (0 where the platform lacks it).
      const handle = await open(file.path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0))
      try {
        data = await handle.readFile()
      } finally {
        await handle.close()
      }
    } catch {
      return sendText(response, 404, `Not found: ${name} is no longer in the exports folder.`)
    }
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': ext === '.pdf' ? 'application/pdf' : 'image/png',
      'Content-Length': String(data.length),
      // RFC 6266 / 5987: the UTF-8 name, percent-encoded; never raw text in a header.
      'Content-Disposition': `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(name)}`
    })
    response.end(data)
  }

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const host = request.headers.host
    if (host !== `${WEB_HOST}:${port}` && host !== `localhost:${port}`) {
      return sendText(response, 403, 'Forbidden: unexpected Host header.')
    }
    if (request.method === 'OPTIONS') return sendText(response, 405, 'Method not allowed.')
    const url = new URL(request.url ?? '/', `http://${WEB_HOST}:${port}`)

    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
      const ticketed = request.method === 'GET' && ticketable(url.pathname) && tickets.redeem(url.searchParams.get('ticket'), url.pathname)
      if (!ticketed && !tokenMatches(token, bearer(request.headers.authorization))) {
        return sendText(response, 401, 'Unauthorized: open the URL with the token printed by `wc-survey serve`.')
      }
      if (url.pathname === '/api/ticket') return handleTicket(request, response)
      if (url.pathname.startsWith('/api/request/')) return handleRequest(request, response, url.pathname)
      if (url.pathname === '/api/events') {
        if (request.method !== 'GET') return sendText(response, 405, 'Method not allowed.')
        return events.attach(response, SECURITY_HEADERS)
      }
      if (url.pathname.startsWith(EXPORTS_URL_PREFIX)) return handleDownload(request, response, url.pathname, url.searchParams.get('inline') === '1')
      return sendText(response, 404, 'Not found.')
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
    url: `http://${WEB_HOST}:${port}/#token=${token}`,
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
