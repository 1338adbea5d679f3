/** Probe requests (placeholder: the firewall-probe issue fills this in). */
import type { Handlers } from '../../shared/contract'
import type { ServiceDeps } from '../service-deps'

type ProbeRequests = 'probe:run' | 'probe:cancel'

export function createProbeHandlers(_deps: ServiceDeps): { handlers: Pick<Handlers, ProbeRequests>; dispose(): Promise<void> } {
  return {
    handlers: {
      'probe:run': async () => ({ ok: false, reason: 'failed', message: 'Probing is not available yet.' }),
      'probe:cancel': async () => ({ ok: true })
    },
    dispose: async () => {}
  }
}
