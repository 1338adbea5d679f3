/**
 * Connectivity page (NET-DNS, NET-NTP, NET-HTTP, NET-TLS, NET-DOMAINS, WIFI-PORTAL): runs the
 * firewall probe from this computer, shows the network context and its warnings, fills the rows
 * in live as each check lands (failures first, each with the rule to add), charts the latencies,
 * and saves the run into the current location's latest measurement.
 */
import { Fragment, useMemo, useState } from 'react'
import { requirementIdForDisplay } from '../../../shared/model/finding'
import type { ProbeResult } from '../../../shared/model/probe'
import { visibleText } from '../../../shared/text/hidden-chars'
import { getApi } from '../api'
import { Banner } from '../components/banner'
import { LatencyChart } from '../connectivity/latency-chart'
import { createProbeStore, useProbeState, type ProbeStore } from '../connectivity/probe-store'
import { saveProbeToLocation } from '../connectivity/save-probe'
import { countOutcomes, failuresFirst, rulesToAdd } from '../../../shared/model/probe-views'
import { selectLatencyRows, selectWildcards } from '../connectivity/selectors'
import { newId } from '../state/survey-edits'
import { updateSurvey, useSurveyState } from '../state/survey-store'
import '../connectivity/connectivity.css'

/** The app's own probe store (one run at a time across page visits). */
const appStore = createProbeStore(getApi)

export interface ConnectivityPageProps {
  /** The store; the app's by default (tests pass one on a fake Api). */
  readonly store?: ProbeStore
  /** Fixed chart width (tests: jsdom measures 0×0; screenshots). */
  readonly chartWidth?: number
}

const OUTCOME_LABEL: Record<ProbeResult['outcome'], string> = { pass: 'Pass', fail: 'Fail', 'not-run': 'Not run' }

/** The first words of a detail, for the collapsed evidence line. */
function summaryOf(detail: string): string {
  const cut = detail.indexOf(' — ')
  const head = cut > 0 ? detail.slice(0, cut) : detail
  return head.length > 110 ? `${head.slice(0, 109)}…` : head
}

