/**
 * Report page: a preview of the survey's PDF report (with "Changes since" an earlier survey of the
 * site when one is chosen), Export PDF (A4 or Letter) with progress and
 * a clear failure message, SITE-PHONE evidence images per location, and — in browser mode when no
 * Chromium is installed — printing through the browser's own Print dialog.
 *
 * Main renders the PDF from the same React components (report.html, src/main/report): what the
 * preview shows is what the PDF holds. Exporting only reads the survey; it never saves it.
 */
import { useCallback, useEffect, useMemo, useState } from 'react'
import { createPortal } from 'react-dom'
import type { Api, AppInfo, ExportOutcome, ReportProgress } from '../../../shared/contract'
import type { Survey } from '../../../shared/model/survey'
import type { Company } from '../../../shared/model/company'
import { downloadFromApp, getApi, openFromApp } from '../api'
import { Banner } from '../components/banner'
import { Spinner } from '../components/spinner'
import { VerdictChip } from '../report/chips'
import { ReportDocument, type Paper } from '../report/report-document'
import { buildReportModel } from '../report/report-model'
import { UserText } from '../report/user-text'
import { useCompare } from '../state/compare-store'
import { useLibrary } from '../state/library-store'
import { groupBySite } from '../../../shared/compare/site-groups'
import { formatDateTime, siteZone } from '../../../shared/text/date-time'
import { useSurveyState } from '../state/survey-store'
import { ItTicketCard } from './report/it-ticket-card'
import '../report/report-page.css'

export interface ReportPageProps {
  /** The API getter; the app's by default (tests pass a fake; keep it stable across renders). */
  readonly api?: () => Api
  /** The survey to report on; the open survey by default. */
  readonly survey?: Survey | null
  /** Starts a browser-mode download of an export; the app's by default (tests pass a fake). */
  readonly download?: (path: string) => Promise<void>
  /** Opens a browser-mode export in a new tab; the app's by default (tests pass a fake). */
  readonly open?: (path: string) => Promise<void>
}

/** Browser mode: opens (in a new tab) or fetches the exported file main saved in its exports folder. */
function FileButtons(props: { readonly path: string; readonly download: (path: string) => Promise<void>; readonly open: ((path: string) => Promise<void>) | null }) {
  const [error, setError] = useState<string | null>(null)
  const act = (action: (path: string) => Promise<void>): void => void action(props.path).then(() => setError(null), (e: unknown) => setError(e instanceof Error ? e.message : String(e)))
  return (
    <>
      {props.open !== null && (
        <button type="button" className="btn btn-small" onClick={() => props.open !== null && act(props.open)}>
          Open
        </button>
      )}
      <button type="button" className="btn btn-small" onClick={() => act(props.download)}>
        Download
      </button>
      {error !== null && <span role="alert">{error}</span>}
    </>
  )
}

/** What ran last and how it ended. */
interface LastExport {
  readonly kind: 'pdf' | 'evidence' | 'csv'
  readonly label: string
  readonly outcome: ExportOutcome
}

const FAILURE_TITLE: Readonly<Record<string, string>> = {
  'no-chromium': 'No Chrome or Chromium to print with',
  'not-writable': 'The folder is not writable',
  'disk-full': 'The disk is full',
  cancelled: 'Export cancelled',
  'not-allowed': 'That file name cannot be used',
  failed: 'The export failed'
}

/** Prints the report with the browser's own dialog: only the report, via a portal and print CSS. */
function BrowserPrint(props: { readonly survey: Survey; readonly previous: Survey | null; readonly company: Company | null; readonly paper: Paper; readonly onDone: () => void }) {
  const { onDone } = props
  useEffect(() => {
    document.body.classList.add('rpt-printing')
    const after = (): void => onDone()
    window.addEventListener('afterprint', after)
    // Let the portal paint (charts lay out in effects) before the dialog freezes the page.
    const timer = window.setTimeout(() => window.print(), 300)
    return () => {
      window.clearTimeout(timer)
      window.removeEventListener('afterprint', after)
      document.body.classList.remove('rpt-printing')
    }
  }, [onDone])
  return createPortal(
    <div className="rpt-print-root">
      <ReportDocument survey={props.survey} paper={props.paper} previous={props.previous} company={props.company} />
    </div>,
    document.body
  )
}

