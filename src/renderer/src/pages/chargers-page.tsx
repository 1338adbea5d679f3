/**
 * Chargers page (issue 13): the installed Wall Connectors' own view of the network. Find a charger
 * by address or host name, or discover them on this network by mDNS (progress, time limit); each
 * charger's details; assign it to a stall; and calibrate the laptop against the chargers
 * (laptop − charger RSSI per stall, the site median with n, set as the survey's margin on confirm).
 * Everything a charger says is hostile text: rendered as text only.
 */
import { useEffect, useState, type FormEvent, type ReactNode } from 'react'
import type { ChargerDiscoveryProgress } from '../../../shared/contract'
import { evseStateText, type ChargerReading, type DiscoveredCharger } from '../../../shared/model/charger'
import type { Finding } from '../../../shared/model/finding'
import type { InstalledCharger, Survey } from '../../../shared/model/survey'
import { calibrationFrom, suggestCalibration } from '../../../shared/requirements/calibration'
import { judgeChargerReading, latestMeasurement, PROFILE } from '../../../shared/requirements'
import { formatDateTime, siteZone } from '../../../shared/text/date-time'
import { visibleText } from '../../../shared/text/hidden-chars'
import { getApi } from '../api'
import { ResultBadge } from '../components/badges'
import { Banner } from '../components/banner'
import { Name, nameText } from '../components/name'
import { UserText } from '../report/user-text'
import { assignCharger, newId, removeCharger, setCalibration, upsertChargerReading } from '../state/survey-edits'
import { updateSurvey, useSurveyState } from '../state/survey-store'

/** How long discovery listens (the user sees the time limit on the progress bar). */
const DISCOVERY_MS = 10000

const show = (v: number | boolean | null, unit = ''): string => (v === null ? 'not reported' : typeof v === 'boolean' ? (v ? 'yes' : 'no') : `${v}${unit}`)
/** What the charger said, as text with hidden characters shown (it is attacker-controlled). */
const said = (v: string | null): ReactNode => (v === null ? 'not reported' : <UserText text={v} empty="(empty)" />)

function uptime(s: number | null): string {
  if (s === null) return 'not reported'
  const d = Math.floor(s / 86400)
  const h = Math.floor((s % 86400) / 3600)
  const m = Math.floor((s % 3600) / 60)
  return d > 0 ? `${d} d ${h} h` : h > 0 ? `${h} h ${m} min` : `${m} min`
}

/** One charger's details: every field it said, null as "not reported". */
function ChargerDetails({ reading }: { readonly reading: ChargerReading }) {
  const w = reading.wifi
  const rows: [string, ReactNode][] = [
    ['Serial', said(reading.serialNumber)],
    ['Part number', said(reading.partNumber)],
    ['Firmware', said(reading.firmware)],
    ['Cloud host (web_service)', said(reading.webService)],
    ['Network joined', said(w.ssid)],
    ['RSSI', show(w.rssiDbm, ' dBm')],
    ['SNR', show(w.snrDb, ' dB')],
    ['Signal', show(w.signalPercent, ' %')],
    ['Connected', show(w.connected)],
    ['Internet (the charger’s own verdict)', show(w.internet)],
    ['IP', said(w.ip)],
    ['MAC', said(w.mac)],
    ['EVSE state', evseStateText(reading.evseState) ?? 'not reported'],
    ['Not-ready reasons', reading.notReadyReasons === null ? 'not reported' : reading.notReadyReasons.length === 0 ? 'none' : reading.notReadyReasons.map((r) => `code ${r}`).join(', ')],
    ['Alerts', reading.alerts === null ? 'not reported' : reading.alerts.length === 0 ? 'none' : <UserText text={reading.alerts.join(', ')} />],
    ['Uptime', uptime(reading.uptimeS)]
  ]
  return (
    <dl className="charger-fields">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  )
}

/** Where a charger's reading counts, in words (its findings are its own; the stall's verdict needs a measurement). */
function countsWhere(survey: Survey, charger: InstalledCharger): string {
  const stall = survey.locations.find((l) => l.id === charger.locationId)
  if (stall === undefined) return 'Assign it to its stall: its findings then count in that stall\'s verdict and the compliance matrix.'
  if (latestMeasurement(stall) === null) return 'Its stall is not measured yet: measure it so these findings count in the stall\'s verdict and the compliance matrix.'
  return 'These findings count in its stall\'s verdict and the compliance matrix.'
}

