/**
 * The cover: the site, who surveyed it and when, and the overall verdict with its one-line reason,
 * big enough to read across a desk.
 */
import type { Verdict } from '../../../shared/model/finding'
import { formatDate, REPORT_TIME_ZONE } from '../../../shared/text/date-time'
import { VERDICT_LABEL } from '../../../shared/requirements/labels'
import type { ReportModel } from './report-model'
import { UserText } from './user-text'

const VERDICT_ORDER: readonly Verdict[] = ['ready', 'ready-with-warnings', 'not-ready', 'incomplete']

function surveyedOn(model: ReportModel): string {
  if (model.measuredFrom === null || model.measuredTo === null) return `${formatDate(model.survey.updatedAt, REPORT_TIME_ZONE)} (nothing measured yet)`
  const from = formatDate(model.measuredFrom, REPORT_TIME_ZONE)
  const to = formatDate(model.measuredTo, REPORT_TIME_ZONE)
  return from === to ? from : `${from} to ${to}`
}

/** Page 1 of the report. */
export function Cover(props: { readonly model: ReportModel; readonly embedded: boolean }) {
  const { survey, overall, locations } = props.model
  const counts = new Map<Verdict, number>(VERDICT_ORDER.map((v) => [v, 0]))
  for (const l of locations) counts.set(l.verdict.verdict, (counts.get(l.verdict.verdict) ?? 0) + 1)
  const billed = survey.site.billingMode === 'billed'
  const Title = props.embedded ? 'h2' : 'h1'
  return (
    <section className="rpt-page rpt-cover" data-section="cover">
      <div>
        <div className="rpt-kicker">Wall Connector network site survey</div>
        {/* Inside an app page (the preview) the page's title is the one level-one heading. */}
        <Title className="rpt-cover-title">
          <UserText text={survey.site.name} />
        </Title>
        <div className="rpt-address">
          <UserText text={survey.site.address} empty="No address recorded" />
        </div>
      </div>

      <div className={`rpt-verdict-box rpt-bg-${overall.verdict}`} data-verdict={overall.verdict}>
        <div className="rpt-verdict-caption">Overall verdict</div>
        <div className="rpt-verdict-word">{VERDICT_LABEL[overall.verdict]}</div>
        <div className="rpt-verdict-reason">
          <UserText text={overall.reason} />
        </div>
      </div>

      <div className="rpt-glance" aria-label="Locations by verdict">
        {VERDICT_ORDER.map((v) => (
          <div key={v} className={`rpt-b-${v}`}>
            <strong>{counts.get(v) ?? 0}</strong>
            {VERDICT_LABEL[v]}
          </div>
        ))}
      </div>

      <dl className="rpt-facts">
        <div>
          <dt>Customer</dt>
          <dd>
            <UserText text={survey.site.customer} />
          </dd>
        </div>
        <div>
          <dt>Technician</dt>
          <dd>
            <UserText text={survey.site.technician} />
          </dd>
        </div>
        <div>
          <dt>Surveyed</dt>
          <dd>{surveyedOn(props.model)}</dd>
        </div>
        <div>
          <dt>Charger locations</dt>
          <dd>{locations.length}</dd>
        </div>
        <div>
          <dt>Chargers&apos; network (target SSID)</dt>
          <dd>
            <UserText text={survey.targetSsid} empty="Not set" />
          </dd>
        </div>
        <div>
          <dt>Billing (SITE-BILLING)</dt>
          <dd>{billed ? 'Billed — internet access is required' : 'Free — works offline; cloud features need internet'}</dd>
        </div>
        <div>
          <dt>Requirement profile</dt>
          <dd>
            <UserText text={`${survey.profile.id} ${survey.profile.version}`} />
          </dd>
        </div>
        <div>
          <dt>Survey ID</dt>
          <dd className="rpt-mono rpt-small">
            <UserText text={survey.id} />
          </dd>
        </div>
      </dl>

      {survey.site.notes !== '' && (
        <div>
          <h3>Site notes</h3>
          <div className="rpt-notes">
            <UserText text={survey.site.notes} multiline />
          </div>
        </div>
      )}

      <p className="rpt-howto">
        How to read this report: page 2 lists every location with its verdict and everything to change, grouped by who
        acts. Each location then has its own page with the findings, the chargers&apos; network signal, the channel
        chart and the firewall checks. Every finding names the requirement it comes from (for example WIFI-WIDTH); the
        appendix lists each requirement with its source. &ldquo;Unknown&rdquo; is never a pass: it says what to verify
        on the access point.
      </p>
    </section>
  )
}
