/**
 * The watch a technician runs from a location ("Watch this stall"): start, pause, resume, stop,
 * and the newest record main pushes (`watch:update`), which also goes into the open survey so the
 * location page and the report show it. Main writes every record to the file itself.
 */
import type { WatchUpdate } from '../../../shared/contract'
import { getApi } from '../api'
import { createStore } from './create-store'
import { adoptWatchRecord, getSurveyState } from './survey-store'

export interface WatchUiState {
  /** The running watch (main's newest update), or null. */
  readonly live: WatchUpdate | null
  /** IDs of watches main runs now (so an interrupted one in a file can be told from a live one). */
  readonly liveIds: ReadonlySet<string>
  readonly starting: boolean
  /** The last failure to start, and where. */
  readonly failure: { readonly locationId: string; readonly message: string } | null
}

export const watchStore = createStore<WatchUiState>({ live: null, liveIds: new Set(), starting: false, failure: null })

const isOver = (u: WatchUpdate): boolean => u.record.state === 'finished' || u.record.state === 'stopped'

function apply(update: WatchUpdate): void {
  adoptWatchRecord(update.handle, update.locationId, update.record)
  watchStore.update((s) => {
    const liveIds = new Set(s.liveIds)
    if (isOver(update)) liveIds.delete(update.watchId)
    else liveIds.add(update.watchId)
    return { ...s, live: isOver(update) ? null : update, liveIds }
  })
}

let listening = false
/** Listens to main's watch updates and learns which watches run now (once per page). */
export function connectWatches(): () => void {
  if (listening) return () => {}
  listening = true
  const off = getApi().on('watch:update', apply)
  void getApi()
    .request('watch:list')
    .then((list) => watchStore.update((s) => ({ ...s, liveIds: new Set(list.map((w) => w.watchId)) })))
    .catch(() => undefined)
  return () => {
    off()
    listening = false
  }
}

/** Starts (or, with `resumeId`, goes on with) a watch of a location of the open survey. */
export async function startWatching(locationId: string, durationMs: number, checkEveryMs: number, resumeId?: string): Promise<void> {
  const { handle } = getSurveyState()
  if (handle === null) return
  watchStore.update((s) => ({ ...s, starting: true, failure: null }))
  try {
    const outcome = await getApi().request('watch:start', handle, locationId, { durationMs, checkEveryMs, ...(resumeId === undefined ? {} : { resumeId }) })
    watchStore.update((s) => ({ ...s, starting: false, failure: outcome.ok ? null : { locationId, message: outcome.message } }))
  } catch (error) {
    watchStore.update((s) => ({ ...s, starting: false, failure: { locationId, message: `Could not reach the app to start the watch (${error instanceof Error ? error.message : String(error)}).` } }))
  }
}

export const pauseWatching = (watchId: string) => getApi().request('watch:pause', watchId)
export const resumeWatching = (watchId: string) => getApi().request('watch:resume', watchId)
export const stopWatching = (watchId: string) => getApi().request('watch:stop', watchId)

/** Back to no watch (tests; a new page starts so anyway). */
export function resetWatchStore(): void {
  watchStore.set({ live: null, liveIds: new Set(), starting: false, failure: null })
}
