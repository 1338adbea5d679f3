/**
 * Scan requests: `scan:start` (one live loop at a time; a second start answers with the running
 * session), `scan:stop`, `scan:snapshot` (N scans combined; reuses the live loop's scans when it
 * runs). Events: `scan:status`, `scan:sample`, `scan:progress`.
 */
import type { Handlers } from '../../shared/contract'
import type { ServiceDeps } from '../service-deps'
import { createScanService } from './scan-service'
import { selectScanner } from './scanners'
import type { Scanner } from './scanners/scanner'

type ScanRequests = 'scan:start' | 'scan:stop' | 'scan:snapshot'

/** The scanner this app run uses (replay only when WC_SURVEY_SCANNER=replay). */
export function scannerFor(deps: Pick<ServiceDeps, 'platform' | 'env' | 'assetsDir'>): Scanner {
  return selectScanner({ platform: deps.platform, env: deps.env, assetsDir: deps.assetsDir })
}

/** Human name of the scanner in use, for `app:info` (e.g. "Linux (nmcli + iw, node-wifi baseline)", "Replay (demo: demo)"). */
export function describeScanner(deps: Pick<ServiceDeps, 'platform' | 'env' | 'assetsDir'>): string {
  return scannerFor(deps).name
}

export function createScanHandlers(
  deps: ServiceDeps,
  scanner: Scanner = scannerFor(deps)
): { handlers: Pick<Handlers, ScanRequests>; serialized: Scanner; dispose(): Promise<void> } {
  const service = createScanService({ scanner, emit: deps.emit })
  return {
    serialized: service.serialized,
    handlers: {
      'scan:start': (options) => service.start(options),
      'scan:stop': async (sessionId) => {
        await service.stop(sessionId)
        return { ok: true }
      },
      'scan:snapshot': (options) => service.snapshot(options)
    },
    dispose: () => service.dispose()
  }
}
