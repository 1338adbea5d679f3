/**
 * The contract's `Api` in browser mode: requests are `POST /api/request/<name>` with
 * `{"args":[...]}`, events arrive over server-sent events from `/api/events` (src/main/web).
 *
 * Same-origin only; the token travels in the HttpOnly cookie the server set on the first visit,
 * so page scripts never see it. EventSource retries by itself after a network drop; when the
 * server refuses the stream (closed state), this client opens a new one with a growing delay.
 */
import { eventNames, type Api, type EventName } from '../../../shared/contract'

/** What the client needs from the page; tests pass fakes. */
export interface BrowserClientEnv {
  readonly fetch: typeof fetch
  readonly createEventSource: (url: string) => EventSource
  readonly setTimeout: (fn: () => void, ms: number) => unknown
}

/** Longest wait between reconnect attempts. */
const MAX_RETRY_MS = 10000

type Listener = (payload: unknown) => void

/** An `Api` over HTTP + SSE to the server that served this page. */
export function createBrowserClient(env: BrowserClientEnv): Api {
  const listeners = new Map<EventName, Set<Listener>>()
  let source: EventSource | null = null
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

  function connect(): void {
    const es = env.createEventSource('/api/events')
    source = es
    for (const name of eventNames) es.addEventListener(name, (event) => dispatch(name, event as MessageEvent)) // named SSE events are MessageEvents
    es.onopen = () => {
      retryMs = 500
    }
    es.onerror = () => {
      if (es.readyState !== 2 /* CLOSED: the browser gave up; reconnect ourselves */) return
      source = null
      env.setTimeout(connect, retryMs)
      retryMs = Math.min(retryMs * 2, MAX_RETRY_MS)
    }
  }

  return {
    async request(name, ...args) {
      const response = await env.fetch(`/api/request/${encodeURIComponent(name)}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ args })
      })
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
      if (source === null) connect()
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
  } satisfies Api
}
