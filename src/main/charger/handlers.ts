/**
 * Charger requests: `charger:read` (one installed Wall Connector, through the client) and
 * `charger:discover` / `charger:cancelDiscovery` (mDNS on the laptop's network, one at a time,
 * progress as `charger:discovery` events).
 */
import type { Handlers } from '../../shared/contract'
import type { DiscoveredCharger } from '../../shared/model/charger'
import type { ServiceDeps } from '../service-deps'
import { readCharger, type ReadChargerOptions } from './charger-client'
import { parseChargerTarget } from './charger-target'
import { discoverChargers, type OpenMdns } from './discovery'

type ChargerRequests = 'charger:read' | 'charger:discover' | 'charger:cancelDiscovery'

/** What tests inject: a resolver and an mDNS link that never touch the real network. */
export interface ChargerServiceOptions {
  readonly read?: Pick<ReadChargerOptions, 'resolve' | 'timeoutMs'>
  readonly openMdns?: OpenMdns
}

export function createChargerHandlers(deps: ServiceDeps, options: ChargerServiceOptions = {}): { handlers: Pick<Handlers, ChargerRequests>; dispose(): Promise<void> } {
  let discovery: { controller: AbortController; done: Promise<unknown> } | null = null
  return {
    handlers: {
      'charger:read': async ({ host, allowPublic }) => {
        const parsed = parseChargerTarget(host)
        if (typeof parsed === 'string') return { ok: false, reason: 'invalid-target', message: parsed, address: null }
        const outcome = await readCharger(parsed, { ...options.read, allowPublic })
        return outcome.ok ? outcome : { ok: false, reason: outcome.reason, message: outcome.message, address: outcome.address }
      },
      'charger:discover': async ({ timeoutMs }) => {
        if (discovery !== null) return { ok: false, reason: 'busy', message: 'A search for chargers is already under way: wait for it or stop it.' }
        const controller = new AbortController()
        let found: readonly DiscoveredCharger[] = []
        const byHost = new Map<string, DiscoveredCharger>()
        let elapsed = 0
        const push = () => deps.emit('charger:discovery', { elapsedMs: elapsed, totalMs: timeoutMs, found })
        const running = discoverChargers({
          timeoutMs,
          signal: controller.signal,
          open: options.openMdns,
          onFound: (c) => {
            byHost.set(c.host.toLowerCase(), c)
            found = [...byHost.values()]
            push()
          },
          onProgress: (e) => {
            elapsed = e
            push()
          }
        })
        discovery = { controller, done: running }
        try {
          const result = await running
          return { ok: true, ...result }
        } finally {
          discovery = null
        }
      },
      'charger:cancelDiscovery': async () => {
        discovery?.controller.abort()
        return { ok: true }
      }
    },
    async dispose() {
      const d = discovery
      if (d === null) return
      d.controller.abort()
      await d.done
    }
  }
}
