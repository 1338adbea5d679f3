/**
 * The survey report as one React tree, for the in-app preview and for printing to PDF.
 */
import { useMemo } from 'react'
import type { Survey } from '../../../shared/model/survey'
import { Appendix } from './appendix'
import { Cover } from './cover'
import { LocationSection } from './location-section'
import { buildReportModel } from './report-model'
import { Summary } from './summary'
import './report.css'

export type Paper = 'A4' | 'Letter'

/** The whole report. */
export function ReportDocument(props: { readonly survey: Survey; readonly paper: Paper }) {
  const model = useMemo(() => buildReportModel(props.survey), [props.survey])
  return (
    <article className="rpt" data-paper={props.paper}>
      <Cover model={model} />
      <Summary model={model} />
      {model.locations.map((l, i) => (
        <LocationSection key={l.id} location={l} index={i} total={model.locations.length} targetSsid={props.survey.targetSsid} />
      ))}
      <Appendix model={model} />
    </article>
  )
}
