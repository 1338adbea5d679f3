/**
 * The two surveys on the Compare page (and behind the report's "Changes since" page): loaded
 * read-only, never saved from here. When one of them is the survey open for editing, the page
 * reads that one from the survey store instead, so a stall measured a moment ago shows at once.
 */
import type { Survey } from '../../../shared/model/survey'
import { orderByAge } from '../../../shared/compare/compare-surveys'
import { getApi } from '../api'
import { createStore } from './create-store'

/** One survey of the pair: the handle main issued for its file, the path (display only), the survey. */
export interface CompareSide {
  readonly handle: string
  readonly path: string
  readonly survey: Survey
}

export interface CompareState {
  readonly older: CompareSide | null
  readonly newer: CompareSide | null
  readonly loading: boolean
  /** Why the pair could not be loaded, naming the file. */
  readonly error: string | null
}

const empty: CompareState = { older: null, newer: null, loading: false, error: null }

export const compareStore = createStore<CompareState>(empty)

async function read(handle: string): Promise<CompareSide | string> {
  try {
    const outcome = await getApi().request('survey:open', handle)
    return outcome.ok ? { handle: outcome.handle, path: outcome.path, survey: outcome.survey } : outcome.message
  } catch (error) {
    return `Could not reach the app to read a survey: ${error instanceof Error ? error.message : String(error)}.`
  }
}

/**
 * Loads two surveys to compare, in either order (the older by creation time becomes `older`).
 * Resolves false, with the message in `error`, when either cannot be read.
 */
export async function loadComparison(handleA: string, handleB: string): Promise<boolean> {
  compareStore.update((s) => ({ ...s, loading: true, error: null }))
  const [a, b] = await Promise.all([read(handleA), read(handleB)])
  if (typeof a === 'string' || typeof b === 'string') {
    const error = [a, b].filter((x): x is string => typeof x === 'string').join(' ')
    compareStore.update((s) => ({ ...s, loading: false, error }))
    return false
  }
  const { older } = orderByAge(a.survey, b.survey)
  const [first, second] = older === a.survey ? [a, b] : [b, a]
  compareStore.set({ older: first, newer: second, loading: false, error: null })
  return true
}

/** Forgets the pair (tests, closing the app's survey). */
export function resetCompare(): void {
  compareStore.set(empty)
}

/** The pair, for components. */
export function useCompare(): CompareState {
  return compareStore.use()
}
