/**
 * Watches run by main: one at a time (it shares the Wi-Fi adapter with the live scan), each
 * written into its survey file after every scan, check and state change, so a crash, a kill or a
 * flat battery loses at most the scan under way. The file is the record: reopening it after a
 * crash shows the watch as it was at the last write, and `resumeId` goes on with it.
 *
 * The renderer keeps saving the survey (notes, other locations) while a watch runs; `overlay`
 * puts main's newest record of every watch of this session into each such save, so a renderer
 * that has not yet seen the latest samples never writes an older record over them.
 */
import { randomUUID } from 'node:crypto'
import type { EventSink, LiveWatch, OpenOutcome, SaveOutcome, ScanError, WatchStartOutcome } from '../../shared/contract'
import type { Survey } from '../../shared/model/survey'
import type { WatchRecord } from '../../shared/model/watch'
import { withWatch } from '../../shared/watch/record'
import { startWatch, type LightCheck, type WatchHandle } from './watch-engine'
import type { Scanner } from '../wifi/scanners/scanner'

export interface WatchServiceDeps {
  readonly scanner: Scanner
  /** Null: no connectivity checks on this machine (tests); the options' checkEveryMs 0 also turns them off. */
  readonly check: LightCheck | null
  readonly emit: EventSink
  readonly load: (path: string) => Promise<OpenOutcome>
  readonly save: (path: string, survey: Survey) => Promise<SaveOutcome>
  readonly intervalMs: number
  readonly now?: () => number
  readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>
}

export interface WatchOptions {
  readonly durationMs: number
  readonly checkEveryMs: number
  readonly resumeId?: string
}

interface Running extends LiveWatch {
  /** The survey file (main's own; the renderer knows it by `handle`). */
  readonly path: string
  readonly engine: WatchHandle
  /** The survey as last saved, without this watch's newest record. */
  base: Survey
  writing: Promise<void> | null
  dirty: boolean
}

/** True when `mine` holds more than `theirs` (more scans or checks, or the same and ended). */
function newer(mine: WatchRecord, theirs: WatchRecord): boolean {
  if (mine.scans !== theirs.scans) return mine.scans > theirs.scans
  if (mine.checksRun !== theirs.checksRun) return mine.checksRun > theirs.checksRun
  const ended = (r: WatchRecord) => r.state === 'finished' || r.state === 'stopped'
  return mine.state !== theirs.state && (ended(mine) || theirs.state === 'running')
}

export interface WatchService {
  /** Watches `locationId` of the survey at `path`, which the renderer knows as `handle`. */
  start(path: string, handle: string, locationId: string, options: WatchOptions): Promise<WatchStartOutcome>
  pause(watchId: string): void
  resume(watchId: string): void
  stop(watchId: string): Promise<void>
  list(): LiveWatch[]
  /** A survey about to be saved to `path`, with main's newest record of each of its watches. */
  overlay(path: string, survey: Survey): Survey
  dispose(): Promise<void>
}

export function createWatchService(deps: WatchServiceDeps): WatchService {
  const now = deps.now ?? Date.now
  let running: Running | null = null
  /** Every watch of this session, by ID: what overlay puts back into renderer saves. */
  const known = new Map<string, { path: string; locationId: string; record: WatchRecord }>()

  const write = (r: Running): void => {
    if (r.writing) {
      r.dirty = true
      return
    }
    r.writing = (async () => {
      do {
        r.dirty = false
        const entry = known.get(r.watchId)
        if (!entry) return
        const outcome = await deps.save(r.path, withWatch(r.base, r.locationId, entry.record))
        if (!outcome.ok) emitUpdate(r, entry.record, null, outcome.message)
      } while (r.dirty)
    })().finally(() => {
      r.writing = null
    })
  }

  const emitUpdate = (r: LiveWatch, record: WatchRecord, scanError: ScanError | null, saveError: string | null) =>
    deps.emit('watch:update', { watchId: r.watchId, handle: r.handle, locationId: r.locationId, record, scanError, saveError })

  return {
    async start(path, handle, locationId, options) {
      if (running) return { ok: false, reason: 'busy', message: 'A watch is already running: stop it before watching another stall.' }
      const opened = await deps.load(path)
      if (!opened.ok) return { ok: false, reason: 'unreadable', message: opened.message }
      const survey = opened.survey
      const location = survey.locations.find((l) => l.id === locationId)
      if (!location) return { ok: false, reason: 'not-found', message: 'That location is no longer in the survey file: save the survey, then start the watch again.' }
      if (survey.targetSsid.trim() === '') return { ok: false, reason: 'no-target', message: 'Enter the chargers\' network name (target SSID) in the survey first: the watch follows that network.' }
      const resume = options.resumeId === undefined ? undefined : location.watches.find((w) => w.id === options.resumeId)
      if (options.resumeId !== undefined && resume === undefined) return { ok: false, reason: 'not-found', message: 'The interrupted watch is not in the survey file any more.' }
      const watchId = resume?.id ?? randomUUID()
      let r: Running | null = null
      const engine = startWatch(
        { scanner: deps.scanner, now, sleep: deps.sleep, check: options.checkEveryMs > 0 ? deps.check : null },
        { id: watchId, ssid: survey.targetSsid, durationMs: options.durationMs, intervalMs: deps.intervalMs, checkEveryMs: options.checkEveryMs, resume },
        (record, change, error) => {
          known.set(watchId, { path, locationId, record })
          if (!r) return
          emitUpdate(r, record, change === 'scan-error' ? (error ?? null) : null, null)
          if (change !== 'scan-error') write(r)
        }
      )
      r = { watchId, path, handle, locationId, engine, base: survey, writing: null, dirty: false }
      running = r
      write(r)
      const current = r
      void engine.done.then(async () => {
        // The final record is written before the watch counts as over.
        while (current.writing) await current.writing
        if (running === current) running = null
        emitUpdate(current, engine.current(), null, null)
      })
      return { ok: true, watchId }
    },
    pause(watchId) {
      if (running?.watchId === watchId) running.engine.pause()
    },
    resume(watchId) {
      if (running?.watchId === watchId) running.engine.resume()
    },
    async stop(watchId) {
      const r = running
      if (r?.watchId !== watchId) return
      await r.engine.stop()
      while (r.writing) await r.writing
    },
    list() {
      return running ? [{ watchId: running.watchId, handle: running.handle, locationId: running.locationId }] : []
    },
    overlay(path, survey) {
      let out = survey
      for (const [id, entry] of known) {
        if (entry.path !== path) continue
        const location = out.locations.find((l) => l.id === entry.locationId)
        const theirs = location?.watches.find((w) => w.id === id)
        if (location && (theirs === undefined || newer(entry.record, theirs))) out = withWatch(out, entry.locationId, entry.record)
      }
      if (running?.path === path) running.base = out
      return out
    },
    async dispose() {
      const r = running
      if (!r) return
      // Quitting is not a crash: the watch ends as stopped, with everything written.
      await r.engine.stop()
      while (r.writing) await r.writing
    }
  }
}
