// First: configures zod before any module parses with it (CSP: no eval).
import './zod-config'
/**
 * Entry of the print page (report.html): renders the report, or one location's SITE-PHONE
 * evidence card, for Chromium to print or capture.
 *
 * The survey comes from `./survey.json` (and the earlier one it is compared with, or null, from
 * `./previous.json`; the surveying company main read from its settings, or null, from
 * `./company.json`) on the page's own origin (main's throwaway report server,
 * see src/main/report/report-server.ts): no script injection, no inline data. The page tells the
 * printer it is done through `data-report-state` on <html>: `ready` or `error`.
 */
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { companySchema, type Company } from '../../shared/model/company'
import { surveySchema, type Survey } from '../../shared/model/survey'
import { EvidenceCard } from './report/evidence-card'
import { ReportDocument, type Paper } from './report/report-document'
import './report/print-page.css'

function setState(state: 'loading' | 'ready' | 'error', message = ''): void {
  document.documentElement.dataset.reportState = state
  if (message !== '') document.documentElement.dataset.reportError = message
}

async function loadJson(name: string): Promise<unknown> {
  const response = await fetch(`./${name}`, { cache: 'no-store' })
  if (!response.ok) throw new Error(`The report data could not be loaded (HTTP ${response.status}).`)
  return response.json()
}

async function loadSurvey(): Promise<Survey> {
  const parsed = surveySchema.safeParse(await loadJson('survey.json'))
  if (!parsed.success) throw new Error('The report data is not a valid survey.')
  return parsed.data
}

/** The earlier survey the report is compared with ("Changes since"); null when not compared. */
async function loadPrevious(): Promise<Survey | null> {
  const parsed = surveySchema.nullable().safeParse(await loadJson('previous.json'))
  if (!parsed.success) throw new Error('The earlier survey to compare with is not a valid survey.')
  return parsed.data
}

/** The surveying company for the cover and the footer (main decides; the page reads no file); null: none. */
async function loadCompany(): Promise<Company | null> {
  const parsed = companySchema.nullable().safeParse(await loadJson('company.json'))
  if (!parsed.success) throw new Error('The company details for the report are not valid.')
  return parsed.data
}

const nextFrame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()))

/**
 * Resolves once fonts are loaded, every channel chart has drawn its axes (recharts lays its axes
 * out in effects after the first render, so "rendered" is not yet "printable") and every map
 * canvas has drawn its plan.
 */
async function settled(): Promise<void> {
  await document.fonts.ready
  for (let i = 0; i < 120; i += 1) {
    await nextFrame()
    const charts = document.querySelectorAll('.channel-chart').length
    const axes = document.querySelectorAll('.channel-chart .recharts-cartesian-axis').length
    // Map canvases draw once their plan image has decoded.
    const maps = document.querySelectorAll('canvas[data-map-pending]').length
    if (axes >= charts * 2 && maps === 0) break
  }
  await nextFrame()
}

async function start(): Promise<void> {
  setState('loading')
  const root = document.getElementById('report-root')
  if (root === null) throw new Error('The report page has no root element.')
  const params = new URLSearchParams(window.location.search)
  const paper: Paper = params.get('paper') === 'Letter' ? 'Letter' : 'A4'
  const [survey, previous, company] = await Promise.all([loadSurvey(), loadPrevious(), loadCompany()])
  document.title = `${survey.site.name} — survey report`
  const locationId = params.get('location')
  createRoot(root).render(
    <StrictMode>
      {params.get('view') === 'evidence' && locationId !== null ? <EvidenceCard survey={survey} locationId={locationId} /> : <ReportDocument survey={survey} paper={paper} previous={previous} company={company} fullAppendix={params.get('appendix') === 'full'} />}
    </StrictMode>
  )
  await settled()
  setState('ready')
}

start().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error)
  setState('error', message)
  const root = document.getElementById('report-root')
  if (root !== null) root.textContent = `The report could not be rendered: ${message}`
})
