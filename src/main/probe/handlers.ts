/**
 * Probe requests: `probe:run` (one run at a time; a second answers 'busy') and `probe:cancel`.
 * Progress goes out as `probe:progress` events while the run is under way.
 */
import { execFile } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import type { Handlers } from '../../shared/contract'
import type { ServiceDeps } from '../service-deps'
import { systemContextDeps, type ExecFileFn } from './context'
import { runProbe, type ProbeEngineDeps } from './runner'

type ProbeRequests = 'probe:run' | 'probe:cancel'

/** execFile with an argument array, a timeout and a bounded output; never a shell. */
export const runProgram: ExecFileFn = (file, args, timeoutMs) =>
  new Promise((resolve, reject) => {
    execFile(file, [...args], { timeout: timeoutMs, maxBuffer: 1024 * 1024, encoding: 'utf8' }, (error, stdout) =>
      error ? reject(error) : resolve(stdout)
    )
  })

/** The engine's dependencies on the real system. */
export function systemProbeDeps(platform: NodeJS.Platform): ProbeEngineDeps {
  return { context: systemContextDeps(platform, runProgram) }
}

/** Probe handlers over the real system (engine deps injectable for tests). */
export function createProbeHandlers(
  deps: ServiceDeps,
  engine: ProbeEngineDeps = systemProbeDeps(deps.platform)
): { handlers: Pick<Handlers, ProbeRequests>; dispose(): Promise<void> } {
  let current: { id: string; controller: AbortController; done: Promise<unknown> } | null = null
  return {
    handlers: {
      'probe:run': async (options) => {
        if (current !== null) {
          return { ok: false, reason: 'busy', message: 'A probe run is already under way: wait for it to finish or cancel it, then run again.' }
        }
        const id = randomUUID()
        const controller = new AbortController()
        const running = runProbe(engine, {
          runId: id,
          timeoutMs: options.timeoutMs,
          targetSsid: options.targetSsid ?? null,
          signal: controller.signal,
          onProgress: (p) => deps.emit('probe:progress', { runId: id, ...p })
        })
        current = { id, controller, done: running.catch(() => undefined) }
        try {
          return { ok: true, run: await running }
        } catch (error) {
          return {
            ok: false,
            reason: 'failed',
            message: `The probe run stopped unexpectedly (${error instanceof Error ? error.message : String(error)}). Run it again; if it repeats, report it.`
          }
        } finally {
          current = null
        }
      },
      'probe:cancel': async (runId) => {
        if (current?.id === runId) current.controller.abort()
        return { ok: true }
      }
    },
    async dispose() {
      const run = current
      if (run === null) return
      run.controller.abort()
      await run.done
    }
  }
}
