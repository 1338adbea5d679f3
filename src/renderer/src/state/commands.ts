/**
 * App commands shared by the pages and the app menu (`app:command`): open, create, sample,
 * Save As. Failures become banners naming the file and what to do.
 */
import type { AppCommand, NewSurveyInput, SurveyOpenOutcome } from '../../../shared/contract'
import { planProblems } from '../../../shared/map/plan-image'
import { getApi } from '../api'
import { loadComparison } from './compare-store'
import { libraryStore, refreshLibrary } from './library-store'
import { navigate, navStore, PAGES, type PageId } from './nav-store'
import { dismissNotice, noticeStore, showNotice } from './notice-store'
import { setUi } from './ui-store'
import {
  adoptOpened,
  closeSurvey,
  createSurvey,
  enableEditing,
  getSurveyState,
  movedTo,
  openSurvey,
  saveBeforeLeaving,
  setCurrentLocation,
  subscribeSurvey
} from './survey-store'

/** The last part of a path, for messages ("site.wcsurvey"). */
export function fileNameOf(path: string): string {
  return path.split(/[\\/]/).filter((p) => p.length > 0).at(-1) ?? path
}

/** False (and a banner) when the open survey has edits that could not be saved. */
async function readyToLeave(): Promise<boolean> {
  const blocked = await saveBeforeLeaving()
  if (blocked === null) return true
  showNotice({ tone: 'error', title: 'Unsaved changes', message: blocked })
  return false
}

function clearOpenErrors(): void {
  for (const n of noticeStore.get()) if (n.tone === 'error') dismissNotice(n.id)
}

function opened(outcome: SurveyOpenOutcome, what: string): boolean {
  if (outcome.ok) {
    clearOpenErrors()
    if (outcome.migratedFrom !== null) {
      showNotice({
        tone: 'info',
        title: `Upgraded ${fileNameOf(outcome.path)}`,
        message: `This file was written by an older version (schema ${outcome.migratedFrom}). It is shown upgraded; the file on disk changes only when you edit.`
      })
    }
    // A plan damaged inside the file costs that plan only: name it, open everything else.
    for (const problem of planProblems(outcome.survey)) {
      showNotice({ tone: 'warning', title: `A floor plan in ${fileNameOf(outcome.path)} is damaged`, message: problem.message })
    }
    navigate('survey')
    return true
  }
  if (outcome.reason !== 'cancelled') {
    showNotice({ tone: 'error', title: `Could not open ${what}`, message: outcome.message })
  }
  return false
}

/** Opens a saved survey for review by the handle main issued (library rows, Open Recent, the menu); `label` names it in messages. */
export async function openForReview(handle: string, label: string): Promise<boolean> {
  if (!(await readyToLeave())) return false
  const outcome = await openSurvey(handle)
  return opened(outcome, label)
}

/** Browser mode's "Open a file" field: main reads the typed path and issues a handle. */
export async function openTypedPath(path: string): Promise<boolean> {
  if (!(await readyToLeave())) return false
  const outcome = await getApi().request('survey:openPath', path)
  await adoptOpened(outcome, { readOnly: true })
  return opened(outcome, fileNameOf(path))
}

/** Opens the shipped sample survey for review. */
export async function openSample(): Promise<boolean> {
  if (!(await readyToLeave())) return false
  const outcome = await getApi().request('survey:openSample')
  await adoptOpened(outcome, { readOnly: true })
  return opened(outcome, 'the sample survey')
}

/** Native Open dialog (Electron); cancelling is silent. */
export async function pickAndOpen(): Promise<boolean> {
  if (!(await readyToLeave())) return false
  const outcome = await getApi().request('survey:pickOpen')
  await adoptOpened(outcome, { readOnly: true })
  return opened(outcome, 'the chosen file')
}

/** Creates a survey and opens it for editing. */
export async function createAndOpen(input: NewSurveyInput): Promise<boolean> {
  if (!(await readyToLeave())) return false
  const outcome = await createSurvey(input)
  if (outcome.ok) void refreshLibrary()
  return opened(outcome, `a new survey for ${input.siteName}`)
}

/**
 * Saves the open survey to another file (Electron: main's native dialog; browser mode: `fileName`
 * in the surveys folder) and keeps autosaving there, editable.
 */
export async function saveAs(fileName?: string): Promise<boolean> {
  const { survey } = getSurveyState()
  if (survey === null) return false
  const outcome = await getApi().request('survey:saveAs', survey, fileName)
  if (outcome.ok) {
    movedTo(outcome.handle, outcome.path, outcome.savedAt)
    showNotice({ tone: 'success', title: `Saved as ${fileNameOf(outcome.path)}`, message: `Changes are now saved to ${outcome.path}.` })
    void refreshLibrary()
    return true
  }
  if (outcome.reason !== 'cancelled') {
    showNotice({ tone: 'error', title: `Could not save ${fileName ?? 'the copy'}`, message: outcome.message })
  }
  return false
}

/**
 * "Re-survey this site": main saves a new survey linked to the open one, beside its file, and it
 * opens for editing (the open survey's pending edits are saved first; its file is never changed).
 */
