/**
 * The watch engine: scans at the scan interval for the planned time, runs a light connectivity
 * check every `checkEveryMs` beside the scans, and hands every new record to `onUpdate` (the
 * service writes it to the survey, the CLI prints progress). Pause, resume and stop at any time.
 *
 * Electron-free, with the clock, the sleep, the scanner and the check injected: the tests run
 * hours of watch in milliseconds.
 */
import type { ScanError } from '../../shared/contract'
import type { WatchCheck, WatchRecord } from '../../shared/model/watch'
import { appendCheck, appendScan, endWatch, newWatchRecord, pauseWatch, remainingMs, resumeWatch, scanForWatch } from '../../shared/watch/record'
import { normalizeObservations } from '../wifi/merge'
import type { Scanner } from '../wifi/scanners/scanner'

/** A light connectivity check: resolves to what failed (empty when all passed); never rejects for network trouble. */
export type LightCheck = (signal: AbortSignal) => Promise<readonly string[]>

export interface WatchEngineDeps {
  readonly scanner: Scanner
  /** Wall clock, ms since the epoch. */
  readonly now: () => number
  /** Waits `ms`, or less when `signal` aborts. */
  readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>
  /** Null: no connectivity checks (`--no-probe`). */
  readonly check: LightCheck | null
}

export interface WatchPlan {
  readonly id: string
  readonly ssid: string
  readonly durationMs: number
  readonly intervalMs: number
  readonly checkEveryMs: number
  /** A record to go on with (after a crash); its plan wins over the fields above. */
  readonly resume?: WatchRecord
}

/** Why the record changed: a scan, a check, or a state change (start, pause, resume, end). */
export type WatchChange = 'scan' | 'check' | 'state' | 'scan-error'

export interface WatchHandle {
  /** The newest record. */
  current(): WatchRecord
  pause(): void
  resume(): void
  /** Ends the watch now (state `stopped`); resolves with the final record. */
  stop(): Promise<WatchRecord>
  /** Resolves with the final record when the planned time is watched or stop() was called. */
  readonly done: Promise<WatchRecord>
}

/**
 * Label of a co-channel network for the timeline: its SSID as it was broadcast, or a placeholder.
 * Stored as data; whoever shows it cleans it for its medium (visibleText in the UI, terminalSafe in the CLI).
 */
function labelOf(b: { ssid: string | null; hidden: boolean; redacted: boolean }): string {
  if (b.redacted) return 'name withheld'
  if (b.hidden || b.ssid === null || b.ssid === '') return '(hidden)'
  return b.ssid
}

/** Starts a watch; `onUpdate` gets every new record (and the scan error, when a scan failed). */
export function startWatch(deps: WatchEngineDeps, plan: WatchPlan, onUpdate: (record: WatchRecord, change: WatchChange, error?: ScanError) => void): WatchHandle {
  let record: WatchRecord = plan.resume
    ? resumeWatch(plan.resume, deps.now())
    : newWatchRecord({ id: plan.id, ssid: plan.ssid, startedAt: deps.now(), plannedMs: plan.durationMs, intervalMs: plan.intervalMs, checkEveryMs: deps.check === null ? 0 : plan.checkEveryMs })
  const stopped = new AbortController()
  /** Aborted to cut a sleep short (pause, stop). */
  let wake = new AbortController()
  let paused = false
  let resumed: (() => void) | null = null
  let checking: Promise<void> | null = null
  const checkController = new AbortController()

  const update = (next: WatchRecord, change: WatchChange, error?: ScanError) => {
    record = next
    onUpdate(record, change, error)
  }

  const runCheck = (check: LightCheck) => {
    // Timed at its start: "the check started at 21:14:05 failed".
    const t = deps.now()
    checking = check(checkController.signal)
      .catch((error: unknown) => [`the check itself failed (${error instanceof Error ? error.message : String(error)})`])
      .then((failed) => {
        if (checkController.signal.aborted) return
        const result: WatchCheck = { t, ok: failed.length === 0, failed: failed.map((f) => f.slice(0, 300)) }
        update(appendCheck(record, result), 'check')
      })
      .finally(() => {
        checking = null
      })
  }

  const loop = async (): Promise<WatchRecord> => {
    onUpdate(record, 'state')
    let nextCheckAt = deps.now()
    while (!stopped.signal.aborted && remainingMs(record) > 0) {
      if (paused) {
        await new Promise<void>((resolve) => {
          resumed = resolve
          stopped.signal.addEventListener('abort', () => resolve(), { once: true })
        })
        continue
      }
      const startedAt = deps.now()
      const check = record.checkEveryMs > 0 ? deps.check : null
      if (check !== null && checking === null && startedAt >= nextCheckAt) {
        nextCheckAt = startedAt + record.checkEveryMs
        runCheck(check)
      }
      const outcome = await deps.scanner.scan().catch(
        (error: unknown): { ok: false; error: ScanError } => ({ ok: false, error: { reason: 'failed', message: `The scanner stopped unexpectedly (${error instanceof Error ? error.message : String(error)}).`, help: [] } })
      )
      if (stopped.signal.aborted) break
      // A scan that ends after a pause was asked for still counts: it was taken before.
      if (outcome.ok) update(appendScan(record, scanForWatch(normalizeObservations(outcome.observations), record.ssid, deps.now(), labelOf)), 'scan')
      else onUpdate(record, 'scan-error', outcome.error)
      if (paused || stopped.signal.aborted) continue
      const wait = Math.min(remainingMs(record), Math.max(0, record.intervalMs - (deps.now() - startedAt)))
      if (wait > 0 && remainingMs(record) > 0) await deps.sleep(wait, wake.signal)
    }
    // Stopped: the check under way is cancelled. Finished: it is waited for (a few seconds at most).
    if (stopped.signal.aborted) checkController.abort()
    await checking
    update(endWatch(record, stopped.signal.aborted ? 'stopped' : 'finished', deps.now()), 'state')
    return record
  }

  const done = loop()
  return {
    current: () => record,
    pause() {
      if (paused || record.state !== 'running') return
      paused = true
      update(pauseWatch(record, deps.now()), 'state')
      wake.abort()
      wake = new AbortController()
    },
    resume() {
      if (!paused) return
      paused = false
      update(resumeWatch(record, deps.now()), 'state')
      resumed?.()
      resumed = null
    },
    async stop() {
      stopped.abort()
      wake.abort()
      return done
    },
    done
  }
}
