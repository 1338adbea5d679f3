/**
 * The plan import controls of the map page: the Import plan… button, and for a PDF of several
 * pages the choice of its page (page 1 unless the user picks another), shown under the level bar.
 * A refusal is a notice naming the file; the survey changes only when a plan is kept.
 */
import { useState, type FormEvent } from 'react'
import { PDF_PLAN_DPI, pageSizeText } from '../../../shared/map/pdf-plan'
import { PLAN_LIMITS_TEXT } from '../../../shared/map/plan-image'
import type { Survey } from '../../../shared/model/survey'
import type { Level } from '../../../shared/model/survey-map'
import { showNotice } from '../state/notice-store'
import { updateSurvey } from '../state/survey-store'
import { planFromPdfPage, readPlanFile, type PlanImport } from './import-plan'
import { setPlan } from './map-edits'
import type { OpenPdf } from './pdf-page-render'

/** A PDF picked as the plan of a level, waiting for its page to be chosen. */
export interface PendingPdf {
  readonly levelId: string
  readonly levelName: string
  readonly fileName: string
  readonly pdf: OpenPdf
  readonly page: number
}

/** The import's state and actions, shared by the button and the page choice. */
export interface PlanImportState {
  readonly busy: boolean
  readonly pending: PendingPdf | null
  /** Reads `file` as the plan of `level` of `survey`. */
  pick(file: File | undefined, survey: Survey, level: Level): Promise<void>
  choosePage(page: number): void
  importChosen(survey: Survey): Promise<void>
  cancel(): void
}

/** Imports picked files as plans; at most one PDF waits for its page at a time. */
export function usePlanImport(): PlanImportState {
  const [busy, setBusy] = useState(false)
  const [pending, setPending] = useState<PendingPdf | null>(null)
  const keep = (outcome: PlanImport, fileName: string, levelId: string, levelName: string): void => {
    if (outcome.ok) updateSurvey(setPlan(levelId, outcome.plan))
    else showNotice({ tone: 'error', title: `Could not use ${fileName} as the plan of ${levelName}`, message: outcome.message })
  }
  const keepPage = async (read: Omit<PendingPdf, 'page'>, page: number, survey: Survey): Promise<void> => {
    try {
      keep(await planFromPdfPage(read, page, survey, read.levelId), read.fileName, read.levelId, read.levelName)
    } finally {
      setPending(null)
      await read.pdf.close()
    }
  }
  const withBusy = async (work: () => Promise<void>): Promise<void> => {
    setBusy(true)
    try {
      await work()
    } finally {
      setBusy(false)
    }
  }
  return {
    busy,
    pending,
    pick: (file, survey, level) =>
      withBusy(async () => {
        if (file === undefined) return
        if (pending !== null) await pending.pdf.close()
        setPending(null)
        const read = await readPlanFile(file, survey, level.id)
        if (read.ok !== 'pdf') return keep(read, file.name, level.id, level.name)
        const opened = { levelId: level.id, levelName: level.name, fileName: read.fileName, pdf: read.pdf }
        if (read.pdf.pageCount === 1) await keepPage(opened, 1, survey)
        else setPending({ ...opened, page: 1 })
      }),
    choosePage: (page) => setPending(pending === null ? null : { ...pending, page }),
    importChosen: (survey) => withBusy(async () => (pending === null ? undefined : keepPage(pending, pending.page, survey))),
    cancel: () => {
      setPending(null)
      void pending?.pdf.close()
    }
  }
}

export function PlanImportButton({ survey, level, label, state }: { readonly survey: Survey; readonly level: Level; readonly label: string; readonly state: PlanImportState }) {
  return (
    <label className="btn btn-small map-import" title={PLAN_LIMITS_TEXT}>
      {state.busy && state.pending === null ? 'Reading…' : label}
      <input
        type="file"
        className="visually-hidden"
        accept=".png,.jpg,.jpeg,.svg,.pdf,image/png,image/jpeg,image/svg+xml,application/pdf"
        aria-label={`${label} for ${level.name}`}
        disabled={state.busy}
        onChange={(e) => {
          void state.pick(e.target.files?.[0], survey, level)
          e.target.value = ''
        }}
      />
    </label>
  )
}

/** Which page of a several-page PDF becomes the plan; nothing while no PDF waits. */
export function PdfPageChoice({ survey, state }: { readonly survey: Survey; readonly state: PlanImportState }) {
  const { pending, busy } = state
  if (pending === null) return null
  const submit = (e: FormEvent): void => {
    e.preventDefault()
    void state.importChosen(survey)
  }
  return (
    <form className="map-hint map-pdf-page" onSubmit={submit}>
      <span>
        {pending.fileName} has {pending.pdf.pageCount} pages: which one is the plan of {pending.levelName}?
      </span>
      <label htmlFor="map-pdf-page">Page</label>
      <select id="map-pdf-page" value={pending.page} disabled={busy} onChange={(e) => state.choosePage(Number(e.target.value))}>
        {Array.from({ length: pending.pdf.pageCount }, (_, i) => {
          const size = pending.pdf.sizes[i]
          return (
            <option key={i} value={i + 1}>
              {size === undefined ? `Page ${i + 1}` : `Page ${i + 1} (${pageSizeText(size.widthPt, size.heightPt)})`}
            </option>
          )
        })}
      </select>
      <button type="submit" className="btn btn-primary btn-small" disabled={busy}>
        {busy ? 'Drawing the page…' : 'Import page'}
      </button>
      <button type="button" className="btn btn-ghost btn-small" disabled={busy} onClick={state.cancel}>
        Cancel
      </button>
      <span className="muted small">The page is kept as a PNG drawn at up to {PDF_PLAN_DPI} dpi, within the plan limits.</span>
    </form>
  )
}
