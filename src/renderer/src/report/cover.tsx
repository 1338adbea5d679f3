/**
 * The cover: the surveying company (when one is set), the site, who surveyed it and when, and the
 * overall verdict with its one-line reason, big enough to read across a desk.
 */
import { isEmptyCompany, type Company } from '../../../shared/model/company'
import type { Verdict } from '../../../shared/model/finding'
import { photoDataUrl } from '../../../shared/model/photo'
import { visibleText } from '../../../shared/text/hidden-chars'
import { formatDate, siteZoneLabel } from '../../../shared/text/date-time'
import { VERDICT_LABEL } from '../../../shared/requirements/labels'
import type { ReportModel } from './report-model'
import { UserText } from './user-text'

const VERDICT_ORDER: readonly Verdict[] = ['ready', 'ready-with-warnings', 'not-ready', 'incomplete']

function surveyedOn(model: ReportModel): string {
  if (model.measuredFrom === null || model.measuredTo === null) return `${formatDate(model.survey.updatedAt, model.zone)} (nothing measured yet)`
  const from = formatDate(model.measuredFrom, model.zone)
  const to = formatDate(model.measuredTo, model.zone)
  return from === to ? from : `${from} to ${to}`
}

const n = (k: number, one: string, many = `${one}s`): string => `${k} ${k === 1 ? one : many}`

/**
 * The verdict and what has to happen, in plain words and without a requirement ID: the first
 * thing a customer reads. The reason with the IDs follows it.
 */
export function plainSummary(model: ReportModel): string[] {
  const total = model.locations.length
  const count = (v: Verdict): number => model.locations.filter((l) => l.verdict.verdict === v).length
  const where = (k: number): string => (k === total && total > 1 ? `all ${total} charger locations` : `${k} of ${n(total, 'charger location')}`)
  const { firewall, accessPoint, site, technician } = model.checklist
  const verdict: Readonly<Record<Verdict, string>> = {
    ready: `The chargers' network is ready at ${where(total)}: nothing needs to change.`,
    'ready-with-warnings': `The chargers will work at ${where(total)}; some points should still be improved.`,
    'not-ready': `The chargers' network is not ready at ${where(count('not-ready'))}: chargers installed there now would not work reliably.`,
    incomplete: total === 0 ? 'No charger location has been added to this survey yet.' : `The survey is not finished: ${where(count('incomplete'))} still need a measurement or a check.`
  }
  const todo = [
    firewall.length + accessPoint.length > 0
      ? `The network administrator has ${[accessPoint.length > 0 ? n(accessPoint.length, 'access-point setting') + ' to change' : '', firewall.length > 0 ? n(firewall.length, 'firewall rule') + ' to add' : ''].filter((t) => t !== '').join(' and ')}.`
      : '',
    site.length > 0 ? `The site manager has ${n(site.length, 'item')} for the drivers' network.` : '',
    technician.length > 0 ? `The technician has ${n(technician.length, 'check')} left to do on site.` : ''
  ].filter((t) => t !== '')
  return [verdict[model.overall.verdict], ...todo]
}

const filled = (text: string): boolean => text.trim() !== ''

/** The address on one line: its lines joined with ", " (a line's own trailing comma kept once). */
export function addressOnOneLine(address: string): string {
  return address
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim().replace(/,+$/, ''))
    .filter((line) => line !== '')
    .join(', ')
}

/**
 * The company's letterhead at the top of the cover, an <address> (the contact of who wrote the
 * report): its logo (main checked the image; an <img> of a data: URL, as the photos are) beside its
 * name and, below it, phone · email · website · address, every field text. Nothing at all when no
 * company is set, and a blank field is left out (never a placeholder).
 */
export function CompanyBlock(props: { readonly company: Company | null }) {
  const c = props.company
  if (c === null || isEmptyCompany(c)) return null
  const details = [c.phone, c.email, c.website, addressOnOneLine(c.address)].map((t) => t.trim()).filter(filled)
  return (
    <address className="rpt-company" data-testid="report-company" aria-label="Surveying company">
      {c.logo !== null && <img className="rpt-company-logo" src={photoDataUrl(c.logo)} alt={filled(c.name) ? `${visibleText(c.name.trim())} logo` : 'Company logo'} />}
      <div className="rpt-company-text">
        {filled(c.name) && (
          <div className="rpt-company-name">
            <UserText text={c.name.trim()} />
          </div>
        )}
        {details.length > 0 && (
          <div className="rpt-company-contact">
            {details.map((field, i) => (
              <span key={i}>
                <UserText text={field} />
              </span>
            ))}
          </div>
        )}
      </div>
    </address>
  )
}

/** Page 1 of the report; `company`: the surveying company's letterhead at its top (null: none). */
export function Cover(props: { readonly model: ReportModel; readonly embedded: boolean; readonly company?: Company | null }) {
  const { survey, overall, locations } = props.model
  const counts = new Map<Verdict, number>(VERDICT_ORDER.map((v) => [v, 0]))
  for (const l of locations) counts.set(l.verdict.verdict, (counts.get(l.verdict.verdict) ?? 0) + 1)
  const billed = survey.site.billingMode === 'billed'
  const Title = props.embedded ? 'h2' : 'h1'
  const company = props.company ?? null
  const letterhead = company !== null && !isEmptyCompany(company)
  const kicker = <div className="rpt-kicker">Wall Connector network site survey</div>
  return (
    <section className={letterhead ? 'rpt-page rpt-cover rpt-cover-company' : 'rpt-page rpt-cover'} data-section="cover">
      {/* With a company, the kicker shares its row (and rule) with the letterhead: page 1 still holds. */}
      {letterhead && (
        <div className="rpt-letterhead">
          <CompanyBlock company={company} />
          {kicker}
        </div>
      )}
      {props.model.draft && (
        <div className="rpt-draft" role="note">
          <strong>DRAFT</strong> — not final:{' '}
          {locations.length === 0 ? 'no charger location yet.' : <UserText text={`${n(props.model.draftLocations.length, 'location')} incomplete (${props.model.draftLocations.join('; ')}).`} />}
        </div>
      )}
      <div>
        {!letterhead && kicker}
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
        <div className="rpt-plain">
          {plainSummary(props.model).map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
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
          <dt>Times shown in</dt>
          <dd data-testid="report-time-zone">{siteZoneLabel(survey.site.timeZone)}</dd>
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

      <div className="rpt-signoff" aria-label="Technician sign-off">
        <div>
          <span className="rpt-signoff-label">Surveyed by</span>
          <UserText text={survey.site.technician} empty="(no technician named)" />
          {props.model.measuredTo !== null && <span className="rpt-nowrap">, last measurement {formatDate(props.model.measuredTo, props.model.zone)}</span>}
        </div>
        <div className="rpt-signoff-lines">
          <span>Signature</span>
          <span>Date</span>
        </div>
      </div>

      <p className="rpt-howto">
        How to read this report: page 2 lists every location with its verdict and what to change, by who acts; each
        location then has its own page (findings, signal, channels, firewall checks). Every finding names its requirement
        (for example WIFI-WIDTH), listed with its source in the appendix. &ldquo;Unknown&rdquo; is never a pass: it says
        what to verify.
      </p>
    </section>
  )
}
