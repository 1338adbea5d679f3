/**
 * Saving the IT handout: one format from the app's IT handout page (main picks the destination:
 * the save dialog in Electron, the exports folder in browser mode), or every format beside an
 * exported PDF. The text is generated here from the survey (src/shared/handout), never taken
 * from the renderer, and written atomically (output-file.ts).
 */
import { mkdir } from 'node:fs/promises'
import { basename, dirname, extname, join } from 'node:path'
import type { ExportOutcome, Failure } from '../../shared/contract'
import type { Survey } from '../../shared/model/survey'
import { buildAllowlist } from '../../shared/requirements/allowlist'
import { renderHandout } from '../../shared/handout/formats'
import { DEFAULT_CHARGERS_INTERFACE, FORMAT_FILES, HANDOUT_FORMATS, type HandoutFormat } from '../../shared/handout/names'
import { pathInFolder, withExtension, type WrittenExtension } from '../survey/confined-path'
import { fileSlug, isoDate, type ExportContext } from './export-report'
import { writeFileAtomically } from './output-file'
import { findingsCsv } from '../../shared/report/it-ticket'

/** `<stem>-firewall.nft`, `<stem>-it-handout.csv`, …: a format's file name from a stem. */
export function handoutFileName(stem: string, format: HandoutFormat): string {
  const f = FORMAT_FILES[format]
  return `${stem}-${f.suffix}${f.ext}`
}

/** The default stem for a survey's handout files: `Harbour-Point-Garage-2026-11-18`. */
function surveyStem(survey: Survey | null): string {
  return survey === null ? 'wall-connector' : `${fileSlug(survey.site.name)}-${isoDate(survey.updatedAt)}`
}

export interface HandoutSaveRequest {
  readonly survey: Survey | null
  readonly format: HandoutFormat
  readonly chargersInterface: string
}

/**
 * Where one handout file goes: Electron's save dialog (extension enforced), else (browser mode)
 * its default name in main's exports folder. The renderer names neither.
 */
async function destination(name: string, { ext, label }: { ext: WrittenExtension; label: string }, ctx: ExportContext): Promise<string | Failure<'cancelled' | 'not-writable' | 'not-allowed'>> {
  if (ctx.desktop !== null) {
    const picked = await ctx.desktop.pickSavePath(name, { name: `${label} file`, extensions: [ext.slice(1)] })
    if (picked === null) return { ok: false, reason: 'cancelled', message: 'Not saved: the save dialog was cancelled.' }
    const named = withExtension(picked, ext)
    return named.ok ? named.path : named
  }
  const folder = ctx.exportsFolder
  if (folder === null) return { ok: false, reason: 'not-writable', message: 'No destination: give the path of the file to write.' }
  try {
    await mkdir(folder, { recursive: true })
  } catch (error) {
    return { ok: false, reason: 'not-writable', message: `The exports folder ${folder} could not be created (${error instanceof Error ? error.message : String(error)}): nothing was saved.` }
  }
  const inFolder = await pathInFolder(folder, name, ext, { replace: true })
  return inFolder.ok ? inFolder.path : inFolder
}

/** Saves one format of the handout where main decides; the outcome names the file. */
export async function saveHandout(request: HandoutSaveRequest, ctx: ExportContext): Promise<ExportOutcome> {
  const path = await destination(handoutFileName(surveyStem(request.survey), request.format), FORMAT_FILES[request.format], ctx)
  if (typeof path !== 'string') return path
  const text = renderHandout(buildAllowlist(request.survey), request.format, { chargersInterface: request.chargersInterface })
  const written = await writeFileAtomically(path, new TextEncoder().encode(text))
  // No download link: the exports folder serves PDF and PNG files only.
  return written.ok ? { ...written, download: null } : written
}

/** Saves the survey's findings as CSV for a ticket (`<stem>-findings.csv`) where main decides. */
export async function saveFindingsCsv(survey: Survey, ctx: ExportContext): Promise<ExportOutcome> {
  const path = await destination(`${surveyStem(survey)}-findings.csv`, { ext: '.csv', label: 'CSV' }, ctx)
  if (typeof path !== 'string') return path
  const written = await writeFileAtomically(path, new TextEncoder().encode(findingsCsv(survey)))
  return written.ok ? { ...written, download: null } : written
}

/**
 * Writes every format of the handout beside `pdfPath` (`report.pdf` → `report-firewall.nft`, …).
 * Resolves to the files written and, when one failed, why (the PDF itself stays saved).
 */
export async function saveHandoutBeside(pdfPath: string, survey: Survey): Promise<{ files: string[]; error: string | null }> {
  const stem = basename(pdfPath, extname(pdfPath))
  const list = buildAllowlist(survey)
  const files: string[] = []
  for (const format of HANDOUT_FORMATS) {
    const path = join(dirname(pdfPath), handoutFileName(stem, format))
    const text = renderHandout(list, format, { chargersInterface: DEFAULT_CHARGERS_INTERFACE })
    const written = await writeFileAtomically(path, new TextEncoder().encode(text))
    if (!written.ok) return { files, error: `The PDF was saved, but not every IT handout file: ${written.message}` }
    files.push(written.path)
  }
  return { files, error: null }
}

/** The PDF outcome with the handout files saved beside it, when it was saved. */
export async function withHandoutFiles(outcome: ExportOutcome, survey: Survey): Promise<ExportOutcome> {
  if (!outcome.ok) return outcome
  const { files, error } = await saveHandoutBeside(outcome.path, survey)
  return error === null ? { ...outcome, files } : { ...outcome, files, filesError: error }
}