function ChargerCard(props: { readonly charger: InstalledCharger; readonly survey: Survey; readonly findings: readonly Finding[]; readonly readOnly: boolean; readonly busy: boolean; readonly onRead: (target: string) => void }) {
  const { charger, survey, findings, readOnly } = props
  const r = charger.reading
  const title = visibleText(r.serialNumber ?? r.host)
  const target = `${r.host}${r.port === 80 ? '' : `:${r.port}`}`
  return (
    <article className="card charger-card" aria-label={`Charger ${title}`}>
      <header className="charger-card-head">
        <div>
          <h3>
            <UserText text={r.serialNumber ?? r.host} />
          </h3>
          <p className="small muted">
            <UserText text={target} /> · read {formatDateTime(r.readAt, siteZone(survey.site.timeZone))}
          </p>
        </div>
        <label className="inline-label">
          Stall
          <select aria-label={`Stall of charger ${title}`} value={charger.locationId ?? ''} disabled={readOnly} onChange={(e) => updateSurvey(assignCharger(charger.id, e.target.value === '' ? null : e.target.value))}>
            <option value="">Not assigned</option>
            {survey.locations.map((l) => (
              <option key={l.id} value={l.id}>
                {nameText(l.name, 'Unnamed location')}
              </option>
            ))}
          </select>
        </label>
      </header>
      {!r.reachable ? (
        <Banner tone="warning" title="The charger did not answer">
          {visibleText(r.warnings.join(' · ')) || 'No answer.'}
        </Banner>
      ) : null}
      <ChargerDetails reading={r} />
      <ul className="charger-findings" aria-label="Charger findings">
        {findings.map((f) => (
          <li key={f.requirement}>
            <span className="req-id">{f.requirement}</span> <ResultBadge result={f.result} /> {visibleText(f.explanation)}
          </li>
        ))}
      </ul>
      <p className="small muted">{countsWhere(survey, charger)}</p>
      {r.warnings.length > 0 && r.reachable ? (
        <details className="small">
          <summary>{r.warnings.length} note{r.warnings.length === 1 ? '' : 's'} from reading it</summary>
          <ul>
            {r.warnings.map((w, i) => (
              <li key={i}>{visibleText(w)}</li>
            ))}
          </ul>
        </details>
      ) : null}
      {!readOnly ? (
        <div className="charger-card-actions">
          <button type="button" className="btn" disabled={props.busy} onClick={() => props.onRead(target)}>
            Read again
          </button>
          <button type="button" className="btn" onClick={() => updateSurvey(removeCharger(charger.id))}>
            Remove
          </button>
        </div>
      ) : null}
    </article>
  )
}

/** Reads a charger and stores its reading in the open survey; the outcome for the page's banner. */
type ReadResult = { kind: 'read'; title: string; reachable: boolean } | { kind: 'confirm'; target: string; message: string } | { kind: 'error'; message: string }
async function readInto(target: string, allowPublic: boolean): Promise<ReadResult> {
  const outcome = await getApi().request('charger:read', { host: target, allowPublic })
  if (!outcome.ok) return outcome.reason === 'needs-confirmation' ? { kind: 'confirm', target, message: outcome.message } : { kind: 'error', message: outcome.message }
  updateSurvey(upsertChargerReading(outcome.reading, newId()))
  return { kind: 'read', title: outcome.reading.serialNumber ?? outcome.reading.host, reachable: outcome.reading.reachable }
}

