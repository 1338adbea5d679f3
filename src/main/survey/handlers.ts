/**
 * Survey-file requests: the library, create, open (handle, dialog, typed path, sample), save,
 * Save As, re-survey, recent, plus `app:info`. Every expected failure is a value with a message naming the file.
 *
 * Main owns every path: the renderer gets an opaque handle for each survey (handles.ts) and saves
 * through it. In Electron new destinations come from the native save dialog; in browser mode from
 * a file name in the surveys folder, and a handle outside that folder opens for review only.
 */
import { randomUUID } from 'node:crypto'
import { constants } from 'node:fs'
import { copyFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { Handlers, OpenOutcome, SaveAsOutcome, SaveOutcome, SurveyOpenOutcome } from '../../shared/contract'
import { SURVEY_SCHEMA_VERSION, type Survey } from '../../shared/model/survey'
import { EMPTY_MAP } from '../../shared/model/survey-map'
import { makeResurvey } from '../../shared/compare/resurvey'
import { PROFILE_ID, PROFILE_VERSION } from '../../shared/requirements'
import { defaultSiteTimeZone } from '../../shared/text/date-time'
import type { ServiceDeps } from '../service-deps'
import { describeScanner } from '../wifi/handlers'
import { checkInFolder, pathInFolder, withExtension } from './confined-path'
import { exportsDir, surveysDir } from './data-dir'
import { createSurveyHandles, type SurveyHandles } from './handles'
import { ensureDir, listSurveys, safeFileStem, uniqueSurveyPath } from './library'
import { createRecentList } from './recent'
import { loadSurveyFile, openSurveyFile, saveSurveyFile, SURVEY_EXTENSION } from './survey-file'

type SurveyRequests =
  | 'app:info'
  | 'survey:list'
  | 'survey:create'
  | 'survey:open'
  | 'survey:openPath'
  | 'survey:pickOpen'
  | 'survey:openSample'
  | 'survey:save'
  | 'survey:saveAs'
  | 'survey:keepBoth'
  | 'survey:overwrite'
  | 'survey:resurvey'
  | 'survey:recent'

/** "2026-12-02 0231" in local time: when the person chose to keep both, as they read a clock. */
function localStamp(at: Date): string {
  const two = (n: number): string => String(n).padStart(2, '0')
  return `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())} ${two(at.getHours())}${two(at.getMinutes())}`
}

/** The sample survey shipped in the assets folder. */
export const SAMPLE_FILE = 'sample-survey.wcsurvey'

const fileFilter = { name: 'WC Site Survey', extensions: ['wcsurvey'] }

/** Survey-file handlers over the data folder in `deps`, issuing handles from `handles`. */
export function createSurveyHandlers(
  deps: ServiceDeps,
  handles: SurveyHandles = createSurveyHandles(),
  /** Adjusts a survey before `survey:save` writes it (main's newest watch records); identity by default. */
  beforeSave: (path: string, survey: Survey) => Survey = (_path, survey) => survey
): { handlers: Pick<Handlers, SurveyRequests> } {
  const library = surveysDir(deps.dataDir)
  const recent = createRecentList(deps.dataDir)
  const browserMode = deps.desktop === null

  /** Browser mode writes only inside the surveys folder; Electron writes where its dialogs said. */
  async function writable(path: string): Promise<boolean> {
    return !browserMode || (await checkInFolder(library, path, SURVEY_EXTENSION)).ok
  }

  async function opened(outcome: OpenOutcome): Promise<SurveyOpenOutcome> {
    if (!outcome.ok) return outcome
    await recent.add(outcome.path)
    return { ...outcome, handle: handles.issue(outcome.path), writable: await writable(outcome.path) }
  }

  async function saveAs(survey: Survey, target: string): Promise<SaveAsOutcome> {
    const outcome = await saveSurveyFile(target, survey)
    if (!outcome.ok) return outcome
    await recent.add(outcome.path)
    return { ...outcome, handle: handles.issue(outcome.path) }
  }

  /** The path behind `handle` if main may still write it (checked at every save: the folder or the file may have been swapped for a link since). */
  async function savablePath(handle: string): Promise<{ readonly ok: true; readonly path: string } | Extract<SaveOutcome, { readonly ok: false }>> {
    const path = handles.pathOf(handle)
    if (path === null) return unknownHandle
    const allowed = browserMode ? await checkInFolder(library, path, SURVEY_EXTENSION) : withExtension(path, SURVEY_EXTENSION)
    if (!allowed.ok || allowed.path !== path) {
      return allowed.ok ? { ok: false, reason: 'not-allowed', message: `${path} is not a survey file: nothing was saved. Use Save As.` } : allowed
    }
    return { ok: true, path }
  }

  const unknownHandle = { ok: false, reason: 'not-found', message: 'This survey is no longer known to the app (was it restarted?): open it again from the library.' } as const

  return {
    handlers: {
      'app:info': async () => ({
        version: deps.appVersion,
        mode: deps.mode,
        platform: deps.platform,
        surveysFolder: library,
        scanner: describeScanner(deps),
        nativeDialogs: deps.desktop !== null,
        exportsFolder: exportsDir(deps.dataDir)
      }),
      'survey:list': async () => (await listSurveys(library)).map((row) => ({ ...row, handle: handles.issue(row.path) })),
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
            notes: input.notes,
            timeZone: defaultSiteTimeZone()
          },
          targetSsid: input.targetSsid,
          profile: { id: PROFILE_ID, version: PROFILE_VERSION },
          resurveyOf: null,
          locations: [],
          map: EMPTY_MAP,
          chargers: [],
          calibration: null
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
      'survey:open': async (handle) => {
        const path = handles.pathOf(handle)
        return path === null ? unknownHandle : opened(await openSurveyFile(path))
      },
      'survey:openPath': async (path) => {
        // Electron has File › Open: its renderer never names a path.
        if (!browserMode) return { ok: false, reason: 'cancelled', message: 'Use File › Open… to choose a survey file.' }
        if (!path.toLowerCase().endsWith(SURVEY_EXTENSION)) {
          return { ok: false, reason: 'not-a-survey', message: `${path} is not a survey file: survey files end in ${SURVEY_EXTENSION}.` }
        }
        return opened(await openSurveyFile(path))
      },
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
        return opened(await openSurveyFile(path))
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
          return opened(await openSurveyFile(copy))
        } catch (error) {
          return {
            ok: false,
            reason: 'unreadable',
            message: `Could not copy the sample survey into ${library} (${error instanceof Error ? error.message : String(error)}). Check that you may write there.`
          }
        }
      },
      'survey:save': async (handle, survey) => {
        const target = await savablePath(handle)
        return target.ok ? saveSurveyFile(target.path, beforeSave(target.path, survey)) : target
      },
      'survey:keepBoth': async (handle, survey) => {
        const target = await savablePath(handle)
        if (!target.ok) return target
        // Beside theirs, in the same (already confined) folder, under a name no file has:
        // "Harbour Point (yours 2026-12-02 0231).wcsurvey". The other program's file is not touched.
        const stem = `${basename(target.path, SURVEY_EXTENSION)} (yours ${localStamp(new Date())})`
        let copy: string
        try {
          copy = await uniqueSurveyPath(dirname(target.path), stem)
        } catch (error) {
          return { ok: false, reason: 'failed', message: `Could not choose a file beside ${target.path} (${error instanceof Error ? error.message : String(error)}). Nothing was saved: your changes are kept in the app.` }
        }
        const confined = await pathInFolder(dirname(target.path), basename(copy), SURVEY_EXTENSION, { replace: false })
        return confined.ok ? saveAs(beforeSave(target.path, survey), confined.path) : confined
      },
      'survey:overwrite': async (handle, survey) => {
        const target = await savablePath(handle)
        return target.ok ? saveSurveyFile(target.path, beforeSave(target.path, survey), undefined, { overwrite: true }) : target
      },
      'survey:saveAs': async (survey, fileName) => {
        if (deps.desktop) {
          const picked = await deps.desktop.pickSavePath(`${safeFileStem(survey.site.name)}${SURVEY_EXTENSION}`, fileFilter)
          if (picked === null) return { ok: false, reason: 'cancelled', message: 'Save As was cancelled.' }
          const target = withExtension(picked, SURVEY_EXTENSION)
          return target.ok ? saveAs(survey, target.path) : target
        }
        if (fileName === undefined) {
          return { ok: false, reason: 'cancelled', message: `Browser mode has no file dialog: type a file name; the survey is saved in ${library}.` }
        }
        try {
          await ensureDir(library)
        } catch (error) {
          return { ok: false, reason: 'failed', message: `Could not create the survey folder ${library} (${error instanceof Error ? error.message : String(error)}): nothing was saved.` }
        }
        const target = await pathInFolder(library, fileName, SURVEY_EXTENSION, { replace: false })
        return target.ok ? saveAs(survey, target.path) : target
      },
      'survey:resurvey': async (handle) => {
        const originPath = handles.pathOf(handle)
        if (originPath === null) return unknownHandle
        const origin = await loadSurveyFile(originPath)
        if (!origin.ok) return origin
        const now = new Date().toISOString()
        const survey = makeResurvey(origin.survey, { id: randomUUID(), now, profile: { id: PROFILE_ID, version: PROFILE_VERSION } })
        // Beside the original, named after the site and the day ("Harbour Point Garage 2026-12-01.wcsurvey");
        // in browser mode only inside the surveys folder, so a survey opened from elsewhere is re-surveyed there.
        const stem = `${origin.survey.site.name} ${now.slice(0, 10)}`
        let path: string
        try {
          const beside = await uniqueSurveyPath(dirname(origin.path), stem)
          if (await writable(beside)) path = beside
          else {
            await ensureDir(library)
            path = await uniqueSurveyPath(library, stem)
          }
        } catch (error) {
          return { ok: false, reason: 'unreadable', message: `Could not choose a file for the re-survey of ${origin.path} (${error instanceof Error ? error.message : String(error)}). Nothing was saved.` }
        }
        const saved = await saveSurveyFile(path, survey)
        if (!saved.ok) return { ok: false, reason: 'unreadable', message: `The re-survey of ${origin.path} could not be saved: ${saved.message}` }
        return opened({ ok: true, path, survey, migratedFrom: null })
      },
      'survey:recent': async () => (await recent.read()).map((path) => ({ path, handle: handles.issue(path) }))
    }
  }
}
