/**
 * The Connectivity page's store: one probe run at a time, its context and results filling in from
 * `probe:progress` events, read through `useSyncExternalStore`.
 */
import { useSyncExternalStore } from 'react'
import type { Api, ProbeProgress } from '../../../shared/contract'
import type { ProbeContext, ProbeResult, ProbeRun } from '../../../shared/model/probe'

export interface ProbeState {
  readonly phase: 'idle' | 'running' | 'cancelling' | 'done' | 'error'
  readonly runId: string | null
  readonly context: ProbeContext | null
  /** Results in arrival order (the page sorts failures first). */
  readonly results: readonly ProbeResult[]
  readonly done: number
  readonly total: number
  /** The finished run, ready to save into a location. */
  readonly run: ProbeRun | null
  readonly error: string | null
}

const initial: ProbeState = { phase: 'idle', runId: null, context: null, results: [], done: 0, total: 0, run: null, error: null }

export interface ProbeStore {
  getState(): ProbeState
  subscribe(listener: () => void): () => void
  /** Starts a run; resolves when it ends (finished, cancelled or refused). */
  start(options: { timeoutMs?: number; targetSsid?: string }): Promise<void>
  cancel(): Promise<void>
}

/** A store over an Api (the app's, or a fake in tests). */
export function createProbeStore(api: () => Api): ProbeStore {
  let state = initial
  const listeners = new Set<() => void>()
  const set = (next: ProbeState) => {
    state = next
    for (const l of listeners) l()
  }
  const onProgress = (p: ProbeProgress) => {
    if (state.phase !== 'running' && state.phase !== 'cancelling') return
    // The first event names the run; later events of another run (a second window) are ignored.
    if (state.runId !== null && p.runId !== state.runId) return
    set({
      ...state,
      runId: p.runId,
      context: p.context ?? state.context,
      results: p.result ? [...state.results, p.result] : state.results,
      done: Math.max(state.done, p.done),
      total: p.total
    })
  }
  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    async start(options) {
      if (state.phase === 'running' || state.phase === 'cancelling') return
      set({ ...initial, phase: 'running' })
      const off = api().on('probe:progress', onProgress)
      try {
        const outcome = await api().request('probe:run', options)
        if (outcome.ok) {
          set({ ...state, phase: 'done', run: outcome.run, context: outcome.run.context, results: outcome.run.results, done: outcome.run.results.length, total: outcome.run.results.length })
        } else {
          set({ ...state, phase: 'error', error: outcome.message })
        }
      } catch (error) {
        set({ ...state, phase: 'error', error: `Could not reach the app to run the probe: ${error instanceof Error ? error.message : String(error)}. Check the app is still running, then run again.` })
      } finally {
        off()
      }
    },
    async cancel() {
      if (state.phase !== 'running' || state.runId === null) return
      set({ ...state, phase: 'cancelling' })
      await api().request('probe:cancel', state.runId)
    }
  }
}

/** Reads a probe store in a component. */
export function useProbeState(store: ProbeStore): ProbeState {
  return useSyncExternalStore(store.subscribe, store.getState, store.getState)
}
