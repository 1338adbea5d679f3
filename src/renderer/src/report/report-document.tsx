/**
 * The survey report as one React tree, for the in-app preview and for printing to PDF.
 */
import { useMemo } from 'react'
import type { Company } from '../../../shared/model/company'
import type { Survey } from '../../../shared/model/survey'
import { compareSurveys } from '../../../shared/compare/compare-surveys'
import { PROFILE } from '../../../shared/requirements'
import { Appendix } from './appendix'
import { ChangesSection } from './changes-section'
import { ChargersSection } from './chargers-section'
import { Cover } from './cover'
import { HandoutSection } from './handout-section'
import { LocationSection } from './location-section'
import { LocationWhere, MapSections } from './map-section'
import { buildReportModel } from './report-model'
import { Summary } from './summary'
import './report.css'

export type Paper = 'A4' | 'Letter'

/**
 * The whole report; with `previous` (an earlier survey of the site), a "Changes since" page after
 * the summary. `embedded`: shown inside an app page (the preview), whose own title is the page's
 * one level-one heading, so the cover's title is a level-two heading there. `fullAppendix`: every
 * BSS seen in the raw-scan appendix. `company`: the surveying company on the cover (main's
 * setting, served to the print page); none: no company block.
 */
export function ReportDocument(props: {
  readonly survey: Survey
  readonly paper: Paper
  readonly previous?: Survey | null
  readonly embedded?: boolean
  readonly fullAppendix?: boolean
  readonly company?: Company | null
}) {
  const { survey, previous, fullAppendix } = props
  const model = useMemo(() => buildReportModel(survey, { fullAppendix }), [survey, fullAppendix])
  const comparison = useMemo(() => (previous ? compareSurveys(PROFILE, previous, survey) : null), [previous, survey])
  return (
    <article className="rpt" data-paper={props.paper}>
      <Cover model={model} embedded={props.embedded === true} company={props.company ?? null} />
      <Summary model={model} />
      {comparison && <ChangesSection comparison={comparison} />}
      <MapSections survey={survey} />
      {model.locations.map((l, i) => (
        <LocationSection key={l.id} location={l} index={i} total={model.locations.length} targetSsid={props.survey.targetSsid} zone={model.zone} where={<LocationWhere survey={survey} locationId={l.id} />} />
      ))}
      <ChargersSection survey={props.survey} />
      <HandoutSection survey={props.survey} />
      <Appendix model={model} />
    </article>
  )
}
