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
import { createWatchHandlers } from './watch/handlers'
import { createChargerHandlers } from './charger/handlers'
import { createPhotoHandlers } from './photos/handlers'
import { createCompanyHandlers } from './settings/handlers'

export interface HandlerSet {
  readonly handlers: Handlers
  /** The survey handles the handlers issue; main's menu and file association issue theirs here too. */
  readonly surveyHandles: SurveyHandles
  /** Stops the watch, scan loops, probe runs and charger discovery; called when the app quits. */
  dispose(): Promise<void>
}

export function createHandlers(deps: ServiceDeps): HandlerSet {
  const surveyHandles = createSurveyHandles()
  const scan = createScanHandlers(deps)
  const watch = createWatchHandlers(deps, scan.serialized, surveyHandles)
  // Renderer saves carry main's newest record of every watch (see watch-service).
  const survey = createSurveyHandlers(deps, surveyHandles, watch.service.overlay)
  const probe = createProbeHandlers(deps)
  const report = createReportHandlers(deps)
  const charger = createChargerHandlers(deps)
  const photo = createPhotoHandlers()
  const company = createCompanyHandlers(deps.dataDir)
  return {
    handlers: { ...survey.handlers, ...scan.handlers, ...probe.handlers, ...report.handlers, ...watch.handlers, ...charger.handlers, ...photo.handlers, ...company.handlers },
    surveyHandles,
    async dispose() {
      // The watch first: its last scan goes through the scan service.
      await watch.service.dispose()
      await Promise.all([scan.dispose(), probe.dispose(), charger.dispose()])
    }
  }
}
