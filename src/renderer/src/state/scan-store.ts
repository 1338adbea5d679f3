/**
 * The scan store: live Wi-Fi samples pushed by main (`scan:sample`, `scan:status`), per-BSS state
 * and bounded signal history, read through `useSyncExternalStore`.
 *
 * Samples are applied to mutable buffers as they arrive (cheap), but the snapshot React reads is
 * published at most once per animation frame (GitHub Desktop's coalescing): a burst of samples
 * costs one render. History is a ring buffer per BSS and BSSs unseen for longer than the window
 * are evicted, so memory is flat once the window is full. The renderer never polls: main pushes.
 */
import { useSyncExternalStore } from 'react'
import type { Api, ScanError, ScanErrorReason, ScanSample, ScanStatus } from '../../../shared/contract'
import type { Observation } from '../../../shared/model/observation'
import { bssKey } from '../../../shared/model/bss-identity'
import { getApi } from '../api'
import { SignalRing } from '../live/ring-buffer'
import type { BssEntry } from '../live/selectors'

/** What the live view reads. Immutable: a new object is published per frame with changes. */
export interface ScanState {
  readonly phase: 'idle' | 'starting' | 'scanning' | 'waiting' | 'stopping' | 'stopped' | 'error'
  readonly sessionId: string | null
  readonly intervalMs: number | null
  /** The last error from `scan:start` or `scan:status`; cleared by a good sample or a restart. */
  readonly error: ScanError | null
  /** Sample time (ms since epoch) of the newest sample: the right edge of the history window. */
  readonly lastSampleAt: number | null
  /** Wall-clock time the newest sample arrived, for "last update 3 s ago". */
  readonly lastReceivedAt: number | null
  readonly sampleCount: number
  /** Unparseable blocks skipped in the newest sample, and in all samples of this session. */
  readonly lastSkipped: number
  readonly skippedTotal: number
  readonly warnings: readonly string[]
  /** The newest sample's observations (what the findings strip judges). */
  readonly latest: readonly Observation[]
  /** Every BSS seen within the window, by key. */
  readonly networks: ReadonlyMap<string, BssEntry>
  /** Signal history per BSS key (mutable rings; `historyVersion` changes when they do). */
  readonly history: ReadonlyMap<string, SignalRing>
  readonly historyVersion: number
  readonly windowMs: number
}

export interface ScanStoreOptions {
  /** History window; BSSs unseen for longer are evicted. Default 10 minutes. */
  readonly windowMs?: number
  /** Hard cap on points per BSS, whatever the scan rate. Default 1200 (10 min at 0.5 s). */
  readonly maxPoints?: number
  /** Schedules a publish; default one animation frame. */
  readonly schedule?: (publish: () => void) => void
  /** Wall clock, ms. */
  readonly now?: () => number
}

export interface ScanStore {
  subscribe(listener: () => void): () => void
  getSnapshot(): ScanState
  /** Asks main to start scanning; failures land in `error`. */
  start(intervalMs?: number): Promise<void>
  /** Asks main to stop the current session. */
  stop(): Promise<void>
  /** Forgets every BSS and all history (a new location). */
  clear(): void
  /** Unsubscribes from the API events. */
  dispose(): void
}

export const DEFAULT_WINDOW_MS = 10 * 60 * 1000

function defaultSchedule(publish: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => publish())
  else setTimeout(publish, 16)
}

function failure(reason: ScanErrorReason, message: string): ScanError {
  return { reason, message, help: [] }
}

