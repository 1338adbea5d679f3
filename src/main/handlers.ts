/**
 * Every request handler, built once from the domain factories and registered for both Electron
 * IPC (main/ipc) and the web server (main/web).
 */
import type { Handlers } from '../shared/contract'
import type { ServiceDeps } from './service-deps'
import { createSurveyHandlers } from './survey/handlers'
import { createScanHandlers } from './wifi/handlers'
import { createProbeHandlers } from './probe/handlers'
import { createReportHandlers } from './report/handlers'

export interface HandlerSet {
  readonly handlers: Handlers
  /** Stops scan loops and probe runs; called when the app quits. */
  dispose(): Promise<void>
}

export function createHandlers(deps: ServiceDeps): HandlerSet {
  const survey = createSurveyHandlers(deps)
  const scan = createScanHandlers(deps)
  const probe = createProbeHandlers(deps)
  const report = createReportHandlers(deps)
  return {
    handlers: { ...survey.handlers, ...scan.handlers, ...probe.handlers, ...report.handlers },
    async dispose() {
      await Promise.all([scan.dispose(), probe.dispose()])
    }
  }
}
