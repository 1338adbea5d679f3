/**
 * The open survey: what is loaded, from which file, whether it may be edited, and how its
 * autosave is doing. Read it with `useSurveyState()`; change it with the plain functions below.
 *
 * Every edit goes through `updateSurvey`, which bumps `updatedAt` and schedules one debounced
 * `survey:save` (≤ 1 s, issue 2 item 5). A failed save keeps the edit in memory and shows the
 * message; the next edit or `retrySave()` tries again (issue 2 item 6: nothing lost).
 */
import { useSyncExternalStore } from 'react'
import type { NewSurveyInput, SaveAsOutcome, SaveOutcome, SurveyOpenOutcome } from '../../../shared/contract'
import type { Survey } from '../../../shared/model/survey'
import type { WatchRecord } from '../../../shared/model/watch'
import { withWatch } from '../../../shared/watch/record'
import { getApi } from '../api'

/** How the autosave of the open survey stands. */
export interface SaveStatus {
  /** 'conflict': another program changed the file; autosave waits for the person to choose (keepBoth / overwriteTheirs / dismissConflict). */
  readonly state: 'idle' | 'saving' | 'saved' | 'error' | 'conflict'
  /** ISO time of the last successful save. */
  readonly at: string | null
  /** The failure message of the last save, when state is 'error'. */
  readonly message: string | null
}

/** Everything the UI reads about the open survey. */
export interface SurveyState {
  readonly survey: Survey | null
  /** The handle main issued for the file the survey autosaves to (main keeps the path). */
  readonly handle: string | null
  /** That file's path, for display only. */
  readonly path: string | null
  /** False for a file main will not write (browser mode, outside the surveys folder): Save As makes an editable copy. */
  readonly writable: boolean
  /** Review mode: a survey opened from the library is read-only until the user chooses to edit. */
  readonly readOnly: boolean
  readonly save: SaveStatus
  readonly currentLocationId: string | null
}

/** Autosave delay after the last edit (issue 2: debounced, at most 1 s). */
export const AUTOSAVE_DELAY_MS = 800

const idleSave: SaveStatus = { state: 'idle', at: null, message: null }
const emptyState: SurveyState = { survey: null, handle: null, path: null, writable: false, readOnly: false, save: idleSave, currentLocationId: null }

let state: SurveyState = emptyState
const listeners = new Set<() => void>()
let timer: ReturnType<typeof setTimeout> | null = null
/** The survey object that still needs saving (null when the file matches memory). */
let unsaved: Survey | null = null
/** The running save, so a flush waits for it instead of writing twice at once. */
let inFlight: Promise<void> | null = null

function setState(next: SurveyState): void {
  state = next
  for (const listener of listeners) listener()
}

