/**
 * The question asked when a save found the file changed by another program since it was opened
 * (issue 17 item 4): keep both, overwrite theirs, or cancel. Autosave waits while it is open
 * (survey-store), so nothing is written and nothing is lost until the person chooses.
 */
import { useEffect, useRef, type KeyboardEvent } from 'react'
import { changedOnDiskMessage } from '../../../shared/text/changed-on-disk'
import { fileNameOf } from '../state/commands'
import { showNotice } from '../state/notice-store'
import { dismissConflict, keepBoth, overwriteTheirs, useSurveyState } from '../state/survey-store'

export function ChangedOnDiskDialog() {
  const { path } = useSurveyState()
  const first = useRef<HTMLButtonElement>(null)
  // Focus moves into the dialog when it opens (WAI-ARIA alertdialog pattern).
  useEffect(() => first.current?.focus(), [])
  const name = path ? fileNameOf(path) : 'The survey file'

  async function chooseKeepBoth(): Promise<void> {
    const outcome = await keepBoth()
    if (outcome?.ok) showNotice({ tone: 'success', title: `Kept both: yours is ${fileNameOf(outcome.path)}`, message: `${name} stays as the other program left it; your changes are now saved to ${outcome.path}.` })
  }

  function onKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.preventDefault()
      dismissConflict()
    }
  }

  return (
    <div className="modal-backdrop">
      <div className="card modal" role="alertdialog" aria-modal="true" aria-labelledby="changed-on-disk-title" aria-describedby="changed-on-disk-text" onKeyDown={onKeyDown}>
        <h2 id="changed-on-disk-title">{name} was changed by another program</h2>
        <p id="changed-on-disk-text">{changedOnDiskMessage(name)}</p>
        <div className="modal-actions">
          <button ref={first} type="button" className="btn btn-primary" onClick={() => void chooseKeepBoth()}>
            Keep both
          </button>
          <button type="button" className="btn" onClick={() => void overwriteTheirs()}>
            Overwrite theirs
          </button>
          <button type="button" className="btn btn-ghost" onClick={dismissConflict}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  )
}
