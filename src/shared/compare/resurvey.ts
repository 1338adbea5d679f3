/**
 * "Re-survey this site": a new survey of the same site, linked to the one it repeats.
 */
import { formatDate, siteZone } from '../text/date-time'
import type { Survey, SurveyLocation } from '../model/survey'
import { lineageOf } from './compare-surveys'

/** What main supplies: the new survey's ID, the time, and this build's profile. */
export interface ResurveyInput {
  readonly id: string
  readonly now: string
  readonly profile: Survey['profile']
}

/**
 * The re-survey of `origin`: same site, target network and locations (same IDs, names and notes,
 * so the two compare stall by stall), no measurements and no per-visit observations (the cellular
 * note is what the technician saw on that visit, the photos are of that visit). `origin` itself is not changed.
 */
export function makeResurvey(origin: Survey, input: ResurveyInput): Survey {
  return {
    ...origin,
    id: input.id,
    createdAt: input.now,
    updatedAt: input.now,
    profile: input.profile,
    resurveyOf: { surveyId: origin.id, surveyCreatedAt: origin.createdAt, lineageId: lineageOf(origin) },
    // Spread first: fields a later schema adds to a location (its level, its pin on the plan) carry over.
    locations: origin.locations.map((l): SurveyLocation => ({ ...l, cellularNote: '', measurements: [], watches: [], photos: [] })),
    // The garage's levels, plans and pins carry over; the survey points between stalls were this visit's measurements.
    map: { ...origin.map, points: [] },
    // A charger's reading is of its visit: the chargers are read again. The calibrated margin is of
    // the site's hardware and stays, saying where it came from (its stalls' readings are not here).
    chargers: [],
    calibration:
      origin.calibration === null
        ? null
        : { ...origin.calibration, source: `${origin.calibration.source}, carried over from the survey of ${formatDate(origin.createdAt, siteZone(origin.site.timeZone))}`.slice(0, 300) }
  }
}
