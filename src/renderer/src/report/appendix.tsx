/**
 * Appendix: the requirement profile (version, each requirement's source and wording), the notes a
 * reader must not miss (SITE-PHONE, WIFI-SIGNAL), and every observation the findings came from.
 */
import { scanSourceForDisplay, type Observation } from '../../../shared/model/observation'
import { marginInUse } from '../../../shared/requirements/calibration'
import { PROFILE } from '../../../shared/requirements/profile'
import { formatDbm } from './format'
import type { ReportModel } from './report-model'
import { UserText } from './user-text'

const list = (values: readonly string[] | null): string => (values === null ? '?' : values.length === 0 ? '—' : values.join('/'))

/** Security as one short cell: protocols, AKM, pairwise ciphers, PMF. */
export function securityText(o: Observation): string {
  const s = o.security
  const pmf = s.pmf === null ? '' : ` PMF ${s.pmf}`
  return `${list(s.protocols)} ${list(s.akm)} ${list(s.pairwiseCiphers)}${pmf}`
}

function ObservationTable(props: { readonly model: ReportModel }) {
  const rows = props.model.observations
  if (rows.length === 0) return <p>No observations were recorded.</p>
  return (
    <table className="rpt-compact">
      <thead>
        <tr>
          <th>Location</th>
          <th>SSID</th>
          <th>BSSID</th>
          <th>Band</th>
          <th className="rpt-num">Ch</th>
          <th className="rpt-num">Width</th>
          <th>Security</th>
          <th>PHY</th>
          <th className="rpt-num">Signal</th>
          <th>Source</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => {
          const o = r.observation
          return (
            <tr key={i} className={r.isTarget ? 'rpt-target' : undefined}>
              <td>
                <UserText text={r.location} />
              </td>
              <td>
                {o.redacted ? (
                  <em>redacted by the OS</em>
                ) : o.hidden || o.ssid === null ? (
                  <em>(hidden)</em>
                ) : (
                  <UserText text={o.ssid} empty="(empty)" />
                )}
              </td>
              <td className="rpt-mono rpt-nowrap">{o.bssid ?? '—'}</td>
              <td>{o.band ?? '?'}</td>
              <td className="rpt-num">{o.channel ?? '?'}</td>
              <td className="rpt-num">{o.channelWidthMhz === null ? '?' : `${o.channelWidthMhz}`}</td>
              <td>{securityText(o)}</td>
              <td>{o.phy === null ? '?' : o.phy.join('/')}</td>
              <td className="rpt-num">{formatDbm(o.signalDbm, o.signalDerived)}</td>
              <td>
                <UserText text={scanSourceForDisplay(o.source)} />
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}

/** The last pages of the report. */
export function Appendix(props: { readonly model: ReportModel }) {
  const { survey, judgedWith, recordedWith } = props.model
  const { phoneSsid, signal } = PROFILE.parameters
  const margin = marginInUse(survey, signal.laptopMarginDb)
  const recorded = recordedWith.length === 0 ? 'no measurement yet' : recordedWith.join(', ')
  return (
    <>
      <section className="rpt-page" data-section="appendix">
        <h2>Appendix A — Requirement profile</h2>
        <p>
          This report judges every location with profile <span className="rpt-mono">{PROFILE.id}</span> version{' '}
          <strong>{judgedWith}</strong> ({PROFILE.title}), the same as the app and <span className="rpt-mono">wc-survey check</span>.
          The survey file records profile <UserText text={`${survey.profile.id} ${survey.profile.version}`} />; the
          measurements were taken with version {recorded}.
        </p>
        <div className="rpt-callout">
          <strong>SITE-PHONE — drivers&apos; network.</strong> Where there is no cellular signal, drivers of non-Tesla
          vehicles need the open network &ldquo;{phoneSsid}&rdquo; to start a charge in the app on their phone. An open
          network with a well-known name can be impersonated by anyone nearby: keep it apart from the chargers&apos; network
          (its own SSID and VLAN, internet access only, no route to the chargers or the site&apos;s LAN). It never counts
          toward WIFI-SEC.
        </div>
        <div className="rpt-callout">
          <strong>WIFI-SIGNAL thresholds are survey practice, not a vendor figure.</strong> The vendor publishes no minimum
          signal for the Wall Connector. This survey passes {signal.passDbm} dBm or better, warns down to {signal.warnDbm}{' '}
          dBm and fails below (common enterprise survey practice), measured with the laptop
          {margin === 0 ? ' with no margin applied' : ` minus a ${margin} dB margin for the charger's radio`}
          {survey.calibration ? ` (${survey.calibration.source}, n = ${survey.calibration.n}; see Chargers as installed)` : ''}.
        </div>
        <table className="rpt-compact">
          <thead>
            <tr>
              <th>ID</th>
              <th>Requirement</th>
              <th>Source</th>
              <th>The source&apos;s words</th>
            </tr>
          </thead>
          <tbody>
            {PROFILE.requirements.map((r) => (
              <tr key={r.id}>
                <td className="rpt-id">{r.id}</td>
                <td>{r.title}</td>
                <td>{r.source === 'FAQ' ? "Vendor's installer FAQ" : r.source === 'vendor page' ? "Vendor's other pages" : r.source === 'charger API' ? "The installed charger's own API" : 'Survey practice (product decision)'}</td>
                <td>{r.wording}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="rpt-page" data-section="observations">
        <h2>Appendix B — Raw observations</h2>
        <p className="rpt-small">
          {props.model.fullAppendix
            ? "Every access point (BSS) seen in each location's latest measurement, as the scanner reported it."
            : `The access points (BSS) that matter, from each location's latest measurement as the scanner reported it: the chargers' network, the drivers' network and every BSS a finding names. ${props.model.observationsOmitted} other BSS seen (the neighbours' networks) are left out; the full list is in the report exported with "Full scan appendix" (wc-survey report --full-appendix).`}{' '}
          &ldquo;?&rdquo;:
          the scanner could not see the field; &ldquo;≈&rdquo;: signal derived from a percentage. Rows of the chargers&apos;
          network are shaded. Security: protocols, key management (AKM), pairwise ciphers, protected management frames.
        </p>
        <ObservationTable model={props.model} />
      </section>
    </>
  )
}
