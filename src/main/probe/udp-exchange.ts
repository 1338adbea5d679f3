/**
 * One request/reply over a connected UDP socket, retransmitted once at half time.
 *
 * Connected, because only a connected UDP socket reports an ICMP port unreachable (a firewall's
 * reject) as ECONNREFUSED; an unconnected one would wait for the timeout and call it dropped.
 */
import { createSocket, type Socket } from 'node:dgram'
import { isIP } from 'node:net'
import type { ProbeFailureKind } from '../../shared/model/probe'
import { errorCode, errorMessage, kindForErrorCode } from './failure-kind'
import { timedOut } from './check-types'

export type UdpExchange =
  | { readonly ok: true; readonly reply: Buffer; readonly rttMs: number; readonly stray: number }
  | { readonly ok: false; readonly kind: ProbeFailureKind; readonly detail: string; readonly elapsedMs: number }

/**
 * Sends `request` to address:port and resolves with the first reply `accept` takes. Replies it
 * rejects (another query's ID, a spoofed packet) are counted as `stray` and waited past.
 */
export function udpExchange(
  address: string,
  port: number,
  request: Buffer,
  accept: (reply: Buffer) => boolean,
  signal: AbortSignal,
  retryAfterMs: number
): Promise<UdpExchange> {
  const start = performance.now()
  return new Promise((resolve) => {
    const socket: Socket = createSocket(isIP(address) === 6 ? 'udp6' : 'udp4')
    let stray = 0
    let settled = false
    let retry: NodeJS.Timeout | undefined
    const finish = (value: UdpExchange) => {
      if (settled) return
      settled = true
      clearTimeout(retry)
      signal.removeEventListener('abort', onAbort)
      socket.close()
      resolve(value)
    }
    const fail = (kind: ProbeFailureKind, detail: string) =>
      finish({ ok: false, kind, detail, elapsedMs: performance.now() - start })
    const onAbort = () =>
      fail('timeout', timedOut(signal) ? `no reply from ${address} port ${port} (UDP)` : 'cancelled')
    if (signal.aborted) return onAbort()
    signal.addEventListener('abort', onAbort, { once: true })
    const onError = (error: unknown) => {
      const code = errorCode(error)
      const kind = kindForErrorCode(code) ?? 'unreachable'
      const what =
        kind === 'refused'
          ? `${address} port ${port} (UDP) answered "port unreachable": a firewall rejects it, or nothing listens`
          : `${address} port ${port} (UDP): ${code ?? errorMessage(error)}`
      fail(kind, what)
    }
    socket.on('error', onError)
    socket.on('message', (reply) => {
      if (accept(reply)) finish({ ok: true, reply, rttMs: performance.now() - start, stray })
      else stray += 1
    })
    const send = () => {
      if (settled) return
      try {
        socket.send(request, (error) => error && onError(error))
      } catch (error) {
        // send throws synchronously on a socket that is not (or no longer) connected.
        onError(error)
      }
    }
    // With a callback, a failed connect (no route: ENETUNREACH, no address: EADDRNOTAVAIL) is
    // passed to the callback, not emitted as 'error' (node:dgram doConnect), although the typings
    // declare no argument. Ignoring it sent on an unconnected socket, whose send(buffer, callback)
    // then read the callback as a port and threw ERR_SOCKET_BAD_PORT outside any handler.
    socket.connect(port, address, (error?: Error) => {
      if (error) return onError(error)
      send()
      // UDP may lose a packet on a busy Wi-Fi; one retransmission at half time, like a stub
      // resolver, keeps a lost datagram from being reported as a firewall drop.
      if (!settled) retry = setTimeout(send, retryAfterMs)
    })
  })
}
