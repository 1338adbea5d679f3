/**
 * Measure from the Live scan page (issue 16 item 3): the stall being surveyed, the same Measure
 * controls as the survey page (MeasurePanel, one measurement path) and the stall's verdict once
 * measured, so the technician can stay on this page while walking the garage.
 */
import { useMemo } from 'react'
import { judgeLocation, PROFILE } from '../../../shared/requirements'
import { formatDateTime, siteZone } from '../../../shared/text/date-time'
import { visibleText } from '../../../shared/text/hidden-chars'
import { VerdictBadge } from '../components/badges'
import { MeasurePanel } from '../pages/survey/measure-panel'
import { navigate } from '../state/nav-store'
import { setCurrentLocation, useSurveyState } from '../state/survey-store'

/** The stall picker, Measure and the result; nothing without an open survey. */
export function LiveMeasure() {
  const { survey, readOnly, currentLocationId } = useSurveyState()
  const location = survey?.locations.find((l) => l.id === currentLocationId) ?? null
  const judgement = useMemo(() => (survey === null || location === null ? null : judgeLocation(PROFILE, survey, location)), [survey, location])
  if (survey === null) return null
  if (survey.locations.length === 0) {
    return (
      <section className="live-measure" aria-label="Measure a stall">
        <p className="muted">Add the stalls on the Survey page to measure them from here.</p>
      </section>
    )
  }
  const name = location === null ? '' : visibleText(location.name || 'Unnamed location')
  return (
    <section className="live-measure" aria-label="Measure a stall">
      <label className="inline-label">
        Stall
        <select value={location?.id ?? ''} onChange={(e) => setCurrentLocation(e.target.value === '' ? null : e.target.value)}>
          {location === null ? <option value="">Choose a stall</option> : null}
          {survey.locations.map((l) => (
            <option key={l.id} value={l.id}>
              {visibleText(l.name || 'Unnamed location')}
            </option>
          ))}
        </select>
      </label>
      {location !== null && judgement !== null ? (
        <>
          <MeasurePanel locationId={location.id} readOnly={readOnly} hasTarget={survey.targetSsid !== ''} label={`Measure at ${name}`} />
          <p className="live-measure-result" aria-live="polite">
            {judgement.measurement === null ? (
              <span className="muted">{name}: not measured yet.</span>
            ) : (
              <>
                <VerdictBadge verdict={judgement.verdict.verdict} />{' '}
                <span className="reason">
                  {name}: {judgement.verdict.reason}
                </span>{' '}
                <span className="muted when">measured {formatDateTime(judgement.measurement.takenAt, siteZone(survey.site.timeZone))}</span>{' '}
                <button type="button" className="btn btn-ghost btn-small" onClick={() => navigate('survey')}>
                  Findings on the Survey page
                </button>
              </>
            )}
          </p>
        </>
      ) : null}
    </section>
  )
}
