/**
 * The live scan loop and snapshots, over one Scanner. Main owns the loop and pushes
 * `scan:status` / `scan:sample` / `scan:progress` events; the renderer never polls.
 */
import { randomUUID } from 'node:crypto'
import type { EventSink, ScanError, ScanSample, ScanSessionOutcome, SnapshotOutcome } from '../../shared/contract'
import type { Observation } from '../../shared/model/observation'
import { combineScans, normalizeObservations } from './merge'
import { MIN_INTERVAL_MS, type ScanOutcome, type Scanner } from './scanners/scanner'

export interface ScanServiceDeps {
  readonly scanner: Scanner
  readonly emit: EventSink
  /** Waits `ms` (or less when `signal` aborts); injectable so tests need not wait. */
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>
  readonly now?: () => number
}

/** Waits `ms`, or less when `signal` aborts (the scan loop's and the watch's sleep). */
export const abortableSleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise<void>((resolve) => {
    if (signal.aborted) return resolve()
    const timer = setTimeout(done, ms)
    function done() {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve()
    }
    signal.addEventListener('abort', done)
  })

/** After a failed scan, wait at least this long before retrying (the user is fixing something). */
const RETRY_AFTER_ERROR_MS = 5000

export interface ScanService {
  /** The scanner with its calls queued behind the live loop's and the snapshots' (for the watch). */
  readonly serialized: Scanner
  start(options: { intervalMs?: number }): Promise<ScanSessionOutcome>
  stop(sessionId: string): Promise<void>
  snapshot(options: { scans: number }): Promise<SnapshotOutcome>
  dispose(): Promise<void>
}

interface Session {
  readonly id: string
  readonly intervalMs: number
  readonly controller: AbortController
  done: Promise<void>
}

/** Creates the scan service. */
export function createScanService(deps: ScanServiceDeps): ScanService {
  const sleep = deps.sleep ?? abortableSleep
  const now = deps.now ?? Date.now
  const floor = Math.max(MIN_INTERVAL_MS, deps.scanner.minIntervalMs)
  let session: Session | null = null
  let snapshotting = false
  /** Scanner calls are serialized: a snapshot and the loop never scan at the same time. */
  let lock: Promise<unknown> = Promise.resolve()
  const listeners = new Set<(outcome: ScanOutcome) => void>()

  const scanOnce = (): Promise<ScanOutcome> => {
    const run = lock.then(() =>
      deps.scanner.scan().catch(
        (error: unknown): ScanOutcome => ({
          ok: false,
          error: { reason: 'failed', message: `The scanner stopped unexpectedly (${error instanceof Error ? error.message : String(error)}).`, help: ['Start the scan again; if it repeats, report it.'] }
        })
      )
    )
    lock = run
    return run
  }

  const loop = async (s: Session) => {
    const { signal } = s.controller
    while (!signal.aborted) {
      const startedAt = now()
      deps.emit('scan:status', { sessionId: s.id, state: 'scanning', error: null })
      const outcome = await scanOnce()
      if (signal.aborted) break
      if (outcome.ok) {
        const sample: ScanSample = {
          sessionId: s.id,
          at: new Date(now()).toISOString(),
          observations: normalizeObservations(outcome.observations),
          skipped: outcome.skipped,
          warnings: [...outcome.warnings]
        }
        deps.emit('scan:sample', sample)
        deps.emit('scan:status', { sessionId: s.id, state: 'waiting', error: null })
      } else deps.emit('scan:status', { sessionId: s.id, state: 'error', error: outcome.error })
      for (const l of listeners) l(outcome)
      // "As fast as the OS allows": the next scan starts `intervalMs` after this one STARTED,
      // so a scan slower than the interval is followed at once; never sooner than the floor.
      const gap = outcome.ok ? s.intervalMs : Math.max(s.intervalMs, RETRY_AFTER_ERROR_MS)
      await sleep(Math.max(0, gap - (now() - startedAt)), signal)
    }
    deps.emit('scan:status', { sessionId: s.id, state: 'stopped', error: null })
  }

  const stopSession = async (s: Session) => {
    s.controller.abort()
    await s.done
    if (session === s) session = null
  }

  return {
    serialized: { name: deps.scanner.name, minIntervalMs: floor, scan: scanOnce },
    async start(options) {
      if (session) return { ok: true, sessionId: session.id, intervalMs: session.intervalMs }
      const intervalMs = Math.max(floor, options.intervalMs ?? floor)
      const s: Session = { id: randomUUID(), intervalMs, controller: new AbortController(), done: Promise.resolve() }
      session = s
      s.done = loop(s)
      return { ok: true, sessionId: s.id, intervalMs }
    },
    async stop(sessionId) {
      if (session?.id === sessionId) await stopSession(session)
    },
    async snapshot({ scans }) {
      if (snapshotting) return { ok: false, reason: 'busy', message: 'A snapshot is already being taken: wait for it to finish.', help: [] }
      snapshotting = true
      try {
        const total = scans
        const collected: Observation[][] = []
        let skipped = 0
        const warnings = new Set<string>()
        deps.emit('scan:progress', { done: 0, total })
        const take = (outcome: ScanOutcome): ScanError | null => {
          if (!outcome.ok) return outcome.error
          collected.push([...outcome.observations])
          skipped += outcome.skipped
          for (const w of outcome.warnings) warnings.add(w)
          deps.emit('scan:progress', { done: collected.length, total })
          return null
        }
        let error: ScanError | null = null
        const live = session
        if (live) {
          // Reuse the live loop's scans: the next `scans` results it produces (not older ones:
          // the technician may just have walked to this spot).
          error = await new Promise<ScanError | null>((resolve) => {
            const onOutcome = (outcome: ScanOutcome) => {
              const failed = take(outcome)
              if (failed || collected.length >= total) {
                listeners.delete(onOutcome)
                live.controller.signal.removeEventListener('abort', onAbort)
                resolve(failed)
              }
            }
            const onAbort = () => {
              listeners.delete(onOutcome)
              resolve({ reason: 'failed', message: 'The live scan was stopped before the snapshot was complete.', help: ['Take the snapshot again.'] })
            }
            listeners.add(onOutcome)
            live.controller.signal.addEventListener('abort', onAbort)
          })
        } else {
          const controller = new AbortController()
          for (let i = 0; i < total && error === null; i++) {
            const startedAt = now()
            error = take(await scanOnce())
            if (error === null && i + 1 < total) await sleep(Math.max(0, floor - (now() - startedAt)), controller.signal)
          }
        }
        if (error) return { ok: false, reason: error.reason, message: error.message, help: error.help }
        return { ok: true, scanCount: collected.length, observations: normalizeObservations(combineScans(collected)), skipped, warnings: [...warnings] }
      } finally {
        snapshotting = false
      }
    },
    async dispose() {
      if (session) await stopSession(session)
    }
  }
}
