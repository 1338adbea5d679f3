/**
 * Name resolution through the OS's resolvers (the nameservers of resolv.conf, via c-ares), shared
 * by every check of a host so a run asks each name once.
 *
 * c-ares rather than `dns.lookup`: getaddrinfo runs on libuv's four-thread pool and ignores any
 * timeout, so twenty dropped lookups would queue for minutes; c-ares queries are async and bounded.
 */
import { Resolver } from 'node:dns/promises'
import { isIP } from 'node:net'
import type { ProbeFailureKind } from '../../shared/model/probe'
import { errorCode, errorMessage, kindForErrorCode } from './failure-kind'

export type Resolution =
  | { readonly ok: true; readonly ipv4: readonly string[]; readonly ipv6: readonly string[] }
  | { readonly ok: false; readonly kind: ProbeFailureKind; readonly detail: string }

export interface AddressBook {
  /** Resolves once per host; later calls share the first answer. */
  resolve(host: string): Promise<Resolution>
  /** The resolvers asked, for messages. */
  readonly servers: readonly string[]
}

/** Builds an address book over the given resolvers, bounded by `timeoutMs` per host. */
export function createAddressBook(servers: readonly string[], timeoutMs: number, signal: AbortSignal, port = 53): AddressBook {
  const cache = new Map<string, Promise<Resolution>>()
  const lookup = async (host: string): Promise<Resolution> => {
    if (servers.length === 0) return { ok: false, kind: 'unreachable', detail: 'no DNS server is configured on this computer' }
    if (signal.aborted) return { ok: false, kind: 'timeout', detail: 'cancelled before the lookup started' }
    // One try per server: the caller's time limit bounds the whole lookup, retries would only
    // turn a dropped query into a longer wait.
    const resolver = new Resolver({ timeout: Math.max(100, Math.floor(timeoutMs / servers.length)), tries: 1 })
    resolver.setServers(port === 53 ? [...servers] : servers.map((s) => (isIP(s) === 6 ? `[${s}]:${port}` : `${s}:${port}`)))
    const cancel = () => resolver.cancel()
    signal.addEventListener('abort', cancel, { once: true })
    const timer = setTimeout(cancel, timeoutMs)
    try {
      const [v4, v6] = await Promise.allSettled([resolver.resolve4(host), resolver.resolve6(host)])
      const ipv4 = v4.status === 'fulfilled' ? v4.value : []
      const ipv6 = v6.status === 'fulfilled' ? v6.value : []
      if (ipv4.length > 0 || ipv6.length > 0) return { ok: true, ipv4, ipv6 }
      const error = v4.status === 'rejected' ? v4.reason : v6.status === 'rejected' ? v6.reason : null
      const code = errorCode(error)
      if (code === 'ECANCELLED') {
        return { ok: false, kind: 'timeout', detail: `no answer from ${servers.join(', ')} within ${timeoutMs} ms` }
      }
      const kind = kindForErrorCode(code) ?? 'bad-reply'
      return { ok: false, kind, detail: `${host}: ${code ?? errorMessage(error)} from ${servers.join(', ')}` }
    } finally {
      clearTimeout(timer)
      signal.removeEventListener('abort', cancel)
    }
  }
  return {
    servers,
    resolve(host) {
      let entry = cache.get(host)
      if (!entry) {
        entry = lookup(host)
        cache.set(host, entry)
      }
      return entry
    }
  }
}

/** The address to connect to: IPv4 first (chargers and most firewalls rules are IPv4). */
export function pickAddress(resolution: Resolution & { ok: true }): string {
  // A successful resolution has at least one address (createAddressBook guarantees it).
  return resolution.ipv4[0] ?? resolution.ipv6[0] ?? ''
}

/** The sinkhole answers filtering resolvers (Pi-hole, firewall DNS filters) give for a blocked name. */
export function isSinkholeAddress(address: string): boolean {
  return address === '0.0.0.0' || address === '127.0.0.1' || address === '::' || address === '::1'
}