/** Creates a scan store bound to an Api (the real one, or a test fake). */
export function createScanStore(api: Api, options: ScanStoreOptions = {}): ScanStore {
  const windowMs = options.windowMs ?? DEFAULT_WINDOW_MS
  const maxPoints = options.maxPoints ?? 1200
  const schedule = options.schedule ?? defaultSchedule
  const now = options.now ?? Date.now
  const listeners = new Set<() => void>()

  // Mutable working copies; `state` is the published snapshot.
  const networks = new Map<string, BssEntry>()
  const history = new Map<string, SignalRing>()
  let working: Omit<ScanState, 'networks' | 'history' | 'historyVersion'> = {
    phase: 'idle',
    sessionId: null,
    intervalMs: null,
    error: null,
    lastSampleAt: null,
    lastReceivedAt: null,
    sampleCount: 0,
    lastSkipped: 0,
    skippedTotal: 0,
    warnings: [],
    latest: [],
    windowMs
  }
  let historyVersion = 0
  let state: ScanState = { ...working, networks: new Map(), history, historyVersion }
  let scheduled = false

  function publish(): void {
    scheduled = false
    state = { ...working, networks: new Map(networks), history, historyVersion }
    for (const l of listeners) l()
  }
  function changed(): void {
    if (scheduled) return
    scheduled = true
    schedule(publish)
  }

  function applySample(s: ScanSample): void {
    const parsed = Date.parse(s.at)
    // A sample without a readable time is placed "now" rather than dropped.
    const t = Number.isFinite(parsed) ? parsed : now()
    for (const o of s.observations) {
      const key = bssKey(o)
      const prev = networks.get(key)
      networks.set(key, { key, observation: o, firstSeen: prev?.firstSeen ?? t, lastSeen: t })
      if (o.signalDbm !== null) {
        let ring = history.get(key)
        if (!ring) {
          ring = new SignalRing(maxPoints)
          history.set(key, ring)
        }
        ring.push(t, o.signalDbm)
      }
    }
    const tMin = t - windowMs
    for (const [key, e] of networks) {
      if (e.lastSeen < tMin) {
        networks.delete(key)
        history.delete(key)
      }
    }
    for (const ring of history.values()) ring.dropBefore(tMin)
    historyVersion += 1
    const sameSession = working.sessionId === null || working.sessionId === s.sessionId
    working = {
      ...working,
      sessionId: working.sessionId ?? s.sessionId,
      phase: working.phase === 'idle' || working.phase === 'starting' ? 'scanning' : working.phase,
      // A sample proves the scanner works: earlier errors go, except the malformed-output notice.
      error: working.error?.reason === 'malformed' ? working.error : null,
      lastSampleAt: Math.max(t, working.lastSampleAt ?? t),
      lastReceivedAt: now(),
      sampleCount: working.sampleCount + 1,
      lastSkipped: s.skipped,
      skippedTotal: (sameSession ? working.skippedTotal : 0) + s.skipped,
      warnings: s.warnings,
      latest: s.observations
    }
    changed()
  }

  function applyStatus(s: ScanStatus): void {
    if (working.sessionId !== null && s.sessionId !== working.sessionId) return
    working = { ...working, sessionId: s.sessionId, phase: s.state, error: s.error ?? (s.state === 'error' ? working.error : null) }
    changed()
  }

  const offSample = api.on('scan:sample', applySample)
  const offStatus = api.on('scan:status', applyStatus)

  return {
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    getSnapshot: () => state,
    async start(intervalMs) {
      working = { ...working, phase: 'starting', error: null, sessionId: null, skippedTotal: 0 }
      changed()
      try {
        const r = await api.request('scan:start', intervalMs === undefined ? {} : { intervalMs })
        working = r.ok
          ? { ...working, sessionId: r.sessionId, intervalMs: r.intervalMs, phase: working.phase === 'starting' ? 'scanning' : working.phase }
          : { ...working, phase: 'error', error: failure(r.reason, r.message) }
      } catch (e) {
        // Transport failures (the app's server gone) are not contract values; show them anyway.
        working = { ...working, phase: 'error', error: failure('failed', `Could not ask the app to start scanning: ${String(e)}. Restart the app and try again.`) }
      }
      changed()
    },
    async stop() {
      const id = working.sessionId
      working = { ...working, phase: 'stopping' }
      changed()
      try {
        if (id !== null) await api.request('scan:stop', id)
        working = { ...working, phase: 'stopped' }
      } catch (e) {
        working = { ...working, phase: 'error', error: failure('failed', `Could not ask the app to stop scanning: ${String(e)}. Restart the app.`) }
      }
      changed()
    },
    clear() {
      networks.clear()
      history.clear()
      historyVersion += 1
      working = { ...working, latest: [], lastSampleAt: null, sampleCount: 0, skippedTotal: 0, lastSkipped: 0, warnings: [] }
      changed()
    },
    dispose() {
      offSample()
      offStatus()
      listeners.clear()
    }
  }
}

let shared: ScanStore | null = null

/** The app's scan store, bound to `getApi()` on first use. */
export function getScanStore(): ScanStore {
  shared ??= createScanStore(getApi())
  return shared
}

/** Forgets the app's scan store (tests: the next getScanStore() binds to the Api installed then). */
export function resetScanStore(): void {
  shared?.dispose()
  shared = null
}

/** Reads a scan store's snapshot in a component (the app's store unless one is given). */
export function useScanState(store: ScanStore = getScanStore()): ScanState {
  return useSyncExternalStore(store.subscribe, store.getSnapshot)
}
