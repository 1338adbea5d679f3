/**
 * NET-HTTP for one host: TCP 80 connect and `GET /`. A redirect to another host, a 511 or a
 * login page is a captive portal (WIFI-PORTAL); any other HTTP answer proves port 80 is open.
 */
import { request } from 'node:http'
import { failed, notRun, passed, timedOut, type CheckOutcome } from './check-types'
import { describeKind, errorCode, errorMessage, kindForErrorCode } from './failure-kind'

/** At most this much of the body is read: enough to recognise a login page. */
const BODY_LIMIT = 64 * 1024

export interface HttpAnswer {
  readonly status: number
  readonly location: string | null
  readonly body: string
}

/** Why this answer is a captive portal, or null when it is not one. */
export function portalEvidence(host: string, answer: HttpAnswer): string | null {
  if (answer.status === 511) return 'HTTP 511 Network Authentication Required'
  if (answer.status >= 300 && answer.status < 400 && answer.location !== null) {
    const target = safeUrl(answer.location, `http://${host}/`)
    if (target === null) return `redirect to an unreadable location "${answer.location.slice(0, 200)}"`
    if (target.hostname.toLowerCase() !== host.toLowerCase()) return `HTTP ${answer.status} redirect to ${target.href.slice(0, 300)}`
  }
  const refresh = /<meta[^>]+http-equiv=["']?refresh["']?[^>]*url=([^"'>\s]+)/i.exec(answer.body)
  if (refresh?.[1] !== undefined) {
    const target = safeUrl(refresh[1], `http://${host}/`)
    if (target && target.hostname.toLowerCase() !== host.toLowerCase()) return `page refreshes to ${target.href.slice(0, 300)}`
  }
  if (/<input[^>]+type=["']?password/i.test(answer.body)) return 'the page asks for a password (login form)'
  if (/<form/i.test(answer.body) && /(log ?in|sign ?in|captive|portal|accept (the )?terms|guest access)/i.test(answer.body)) {
    return 'the page is a login / terms form'
  }
  return null
}

function safeUrl(location: string, base: string): URL | null {
  try {
    return new URL(location, base)
  } catch {
    return null
  }
}

/** `GET /` to `address` port `port` with `Host: host`. */
export function httpCheck(host: string, address: string, port: number, signal: AbortSignal): Promise<CheckOutcome> {
  const start = performance.now()
  const to = `TCP ${port} to ${host} (${address})`
  return new Promise((resolve) => {
    let settled = false
    const finish = (value: CheckOutcome) => {
      if (settled) return
      settled = true
      resolve(value)
    }
    const req = request({
      host: address,
      port,
      path: '/',
      method: 'GET',
      headers: { Host: host, 'User-Agent': 'wc-site-survey/probe', Accept: '*/*', Connection: 'close' },
      agent: false,
      signal
    })
    req.on('error', (error) => {
      if (signal.aborted) {
        finish(timedOut(signal) ? failed('timeout', `${to}: ${describeKind('timeout')}`) : notRun('cancelled'))
        return
      }
      const code = errorCode(error)
      const kind = kindForErrorCode(code) ?? 'bad-reply'
      finish(failed(kind, `${to}: ${describeKind(kind)} — ${code ?? errorMessage(error)}`))
    })
    req.on('response', (res) => {
      const chunks: Buffer[] = []
      let size = 0
      const judge = () => {
        const latency = performance.now() - start
        const location = typeof res.headers.location === 'string' ? res.headers.location : null
        const body = Buffer.concat(chunks).toString('utf8')
        const status = res.statusCode ?? 0
        const portal = portalEvidence(host, { status, location, body })
        if (portal !== null) finish(failed('captive-portal', `${to}: captive portal — ${portal}`, latency))
        else finish(passed(latency, `${to}: HTTP ${status}${location ? ` → ${location.slice(0, 200)}` : ''} from the server`))
        res.destroy()
      }
      res.on('data', (chunk: Buffer) => {
        chunks.push(chunk)
        size += chunk.length
        if (size >= BODY_LIMIT) judge()
      })
      res.on('end', judge)
      res.on('error', judge)
    })
    req.end()
  })
}