/** Calls `listener` after every change of the survey state; returns the unsubscribe function. */
export function subscribeSurvey(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Current state, outside React (commands, tests). */
export function getSurveyState(): SurveyState {
  return state
}

/** The open survey's state, for components. */
export function useSurveyState(): SurveyState {
  return useSyncExternalStore(subscribeSurvey, getSurveyState, getSurveyState)
}

function clearTimer(): void {
  if (timer !== null) clearTimeout(timer)
  timer = null
}

function scheduleSave(): void {
  clearTimer()
  // Paused while the changed-on-disk question is open: the edit stays in memory (nothing lost).
  if (state.save.state === 'conflict') return
  timer = setTimeout(() => {
    timer = null
    void flushSave()
  }, AUTOSAVE_DELAY_MS)
}

async function saveOnce(): Promise<void> {
  const survey = unsaved
  const { handle, path } = state
  if (survey === null || handle === null) return
  setState({ ...state, save: { ...state.save, state: 'saving' } })
  let outcome: SaveOutcome
  try {
    outcome = await getApi().request('survey:save', handle, survey)
  } catch (error) {
    // The transport itself failed (browser mode lost its server): same handling as a failed save.
    outcome = {
      ok: false,
      reason: 'failed',
      message: `Could not reach the app to save ${path ?? 'the survey'}: ${error instanceof Error ? error.message : String(error)}. Your changes are kept in this window; check the app is still running, then retry.`
    }
  }
  // The user may have opened another survey meanwhile: only report on the file we saved.
  if (state.handle !== handle) return
  if (outcome.ok) {
    if (unsaved === survey) unsaved = null
    setState({ ...state, save: { state: 'saved', at: outcome.savedAt, message: null } })
  } else {
    setState({ ...state, save: { state: outcome.reason === 'changed-on-disk' ? 'conflict' : 'error', at: state.save.at, message: outcome.message } })
  }
}

/**
 * Keeps both after 'changed-on-disk': main writes this window's survey to a new file beside the
 * other program's (it chooses the name) and autosave continues there. Returns the outcome.
 */
export async function keepBoth(): Promise<SaveAsOutcome | null> {
  const { handle, survey } = state
  if (handle === null || survey === null) return null
  const outcome = await getApi().request('survey:keepBoth', handle, survey)
  if (state.handle !== handle) return outcome
  if (outcome.ok) movedTo(outcome.handle, outcome.path, outcome.savedAt)
  else setState({ ...state, save: { state: 'error', at: state.save.at, message: outcome.message } })
  return outcome
}

/** Replaces the other program's version with this window's, because the person chose to. */
export async function overwriteTheirs(): Promise<SaveOutcome | null> {
  const { handle, survey } = state
  if (handle === null || survey === null) return null
  const outcome = await getApi().request('survey:overwrite', handle, survey)
  if (state.handle !== handle) return outcome
  if (outcome.ok) {
    if (unsaved === survey) unsaved = null
    setState({ ...state, save: { state: 'saved', at: outcome.savedAt, message: null } })
  } else setState({ ...state, save: { state: 'error', at: state.save.at, message: outcome.message } })
  return outcome
}

/** Closes the question without choosing: the edits stay unsaved, shown as a failed save with Retry. */
export function dismissConflict(): void {
  if (state.save.state !== 'conflict') return
  setState({ ...state, save: { ...state.save, state: 'error' } })
}

/**
 * Writes the unsaved survey now (cancelling the debounce) and resolves when the file is written
 * or the save failed. Safe to call at any time; edits made during a save are saved right after.
 */
export async function flushSave(): Promise<void> {
  clearTimer()
  while (inFlight !== null) await inFlight
  if (unsaved === null) return
  const run = saveOnce()
  inFlight = run
  try {
    await run
  } finally {
    inFlight = null
  }
  // An edit that arrived while this save ran has already scheduled its own debounced save.
}

/**
 * Saves pending edits before the open survey is replaced or closed. Returns null when everything
 * is on disk, else the message to show: the caller must not drop the survey then (nothing lost).
 */
export async function saveBeforeLeaving(): Promise<string | null> {
  await flushSave()
  if (unsaved === null) return null
  const name = state.path ?? 'the open survey'
  return `Your latest changes to ${name} are not saved yet (${state.save.message ?? 'the save failed'}). Retry, or use Save as… to keep them elsewhere, before opening or closing a survey.`
}

/** True while an edit is not on disk yet (the autosave's debounce, a save running or failed). */
export function hasUnsavedEdits(): boolean {
  return unsaved !== null
}

/** Tries the failed save again (the banner's Retry button). */
export function retrySave(): Promise<void> {
  return flushSave()
}

/**
 * Changes the open survey. No-op when nothing is open or in review mode; bumps `updatedAt` and
 * schedules the autosave.
 */
export function updateSurvey(recipe: (s: Survey) => Survey): void {
  const { survey, readOnly } = state
  if (survey === null || readOnly) return
  const changed = recipe(survey)
  if (changed === survey) return
  const next: Survey = { ...changed, updatedAt: new Date().toISOString() }
  unsaved = next
  setState({ ...state, survey: next })
  scheduleSave()
}

/**
 * Takes main's newest record of a watch into the open survey (shown at once). Main has already
 * written it to the file, so this schedules no save; a pending save carries it along.
 */
export function adoptWatchRecord(handle: string, locationId: string, record: WatchRecord): void {
  const { survey } = state
  if (survey === null || state.handle !== handle) return
  const put = (s: Survey): Survey => withWatch(s, locationId, record)
  if (unsaved !== null) unsaved = put(unsaved)
  setState({ ...state, survey: put(survey) })
}

/** Chooses the location the survey page (and the live view) works on. */
export function setCurrentLocation(id: string | null): void {
  if (state.currentLocationId === id) return
  setState({ ...state, currentLocationId: id })
}

/**
 * Shows an opened survey. `written`: main has just written the file (a new survey, a re-survey),
 * so the header says "Saved" at once rather than "No changes yet".
 */
function load(outcome: SurveyOpenOutcome, readOnly: boolean, written = false): void {
  if (!outcome.ok) return
  clearTimer()
  unsaved = null
  const first = outcome.survey.locations[0]
  setState({
    survey: outcome.survey,
    handle: outcome.handle,
    path: outcome.path,
    writable: outcome.writable,
    // A file main will not write is only ever reviewed: Save As makes the editable copy.
    readOnly: readOnly || !outcome.writable,
    save: written ? { state: 'saved', at: outcome.survey.updatedAt, message: null } : idleSave,
    currentLocationId: first ? first.id : null
  })
}

/**
 * Opens a survey file for review (read-only until `enableEditing`). Returns the outcome so the
 * caller can show a failure; a failure leaves the open survey as it was.
 */
export async function openSurvey(handle: string): Promise<SurveyOpenOutcome> {
  await flushSave()
  const outcome = await getApi().request('survey:open', handle)
  load(outcome, true)
  return outcome
}

/** Loads an already-opened outcome (native Open dialog, sample survey) for review. */
export async function adoptOpened(outcome: SurveyOpenOutcome, options: { readOnly: boolean; written?: boolean }): Promise<void> {
  if (!outcome.ok) return
  await flushSave()
  load(outcome, options.readOnly, options.written)
}

/** Creates a new survey file and opens it for editing. */
export async function createSurvey(input: NewSurveyInput): Promise<SurveyOpenOutcome> {
  await flushSave()
  const outcome = await getApi().request('survey:create', input)
  load(outcome, false, true)
  return outcome
}

/** Saves pending edits, then closes the survey (back to the library). */
export async function closeSurvey(): Promise<void> {
  await flushSave()
  clearTimer()
  unsaved = null
  setState(emptyState)
}

/** Leaves review mode: edits are allowed and autosaved from now on (never for a file main will not write). */
export function enableEditing(): void {
  if (state.survey === null || !state.readOnly || !state.writable) return
  setState({ ...state, readOnly: false })
}

/**
 * Points the open survey at a new file (after Save As, by the handle main issued) and marks it
 * saved there.
 */
export function movedTo(handle: string, path: string, savedAt: string): void {
  if (state.survey === null) return
  unsaved = null
  clearTimer()
  // A copy of a file main would not write was made to be edited ("Save a copy to edit").
  setState({ ...state, handle, path, writable: true, readOnly: state.writable ? state.readOnly : false, save: { state: 'saved', at: savedAt, message: null } })
}

/** Back to nothing open, dropping timers without saving (tests). */
export function resetSurveyStore(): void {
  clearTimer()
  unsaved = null
  inFlight = null
  setState(emptyState)
}
