/** Small surveys, observations and the app's info for renderer tests. */
import type { AppInfo } from '../../../src/shared/contract'

// The builders are shared with the unit tests and benchmarks; re-exported for the renderer tests.
export { makeLocation, makeMeasurement, makeObservation, makeSurvey } from '../../support/survey-builders'

export const appInfo: AppInfo = {
  version: '0.1.0',
  mode: 'browser',
  platform: 'linux',
  surveysFolder: '/data/surveys',
  scanner: 'Replay (demo)',
  nativeDialogs: false,
  exportsFolder: '/data/exports'
}

/** Survey handles as main issues them (22 base64url characters); fakes hand these out. */
export const HANDLE = 'hHarbourPointGarage000'
export const OTHER_HANDLE = 'hOtherSurveyFile000000'
