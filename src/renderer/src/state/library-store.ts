/**
 * The survey library: saved surveys in the data folder, recent files, and what the app runs on.
 */
import type { AppInfo } from '../../../shared/contract'
import type { LibraryEntry, SurveyEntry } from '../../../shared/contract'
import { getApi } from '../api'
import { createStore } from './create-store'

export interface LibraryState {
  readonly loading: boolean
  readonly surveys: readonly LibraryEntry[]
  readonly recent: readonly SurveyEntry[]
  /** Set when the list itself could not be read. */
  readonly error: string | null
  readonly info: AppInfo | null
}

export const libraryStore = createStore<LibraryState>({ loading: false, surveys: [], recent: [], error: null, info: null })

/** Reloads the list of saved surveys and recent files. */
export async function refreshLibrary(): Promise<void> {
  libraryStore.update((s) => ({ ...s, loading: true }))
  try {
    const api = getApi()
    const [surveys, recent, info] = await Promise.all([
      api.request('survey:list'),
      api.request('survey:recent'),
      libraryStore.get().info ? Promise.resolve(libraryStore.get().info) : api.request('app:info')
    ])
    libraryStore.update((s) => ({ ...s, loading: false, surveys, recent, info, error: null }))
  } catch (error) {
    libraryStore.update((s) => ({
      ...s,
      loading: false,
      error: `Could not list the saved surveys: ${error instanceof Error ? error.message : String(error)}. Check the app is still running, then reload.`
    }))
  }
}

/** The library, for components. */
export function useLibrary(): LibraryState {
  return libraryStore.use()
}
