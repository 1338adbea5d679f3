/**
 * The survey library: the `.wcsurvey` files in the default folder, as rows for the library page,
 * and safe, unique file names for new surveys.
 */
import { mkdir, readdir, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { SurveySummary } from '../../shared/model/survey'
import { lineageOf } from '../../shared/compare/compare-surveys'
import { judgeSurvey, PROFILE } from '../../shared/requirements'
import { loadSurveyFile, SURVEY_EXTENSION } from './survey-file'
import { hiddenChars } from '../../shared/text/hidden-chars'

/** Hidden characters ("Garage \u202Egpj.wcsurvey" would list as "Garage yevruscw.jpg") and the characters Windows refuses. */
const FILE_NAME_UNSAFE = hiddenChars('<>:"/\\\\|?*')

/** Names Windows reserves in every folder, whatever the extension. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i

/**
 * A file-name stem from free text (a site name): safe on Windows, macOS and Linux.
 *
 * Path separators, reserved characters and control characters become '-', leading and trailing
 * dots/spaces go, and the result is capped at 80 characters; empty becomes "survey".
 */
export function safeFileStem(text: string): string {
  const cleaned = text
    .normalize('NFC')
    .replace(FILE_NAME_UNSAFE, '-')
    .replace(/\s+/g, ' ')
    .replace(/-{2,}/g, '-')
    .replace(/^[\s.-]+|[\s.]+$/g, '')
    .slice(0, 80)
    .replace(/[\s.]+$/g, '')
  if (cleaned === '') return 'survey'
  return WINDOWS_RESERVED.test(cleaned) ? `survey-${cleaned}` : cleaned
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path)
    return true
  } catch {
    return false
  }
}

/** A path in `dir` named after `text` that no file uses yet ("Site.wcsurvey", "Site 2.wcsurvey", …). */
export async function uniqueSurveyPath(dir: string, text: string): Promise<string> {
  const stem = safeFileStem(text)
  for (let n = 1; n < 10000; n++) {
    const candidate = join(dir, `${n === 1 ? stem : `${stem} ${n}`}${SURVEY_EXTENSION}`)
    if (!(await exists(candidate))) return candidate
  }
  throw new Error(`No free file name for "${stem}" in ${dir}.`)
}

/** Creates the library folder when it is missing. */
export async function ensureDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o755 })
}

/**
 * One row per `.wcsurvey` file in `dir`, newest first; unreadable files get a row with `error`.
 *
 * A missing folder is an empty library (nothing saved yet), not an error.
 */
export async function listSurveys(dir: string): Promise<readonly SurveySummary[]> {
  let names: string[]
  try {
    names = await readdir(dir)
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT') return []
    throw error
  }
  const files = names.filter((n) => n.endsWith(SURVEY_EXTENSION) && !n.startsWith('.')).sort()
  const rows = await Promise.all(
    files.map(async (fileName): Promise<SurveySummary> => {
      const path = join(dir, fileName)
      const outcome = await loadSurveyFile(path)
      if (!outcome.ok) {
        const updatedAt = await stat(path).then(
          (s) => s.mtime.toISOString(),
          () => ''
        )
        return {
          path,
          fileName,
          id: '',
          siteName: basename(fileName, SURVEY_EXTENSION),
          customer: '',
          targetSsid: '',
          createdAt: '',
          updatedAt,
          lineageId: '',
          locationCount: 0,
          verdict: null,
          error: outcome.message
        }
      }
      const s = outcome.survey
      return {
        path,
        fileName,
        id: s.id,
        siteName: s.site.name,
        customer: s.site.customer,
        targetSsid: s.targetSsid,
        createdAt: s.createdAt,
        updatedAt: s.updatedAt,
        lineageId: lineageOf(s),
        locationCount: s.locations.length,
        verdict: judgeSurvey(PROFILE, s).verdict,
        error: null
      }
    })
  )
  return rows.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0))
}
