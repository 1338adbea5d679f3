/**
 * Exporting a survey: the PDF report and the SITE-PHONE evidence image. One pipeline for the
 * desktop (hidden window), browser mode and the CLI (headless Chromium): check the destination,
 * serve the print page, render, write atomically. The survey file itself is never opened here.
 */
import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { EXPORTS_URL_PREFIX, type ExportOutcome, type Failure, type ReportProgress } from '../../shared/contract'
import { isEmptyCompany, type Company } from '../../shared/model/company'
import type { Survey } from '../../shared/model/survey'
import { formatDate, siteZone } from '../../shared/text/date-time'
import type { DesktopServices } from '../service-deps'
import { pathInFolder, withExtension } from '../survey/confined-path'
import { findChromium } from './chromium'
import { checkDestination, writeFileAtomically } from './output-file'
import { ReportPageError, type PageRenderer } from './page-renderer'
import { PAGE_MARGINS_MM, footerTemplate, headerTemplate } from './pdf-templates'
import { isDraft } from '../../shared/report/draft'
import { launchPlaywrightRenderer } from './playwright-renderer'
import { startReportServer, type ReportServer } from './report-server'

/** Size of the evidence card (renderer/src/report/evidence-card.tsx). */
export const EVIDENCE_SIZE = { width: 1200, height: 630 } as const

/** What an export needs from its surroundings. */
export interface ExportContext {
  /** The built renderer (out/renderer) holding report.html. */
  readonly rendererDir: string
  readonly env: NodeJS.ProcessEnv
  readonly platform: NodeJS.Platform
  /**
   * Browser mode: the exports folder, the only place a file name from the renderer can point to
   * (served back for download). Null in the CLI, whose user gives an output path.
   */
  readonly exportsFolder: string | null
  /** Electron's dialogs and hidden-window printing; null in browser mode and the CLI. */
  readonly desktop: DesktopServices | null
  readonly progress: (progress: ReportProgress) => void
  /** File existence test for the Chromium lookup (tests pretend no browser is installed). */
  readonly exists?: (path: string) => boolean
}

/**
 * Where an export goes: `path` from a trusted caller (the CLI's `-o`); else Electron's save dialog;
 * else (browser mode) `fileName` or a default name in the exports folder. The web and IPC handlers
 * never pass `path`: the renderer cannot name one.
 */
interface DestinationRequest {
  readonly path?: string | undefined
  readonly fileName?: string | undefined
}

export interface PdfRequest extends DestinationRequest {
  readonly survey: Survey
  readonly paper: 'A4' | 'Letter'
  /** An earlier survey of the site: the report gets a "Changes since" page. */
  readonly previous?: Survey | null | undefined
  /** Every BSS seen in the raw-scan appendix, not only those that matter. */
  readonly fullAppendix?: boolean | undefined
  /**
   * The surveying company (name, contact, logo) for the cover and every page's footer, as main
   * read it from its settings; null, absent or empty: the report has no company block at all.
   */
  readonly company?: Company | null | undefined
}

export interface EvidenceRequest extends DestinationRequest {
  readonly survey: Survey
  readonly locationId: string
}

type Job = {
  readonly kind: ReportProgress['kind']
  readonly ext: '.pdf' | '.png'
  readonly defaultName: string
  readonly render: (renderer: PageRenderer, server: ReportServer) => Promise<Uint8Array>
  readonly renderingMessage: string
}

const STEPS = 4

/** What the print page is served: the survey, the earlier one it is compared with, and the company. */
interface ReportData {
  readonly survey: Survey
  readonly previous: Survey | null
  /** Null: no company block on the cover, no company in the footer. */
  readonly company: Company | null
}

/** `Garage-Nord` from any text: letters, digits and dashes, for default file names. */
export function fileSlug(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
  return slug === '' ? 'survey' : slug
}

