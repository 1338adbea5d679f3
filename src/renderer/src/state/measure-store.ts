/**
 * The Measure flow (issue 4 item 4): a snapshot of several scans at the current location, judged
 * against the requirements, appended to the location's history and autosaved. A survey point of
 * the map (issue 11) is measured the same way; its snapshot is kept for the heatmap, never judged.
 */
import type { ScanErrorReason } from '../../../shared/contract'
import { getApi } from '../api'
import { createStore } from './create-store'
import type { Survey } from '../../../shared/model/survey'
import { addPointMeasurement } from '../map/map-edits'
import { addMeasurement, newId, type MeasurementInput } from './survey-edits'
import { getSurveyState, updateSurvey } from './survey-store'

export interface MeasureFailure {
  readonly reason: ScanErrorReason
  readonly message: string
  readonly help: readonly string[]
}

export interface MeasureState {
  /** The location (or survey point) being measured, or null when idle. */
  readonly running: string | null
  readonly done: number
  readonly total: number
  /** The last failure and the location it happened at. */
  readonly failure: { readonly locationId: string; readonly error: MeasureFailure } | null
}

export const measureStore = createStore<MeasureState>({ running: null, done: 0, total: 0, failure: null })

/**
 * Steps shown when the scanner gave none: generic but actionable, per failure reason.
 */
export function fallbackHelp(reason: ScanErrorReason): readonly string[] {
  switch (reason) {
    case 'no-adapter':
      return ['Turn Wi-Fi on, or plug in a USB Wi-Fi adapter.', 'Then press Measure again.']
    case 'tool-missing':
      return ['Install the scanning tool named above (on Linux: NetworkManager or iw).', 'Then press Measure again.']
    case 'location-denied':
      return [
        'macOS hides network names from apps without Location permission.',
        'Open System Settings › Privacy & Security › Location Services and allow this app (or Terminal in browser mode).',
        'Then press Measure again.'
      ]
    case 'permission-denied':
      return ['The scan needs more privileges on this system; see the message above.', 'Then press Measure again.']
    case 'busy':
      return ['Another scan is running (Live scan page). Wait a few seconds, or stop it, then press Measure again.']
    case 'malformed':
    case 'failed':
      return ['Press Measure again. If it keeps failing, use the Live scan page to see what the scanner reports.']
  }
}

/** Measures a location of the open, editable survey. Resolves true when a measurement was added, false when none was (failed, cancelled, busy). */
export function measureLocation(locationId: string, scans: number): Promise<boolean> {
  return measureSpot(locationId, scans, (input) => addMeasurement(locationId, input))
}

/** Measures a survey point of the map (for the heatmap only). Resolves true when a measurement was added. */
export function measurePoint(pointId: string, scans: number): Promise<boolean> {
  return measureSpot(pointId, scans, (input) => addPointMeasurement(pointId, input))
}

/** Scans `scans` times at spot `locationId` and records the snapshot with `record`. */
async function measureSpot(locationId: string, scans: number, record: (input: MeasurementInput) => (s: Survey) => Survey): Promise<boolean> {
  const before = getSurveyState()
  if (before.survey === null || before.readOnly || measureStore.get().running !== null) return false
  const surveyId = before.survey.id
  measureStore.set({ running: locationId, done: 0, total: scans, failure: null })
  const api = getApi()
  const off = api.on('scan:progress', (p) => {
    measureStore.update((s) => (s.running === locationId ? { ...s, done: p.done, total: p.total } : s))
  })
  try {
    const outcome = await api.request('scan:snapshot', { scans })
    if (!outcome.ok) {
      if (outcome.reason === 'cancelled') {
        measureStore.set({ running: null, done: 0, total: 0, failure: null })
        return false
      }
      const help = outcome.help && outcome.help.length > 0 ? outcome.help : fallbackHelp(outcome.reason)
      measureStore.set({
        running: null,
        done: 0,
        total: 0,
        failure: { locationId, error: { reason: outcome.reason, message: outcome.message, help } }
      })
      return false
    }
    const now = getSurveyState().survey
    // The survey may have been closed or switched while the radio scanned: drop the result then.
    const added = now !== null && now.id === surveyId
    if (added) {
      updateSurvey(record({ id: newId(), takenAt: new Date().toISOString(), scanCount: outcome.scanCount, observations: outcome.observations }))
    }
    measureStore.set({ running: null, done: 0, total: 0, failure: null })
    return added
  } catch (error) {
    measureStore.set({
      running: null,
      done: 0,
      total: 0,
      failure: {
        locationId,
        error: {
          reason: 'failed',
          message: `The scan did not complete: ${error instanceof Error ? error.message : String(error)}.`,
          help: fallbackHelp('failed')
        }
      }
    })
    return false
  } finally {
    off()
  }
}

/** The Measure flow's state, for components. */
export function useMeasure(): MeasureState {
  return measureStore.use()
}