export async function resurveyThisSite(): Promise<boolean> {
  const { handle, survey } = getSurveyState()
  if (handle === null || survey === null) return false
  if (!(await readyToLeave())) return false
  const outcome = await getApi().request('survey:resurvey', handle)
  if (!outcome.ok) {
    showNotice({ tone: 'error', title: `Could not re-survey ${survey.site.name}`, message: outcome.message })
    return false
  }
  await adoptOpened(outcome, { readOnly: false, written: true })
  clearOpenErrors()
  showNotice({
    tone: 'success',
    title: `Re-survey of ${survey.site.name} created`,
    message: `Saved as ${outcome.path}, with the same ${outcome.survey.locations.length} locations and no measurements. Measure each location; Compare shows what changed since the first visit.`
  })
  void refreshLibrary()
  navigate('survey')
  return true
}

/** Opens the Compare page on two surveys, by the handles main issued (library rows, "Compare with previous"). */
export async function compareSurveysAt(olderHandle: string, newerHandle: string): Promise<boolean> {
  navigate('compare')
  return loadComparison(olderHandle, newerHandle)
}

/** Back to the library, saving pending edits first. */
export async function backToLibrary(): Promise<void> {
  navigate('library')
  void refreshLibrary()
}

/** Closes the open survey and shows the library. */
export async function closeAndShowLibrary(): Promise<void> {
  if (!(await readyToLeave())) return
  await closeSurvey()
  await backToLibrary()
}

/** Runs a command from the app menu (Electron) — the same actions as the buttons. */
export async function handleAppCommand(command: AppCommand): Promise<void> {
  switch (command.command) {
    case 'new-survey':
      navigate('library')
      setUi({ newSurveyFormOpen: true })
      return
    case 'open':
      if (libraryStore.get().info?.nativeDialogs) {
        await pickAndOpen()
      } else {
        navigate('library')
        setUi({ openPathRequest: Date.now() })
      }
      return
    case 'open-handle':
      if (command.handle !== null) await openForReview(command.handle, 'the survey')
      return
    case 'save-as':
      if (getSurveyState().survey === null) return
      if (libraryStore.get().info?.nativeDialogs) await saveAs()
      else setUi({ saveAsOpen: true })
      return
    case 'library':
      await backToLibrary()
      return
    case 'about':
      // The About box is native in Electron; nothing to show in the page.
      return
  }
}

const SESSION_KEY = 'wc-survey.session'

interface SessionRecord {
  readonly page: PageId
  /** The handle main issued; main keeps it for as long as it runs, so a reload reopens the file. */
  readonly handle: string | null
  /** For the message when it cannot be reopened. */
  readonly path: string | null
  readonly readOnly: boolean
  readonly locationId: string | null
}

/**
 * Remembers the open survey, its mode and the page in sessionStorage, so a reload (browser mode,
 * dev reload) comes back to the same place. Returns the unsubscribe function.
 */
export function rememberSession(): () => void {
  const write = (): void => {
    const s = getSurveyState()
    const record: SessionRecord = { page: navStore.get(), handle: s.handle, path: s.path, readOnly: s.readOnly, locationId: s.currentLocationId }
    try {
      sessionStorage.setItem(SESSION_KEY, JSON.stringify(record))
    } catch {
      // Storage unavailable: a reload starts at the library, nothing else is lost.
    }
  }
  const offNav = navStore.subscribe(write)
  const offSurvey = subscribeSurvey(write)
  return () => {
    offNav()
    offSurvey()
  }
}

function readSession(): SessionRecord | null {
  try {
    const raw = sessionStorage.getItem(SESSION_KEY)
    if (raw === null) return null
    const v: unknown = JSON.parse(raw)
    if (typeof v !== 'object' || v === null) return null
    const r = v as Record<string, unknown> // checked field by field below
    const pages: readonly string[] = PAGES.map((p) => p.id)
    return {
      page: typeof r.page === 'string' && pages.includes(r.page) ? (r.page as PageId) : 'library', // checked against the list
      handle: typeof r.handle === 'string' ? r.handle : null,
      path: typeof r.path === 'string' ? r.path : null,
      readOnly: r.readOnly !== false,
      locationId: typeof r.locationId === 'string' ? r.locationId : null
    }
  } catch {
    return null
  }
}

/** After a reload: reopens the survey that was open, in the same mode, on the same page. */
export async function restoreSession(): Promise<void> {
  const record = readSession()
  if (record === null) return
  if (record.handle !== null) {
    const outcome = await openSurvey(record.handle)
    if (!outcome.ok) {
      showNotice({ tone: 'error', title: `Could not reopen ${record.path === null ? 'the survey' : fileNameOf(record.path)}`, message: outcome.message })
      navigate('library')
      return
    }
    if (!record.readOnly) enableEditing()
    const { survey } = getSurveyState()
    if (record.locationId !== null && survey?.locations.some((l) => l.id === record.locationId)) {
      setCurrentLocation(record.locationId)
    }
  }
  navigate(record.handle === null && record.page !== 'live' && record.page !== 'connectivity' && record.page !== 'compare' ? 'library' : record.page)
}