/** The Connectivity page. */
export function ConnectivityPage(props: ConnectivityPageProps) {
  const store = props.store ?? appStore
  const state = useProbeState(store)
  const { survey, currentLocationId, readOnly } = useSurveyState()
  const [timeoutMs, setTimeoutMs] = useState(4000)
  const [savedTo, setSavedTo] = useState<string | null>(null)
  const running = state.phase === 'running' || state.phase === 'cancelling'
  const rows = useMemo(() => failuresFirst(state.results), [state.results])
  const counts = useMemo(() => countOutcomes(state.results), [state.results])
  const rules = useMemo(() => rulesToAdd(state.results), [state.results])
  const wildcards = useMemo(() => selectWildcards(state.results), [state.results])
  const latency = useMemo(() => selectLatencyRows(state.results), [state.results])
  const location = survey?.locations.find((l) => l.id === currentLocationId) ?? null
  const targetSsid = survey?.targetSsid ?? ''

  const run = () => {
    setSavedTo(null)
    void store.start({ timeoutMs, ...(targetSsid ? { targetSsid } : {}) })
  }
  const save = () => {
    if (!state.run || !location) return
    updateSurvey(saveProbeToLocation(location.id, state.run, newId))
    setSavedTo(location.name)
  }
  const saveBlocked = !state.run
    ? 'Run the probe first.'
    : !survey
      ? 'Open a survey to save this run into one of its locations.'
      : readOnly
        ? 'The survey is open for review: choose Edit to change it.'
        : !location
          ? 'Choose a location on the Survey page first.'
          : null

  return (
    <section className="page" aria-labelledby="connectivity-title">
      <header className="page-header">
        <h1 id="connectivity-title">Connectivity</h1>
        <p>
          Proves from this computer, on the chargers&apos; network, that DNS (UDP 53), NTP (UDP 123), HTTP (TCP 80) and TLS (TCP 443) reach
          every host the Wall Connectors need — and says what the firewall blocks.
        </p>
      </header>

      <div className="probe-toolbar">
        <button type="button" className="btn btn-primary" onClick={run} disabled={running}>
          {running ? 'Running…' : state.phase === 'idle' ? 'Run firewall check' : 'Run again'}
        </button>
        <button type="button" className="btn" onClick={() => void store.cancel()} disabled={state.phase !== 'running' || state.runId === null}>
          Cancel
        </button>
        <label>
          Timeout per check (ms)
          <input type="number" min={500} max={30000} step={500} value={timeoutMs} disabled={running} onChange={(e) => setTimeoutMs(Math.min(30000, Math.max(500, Number(e.target.value) || 4000)))} />
        </label>
        {running || state.total > 0 ? (
          <span className="probe-progress" role="status">
            {state.phase === 'cancelling' ? 'Cancelling… ' : running ? 'Probing… ' : ''}
            {state.done}/{state.total} checks
          </span>
        ) : null}
        <button type="button" className="btn" onClick={save} disabled={saveBlocked !== null} title={saveBlocked ?? undefined}>
          {location ? `Save to “${location.name}”` : 'Save to location'}
        </button>
      </div>

      {state.error ? <Banner tone="error" title="The firewall check did not run">{state.error}</Banner> : null}
      {savedTo ? <Banner tone="success" title={`Saved to “${savedTo}”`}>The run now counts in this location&apos;s verdict (by the site&apos;s billing mode).</Banner> : null}
      {state.run?.cancelled ? <Banner tone="warning" title="The run was cancelled">Checks that had not finished are shown as not run: run again for a complete result.</Banner> : null}

      <div className="probe-grid">
        <div>
          <div className="probe-panel">
            <div className="probe-summary" aria-label="Summary">
              <span className="probe-pill fail">{counts.fail} failed</span>
              <span className="probe-pill not-run">{counts.notRun} not run</span>
              <span className="probe-pill pass">{counts.pass} passed</span>
            </div>
            {rows.length === 0 ? (
              <p className="muted">{running ? 'Waiting for the first results…' : 'No run yet. Join the chargers’ Wi-Fi network, unplug any cable, then run the check.'}</p>
            ) : (
              <table className="probe-table">
                <thead>
                  <tr>
                    <th scope="col">Result</th>
                    <th scope="col">Requirement</th>
                    <th scope="col">Check</th>
                    <th scope="col">Host</th>
                    <th scope="col">Latency</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <Fragment key={`${r.protocol}:${r.host}`}>
                    <tr className={`${r.outcome} probe-main`}>
                      <td>
                        <span className={`probe-pill ${r.outcome}`}>{OUTCOME_LABEL[r.outcome]}</span>
                        {r.kind ? <div className="small muted">{r.kind}</div> : null}
                      </td>
                      <td className="probe-req">{visibleText(requirementIdForDisplay(r.requirement))}</td>
                      <td className="nowrap">
                        {r.protocol.toUpperCase()} {r.port}
                      </td>
                      <td className="host">
                        {r.host}
                        {r.wildcard ? <div className="probe-wildcard">for {r.wildcard}</div> : null}
                      </td>
                      <td className="nowrap">{r.latencyMs === null ? '—' : `${r.latencyMs} ms`}</td>
                    </tr>
                    <tr className={`${r.outcome} probe-sub`}>
                      <td colSpan={5} className="detail">
                        {r.rule ? <span className="probe-rule">Add: {r.rule}</span> : null}
                        <details>
                          <summary>{summaryOf(r.detail)}</summary>
                          {r.detail}
                        </details>
                      </td>
                    </tr>
                    </Fragment>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        </div>

        <aside>
          <div className="probe-panel">
            <h2>This computer&apos;s network</h2>
            {state.context ? (
              <>
                <dl className="probe-context">
                  <dt>Wi-Fi</dt>
                  <dd>{state.context.ssid ?? 'unknown'}</dd>
                  <dt>Survey network</dt>
                  <dd>{targetSsid || '—'}</dd>
                  <dt>Interface</dt>
                  <dd>{state.context.interface ?? 'unknown'}</dd>
                  <dt>Address</dt>
                  <dd>{state.context.localIp ?? 'unknown'}</dd>
                  <dt>Gateway</dt>
                  <dd>{state.context.gateway ?? 'unknown'}</dd>
                  <dt>DNS servers</dt>
                  <dd>{state.context.dnsServers.join(', ') || 'none'}</dd>
                  <dt>Cable</dt>
                  <dd>{state.context.wired === null ? 'unknown' : state.context.wired ? 'plugged in' : 'none'}</dd>
                </dl>
                {state.context.warnings.length > 0 ? (
                  <ul className="probe-warnings" aria-label="Warnings">
                    {state.context.warnings.map((w, i) => (
                      <li key={i}>{w}</li>
                    ))}
                  </ul>
                ) : null}
              </>
            ) : (
              <p className="muted small">Shown when a run starts.</p>
            )}
          </div>

          {rules.length > 0 ? (
            <div className="probe-panel">
              <h2>Rules to add</h2>
              <ul className="probe-rules">
                {rules.map((r) => (
                  <li key={r.rule}>
                    <span className="probe-req">{visibleText(requirementIdForDisplay(r.requirement))}</span> {r.rule} <span className="muted">({r.checks.length} check{r.checks.length === 1 ? '' : 's'})</span>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}

          {wildcards.length > 0 ? (
            <div className="probe-panel">
              <h2>Wildcards</h2>
              <p className="small">
                {wildcards.join(' and ')}: a wildcard cannot be probed as such. The named and representative hosts were probed; the firewall rule must
                allow the whole wildcard.
              </p>
            </div>
          ) : null}

          {latency.length > 0 ? (
            <div className="probe-panel">
              <h2>Latency</h2>
              <LatencyChart rows={latency} width={props.chartWidth} />
            </div>
          ) : null}
        </aside>
      </div>
    </section>
  )
}
