/**
 * A throwaway HTTP server on 127.0.0.1 that serves the built print page (out/renderer/report.html
 * and its assets) and one survey as `survey.json` (plus the earlier survey it is compared with, or
 * null, as `previous.json`, and the surveying company main read from its settings, or null, as
 * `company.json`), for a single export.
 *
 * Why a server: the print page is a normal sandboxed page with a strict CSP (scripts and styles
 * from 'self' only); it fetches its data from its own origin, so no data is ever injected as
 * script or markup, and the same URL works for Electron's hidden window and headless Chromium.
 * Every URL sits under a random token, the Host header must be this server's, only GET/HEAD of an
 * allow-listed set of files are answered, and the server closes when the export ends.
 */
import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join } from 'node:path'
import type { Company } from '../../shared/model/company'
import type { Survey } from '../../shared/model/survey'

/** The print page's CSP, also sent as a header (report.html carries the same as a meta tag). */
export const REPORT_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2'
}

/** A running report server. */
export interface ReportServer {
  /** `http://127.0.0.1:PORT/TOKEN/` */
  readonly base: string
  /** URL of the print page with its query (paper, view, location). */
  pageUrl(query: Readonly<Record<string, string>>): string
  close(): Promise<void>
}

function send(res: ServerResponse, status: number, type: string, body: Buffer | string): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': REPORT_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Resource-Policy': 'same-origin'
  })
  res.end(body)
}

/** File name of an asset request, or null when it is anything but a plain file name. */
function assetName(rest: string): string | null {
  const m = /^assets\/([A-Za-z0-9_.-]+)$/.exec(rest)
  if (m === null || m[1] === undefined || m[1].startsWith('.')) return null
  return TYPES[extname(m[1])] === undefined ? null : m[1]
}

/**
 * Starts the server for one survey. Fails (throws) only when the port cannot be opened; a missing
 * build is reported by `printPageMissing` before this is called.
 */
export async function startReportServer(rendererDir: string, survey: Survey, previous: Survey | null = null, company: Company | null = null): Promise<ReportServer> {
  const token = randomBytes(16).toString('hex')
  const surveyJson = JSON.stringify(survey)
  const previousJson = JSON.stringify(previous)
  const companyJson = JSON.stringify(company)
  let host = ''

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.headers.host !== host) return send(res, 403, 'text/plain', 'Forbidden')
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'Method not allowed')
    const path = new URL(req.url ?? '/', `http://${host}`).pathname
    const prefix = `/${token}/`
    if (!path.startsWith(prefix)) return send(res, 404, 'text/plain', 'Not found')
    const rest = path.slice(prefix.length)
    if (rest === 'survey.json') return send(res, 200, TYPES['.json'] ?? 'application/json', surveyJson)
    if (rest === 'previous.json') return send(res, 200, TYPES['.json'] ?? 'application/json', previousJson)
    if (rest === 'company.json') return send(res, 200, TYPES['.json'] ?? 'application/json', companyJson)
    const file = rest === 'report.html' ? 'report.html' : assetName(rest)
    if (file === null) return send(res, 404, 'text/plain', 'Not found')
    try {
      const body = await readFile(file === 'report.html' ? join(rendererDir, file) : join(rendererDir, 'assets', file))
      send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', body)
    } catch {
      send(res, 404, 'text/plain', 'Not found')
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => send(res, 500, 'text/plain', 'Internal error'))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo // listening on TCP, so address() is an AddressInfo
  host = `127.0.0.1:${port}`
  const base = `http://${host}/${token}/`
  return {
    base,
    pageUrl: (query) => `${base}report.html?${new URLSearchParams(query).toString()}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
