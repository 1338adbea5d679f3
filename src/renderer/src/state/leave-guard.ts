/**
 * Closing the window or leaving the page asks when something would be lost (issue 16 item 4): an
 * edit the autosave has not written yet, or a finished firewall run that could not be kept with a
 * stall (run-keeper: no stall chosen, review mode, cancelled), or company details not saved yet
 * (Settings). Browser mode: the browser's own
 * "Leave site?" prompt (beforeunload); Electron: main turns the same prevented unload into a
 * question (src/main/electron/window.ts, 'will-prevent-unload').
 */
import { runPlaceStore } from '../connectivity/run-keeper'
import { hasUnsavedCompany } from './company-store'
import { flushSave, hasUnsavedEdits } from './survey-store'

/** What leaving now would lose, in words; null when nothing. */
export function whatLeavingLoses(): string | null {
  if (hasUnsavedEdits()) return 'Your latest changes to the survey are not saved yet.'
  const place = runPlaceStore.get()
  if (place !== null && !place.kept) return 'The finished firewall run is not kept with a stall yet: save it on the Connectivity page.'
  if (hasUnsavedCompany()) return 'Your changes to the company on the Settings page are not saved yet.'
  return null
}

/** Installs the guard on `target` (the window); returns its removal. */
export function installLeaveGuard(target: Pick<Window, 'addEventListener' | 'removeEventListener'>): () => void {
  const onBeforeUnload = (event: BeforeUnloadEvent): void => {
    const lost = whatLeavingLoses()
    if (lost === null) return
    // Start writing pending edits at once: if the person stays, they are on disk moments later.
    void flushSave()
    event.preventDefault()
    event.returnValue = lost // older browsers show a prompt only when returnValue is set
  }
  target.addEventListener('beforeunload', onBeforeUnload)
  return () => target.removeEventListener('beforeunload', onBeforeUnload)
}