function Calibration({ survey, readOnly }: { readonly survey: Survey; readonly readOnly: boolean }) {
  const suggestion = suggestCalibration(survey)
  const [confirming, setConfirming] = useState(false)
  const current = survey.calibration
  return (
    <section className="card" aria-labelledby="calibration-title">
      <h2 id="calibration-title">Laptop vs. chargers (calibration)</h2>
      <p className="small muted">
        Where a stall has both a laptop measurement and its charger&apos;s own reading of the target network: laptop RSSI − charger RSSI (a charger on another network hears other access
        points and is not compared). WIFI-SIGNAL judges the laptop&apos;s reading minus the survey&apos;s margin.
      </p>
      <p>
        Margin in use: <strong>{current ? `${current.laptopMarginDb} dB` : 'the profile default (0 dB)'}</strong>
        {current ? ` — ${current.source} (n = ${current.n}), set ${formatDateTime(current.setAt, siteZone(survey.site.timeZone))}` : ''}
      </p>
      {suggestion === null ? (
        <p className="muted">No stall has both readings yet: measure a stall and read the charger assigned to it.</p>
      ) : (
        <>
          <table className="table compact" aria-label="Calibration per stall">
            <thead>
              <tr>
                <th scope="col">Stall</th>
                <th scope="col">Charger</th>
                <th scope="col" className="num">Laptop</th>
                <th scope="col" className="num">Charger</th>
                <th scope="col" className="num">Laptop − charger</th>
              </tr>
            </thead>
            <tbody>
              {suggestion.rows.map((row) => (
                <tr key={row.locationId}>
                  <td>
                    <Name text={row.locationName} />
                  </td>
                  <td>{row.serialNumber ?? '—'}</td>
                  <td className="num">{row.laptopDbm} dBm</td>
                  <td className="num">{row.chargerDbm} dBm</td>
                  <td className="num">{row.differenceDb} dB</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            Site median: <strong>{suggestion.medianDb} dB</strong> (n = {suggestion.n})
          </p>
          {!readOnly ? (
            confirming ? (
              <div className="confirm-row" role="group" aria-label="Confirm the margin">
                <span>Set the survey&apos;s margin to {suggestion.medianDb} dB? WIFI-SIGNAL is judged again at every stall.</span>
                <button
                  type="button"
                  className="btn btn-primary"
                  onClick={() => {
                    updateSurvey(setCalibration(calibrationFrom(suggestion, new Date().toISOString())))
                    setConfirming(false)
                  }}
                >
                  Set {suggestion.medianDb} dB
                </button>
                <button type="button" className="btn" onClick={() => setConfirming(false)}>
                  Keep the current margin
                </button>
              </div>
            ) : (
              <div className="charger-card-actions">
                <button type="button" className="btn" onClick={() => setConfirming(true)}>
                  Use {suggestion.medianDb} dB as the margin…
                </button>
                {current ? (
                  <button type="button" className="btn" onClick={() => updateSurvey(setCalibration(null))}>
                    Back to the profile default
                  </button>
                ) : null}
              </div>
            )
          ) : null}
        </>
      )}
    </section>
  )
}

/** Discovery state: the progress events of the running search. */
function useDiscovery() {
  const [progress, setProgress] = useState<ChargerDiscoveryProgress | null>(null)
  const [running, setRunning] = useState(false)
  const [result, setResult] = useState<{ found: readonly DiscoveredCharger[]; error: string | null; cancelled: boolean } | null>(null)
  useEffect(() => getApi().on('charger:discovery', (p) => setProgress(p)), [])
  const start = async () => {
    setRunning(true)
    setResult(null)
    setProgress({ elapsedMs: 0, totalMs: DISCOVERY_MS, found: [] })
    const outcome = await getApi().request('charger:discover', { timeoutMs: DISCOVERY_MS })
    setRunning(false)
    setResult(outcome.ok ? { found: outcome.chargers, error: outcome.error, cancelled: outcome.cancelled } : { found: [], error: outcome.message, cancelled: false })
  }
  const cancel = () => void getApi().request('charger:cancelDiscovery')
  return { progress, running, result, start, cancel }
}

/** The Chargers page. */
export function ChargersPage() {
  const { survey, readOnly } = useSurveyState()
  const [target, setTarget] = useState('')
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<ReadResult | null>(null)
  const discovery = useDiscovery()
  if (survey === null) {
    return (
      <section className="page">
        <p className="muted">Open a survey first: chargers are read into it.</p>
      </section>
    )
  }
  const read = async (t: string, allowPublic = false) => {
    setBusy(true)
    setMessage(await readInto(t, allowPublic))
    setBusy(false)
  }
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (target.trim() !== '') void read(target.trim())
  }
  const found = discovery.result?.found ?? discovery.progress?.found ?? []
  return (
    <section className="page chargers-page" aria-labelledby="chargers-title">
      <header className="page-header">
        <h1 id="chargers-title">Chargers</h1>
        <p>Once Wall Connectors are installed, each one says for itself which network it joined, its signal and whether it reaches the cloud. Read them here and assign each to its stall.</p>
      </header>

      <div className="chargers-find">
        <form className="card" onSubmit={submit} aria-label="Find a charger by address">
          <h2>Find by address</h2>
          <label>
            Address or host name
            <input type="text" value={target} maxLength={300} placeholder="192.168.1.50 or TeslaWallConnector_ABC123.local" onChange={(e) => setTarget(e.target.value)} disabled={readOnly || busy} />
          </label>
          <button type="submit" className="btn btn-primary" disabled={readOnly || busy || target.trim() === ''}>
            {busy ? 'Reading…' : 'Read charger'}
          </button>
          {readOnly ? <p className="small muted">The survey is open for review: choose Edit survey to read chargers into it.</p> : null}
        </form>
        <div className="card" aria-label="Discover chargers">
          <h2>Discover on this network</h2>
          <p className="small muted">Asks this laptop&apos;s network by mDNS for TeslaWallConnector_… for up to {DISCOVERY_MS / 1000} s. Only the leader of a power-sharing group is on the site network.</p>
          <div className="progress">
            <button type="button" className="btn" onClick={() => void discovery.start()} disabled={discovery.running || readOnly}>
              {discovery.running ? 'Searching…' : 'Discover chargers'}
            </button>
            {discovery.running ? (
              <>
                <progress max={discovery.progress?.totalMs ?? DISCOVERY_MS} value={discovery.progress?.elapsedMs ?? 0} aria-label="Discovery progress" />
                <span className="small" role="status">
                  {Math.round((discovery.progress?.elapsedMs ?? 0) / 1000)} of {DISCOVERY_MS / 1000} s, {found.length} found
                </span>
                <button type="button" className="btn" onClick={discovery.cancel}>
                  Stop
                </button>
              </>
            ) : null}
          </div>
          {discovery.result?.error ? <Banner tone="warning" title="Discovery did not run">{discovery.result.error}</Banner> : null}
          {discovery.result && !discovery.result.error && found.length === 0 ? (
            <p className="small">No Wall Connector answered{discovery.result.cancelled ? ' before you stopped the search' : ''}. Is this laptop on the chargers&apos; network? You can still type a charger&apos;s address.</p>
          ) : null}
          {found.length > 0 ? (
            <ul className="discovered">
              {found.map((c) => (
                <li key={c.host}>
                  <span>{c.host}</span> <span className="small muted">{c.addresses.join(', ') || 'address not announced'}</span>{' '}
                  <button type="button" className="btn" disabled={busy || readOnly} onClick={() => void read(c.addresses.find((a) => !a.includes(':')) ?? c.host)}>
                    Read
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      </div>

      {message?.kind === 'error' ? <Banner tone="error" title="Nothing was read">{message.message}</Banner> : null}
      {message?.kind === 'confirm' ? (
        <Banner
          tone="warning"
          title="A public address"
          actions={
            <button type="button" className="btn" onClick={() => void read(message.target, true)}>
              Read it anyway
            </button>
          }
        >
          {message.message}
        </Banner>
      ) : null}
      {message?.kind === 'read' ? (
        <Banner tone={message.reachable ? 'success' : 'warning'} title={message.reachable ? `Read ${message.title}` : `${message.title} did not answer`}>
          {message.reachable ? 'Assign it to its stall below.' : 'Its reading is kept with the reasons; check the address and that this laptop is on the chargers’ network.'}
        </Banner>
      ) : null}

      <h2>Chargers in this survey ({survey.chargers.length})</h2>
      {survey.chargers.length === 0 ? <p className="muted">None read yet.</p> : null}
      <div className="charger-list">
        {survey.chargers.map((c) => (
          <ChargerCard
            key={c.id}
            charger={c}
            survey={survey}
            readOnly={readOnly}
            findings={judgeChargerReading(PROFILE, survey, c.reading)}
            busy={busy}
            onRead={(t) => void read(t)}
          />
        ))}
      </div>

      <Calibration survey={survey} readOnly={readOnly} />
    </section>
  )
}
