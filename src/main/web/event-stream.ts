/**
 * Server-sent events for browser mode: the `EventSink` the services emit to, broadcasting
 * `event: <name>` / `data: <json>` frames to every connected page, with heartbeats so proxies
 * and the browser notice a dead connection.
 */
import type { ServerResponse } from 'node:http'
import type { EventSink } from '../../shared/contract'

/** Heartbeat interval: well under the idle timeouts of browsers and Node's server. */
export const HEARTBEAT_MS = 15000

/** The connected SSE clients and the sink that feeds them. */
export interface EventStream {
  readonly emit: EventSink
  /** Takes over a response as an event stream until the client disconnects. */
  attach(response: ServerResponse, headers: Readonly<Record<string, string>>): void
  /** Number of connected clients. */
  readonly size: number
  /** Ends every stream (shutdown). */
  closeAll(): void
}

/** A new, empty event stream. */
export function createEventStream(heartbeatMs = HEARTBEAT_MS): EventStream {
  const clients = new Set<ServerResponse>()
  let heartbeat: ReturnType<typeof setInterval> | null = null

  function drop(response: ServerResponse): void {
    clients.delete(response)
    if (clients.size === 0 && heartbeat !== null) {
      clearInterval(heartbeat)
      heartbeat = null
    }
  }

  function broadcast(frame: string): void {
    for (const client of clients) client.write(frame)
  }

  return {
    emit: (name, payload) => {
      // JSON.stringify never emits a raw newline, so one `data:` line carries the whole payload.
      broadcast(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`)
    },
    attach(response, headers) {
      response.writeHead(200, {
        ...headers,
        'Content-Type': 'text/event-stream; charset=utf-8',
        Connection: 'keep-alive',
        'X-Accel-Buffering': 'no'
      })
      response.write(': connected\n\n')
      clients.add(response)
      response.on('close', () => drop(response))
      if (heartbeat === null) {
        heartbeat = setInterval(() => broadcast(': heartbeat\n\n'), heartbeatMs)
        heartbeat.unref()
      }
    },
    get size() {
      return clients.size
    },
    closeAll() {
      for (const client of clients) client.end()
      clients.clear()
      if (heartbeat !== null) clearInterval(heartbeat)
      heartbeat = null
    }
  }
}
