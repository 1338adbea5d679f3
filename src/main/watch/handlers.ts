/**
 * Watch requests: `watch:start` (one at a time; a second answers 'busy'), `watch:pause`,
 * `watch:resume`, `watch:stop`, `watch:list`. `watch:update` events carry the newest record.
 */
import type { Handlers } from '../../shared/contract'
import type { ServiceDeps } from '../service-deps'
import type { SurveyHandles } from '../survey/handles'
import { systemProbeDeps } from '../probe/handlers'
import { loadSurveyFile, saveSurveyFile } from '../survey/survey-file'
import { abortableSleep } from '../wifi/scan-service'
import type { Scanner } from '../wifi/scanners/scanner'
import { probeLightCheck } from './light-check'
import { createWatchService, type WatchService } from './watch-service'
import type { LightCheck } from './watch-engine'

type WatchRequests = 'watch:start' | 'watch:pause' | 'watch:resume' | 'watch:stop' | 'watch:list'

/** Watch handlers over `scanner` (the scan service's, so a watch and a live scan never scan at once). */
export function createWatchHandlers(
  deps: ServiceDeps,
  scanner: Scanner,
  handles: SurveyHandles,
  check: LightCheck = probeLightCheck(systemProbeDeps(deps.platform))
): { handlers: Pick<Handlers, WatchRequests>; service: WatchService } {
  const service = createWatchService({
    scanner,
    check,
    emit: deps.emit,
    load: loadSurveyFile,
    save: saveSurveyFile,
    intervalMs: scanner.minIntervalMs,
    sleep: abortableSleep
  })
  return {
    service,
    handlers: {
      'watch:start': async (handle, locationId, options) => {
        const path = handles.pathOf(handle)
        if (path === null) return { ok: false, reason: 'unknown-handle', message: 'This survey was opened before the app restarted: open it again from the library, then start the watch.' }
        return service.start(path, handle, locationId, options)
      },
      'watch:pause': async (id) => {
        service.pause(id)
        return { ok: true }
      },
      'watch:resume': async (id) => {
        service.resume(id)
        return { ok: true }
      },
      'watch:stop': async (id) => {
        await service.stop(id)
        return { ok: true }
      },
      'watch:list': async () => service.list()
    }
  }
}
