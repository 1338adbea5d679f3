/** Scan requests (placeholder: the Wi-Fi scanning issue fills this in). */
import type { Handlers } from '../../shared/contract'
import type { ServiceDeps } from '../service-deps'

type ScanRequests = 'scan:start' | 'scan:stop' | 'scan:snapshot'

export function createScanHandlers(_deps: ServiceDeps): { handlers: Pick<Handlers, ScanRequests>; dispose(): Promise<void> } {
  return {
    handlers: {
      'scan:start': async () => ({ ok: false, reason: 'failed', message: 'Scanning is not available yet.' }),
      'scan:stop': async () => ({ ok: true }),
      'scan:snapshot': async () => ({ ok: false, reason: 'failed', message: 'Scanning is not available yet.' })
    },
    dispose: async () => {}
  }
}
