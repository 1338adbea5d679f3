/**
 * Finding Wall Connectors on the laptop's network by multicast DNS: a Gen 3 Wall Connector
 * announces itself as `TeslaWallConnector_<serial>.local` (docs.harnessautomation.com, Tesla Wall
 * Connector integration page). We ask the link (service enumeration, the common service types,
 * and any answers the chargers volunteer) for a bounded time and keep every record whose name or
 * target is such a host. Only the mDNS group on the local link is asked: no sweep of address ranges.
 *
 * multicast-dns (mafintosh, MIT; the engine under bonjour-service) does the wire format and the
 * sockets: we need every record of every answer, not one service type's browse.
 */
import makeMdns from 'multicast-dns'
import type { Answer } from 'dns-packet'
import type { DiscoveredCharger } from '../../shared/model/charger'

/** The parts of a multicast-dns instance discovery uses (tests pass a fake). */
export interface MdnsLink {
  query(questions: readonly { name: string; type: 'A' | 'AAAA' | 'PTR' | 'SRV' | 'ANY' }[]): void
  on(event: 'response', listener: (packet: { answers?: Answer[]; additionals?: Answer[] }) => void): void
  on(event: 'error' | 'warning', listener: (error: Error) => void): void
  destroy(): void
}

export type OpenMdns = () => MdnsLink

/** The real link: every IPv4 interface, port 5353, the 224.0.0.251 group. */
export const openSystemMdns: OpenMdns = () => makeMdns() as unknown as MdnsLink // the library's type is wider than the subset we use

const CHARGER_HOST = /^TeslaWallConnector_([A-Za-z0-9]{1,40})\.local\.?$/i

/** Is this an mDNS name of a Wall Connector? Returns the serial, or null. */
export function chargerSerialOf(name: string): string | null {
  return CHARGER_HOST.exec(name)?.[1] ?? null
}

/** What is asked, every second: services on the link, then the types a Wall Connector may announce. */
const QUESTIONS = [
  { name: '_services._dns-sd._udp.local', type: 'PTR' },
  { name: '_http._tcp.local', type: 'PTR' },
  { name: '_tedapi._tcp.local', type: 'PTR' }
] as const

export interface DiscoverOptions {
  readonly timeoutMs: number
  readonly signal?: AbortSignal
  readonly open?: OpenMdns
  /** A charger was heard, or learned another address. */
  readonly onFound?: (charger: DiscoveredCharger) => void
  /** Elapsed of total ms, about every 250 ms. */
  readonly onProgress?: (elapsedMs: number, totalMs: number) => void
}

export interface DiscoveryResult {
  readonly chargers: readonly DiscoveredCharger[]
  /** Why the link could not be asked (no network, port in use), null when it was. */
  readonly error: string | null
  readonly cancelled: boolean
}

function names(a: Answer): string[] {
  const out = [a.name]
  if (a.type === 'PTR' || a.type === 'CNAME') out.push(String(a.data))
  if (a.type === 'SRV' && typeof a.data === 'object' && a.data !== null && 'target' in a.data) out.push(String(a.data.target))
  return out
}

/** Asks the local link for Wall Connectors for `timeoutMs`; never throws. */
export function discoverChargers(options: DiscoverOptions): Promise<DiscoveryResult> {
  const found = new Map<string, { host: string; serial: string | null; addresses: string[] }>()
  return new Promise((resolve) => {
    let link: MdnsLink
    try {
      link = (options.open ?? openSystemMdns)()
    } catch (error) {
      resolve({ chargers: [], error: `mDNS could not start: ${error instanceof Error ? error.message : String(error)}`, cancelled: false })
      return
    }
    const start = Date.now()
    let error: string | null = null
    let done = false
    const finish = (cancelled: boolean) => {
      if (done) return
      done = true
      clearInterval(ask)
      clearInterval(tick)
      clearTimeout(deadline)
      options.signal?.removeEventListener('abort', onAbort)
      try {
        link.destroy()
      } catch {
        // already closed
      }
      resolve({ chargers: [...found.values()].map((c) => ({ ...c, addresses: [...c.addresses] })), error, cancelled })
    }
    const onAbort = () => finish(true)
    const remember = (host: string): { host: string; serial: string | null; addresses: string[] } | null => {
      const serial = chargerSerialOf(host)
      if (serial === null) return null
      const key = host.toLowerCase().replace(/\.$/, '')
      let entry = found.get(key)
      if (!entry) {
        entry = { host: host.replace(/\.$/, ''), serial, addresses: [] }
        found.set(key, entry)
        options.onFound?.({ ...entry, addresses: [] })
      }
      return entry
    }
    link.on('response', (packet) => {
      const records = [...(packet.answers ?? []), ...(packet.additionals ?? [])]
      for (const r of records) for (const n of names(r)) remember(n)
      for (const r of records) {
        if (r.type !== 'A' && r.type !== 'AAAA') continue
        const entry = remember(r.name)
        const address = String(r.data)
        if (entry && !entry.addresses.includes(address)) {
          entry.addresses.push(address)
          options.onFound?.({ ...entry, addresses: [...entry.addresses] })
        }
      }
      // A service instance whose host we know but whose address was not included: ask for it.
      for (const entry of found.values()) if (entry.addresses.length === 0) link.query([{ name: entry.host, type: 'A' }])
    })
    link.on('error', (e) => {
      error = `mDNS could not listen on this network (${e.message}): type the charger's address instead`
      finish(false)
    })
    link.on('warning', () => {
      // An interface without multicast: the others still work.
    })
    const send = () => {
      try {
        link.query([...QUESTIONS])
      } catch {
        // the socket is not up yet; the next round asks again
      }
    }
    send()
    const ask = setInterval(send, 1000)
    const tick = setInterval(() => options.onProgress?.(Math.min(Date.now() - start, options.timeoutMs), options.timeoutMs), 250)
    const deadline = setTimeout(() => finish(false), options.timeoutMs)
    if (options.signal?.aborted) finish(true)
    else options.signal?.addEventListener('abort', onAbort, { once: true })
  })
}

/** Resolves a `.local` name over mDNS (A, then AAAA answers); rejects with ENOTFOUND after `timeoutMs`. */
export function resolveMdns(host: string, timeoutMs: number, open: OpenMdns = openSystemMdns): Promise<readonly string[]> {
  return new Promise((resolve, reject) => {
    const link = open()
    const want = host.toLowerCase().replace(/\.$/, '')
    let done = false
    const finish = (addresses: string[] | null) => {
      if (done) return
      done = true
      clearTimeout(timer)
      clearInterval(again)
      link.destroy()
      if (addresses) resolve(addresses)
      else reject(Object.assign(new Error(`${host} did not answer over mDNS`), { code: 'ENOTFOUND' }))
    }
    link.on('response', (packet) => {
      const addresses = [...(packet.answers ?? []), ...(packet.additionals ?? [])]
        .flatMap((r) => ((r.type === 'A' || r.type === 'AAAA') && r.name.toLowerCase().replace(/\.$/, '') === want ? [String(r.data)] : []))
      if (addresses.length > 0) finish(addresses)
    })
    link.on('error', () => finish(null))
    link.on('warning', () => undefined)
    const ask = () => link.query([{ name: host, type: 'A' }, { name: host, type: 'AAAA' }])
    ask()
    const again = setInterval(ask, 1000)
    const timer = setTimeout(() => finish(null), timeoutMs)
  })
}