/**
 * "Changes since": the earlier surveys of the open one's site (newest first) and the one chosen,
 * loaded read-only. The pair on the Compare page is the default.
 */
function useEarlierSurvey(api: () => Api, survey: Survey | null, handle: string | null) {
  const library = useLibrary()
  const pair = useCompare()
  const earlier = useMemo(() => {
    if (survey === null) return []
    const group = groupBySite(library.surveys.filter((r) => r.error === null)).find((g) => g.rows.some((r) => r.handle === handle || r.id === survey.id))
    return (group?.rows ?? []).filter((r) => r.handle !== handle && r.createdAt < survey.createdAt)
  }, [library.surveys, handle, survey])
  const [chosen, setChosen] = useState(pair.newer !== null && pair.newer.handle === handle ? (pair.older?.handle ?? '') : '')
  const [loaded, setLoaded] = useState<{ handle: string; survey: Survey } | null>(pair.older)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    if (chosen === '' || loaded?.handle === chosen) return
    let live = true
    api()
      .request('survey:open', chosen)
      .then((o) => {
        if (!live) return
        if (o.ok) setLoaded({ handle: o.handle, survey: o.survey })
        else setError(o.message)
      })
      .catch((e: unknown) => live && setError(`The app did not answer: ${e instanceof Error ? e.message : String(e)}`))
    return () => {
      live = false
    }
  }, [api, chosen, loaded])
  const previous = chosen !== '' && loaded?.handle === chosen ? loaded.survey : null
  const choose = (p: string): void => {
    setError(null)
    setChosen(p)
  }
  return { earlier, chosen, choose, previous, error }
}

