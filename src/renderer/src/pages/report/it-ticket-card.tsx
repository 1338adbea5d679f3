/**
 * "What to tell IT" on the Report page: how many changes the network administrator has to make,
 * "Copy for IT" (the changes only, as plain text for a ticket or an e-mail) and "Save findings
 * CSV" (every finding that is not a pass, through main, which writes the file).
 */
import { useMemo, useRef, useState } from 'react'
import type { Survey } from '../../../../shared/model/survey'
import { itTicketText, surveyChecklist } from '../../../../shared/report/it-ticket'

export interface ItTicketCardProps {
  readonly survey: Survey
  /** Saves the findings CSV (the page's export flow: progress, banner, download). */
  readonly onSaveCsv: () => void
  readonly busy: boolean
}

/** The card. */
export function ItTicketCard({ survey, onSaveCsv, busy }: ItTicketCardProps) {
  const checklist = useMemo(() => surveyChecklist(survey), [survey])
  const text = useMemo(() => itTicketText(survey), [survey])
  const [notice, setNotice] = useState<string | null>(null)
  const [manual, setManual] = useState(false)
  const area = useRef<HTMLTextAreaElement>(null)
  const changes = checklist.firewall.length + checklist.accessPoint.length

  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(text)
      setManual(false)
      setNotice('Copied: the changes for IT are on the clipboard.')
    } catch {
      // The clipboard can be refused (no permission, no focus): show the text selected for Ctrl+C.
      setManual(true)
      setNotice('The clipboard is not available here: the text below is selected, press Ctrl+C (⌘C on a Mac).')
      window.setTimeout(() => area.current?.select(), 0)
    }
  }

  return (
    <div className="card report-it" aria-labelledby="report-it-title">
      <div className="card-header">
        <strong id="report-it-title">What to tell IT</strong>
        <span className="muted small">
          {' '}
          — {changes === 0 ? 'no change on the firewall or the access points' : `${checklist.firewall.length} firewall rule${checklist.firewall.length === 1 ? '' : 's'} and ${checklist.accessPoint.length} access-point setting${checklist.accessPoint.length === 1 ? '' : 's'} to change`}
          {checklist.technician.length > 0 ? `; ${checklist.technician.length} survey step${checklist.technician.length === 1 ? '' : 's'} left for the technician (not sent to IT)` : ''}
        </span>
      </div>
      <div className="toolbar">
        <button type="button" className="btn" onClick={() => void copy()}>
          Copy for IT
        </button>
        <button type="button" className="btn" onClick={onSaveCsv} disabled={busy} title="Every finding that is not a pass, one row per location and requirement, with who acts">
          Save findings CSV
        </button>
        {notice !== null && (
          <span role="status" className="muted small">
            {notice}
          </span>
        )}
      </div>
      {manual && <textarea ref={area} className="report-it-text" readOnly value={text} aria-label="Text for IT" rows={10} />}
    </div>
  )
}