/** `2026-11-20` (UTC) from an ISO time, or the input when it is not one: for file names, which sort by it (people read formatDate). */
export function isoDate(iso: string): string {
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? iso.slice(0, 10) : d.toISOString().slice(0, 10)
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  return text.split('\n')[0] ?? text
}

async function destination(requested: DestinationRequest, job: Job, ctx: ExportContext): Promise<string | Failure<'cancelled' | 'not-writable' | 'not-allowed'>> {
  const checked = (path: string): string | Failure<'not-allowed'> => {
    const named = withExtension(path, job.ext)
    return named.ok ? named.path : named
  }
  if (requested.path !== undefined) return checked(requested.path)
  if (ctx.desktop !== null) {
    const picked = await ctx.desktop.pickSavePath(job.defaultName, job.ext === '.pdf' ? { name: 'PDF document', extensions: ['pdf'] } : { name: 'PNG image', extensions: ['png'] })
    return picked === null ? { ok: false, reason: 'cancelled', message: 'Export cancelled: nothing was saved.' } : checked(picked)
  }
  const folder = ctx.exportsFolder
  if (folder === null) return { ok: false, reason: 'not-writable', message: 'No destination: give the path of the file to write.' }
  try {
    await mkdir(folder, { recursive: true })
  } catch (error) {
    return { ok: false, reason: 'not-writable', message: `The exports folder ${folder} could not be created (${firstLine(error)}): nothing was saved.` }
  }
  const inFolder = await pathInFolder(folder, requested.fileName ?? job.defaultName, job.ext, { replace: true })
  return inFolder.ok ? inFolder.path : inFolder
}

async function obtainRenderer(ctx: ExportContext): Promise<PageRenderer | Failure<'no-chromium'>> {
  const desktop = ctx.desktop
  if (desktop?.printToPdf !== undefined && desktop.capturePng !== undefined) {
    const { printToPdf, capturePng } = desktop
    return { printToPdf: (url, o) => printToPdf(url, o), capturePng: (url, s) => capturePng(url, s), close: async () => undefined }
  }
  const found = findChromium(ctx.env, ctx.platform, ctx.exists ?? existsSync)
  if (!found.ok) return { ok: false, reason: 'no-chromium', message: found.message }
  try {
    return await launchPlaywrightRenderer(found.path)
  } catch (error) {
    return {
      ok: false,
      reason: 'no-chromium',
      message: `The browser at ${found.path} could not start (${firstLine(error)}). Set WC_SURVEY_CHROMIUM to a working Chrome or Chromium, or open the report page and use your browser's Print › Save as PDF.`
    }
  }
}

/** `runJob`, with anything unexpected turned into a 'failed' value: nothing throws across the contract. */
async function run(data: ReportData, requested: DestinationRequest, job: Job, ctx: ExportContext): Promise<ExportOutcome> {
  try {
    return await runJob(data, requested, job, ctx)
  } catch (error) {
    const message = `The export stopped unexpectedly: ${firstLine(error)}. Nothing was saved; the survey is unchanged.`
    ctx.progress({ kind: job.kind, stage: 'failed', done: STEPS, total: STEPS, message })
    return { ok: false, reason: 'failed', message }
  }
}

