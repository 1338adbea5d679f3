/**
 * One plain-HTTP GET to a charger, bounded in time and size: the whole exchange (connect, redirects
 * on the same host, body) ends by the deadline; a body past the size limit is cut off and refused;
 * a redirect to another host is never followed (a charger that has not joined the LAN redirects
 * to its setup access point). Never throws: every outcome is a value.
 */
import { request } from 'node:http'
import { isIP } from 'node:net'
import { errorCode, errorMessage } from '../probe/failure-kind'

export interface BoundedGetOptions {
  /** The address to connect to (already resolved and allowed by the address policy). */
  readonly address: string
  readonly port: number
  /** Sent as the Host header (the name the user typed). */
  readonly hostHeader: string
  readonly path: string
  readonly timeoutMs: number
  readonly maxBytes: number
  readonly signal?: AbortSignal
}

export type BoundedGetResult =
  | { readonly kind: 'answer'; readonly status: number; readonly body: string; readonly ms: number }
  | { readonly kind: 'failed'; readonly status: number | null; readonly problem: string; readonly ms: number | null }

/** Same-host redirects followed at most this many times. */
const MAX_REDIRECTS = 3

/** Attacker text inside a problem line, kept short (every output shows it as text and escapes it for terminals). */
function quote(text: string): string {
  return `"${text.length > 120 ? `${text.slice(0, 120)}…` : text}"`
}

/** `new URL` without the throw (URL.parse needs Node 22; we support 20.19). */
function parseUrl(location: string, base: string): URL | null {
  try {
    return new URL(location, base)
  } catch {
    return null
  }
}

function describeError(error: unknown, where: string): string {
  const code = errorCode(error)
  switch (code) {
    case 'ECONNREFUSED':
      return `connection refused on ${where} (nothing listening: not a Wall Connector, or the wrong port)`
    case 'ECONNRESET':
      return `the connection was reset on ${where}`
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EHOSTDOWN':
    case 'ENETDOWN':
      return `no route to ${where} (is this laptop on the chargers' network?)`
    case 'HPE_INVALID_CONSTANT':
    case 'HPE_INVALID_VERSION':
    case 'HPE_INVALID_STATUS':
    case 'HPE_INVALID_HEADER_TOKEN':
      return `the answer from ${where} is not HTTP`
    case undefined: // not a system error: its message says what happened
    default:
      return `${where}: ${code ?? errorMessage(error)}`
  }
}

/** GET `path`; resolves with the answer or what went wrong. */
export function boundedGet(options: BoundedGetOptions): Promise<BoundedGetResult> {
  const start = performance.now()
  const elapsed = () => Math.round(performance.now() - start)
  const where = `${isIP(options.address) === 6 ? `[${options.address}]` : options.address}:${options.port}`
  return new Promise((resolve) => {
    const controller = new AbortController()
    let settled = false
    const finish = (result: BoundedGetResult) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      options.signal?.removeEventListener('abort', onAbort)
      controller.abort()
      resolve(result)
    }
    const timer = setTimeout(
      () => finish({ kind: 'failed', status: null, problem: `no complete answer within ${options.timeoutMs} ms from ${where}`, ms: null }),
      options.timeoutMs
    )
    const onAbort = () => finish({ kind: 'failed', status: null, problem: 'cancelled', ms: null })
    if (options.signal?.aborted) {
      onAbort()
      return
    }
    options.signal?.addEventListener('abort', onAbort, { once: true })

    const get = (path: string, hops: number) => {
      const req = request({
        host: options.address,
        port: options.port,
        path,
        method: 'GET',
        headers: { Host: options.hostHeader, Accept: 'application/json', 'User-Agent': 'wc-site-survey/charger', Connection: 'close' },
        agent: false,
        signal: controller.signal,
        // Our own size limit covers the body; this one bounds a header flood.
        maxHeaderSize: 16 * 1024
      })
      req.on('error', (error) => finish({ kind: 'failed', status: null, problem: describeError(error, where), ms: null }))
      req.on('response', (res) => {
        const status = res.statusCode ?? 0
        const location = typeof res.headers.location === 'string' ? res.headers.location : null
        if (status >= 300 && status < 400 && location !== null) {
          res.resume()
          const target = parseUrl(location, `http://${where}${path}`)
          const sameHost =
            target !== null &&
            target.protocol === 'http:' &&
            (target.hostname === options.hostHeader || target.hostname.replace(/^\[|\]$/g, '') === options.address) &&
            Number(target.port || 80) === options.port
          if (target !== null && sameHost && hops < MAX_REDIRECTS) {
            get(`${target.pathname}${target.search}`, hops + 1)
            return
          }
          const why = sameHost ? `more than ${MAX_REDIRECTS} redirects` : 'a redirect to another host, not followed (a charger that has not joined the network redirects to its setup access point)'
          finish({ kind: 'failed', status, problem: `HTTP ${status}: ${why} → ${quote(location)}`, ms: elapsed() })
          return
        }
        const declared = Number(res.headers['content-length'])
        if (Number.isFinite(declared) && declared > options.maxBytes) {
          finish({ kind: 'failed', status, problem: `the answer is ${declared} bytes, over the ${options.maxBytes}-byte limit (not a charger's answer)`, ms: elapsed() })
          return
        }
        const chunks: Buffer[] = []
        let size = 0
        res.on('data', (chunk: Buffer) => {
          size += chunk.length
          if (size > options.maxBytes) {
            finish({ kind: 'failed', status, problem: `the answer is over the ${options.maxBytes}-byte limit (not a charger's answer); cut off`, ms: elapsed() })
            return
          }
          chunks.push(chunk)
        })
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8')
          if (status < 200 || status >= 300) {
            finish({ kind: 'failed', status, problem: `HTTP ${status}${res.statusMessage ? ` ${quote(res.statusMessage)}` : ''} (the firmware may not serve this endpoint)`, ms: elapsed() })
          } else finish({ kind: 'answer', status, body, ms: elapsed() })
        })
        // A truncated body (the charger closed early): keep what came, the JSON reader may repair it.
        res.on('error', (error) => {
          if (chunks.length > 0) finish({ kind: 'answer', status, body: Buffer.concat(chunks).toString('utf8'), ms: elapsed() })
          else finish({ kind: 'failed', status, problem: describeError(error, where), ms: elapsed() })
        })
      })
      req.end()
    }
    get(options.path, 0)
  })
}
