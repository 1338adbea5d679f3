/**
 * The survey editor: site details, the locations list and the current location's verdict,
 * findings, history and Measure button. In review mode everything is read-only until
 * "Edit survey".
 */
import { useMemo } from 'react'
import { judgeSurvey, PROFILE } from '../../../shared/requirements'
import { useSurveyState } from '../state/survey-store'
import { NoSurveyPage } from './no-survey-page'
import { LocationDetail } from './survey/location-detail'
import { LocationList } from './survey/location-list'
import { SiteForm } from './survey/site-form'
import { TargetNameBanner } from './survey/target-name-banner'

/** The survey page. */
export function SurveyPage() {
  const { survey, readOnly, currentLocationId } = useSurveyState()
  // Judged once per change: the same verdicts and findings as the compliance page and the report.
  const judgement = useMemo(() => (survey === null ? null : judgeSurvey(PROFILE, survey)), [survey])
  if (survey === null || judgement === null) return <NoSurveyPage />
  const current = judgement.locations.find((l) => l.location.id === currentLocationId) ?? null
  return (
    <div className="page survey-page">
      {/* The top bar shows the site's name; the page's title is for assistive technology. */}
      <h1 className="visually-hidden">Survey: {survey.site.name || 'Untitled site'}</h1>
      <TargetNameBanner survey={survey} readOnly={readOnly} />
      <SiteForm key={survey.id} survey={survey} readOnly={readOnly} />
      <div className="split">
        <LocationList survey={survey} judgement={judgement} currentId={current ? current.location.id : null} readOnly={readOnly} />
        {current ? (
          <LocationDetail key={current.location.id} survey={survey} judgement={current} readOnly={readOnly} />
        ) : (
          <section className="card location-detail placeholder">
            <p className="muted">{survey.locations.length === 0 ? 'Add a location to start measuring.' : 'Choose a location.'}</p>
          </section>
        )}
      </div>
    </div>
  )
}
