/**
 * A report is a draft while any location is incomplete (not measured, or a requirement unknown),
 * or when there is no location at all: it says so on the cover and on every page's header.
 */
import type { Survey } from '../model/survey'
import { judgeSurvey } from '../requirements/judge'
import { PROFILE } from '../requirements/profile'

/** The locations that keep the report a draft (their names), from the survey judged afresh. */
export function draftReasons(survey: Survey): readonly string[] {
  return judgeSurvey(PROFILE, survey)
    .locations.filter((l) => l.verdict.verdict === 'incomplete')
    .map((l) => l.location.name)
}

/** True while the report cannot be final. */
export function isDraft(survey: Survey): boolean {
  return survey.locations.length === 0 || draftReasons(survey).length > 0
}