async function runJob(data: ReportData, requested: DestinationRequest, job: Job, ctx: ExportContext): Promise<ExportOutcome> {
  const step = (stage: ReportProgress['stage'], done: number, message: string): void => ctx.progress({ kind: job.kind, stage, done, total: STEPS, message })
  const fail = <R extends string>(failure: Failure<R>): Failure<R> => {
    step('failed', STEPS, failure.message)
    return failure
  }

  step('starting', 0, 'Preparing the export…')
  const page = join(ctx.rendererDir, 'report.html')
  if (!existsSync(page)) {
    return fail({ ok: false, reason: 'failed', message: `The report page is not built (${page} is missing). Run \`npm run build\` in the project folder, then export again.` })
  }
  const path = await destination(requested, job, ctx)
  if (typeof path !== 'string') return fail(path)
  const unusable = await checkDestination(path, job.ext)
  if (unusable !== null) return fail(unusable)

  step('starting', 1, ctx.desktop?.printToPdf !== undefined ? 'Opening the print window…' : 'Starting Chromium…')
  const renderer = await obtainRenderer(ctx)
  if ('ok' in renderer) return fail(renderer)
  let server: ReportServer | null = null
  let bytes: Uint8Array
  try {
    server = await startReportServer(ctx.rendererDir, data.survey, data.previous, data.company)
    step('rendering', 2, job.renderingMessage)
    bytes = await job.render(renderer, server)
  } catch (error) {
    const message =
      error instanceof ReportPageError
        ? `The report could not be rendered: ${error.message}`
        : `The ${job.kind === 'pdf' ? 'PDF' : 'image'} could not be rendered: ${firstLine(error)}. Nothing was saved; try again, or use your browser's Print › Save as PDF on the report page.`
    return fail({ ok: false, reason: 'failed', message })
  } finally {
    await server?.close()
    await renderer.close().catch(() => undefined)
  }

  step('saving', 3, `Saving ${path}…`)
  const written = await writeFileAtomically(path, bytes)
  if (!written.ok) return fail(written)
  step('done', STEPS, `Saved ${path}`)
  // Only a file main put in the exports folder is served back (web server: /api/exports/<name>).
  const download = ctx.exportsFolder !== null && ctx.desktop === null && requested.path === undefined ? `${EXPORTS_URL_PREFIX}${encodeURIComponent(basename(path))}` : null
  return { ...written, download }
}

/** Exports the survey's PDF report to `path` (or a save dialog / the reports folder). */
export function exportPdf(request: PdfRequest, ctx: ExportContext): Promise<ExportOutcome> {
  const { survey, paper } = request
  const date = isoDate(survey.updatedAt)
  // One decision for the cover and the footer: a company with nothing to print is no company.
  const company = request.company === undefined || request.company === null || isEmptyCompany(request.company) ? null : request.company
  return run(
    { survey, previous: request.previous ?? null, company },
    request,
    {
      kind: 'pdf',
      ext: '.pdf',
      defaultName: `${fileSlug(survey.site.name)}-survey-${date}.pdf`,
      renderingMessage: `Rendering the report (${survey.locations.length} location${survey.locations.length === 1 ? '' : 's'})…`,
      render: (renderer, server) =>
        renderer.printToPdf(server.pageUrl({ paper, ...(request.fullAppendix === true ? { appendix: 'full' } : {}) }), {
          paper,
          headerTemplate: headerTemplate(survey.site.name, formatDate(survey.updatedAt, siteZone(survey.site.timeZone)), isDraft(survey)),
          footerTemplate: footerTemplate(company),
          marginsMm: PAGE_MARGINS_MM
        })
    },
    ctx
  )
}

/** Exports one location's SITE-PHONE evidence card as a PNG. */
export async function exportEvidence(request: EvidenceRequest, ctx: ExportContext): Promise<ExportOutcome> {
  const { survey, locationId } = request
  const location = survey.locations.find((l) => l.id === locationId)
  if (location === undefined) {
    const message = `The survey of ${survey.site.name} has no location with the ID ${locationId}: no evidence image was made.`
    ctx.progress({ kind: 'evidence', stage: 'failed', done: STEPS, total: STEPS, message })
    return { ok: false, reason: 'failed', message }
  }
  return run(
    { survey, previous: null, company: null },
    request,
    {
      kind: 'evidence',
      ext: '.png',
      defaultName: `${fileSlug(survey.site.name)}-${fileSlug(location.name)}-SITE-PHONE.png`,
      renderingMessage: 'Rendering the evidence card…',
      render: (renderer, server) => renderer.capturePng(server.pageUrl({ view: 'evidence', location: locationId }), EVIDENCE_SIZE)
    },
    ctx
  )
}
