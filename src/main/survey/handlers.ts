/**
 * Survey-file requests: the library, create, open (path, dialog, sample), save, Save As, recent,
 * plus `app:info`. Every expected failure is a value with a message naming the file.
 */
import { randomUUID } from 'node:crypto'
import { constants } from 'node:fs'
import { copyFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Handlers, OpenOutcome, SaveOutcome } from '../../shared/contract'
import { SURVEY_SCHEMA_VERSION, type Survey } from '../../shared/model/survey'
import { PROFILE_ID, PROFILE_VERSION } from '../../shared/requirements'
import type { ServiceDeps } from '../service-deps'
import { describeScanner } from '../wifi/handlers'
import { surveysDir } from './data-dir'
import { ensureDir, listSurveys, safeFileStem, uniqueSurveyPath } from './library'
import { createRecentList } from './recent'
import { loadSurveyFile, saveSurveyFile, SURVEY_EXTENSION } from './survey-file'

type SurveyRequests =
  | 'app:info'
  | 'survey:list'
  | 'survey:create'
  | 'survey:open'
  | 'survey:pickOpen'
  | 'survey:openSample'
  | 'survey:save'
  | 'survey:saveAs'
  | 'survey:recent'

/** The sample survey shipped in the assets folder. */
export const SAMPLE_FILE = 'sample-survey.wcsurvey'

const fileFilter = { name: 'WC Site Survey', extensions: ['wcsurvey'] }

/** Survey-file handlers over the data folder in `deps`. */
export function createSurveyHandlers(deps: ServiceDeps): { handlers: Pick<Handlers, SurveyRequests> } {
  const library = surveysDir(deps.dataDir)
  const recent = createRecentList(deps.dataDir)

  async function opened(outcome: OpenOutcome): Promise<OpenOutcome> {
    if (outcome.ok) await recent.add(outcome.path)
    return outcome
  }

  async function saveAs(survey: Survey, path: string): Promise<SaveOutcome> {
    const target = path.endsWith(SURVEY_EXTENSION) ? path : `${path}${SURVEY_EXTENSION}`
    const outcome = await saveSurveyFile(target, survey)
    if (outcome.ok) await recent.add(outcome.path)
    return outcome
  }

  return {
    handlers: {
      'app:info': async () => ({
        version: deps.appVersion,
        mode: deps.mode,
        platform: deps.platform,
        surveysFolder: library,
        scanner: describeScanner(deps),
        nativeDialogs: deps.desktop !== null
      }),
      'survey:list': async () => listSurveys(library),
      'survey:create': async (input) => {
        const now = new Date().toISOString()
        const survey: Survey = {
          schemaVersion: SURVEY_SCHEMA_VERSION,
          id: randomUUID(),
          createdAt: now,
          updatedAt: now,
          site: {
            name: input.siteName,
            address: input.address,
            customer: input.customer,
            technician: input.technician,
            billingMode: input.billingMode,
            notes: input.notes
          },
          targetSsid: input.targetSsid,
          profile: { id: PROFILE_ID, version: PROFILE_VERSION },
          resurveyOf: null,
          locations: []
        }
        try {
          await ensureDir(library)
        } catch (error) {
          const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : String(error)
          return {
            ok: false,
            reason: 'unreadable',
            message: `Could not create the survey folder ${library} (${code}). Check that you may write there, or set WC_SURVEY_DATA_DIR to another folder.`
          }
        }
        const path = await uniqueSurveyPath(library, input.siteName)
        const saved = await saveSurveyFile(path, survey)
        if (!saved.ok) return { ok: false, reason: 'unreadable', message: saved.message }
        return opened({ ok: true, path, survey, migratedFrom: null })
      },
      'survey:open': async (path) => opened(await loadSurveyFile(path)),
      'survey:pickOpen': async () => {
        if (!deps.desktop) {
          return {
            ok: false,
            reason: 'cancelled',
            message: 'Browser mode has no file dialog: type or paste the full path of the .wcsurvey file to open it.'
          }
        }
        const path = await deps.desktop.pickOpenPath()
        if (path === null) return { ok: false, reason: 'cancelled', message: 'Open was cancelled.' }
        return opened(await loadSurveyFile(path))
      },
      'survey:openSample': async () => {
        const source = join(deps.assetsDir, SAMPLE_FILE)
        const sample = await loadSurveyFile(source)
        if (!sample.ok) {
          return {
            ok: false,
            reason: sample.reason === 'not-found' ? 'not-found' : 'unreadable',
            message: `The sample survey is not available (${sample.message}) Reinstall the app, or create a new survey instead.`
          }
        }
        try {
          await ensureDir(library)
          const copy = await uniqueSurveyPath(library, `Sample – ${sample.survey.site.name}`)
          // COPYFILE_EXCL: never overwrite a file that appeared after the free name was chosen.
          await copyFile(source, copy, constants.COPYFILE_EXCL)
          return opened(await loadSurveyFile(copy))
        } catch (error) {
          return {
            ok: false,
            reason: 'unreadable',
            message: `Could not copy the sample survey into ${library} (${error instanceof Error ? error.message : String(error)}). Check that you may write there.`
          }
        }
      },
      'survey:save': async (path, survey) => {
        // Only survey files are ever written: a request cannot overwrite, say, a shell profile.
        if (!path.endsWith(SURVEY_EXTENSION)) {
          return { ok: false, reason: 'failed', message: `Refused to save to ${path}: survey files end in ${SURVEY_EXTENSION}. Use Save As to choose a name.` }
        }
        return saveSurveyFile(path, survey)
      },
      'survey:saveAs': async (survey, path) => {
        if (path !== undefined) return saveAs(survey, path)
        if (!deps.desktop) {
          return {
            ok: false,
            reason: 'cancelled',
            message: 'Browser mode has no file dialog: type the full path to save the survey to.'
          }
        }
        const picked = await deps.desktop.pickSavePath(`${safeFileStem(survey.site.name)}${SURVEY_EXTENSION}`, fileFilter)
        if (picked === null) return { ok: false, reason: 'cancelled', message: 'Save As was cancelled.' }
        return saveAs(survey, picked)
      },
      'survey:recent': async () => recent.read()
    }
  }
}
