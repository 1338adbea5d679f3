/**
 * The contract's `Api` in browser mode: requests are `POST /api/request/<name>` with
 * `{"args":[...]}`, events arrive over server-sent events from `/api/events` (src/main/web).
 *
 * Same-origin only. The token travels in an `Authorization` header on every request, never in a
 * cookie (browser-token.ts says why). EventSource cannot send a header: each connection first
 * asks for a single-use ticket (`POST /api/ticket`) and opens `/api/events?ticket=…`. When the
 * stream fails or is refused (closed state, e.g. a spent ticket on the browser's own retry), this
 * client asks for a new ticket and reconnects with a growing delay.
 */
import { eventNames, type Api, type EventName } from '../../../shared/contract'

/** What the client needs from the page; tests pass fakes. */
export interface BrowserClientEnv {
  /** The run's token (browser-token.ts). */
  readonly token: string
  readonly fetch: typeof fetch
  readonly createEventSource: (url: string) => EventSource
  readonly setTimeout: (fn: () => void, ms: number) => unknown
}

/** Longest wait between reconnect attempts. */
const MAX_RETRY_MS = 10000

type Listener = (payload: unknown) => void

/** What browser mode adds to the contract: URLs the browser opens by itself (a download link). */
export interface BrowserExtras {
  /** `path` (same-origin, e.g. `/api/exports/x.pdf`) with a fresh single-use ticket. */
  ticketed(path: string): Promise<string>
}

/** An `Api` over HTTP + SSE to the server that served this page. */
export function createBrowserClient(env: BrowserClientEnv): Api & BrowserExtras {
  const listeners = new Map<EventName, Set<Listener>>()
  /** True once the first listener subscribed: from then on one stream is kept open. */
  let streaming = false
  let retryMs = 500

  function dispatch(name: EventName, event: MessageEvent): void {
    let payload: unknown
    try {
      payload = JSON.parse(String(event.data))
    } catch {
      return // a malformed frame is dropped, never half-delivered
    }
    for (const listener of listeners.get(name) ?? []) listener(payload)
  }

  function post(path: string, body: unknown): Promise<Response> {
    return env.fetch(path, {
      method: 'POST',
      // No cookie is needed or wanted: the header is the credential.
      credentials: 'omit',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${env.token}` },
      body: JSON.stringify(body)
    })
  }

  function retryLater(): void {
    env.setTimeout(() => void connect(), retryMs)
    retryMs = Math.min(retryMs * 2, MAX_RETRY_MS)
  }

  /** A single-use ticket for `path`, or null when the server would not give one. */
  async function ticketFor(path: string): Promise<string | null> {
    try {
      const response = await post('/api/ticket', { for: path })
      const ticket = response.ok ? ((await response.json()) as { ticket?: unknown }).ticket : undefined // the server answers {ticket} on 200
      return typeof ticket === 'string' ? ticket : null
    } catch {
      return null
    }
  }

  async function connect(): Promise<void> {
    const ticket = await ticketFor('/api/events')
    if (ticket === null) return retryLater()
    const es = env.createEventSource(`/api/events?ticket=${encodeURIComponent(ticket)}`)
    for (const name of eventNames) es.addEventListener(name, (event) => dispatch(name, event as MessageEvent)) // named SSE events are MessageEvents
    es.onopen = () => {
      retryMs = 500
    }
    es.onerror = () => {
      // The browser's own retry reuses the spent ticket and is refused: take over from there.
      if (es.readyState !== 2 /* CLOSED */) es.close()
      retryLater()
    }
  }

  return {
    async ticketed(path) {
      const ticket = await ticketFor(path)
      if (ticket === null) throw new Error(`The app would not hand out ${path}: open the URL printed by \`wc-survey serve\` again.`)
      return `${path}?ticket=${encodeURIComponent(ticket)}`
    },
    async request(name, ...args) {
      const response = await post(`/api/request/${encodeURIComponent(name)}`, { args })
      let body: { value?: unknown; error?: unknown } = {}
      try {
        body = (await response.json()) as typeof body // the server always answers JSON on this path
      } catch {
        // Non-JSON answer (e.g. 401 text): reported below with the status.
      }
      if (!response.ok) {
        const detail = typeof body.error === 'string' ? body.error : response.statusText
        const hint = response.status === 401 ? ' Open the URL printed by `wc-survey serve` again.' : ''
        throw new Error(`${name} failed (${response.status}): ${detail}.${hint}`)
      }
      // The server validated the request and answers with the handler's result for `name`.
      return body.value as never
    },
    on(name, listener) {
      if (!eventNames.includes(name)) throw new Error(`Unknown event ${String(name)}.`)
      if (!streaming) {
        streaming = true
        void connect()
      }
      let set = listeners.get(name)
      if (!set) {
        set = new Set()
        listeners.set(name, set)
      }
      // Listeners are typed per event at the API surface; the map stores them uniformly.
      const stored = listener as Listener
      set.add(stored)
      return () => {
        set.delete(stored)
      }
    }
  } satisfies Api & BrowserExtras
}
