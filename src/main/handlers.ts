/**
 * Every request handler, built once from the domain factories and registered for both Electron
 * IPC (main/electron/ipc.ts) and the web server (main/web).
 */
import type { Handlers } from '../shared/contract'
import type { ServiceDeps } from './service-deps'
import { createSurveyHandles, type SurveyHandles } from './survey/handles'
import { createSurveyHandlers } from './survey/handlers'
import { createScanHandlers } from './wifi/handlers'
import { createProbeHandlers } from './probe/handlers'
import { createReportHandlers } from './report/handlers'

export interface HandlerSet {
  readonly handlers: Handlers
  /** The survey handles the handlers issue; main's menu and file association issue theirs here too. */
  readonly surveyHandles: SurveyHandles
  /** Stops scan loops and probe runs; called when the app quits. */
  dispose(): Promise<void>
}

export function createHandlers(deps: ServiceDeps): HandlerSet {
  const surveyHandles = createSurveyHandles()
  const survey = createSurveyHandlers(deps, surveyHandles)
  const scan = createScanHandlers(deps)
  const probe = createProbeHandlers(deps)
  const report = createReportHandlers(deps)
  return {
    handlers: { ...survey.handlers, ...scan.handlers, ...probe.handlers, ...report.handlers },
    surveyHandles,
    async dispose() {
      await Promise.all([scan.dispose(), probe.dispose()])
    }
  }
}
