/**
 * The report's "Chargers as installed" page (WC-ONLINE, WC-NETWORK, WC-SIGNAL): what each installed
 * Wall Connector said about the network through its own API, the stall it serves, its findings,
 * and the laptop-vs-charger calibration (laptop − charger RSSI per stall, the margin in use, where
 * it came from and n). Charger text is hostile: UserText only.
 */
import { useMemo } from 'react'
import { evseStateText } from '../../../shared/model/charger'
import type { Survey } from '../../../shared/model/survey'
import { judgeChargerReading, PROFILE } from '../../../shared/requirements'
import { suggestCalibration } from '../../../shared/requirements/calibration'
import { ResultChip } from './chips'
import { UserText } from './user-text'
import { formatDateTime, siteZone } from '../../../shared/text/date-time'

const dash = (v: number | null, unit: string): string => (v === null ? '—' : `${v} ${unit}`)
const yesNo = (v: boolean | null): string => (v === null ? '—' : v ? 'yes' : 'no')

/** The page; nothing when no charger was read (a survey before installation). */
export function ChargersSection(props: { readonly survey: Survey }) {
  const { survey } = props
  const suggestion = useMemo(() => suggestCalibration(survey), [survey])
  const rows = suggestion?.rows ?? []
  if (survey.chargers.length === 0) return null
  const name = (id: string | null) => survey.locations.find((l) => l.id === id)?.name ?? null
  const calibration = survey.calibration
  const zone = siteZone(survey.site.timeZone)
  return (
    <section className="rpt-page rpt-chargers" data-section="chargers">
      <h2>Chargers as installed</h2>
      <p>
        Each Gen 3 Wall Connector was read through its own local API: the network it joined, its own signal, and its own verdict of its cloud connection. WC-SIGNAL judges the
        charger&apos;s RSSI against the WIFI-SIGNAL thresholds (pass at {PROFILE.parameters.signal.passDbm} dBm or better, warn down to {PROFILE.parameters.signal.warnDbm} dBm; survey
        practice, not a vendor figure) with no margin: it is the charger&apos;s own radio.
      </p>
      <table className="rpt-compact" aria-label="Installed chargers">
        <thead>
          <tr>
            <th>Stall</th>
            <th>Charger</th>
            <th className="rpt-network-col">Network joined</th>
            <th>RSSI / SNR / signal</th>
            <th>Connected / internet</th>
            <th>State</th>
            <th className="rpt-findings-col">Findings</th>
          </tr>
        </thead>
        <tbody>
          {survey.chargers.map((c) => {
            const r = c.reading
            const findings = judgeChargerReading(PROFILE, survey, r)
            return (
              <tr key={c.id}>
                <td>{name(c.locationId) === null ? <span className="rpt-muted">not assigned</span> : <UserText text={name(c.locationId) ?? ''} />}</td>
                <td>
                  <UserText text={r.serialNumber ?? r.host} />
                  <div className="rpt-muted">
                    <UserText text={r.firmware ?? 'firmware not reported'} /> · <UserText text={r.webService ?? 'cloud host not reported'} /> · read {formatDateTime(r.readAt, zone)}
                  </div>
                </td>
                <td>{r.wifi.ssid === null ? '—' : <UserText text={r.wifi.ssid} />}</td>
                <td className="rpt-nowrap">
                  {dash(r.wifi.rssiDbm, 'dBm')} / {dash(r.wifi.snrDb, 'dB')} / {dash(r.wifi.signalPercent, '%')}
                </td>
                <td className="rpt-nowrap">
                  {r.reachable ? `${yesNo(r.wifi.connected)} / ${yesNo(r.wifi.internet)}` : 'did not answer'}
                </td>
                <td>{evseStateText(r.evseState) ?? '—'}</td>
                <td>
                  {findings.map((f) => (
                    <div key={f.requirement} className="rpt-finding-line">
                      <span className="rpt-id">{f.requirement}</span> <ResultChip result={f.result} />
                    </div>
                  ))}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>

      <h3>Laptop vs. chargers</h3>
      <p>Laptop RSSI − charger RSSI at each stall with both readings of the target network (a charger on another network hears other access points and is not compared).</p>
      {rows.length === 0 ? (
        <p>No stall has both a laptop measurement and its charger&apos;s reading of the target network, so the laptop could not be compared with the chargers.</p>
      ) : (
        <table className="rpt-compact" aria-label="Calibration per stall">
          <thead>
            <tr>
              <th>Stall</th>
              <th>Laptop</th>
              <th>Charger</th>
              <th>Laptop − charger</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.locationId}>
                <td>
                  <UserText text={row.locationName} />
                </td>
                <td>{row.laptopDbm} dBm</td>
                <td>{row.chargerDbm} dBm</td>
                <td>{row.differenceDb} dB</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p data-testid="calibration-statement">
        {suggestion === null ? '' : `Site median: ${suggestion.medianDb} dB (n = ${suggestion.n}). `}
        {calibration === null ? (
          `WIFI-SIGNAL was judged with the profile's default margin of ${PROFILE.parameters.signal.laptopMarginDb} dB (not calibrated).`
        ) : (
          <>
            WIFI-SIGNAL was judged with a {calibration.laptopMarginDb} dB margin: <UserText text={calibration.source} /> (n = {calibration.n}), set {formatDateTime(calibration.setAt, zone)}.
          </>
        )}
      </p>
    </section>
  )
}
