/**
 * Firewall runs are never lost (issue 16 item 4): a run started with a survey location chosen is
 * kept with that location as soon as it finishes, whatever page the technician is on by then. It
 * counts only there (judge.ts networkProbeFor). A run that cannot be kept (no location chosen,
 * review mode, cancelled, the survey closed or the stall removed meanwhile) says why, and the
 * Connectivity page offers to save it.
 */
import type { ProbeRun } from '../../../shared/model/probe'
import { createStore } from '../state/create-store'
import { newId } from '../state/survey-edits'
import { getSurveyState, updateSurvey } from '../state/survey-store'
import type { ProbeStore } from './probe-store'
import { saveProbeToLocation } from './save-probe'

/** Where the latest finished run went. */
export type RunPlace =
  | { readonly runId: string; readonly kept: true; readonly locationName: string }
  | { readonly runId: string; readonly kept: false; readonly why: string }

/** The latest finished run's place; null before any run ends (or while one runs). */
export const runPlaceStore = createStore<RunPlace | null>(null)

interface StartedAt {
  readonly surveyId: string
  readonly locationId: string
}

/** Puts `run` into `locationId` of the open survey, or says why it cannot. */
function keep(run: ProbeRun, at: StartedAt | null): RunPlace {
  const { survey, readOnly } = getSurveyState()
  const location = at === null || survey?.id !== at.surveyId ? undefined : survey.locations.find((l) => l.id === at.locationId)
  const why =
    at === null
      ? 'No survey location was chosen when it started: open the survey, choose the stall on the Survey page, then save the run to it.'
      : location === undefined
        ? 'The survey or the stall it was started at was closed or removed during the run.'
        : readOnly
          ? 'The survey is open for review: choose Edit survey, then save the run to the stall.'
          : run.cancelled
            ? 'The run was cancelled: run it again for a complete result, or save it as it is.'
            : null
  if (why !== null || location === undefined) return { runId: run.id, kept: false, why: why ?? '' }
  updateSurvey(saveProbeToLocation(location.id, run, newId))
  return { runId: run.id, kept: true, locationName: location.name }
}

/** Runs the firewall check at the current location and keeps the finished run with it. */
export async function runAtCurrentLocation(store: ProbeStore, options: { timeoutMs?: number; targetSsid?: string }): Promise<void> {
  const { survey, currentLocationId } = getSurveyState()
  const at = survey !== null && currentLocationId !== null ? { surveyId: survey.id, locationId: currentLocationId } : null
  runPlaceStore.set(null)
  await store.start(options)
  const { run } = store.getState()
  if (run !== null) runPlaceStore.set(keep(run, at))
}

/** The Save button for a run that was not kept: into the current location, now. */
export function saveRunToCurrentLocation(run: ProbeRun): void {
  const { survey, currentLocationId, readOnly } = getSurveyState()
  const location = survey?.locations.find((l) => l.id === currentLocationId)
  if (!location || readOnly) return
  updateSurvey(saveProbeToLocation(location.id, run, newId))
  runPlaceStore.set({ runId: run.id, kept: true, locationName: location.name })
}
