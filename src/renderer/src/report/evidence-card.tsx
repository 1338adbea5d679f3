/**
 * The SITE-PHONE evidence image: one card per location saying whether the drivers' open network
 * is there and reaches the internet, when and where — captured as a 1200 × 630 PNG for the vendor.
 */
import type { ProbeRun } from '../../../shared/model/probe'
import type { Survey } from '../../../shared/model/survey'
import { PROFILE } from '../../../shared/requirements/profile'
import { formatDateTime, siteZone } from '../../../shared/text/date-time'
import { formatDbm } from './format'
import { locationReportById } from './report-model'
import { UserText } from './user-text'

/** Card size in CSS px; main captures exactly this rectangle. */
export const EVIDENCE_SIZE = { width: 1200, height: 630 } as const

function internetLine(run: ProbeRun | null): { text: string; ok: boolean | null; network: string | null } {
  if (run === null) return { text: 'Not checked: no internet check was run at this site', ok: null, network: null }
  const total = run.results.length
  const passed = run.results.filter((r) => r.outcome === 'pass').length
  const failed = run.results.filter((r) => r.outcome === 'fail').length
  const ok = total > 0 && passed === total
  const text = ok ? `Reachable — all ${total} checks passed` : `${failed > 0 ? 'Blocked in part' : 'Not proven'} — ${passed} of ${total} checks passed`
  return { text, ok, network: run.context.ssid }
}

/** The card for one location; says so plainly when the location does not exist. */
export function EvidenceCard(props: { readonly survey: Survey; readonly locationId: string }) {
  const { survey } = props
  const report = locationReportById(survey, props.locationId)
  if (report === null) return <div className="rpt rpt-evidence rpt-evidence-only">No location with this ID in the survey.</div>
  const phone = report.phone
  const s = phone.strongest
  const internet = internetLine(report.probe)
  const phoneSsid = PROFILE.parameters.phoneSsid
  const onOther = internet.network !== null && internet.network !== phoneSsid
  const time = report.probe?.startedAt ?? report.measurement?.takenAt ?? null
  const visibleClass = phone.visible ? 'rpt-evidence-ok' : 'rpt-evidence-bad'
  return (
    <div className="rpt rpt-evidence rpt-evidence-only" data-evidence-location={report.id}>
      <div className="rpt-evidence-band">
        <span>
          SITE-PHONE evidence · <strong>{phoneSsid}</strong>
        </span>
        <span>drivers&apos; network for non-Tesla vehicles</span>
      </div>
      <dl className="rpt-evidence-body">
        <div>
          <dt>Network</dt>
          <dd className={visibleClass}>{phone.visible ? `Visible: ${phoneSsid}` : `Not seen: ${phoneSsid}`}</dd>
        </div>
        <div>
          <dt>Security</dt>
          <dd className={phone.open === true ? 'rpt-evidence-ok' : 'rpt-evidence-bad'}>
            {!phone.visible ? '—' : phone.open === null ? 'Unknown' : phone.open ? 'Open (no password)' : 'Secured: must be open'}
          </dd>
        </div>
        <div>
          <dt>Band · channel · signal</dt>
          <dd>{s === null ? '—' : `${s.band ?? '?'} GHz · ch ${s.channel ?? '?'} · ${formatDbm(s.signalDbm, s.signalDerived)}`}</dd>
        </div>
        <div>
          <dt>Time</dt>
          <dd>{time === null ? 'not measured' : formatDateTime(time, siteZone(props.survey.site.timeZone))}</dd>
        </div>
        <div className="rpt-evidence-wide">
          <dt>Internet check</dt>
          <dd className={internet.ok === true && !onOther ? 'rpt-evidence-ok' : internet.ok === true ? 'rpt-evidence-warn' : 'rpt-evidence-bad'}>{internet.text}</dd>
          {internet.network !== null && (
            <dd className="rpt-evidence-note">
              Run on network <UserText text={internet.network} />
              {onOther ? `, not on ${phoneSsid}: connect to ${phoneSsid} and run the check again before submitting this image.` : '.'}
            </dd>
          )}
        </div>
        <div className="rpt-evidence-wide">
          <dt>Cellular signal at the stall</dt>
          <dd>
            <UserText text={report.cellularNote} empty="not recorded" />
          </dd>
        </div>
      </dl>
      <div className="rpt-evidence-foot">
        <span>
          Site: <UserText text={survey.site.name} />
          {survey.site.address !== '' && (
            <>
              {' · '}
              <UserText text={survey.site.address} />
            </>
          )}
        </span>
        <span>
          Location: <UserText text={report.name} />
        </span>
      </div>
    </div>
  )
}
