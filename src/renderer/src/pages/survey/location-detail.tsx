/** One location: its name and notes, the verdict of its latest measurement, findings and history. */
import type { Survey } from '../../../../shared/model/survey'
import type { LocationJudgement } from '../../../../shared/requirements'
import { useRef } from 'react'
import { chargerAt } from '../../../../shared/requirements/charger-rules'
import { VerdictBadge } from '../../components/badges'
import { UserText } from '../../report/user-text'
import { Name, nameText } from '../../components/name'
import { ConfirmButton } from '../../components/confirm-button'
import { TextArea, TextField } from '../../components/fields'
import { formatDateTime, siteZone, type ZoneOptions } from '../../../../shared/text/date-time'
import { locationView, type HistoryRow } from '../../state/selectors'
import { patchLocation, removeLocation } from '../../state/survey-edits'
import { setCurrentLocation, updateSurvey } from '../../state/survey-store'
import { LocationFindings } from './location-findings'
import { MeasurePanel } from './measure-panel'
import { WatchPanel } from '../../watch/watch-panel'
import { PhotosPanel } from './photos-panel'

/** The measurements, newest first, their times in the site's zone (`zone`). */
function History({ rows, zone }: { readonly rows: readonly HistoryRow[]; readonly zone: ZoneOptions }) {
  return (
    <table className="table compact">
      <caption className="visually-hidden">Measurement history, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Taken</th>
          <th scope="col" className="num">Scans</th>
          <th scope="col" className="num">Access points</th>
          <th scope="col" className="num">Of target</th>
          <th scope="col" className="num">Best signal</th>
          <th scope="col">Results</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} className={r.latest ? 'latest' : undefined}>
            <td className="nowrap">
              {formatDateTime(r.takenAt, zone)} {r.latest ? <span className="tag">latest</span> : null}
            </td>
            <td className="num">{r.scanCount}</td>
            <td className="num">{r.bssCount}</td>
            <td className="num">{r.targetBssCount}</td>
            <td className="num">{r.bestTargetDbm === null ? '—' : `${r.bestTargetDbm} dBm`}</td>
            <td className="counts">
              <span className="count-fail">{r.counts.fail} fail</span>
              <span className="count-unknown">{r.counts.unknown} unknown</span>
              <span className="count-warn">{r.counts.warn} warn</span>
              <span className="count-pass">{r.counts.pass} pass</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** The installed charger assigned to this stall, in one line (its findings are in the list below). */
function ChargerLine({ survey, locationId }: { readonly survey: Survey; readonly locationId: string }) {
  const charger = chargerAt(survey, locationId)
  if (charger === null) {
    return survey.chargers.length > 0 ? <p className="small muted">No installed charger assigned to this stall (Chargers page).</p> : null
  }
  const r = charger.reading
  const w = r.wifi
  const state = w.connected === true && w.internet === true ? 'online' : w.internet === false ? 'no internet' : w.connected === false ? 'not connected' : 'state not reported'
  // What the charger said is attacker-controlled text: isolated, hidden characters shown.
  return (
    <p className="charger-line" aria-label="Charger at this stall">
      <span className="label">Charger at this stall:</span> <UserText text={r.serialNumber ?? r.host} />
      {r.reachable ? (
        <>
          {' '}
          — on “{w.ssid === null ? 'not reported' : <UserText text={w.ssid} empty="(empty)" />}”, RSSI {w.rssiDbm === null ? 'not reported' : `${w.rssiDbm} dBm`}, {state} (read{' '}
          {formatDateTime(r.readAt, siteZone(survey.site.timeZone))})
        </>
      ) : (
        ' — did not answer'
      )}
    </p>
  )
}

/** The detail pane of the current location. */
export function LocationDetail({ survey, judgement, readOnly }: { readonly survey: Survey; readonly judgement: LocationJudgement; readonly readOnly: boolean }) {
  const view = locationView(judgement, survey.targetSsid)
  const location = judgement.location
  const card = useRef<HTMLElement>(null)
  // After Measure: the verdict and what needs attention in view (the card's top at the top of the
  // scrolling content); focus stays on the Measure button the technician used. Not scrollIntoView:
  // it scrolls every ancestor, the window too, and the header would slide away.
  const showResult = (): void => {
    const el = card.current
    const scroller = el?.closest('main')
    if (!el || !scroller) return
    // A sticky banner at the top (the target's near miss) stays above the card, not over it.
    const sticky = [...scroller.querySelectorAll('.sticky-top')].reduce((h, s) => h + s.getBoundingClientRect().height, 0)
    scroller.scrollTop += el.getBoundingClientRect().top - scroller.getBoundingClientRect().top - 8 - sticky
  }
  const remove = (): void => {
    const index = survey.locations.findIndex((l) => l.id === location.id)
    const neighbour = survey.locations[index + 1] ?? survey.locations[index - 1] ?? null
    updateSurvey(removeLocation(location.id))
    setCurrentLocation(neighbour ? neighbour.id : null)
  }
  return (
    <section className="card location-detail" aria-labelledby="location-title" ref={card}>
      <div className="card-header">
        <div>
          <h2 id="location-title">
            <Name text={location.name} empty="Unnamed location" />
          </h2>
          <p className="verdict-line">
            <VerdictBadge verdict={view.verdict.verdict} />
            <span>{view.verdict.reason}</span>
          </p>
        </div>
        {!readOnly ? (
          <ConfirmButton
            label="Remove location"
            question={`Remove “${nameText(location.name, 'Unnamed location')}” and its ${location.measurements.length} measurement(s)?`}
            confirmLabel="Remove"
            onConfirm={remove}
          />
        ) : null}
      </div>

      <MeasurePanel locationId={location.id} readOnly={readOnly} hasTarget={survey.targetSsid !== ''} onMeasured={showResult} />

      <ChargerLine survey={survey} locationId={location.id} />

      <h3>Findings</h3>
      {view.latest === null ? (
        <p className="muted">Not measured yet. Press Measure at this location to judge every requirement.</p>
      ) : view.findings.length === 0 ? (
        <p className="muted">The latest measurement has no findings (the requirement rules gave none).</p>
      ) : (
        <LocationFindings judgement={judgement} findings={view.findings} />
      )}

      <WatchPanel location={location} readOnly={readOnly} hasTarget={survey.targetSsid !== ''} zone={siteZone(survey.site.timeZone)} />

      <div className="form-grid">
        <TextField label="Name" value={location.name} disabled={readOnly} limit="locationName" onChange={(name) => updateSurvey(patchLocation(location.id, { name }))} />
        <TextField
          label="Cellular signal here (SITE-PHONE)"
          value={location.cellularNote}
          disabled={readOnly}
          limit="cellularNote"
          placeholder="e.g. 1 bar LTE, no 5G"
          onChange={(cellularNote) => updateSurvey(patchLocation(location.id, { cellularNote }))}
          hint="Drivers' phones start sessions; with no cellular signal an open “Tesla-Charging-Access” network is needed."
        />
        <TextArea label="Notes" value={location.notes} disabled={readOnly} rows={2} limit="locationNotes" className="span-2" onChange={(notes) => updateSurvey(patchLocation(location.id, { notes }))} />
      </div>

      <PhotosPanel location={location} readOnly={readOnly} />

      {view.history.length > 0 ? (
        <>
          <h3>Measurements</h3>
          <History rows={view.history} zone={siteZone(survey.site.timeZone)} />
        </>
      ) : null}
    </section>
  )
}
