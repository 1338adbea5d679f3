/**
 * Transient UI requests that cross pages: the menu's "New survey" opens the library's form, the
 * browser-mode "Open…" focuses its path field, "Save As…" opens the path dialog.
 */
import { createStore } from './create-store'

export interface UiState {
  readonly newSurveyFormOpen: boolean
  /** Bumped to ask the library to focus its "open a file by path" field (browser mode). */
  readonly openPathRequest: number
  readonly saveAsOpen: boolean
}

export const uiStore = createStore<UiState>({ newSurveyFormOpen: false, openPathRequest: 0, saveAsOpen: false })

/** Patches the UI state. */
export function setUi(patch: Partial<UiState>): void {
  uiStore.update((s) => ({ ...s, ...patch }))
}

/** The UI state, for components. */
export function useUi(): UiState {
  return uiStore.use()
}