/** The Report page. */
export function ReportPage(props: ReportPageProps) {
  const api = props.api ?? getApi
  const { survey: open, handle: openHandle } = useSurveyState()
  const survey = props.survey === undefined ? open : props.survey
  const changes = useEarlierSurvey(api, survey, openHandle)
  const previous = changes.previous
  const [paper, setPaper] = useState<Paper>('A4')
  const [fileName, setFileName] = useState('')
  const [info, setInfo] = useState<AppInfo | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const [progress, setProgress] = useState<ReportProgress | null>(null)
  const [last, setLast] = useState<LastExport | null>(null)
  const [printing, setPrinting] = useState(false)
  const [handoutFiles, setHandoutFiles] = useState(false)
  const [fullAppendix, setFullAppendix] = useState(false)
  const donePrinting = useCallback(() => setPrinting(false), [])
  const [company, setCompany] = useState<Company | null>(null)

  // The preview shows the surveying company main has stored, as the exported PDF will (main reads
  // it again for each export). Where it cannot be read the preview shows none; the Settings page
  // says why.
  useEffect(() => {
    let live = true
    api()
      .request('company:get')
      .then((setting) => {
        if (live) setCompany(setting.company)
      })
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [api])

  useEffect(() => {
    let live = true
    api()
      .request('app:info')
      .then((i) => {
        if (live) setInfo(i)
      })
      .catch(() => undefined)
    const off = api().on('report:progress', setProgress)
    return () => {
      live = false
      off()
    }
  }, [api])

  if (survey === null) {
    return (
      <section className="page" aria-labelledby="report-title">
        <header className="page-header">
          <h1 id="report-title">Report</h1>
          <p>Open a survey to see its report.</p>
        </header>
      </section>
    )
  }

  const native = info?.nativeDialogs === true
  const browserMode = info?.mode === 'browser'
  const target = fileName.trim() === '' ? undefined : fileName.trim()

  const exportPdf = async (): Promise<void> => {
    setBusy('pdf')
    setProgress(null)
    setLast(null)
    try {
      const outcome = await api().request('report:exportPdf', { survey, paper, previous, handoutFiles, fullAppendix, ...(native || target === undefined ? {} : { fileName: target }) })
      setLast({ kind: 'pdf', label: 'PDF report', outcome })
    } catch (error) {
      setLast({ kind: 'pdf', label: 'PDF report', outcome: { ok: false, reason: 'failed', message: `The app did not answer: ${error instanceof Error ? error.message : String(error)}` } })
    } finally {
      setBusy(null)
    }
  }

  const exportEvidence = async (locationId: string, name: string): Promise<void> => {
    setBusy(locationId)
    setProgress(null)
    setLast(null)
    try {
      const outcome = await api().request('report:exportEvidence', { survey, locationId })
      setLast({ kind: 'evidence', label: `Evidence image for ${name}`, outcome })
    } catch (error) {
      setLast({ kind: 'evidence', label: `Evidence image for ${name}`, outcome: { ok: false, reason: 'failed', message: `The app did not answer: ${error instanceof Error ? error.message : String(error)}` } })
    } finally {
      setBusy(null)
    }
  }

  const saveFindings = async (): Promise<void> => {
    setBusy('csv')
    setProgress(null)
    setLast(null)
    try {
      setLast({ kind: 'csv', label: 'Findings CSV', outcome: await api().request('report:saveFindings', survey) })
    } catch (error) {
      setLast({ kind: 'csv', label: 'Findings CSV', outcome: { ok: false, reason: 'failed', message: `The app did not answer: ${error instanceof Error ? error.message : String(error)}` } })
    } finally {
      setBusy(null)
    }
  }

  const model = buildReportModel(survey)
  const failure = last !== null && !last.outcome.ok ? last.outcome : null

  return (
    <section className="page report-page" aria-labelledby="report-title">
      <header className="page-header">
        <h1 id="report-title">Report</h1>
        <p>The PDF for the site manager, the network administrator and the customer: the verdict, what to change, and the evidence.</p>
      </header>

      <div className="toolbar report-toolbar">
        <div className="segmented" role="radiogroup" aria-label="Paper">
          {(['A4', 'Letter'] as const).map((p) => (
            <button key={p} type="button" role="radio" aria-checked={paper === p} className={paper === p ? 'segment active' : 'segment'} onClick={() => setPaper(p)} disabled={busy !== null}>
              {p}
            </button>
          ))}
        </div>
        {!native && (
          <label className="report-path" title={info === null ? undefined : `Saved in ${info.exportsFolder}`}>
            <span className="nowrap">File name</span>
            <input type="text" value={fileName} placeholder="default: site and date .pdf" onChange={(e) => setFileName(e.target.value)} disabled={busy !== null} spellCheck={false} />
          </label>
        )}
        {changes.earlier.length > 0 && (
          <label className="report-path">
            <span className="nowrap">Changes since</span>
            <select value={changes.chosen} onChange={(e) => changes.choose(e.target.value)} disabled={busy !== null}>
              <option value="">no comparison</option>
              {changes.earlier.map((r) => (
                <option key={r.handle} value={r.handle}>
                  {formatDateTime(r.createdAt, siteZone(survey.site.timeZone))} ({r.fileName})
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="report-handout-files" title="Beside the PDF: the nftables ruleset, the dnsmasq lines, CSV, JSON and a text table (the IT handout page)">
          <input type="checkbox" checked={handoutFiles} onChange={(e) => setHandoutFiles(e.target.checked)} disabled={busy !== null} /> IT handout files
        </label>
        <label className="report-handout-files" title="Every access point seen in the raw-scan appendix; by default only the chargers' network and the access points the findings name">
          <input type="checkbox" checked={fullAppendix} onChange={(e) => setFullAppendix(e.target.checked)} disabled={busy !== null} /> Full scan appendix
        </label>
        <button type="button" className="btn btn-primary" onClick={() => void exportPdf()} disabled={busy !== null}>
          {busy === 'pdf' ? 'Exporting…' : 'Export PDF'}
        </button>
        {browserMode && (
          <button type="button" className="btn" onClick={() => setPrinting(true)} disabled={busy !== null || printing} title="Print › Save as PDF in this browser (no page numbers or header)">
            Print with this browser
          </button>
        )}
        {busy !== null && (
          <span className="report-progress" role="status">
            <Spinner label="Exporting" /> {progress === null ? 'Starting…' : progress.message}{' '}
            {progress !== null && <progress max={progress.total} value={progress.done} />}
          </span>
        )}
      </div>
      {!native && info !== null && (
        <p className="report-folder muted">
          Exports are saved in <span className="path">{info.exportsFolder}</span>; each one can be opened in a new tab or downloaded.
        </p>
      )}

      {changes.error !== null && (
        <Banner tone="error" title="Could not load the earlier survey" onDismiss={() => changes.choose('')}>
          {changes.error}
        </Banner>
      )}
      {last !== null && last.outcome.ok && (
        <Banner
          tone={last.outcome.filesError === undefined ? 'success' : 'warning'}
          title={`${last.label} saved`}
          onDismiss={() => setLast(null)}
          actions={
            last.outcome.download !== null ? (
              <FileButtons path={last.outcome.download} download={props.download ?? downloadFromApp} open={last.kind === 'pdf' || last.kind === 'evidence' ? (props.open ?? openFromApp) : null} />
            ) : undefined
          }
        >
          <span className="path">{last.outcome.path}</span>
          {(last.outcome.files ?? []).length > 0 && <span className="muted"> and the IT handout files beside it ({(last.outcome.files ?? []).length})</span>}
          {last.outcome.filesError !== undefined && <p>{last.outcome.filesError}</p>}
        </Banner>
      )}
      {failure !== null && (
        <Banner
          tone={failure.reason === 'cancelled' ? 'info' : 'error'}
          title={FAILURE_TITLE[failure.reason] ?? 'The export failed'}
          onDismiss={() => setLast(null)}
          actions={
            failure.reason === 'no-chromium' ? (
              <button type="button" className="btn btn-small" onClick={() => setPrinting(true)}>
                Print with this browser
              </button>
            ) : undefined
          }
        >
          {failure.message} The survey was not changed.
        </Banner>
      )}

      <ItTicketCard survey={survey} onSaveCsv={() => void saveFindings()} busy={busy !== null} />

      <div className="card report-evidence-list">
        <div className="card-header">
          <strong>Evidence images (SITE-PHONE)</strong>
          <span className="muted small"> — a PNG card per location: Tesla-Charging-Access, internet check, time, site. Submit it to the vendor.</span>
        </div>
        <table className="report-evidence-table">
          <tbody>
            {model.locations.map((l) => (
              <tr key={l.id}>
                <td className="report-evidence-name">
                  <UserText text={l.name} />
                </td>
                <td>
                  <VerdictChip verdict={l.verdict.verdict} />
                </td>
                <td className="report-evidence-phone">
                  {l.phone.visible ? `${l.phone.ssid} visible${l.phone.open === true ? ', open' : ''}` : `${l.phone.ssid} not seen`}
                </td>
                <td className="report-evidence-action">
                  <button type="button" className="btn btn-small" onClick={() => void exportEvidence(l.id, l.name)} disabled={busy !== null} data-evidence-for={l.id}>
                    {busy === l.id ? 'Exporting…' : 'Evidence image'}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <div className="report-preview" aria-label="Report preview">
        <ReportDocument survey={survey} paper={paper} previous={previous} company={company} embedded fullAppendix={fullAppendix} />
      </div>

      {printing && <BrowserPrint survey={survey} previous={previous} company={company} paper={paper} onDone={donePrinting} />}
    </section>
  )
}
