/**
 * Connectivity page (NET-DNS, NET-NTP, NET-HTTP, NET-TLS, NET-DOMAINS, WIFI-PORTAL): runs the
 * firewall probe from this computer, shows the network context and its warnings, fills the rows
 * in live as each check lands (failures first, each with the rule to add), charts the latencies.
 * A finished run is kept with the stall it was started at (connectivity/run-keeper) and counts
 * there; the runs saved in the survey can be reviewed here later, in review mode too. When
 * nothing got through at all, one headline says why and what to do, the rows folded under it.
 */
import { Fragment, useMemo, useState, type ReactNode } from 'react'
import { requirementIdForDisplay } from '../../../shared/model/finding'
import type { ProbeContext, ProbeResult, ProbeRun } from '../../../shared/model/probe'
import type { Survey } from '../../../shared/model/survey'
import { visibleText } from '../../../shared/text/hidden-chars'
import { getApi } from '../api'
import { Banner } from '../components/banner'
import { Name, nameText } from '../components/name'
import { LatencyChart } from '../connectivity/latency-chart'
import { createProbeStore, useProbeState, type ProbeStore } from '../connectivity/probe-store'
import { runAtCurrentLocation, runPlaceStore, saveRunToCurrentLocation } from '../connectivity/run-keeper'
import { countOutcomes, failuresFirst, nothingReached, rulesToAdd } from '../../../shared/model/probe-views'
import { selectLatencyRows, selectWildcards } from '../connectivity/selectors'
import { formatDateTime, siteZone, type ZoneOptions } from '../../../shared/text/date-time'
import { enableEditing, useSurveyState } from '../state/survey-store'
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

/** Its children, folded under a summary line when `fold` (the headline already says it all). */
function FoldWhen({ fold, label, children }: { readonly fold: boolean; readonly label: string; readonly children: ReactNode }) {
  if (!fold) return <>{children}</>
  return (
    <details className="probe-fold">
      <summary>{label}</summary>
      {children}
    </details>
  )
}

/** A run saved in the survey, with the stall it was taken at. */
interface SavedRun {
  readonly locationName: string
  readonly run: ProbeRun
}

/** Every probe run saved in the survey, newest first. */
function savedRuns(survey: Survey | null): SavedRun[] {
  if (survey === null) return []
  return survey.locations
    .flatMap((l) => l.measurements.flatMap((m) => (m.probe === null ? [] : [{ locationName: nameText(l.name, 'Unnamed location'), run: m.probe }])))
    .sort((a, b) => (a.run.startedAt < b.run.startedAt ? 1 : a.run.startedAt > b.run.startedAt ? -1 : 0))
}

/** The saved runs, their times in the site's zone (`zone`). */
function SavedRuns({ runs, reviewing, onReview, zone }: { readonly runs: readonly SavedRun[]; readonly reviewing: string | null; readonly onReview: (id: string | null) => void; readonly zone: ZoneOptions }) {
  return (
    <div className="probe-panel">
      <h2>Runs saved in this survey</h2>
      {runs.length === 0 ? (
        <p className="muted small">None yet. A finished run is kept with the stall chosen on the Survey page.</p>
      ) : (
        <ul className="probe-saved" aria-label="Probe runs saved in the survey, newest first">
          {runs.map(({ locationName, run }) => {
            const c = countOutcomes(run.results)
            const open = reviewing === run.id
            return (
              <li key={run.id} className={open ? 'probe-saved-item open' : 'probe-saved-item'}>
                <div className="probe-saved-text">
                  <span className="probe-saved-stall">{locationName}</span>
                  <span className="muted small">
                    {formatDateTime(run.startedAt, zone)} · {c.fail} failed · {c.pass} passed{c.notRun > 0 ? ` · ${c.notRun} not run` : ''}
                    {run.context.ssid !== null ? ` · on ${run.context.ssid}` : ''}
                  </span>
                </div>
                <button type="button" className="btn btn-small" aria-pressed={open} onClick={() => onReview(open ? null : run.id)}>
                  {open ? 'Close' : 'Review'}
                </button>
              </li>
            )
          })}
        </ul>
      )}
    </div>
  )
}

/** The Connectivity page. */
export function ConnectivityPage(props: ConnectivityPageProps) {
  const store = props.store ?? appStore
  const state = useProbeState(store)
  const place = runPlaceStore.use()
  const { survey, currentLocationId, readOnly, writable } = useSurveyState()
  const [timeoutMs, setTimeoutMs] = useState(4000)
  const [reviewingId, setReviewingId] = useState<string | null>(null)
  const runs = useMemo(() => savedRuns(survey), [survey])
  // The site's zone, as the report shows the runs (UTC when none was recorded).
  const zone = siteZone(survey?.site.timeZone ?? null)
  const reviewing = runs.find((r) => r.run.id === reviewingId) ?? null
  const running = state.phase === 'running' || state.phase === 'cancelling'
  // What the table shows: a saved run under review, else the live (or latest) run.
  const shownResults: readonly ProbeResult[] = reviewing ? reviewing.run.results : state.results
  const shownContext: ProbeContext | null = reviewing ? reviewing.run.context : state.context
  // Plain calls, not memoised: a run has a few dozen results.
  const rows = failuresFirst(shownResults)
  const counts = countOutcomes(shownResults)
  const rules = rulesToAdd(shownResults)
  const wildcards = selectWildcards(shownResults)
  const latency = selectLatencyRows(shownResults)
  const location = survey?.locations.find((l) => l.id === currentLocationId) ?? null
  const targetSsid = survey?.targetSsid ?? ''
  const finished = reviewing !== null || state.phase === 'done'
  const headline = finished ? nothingReached(shownResults, shownContext, targetSsid) : null

  const run = () => {
    setReviewingId(null)
    void runAtCurrentLocation(store, { timeoutMs, ...(targetSsid ? { targetSsid } : {}) })
  }
  const latestPlace = place !== null && state.run !== null && place.runId === state.run.id ? place : null
  // Without a survey the toolbar already says the run is kept nowhere.
  const unkept = survey !== null && latestPlace !== null && !latestPlace.kept ? latestPlace : null
  const saveBlocked = !state.run
    ? 'Run the probe first.'
    : !survey
      ? 'Open a survey to save this run into one of its locations.'
      : readOnly
        ? 'The survey is open for review: choose Edit survey to change it.'
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
        <span className="muted small probe-where">
          {location ? (
            <>
              Kept with{' '}
              <strong>
                <Name text={location.name} empty="Unnamed location" />
              </strong> (the stall chosen on the Survey page); it counts for that stall.
            </>
          ) : survey ? (
            'Choose the stall on the Survey page first: a run is kept with the stall it was taken at.'
          ) : (
            'No survey open: the run is shown here but kept nowhere.'
          )}
        </span>
      </div>

      {state.error ? <Banner tone="error" title="The firewall check did not run">{state.error}</Banner> : null}
      {latestPlace?.kept ? (
        <Banner tone="success" title={`Kept with “${latestPlace.locationName}”`}>
          The run counts for this stall&apos;s verdict only (by the site&apos;s billing mode); run the check at each stall.
        </Banner>
      ) : null}
      {unkept ? (
        <Banner
          tone="warning"
          title="This run is not kept yet"
          actions={
            readOnly && writable ? (
              <button type="button" className="btn btn-small" onClick={enableEditing}>
                Edit survey
              </button>
            ) : (
              <button type="button" className="btn btn-small" disabled={saveBlocked !== null} title={saveBlocked ?? undefined} onClick={() => state.run && saveRunToCurrentLocation(state.run)}>
                {location ? `Save to “${nameText(location.name, 'Unnamed location')}”` : 'Save to location'}
              </button>
            )
          }
        >
          {unkept.why}
        </Banner>
      ) : null}
      {state.run?.cancelled && !reviewing ? <Banner tone="warning" title="The run was cancelled">Checks that had not finished are shown as not run: run again for a complete result.</Banner> : null}
      {reviewing ? (
        <Banner
          tone="info"
          title={`Reviewing the run saved at “${reviewing.locationName}”, ${formatDateTime(reviewing.run.startedAt, zone)}`}
          actions={
            <button type="button" className="btn btn-small" onClick={() => setReviewingId(null)}>
              Back to the latest run
            </button>
          }
        />
      ) : null}
      {headline ? (
        <Banner tone="error" title={headline.title}>
          {headline.advice}
        </Banner>
      ) : null}

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
              <FoldWhen fold={headline !== null} label={`Show all ${rows.length} checks`}>
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
              </FoldWhen>
            )}
          </div>
        </div>

        <aside>
          <div className="probe-panel">
            <h2>This computer&apos;s network</h2>
            {shownContext ? (
              <>
                <dl className="probe-context">
                  <dt>Wi-Fi</dt>
                  <dd>{shownContext.ssid ?? 'unknown'}</dd>
                  <dt>Survey network</dt>
                  <dd>{targetSsid || '—'}</dd>
                  <dt>Interface</dt>
                  <dd>{shownContext.interface ?? 'unknown'}</dd>
                  <dt>Address</dt>
                  <dd>{shownContext.localIp ?? 'unknown'}</dd>
                  <dt>Gateway</dt>
                  <dd>{shownContext.gateway ?? 'unknown'}</dd>
                  <dt>DNS servers</dt>
                  <dd>{shownContext.dnsServers.join(', ') || 'none'}</dd>
                  <dt>Cable</dt>
                  <dd>{shownContext.wired === null ? 'unknown' : shownContext.wired ? 'plugged in' : 'none'}</dd>
                </dl>
                {shownContext.warnings.length > 0 ? (
                  <ul className="probe-warnings" aria-label="Warnings">
                    {shownContext.warnings.map((w, i) => (
                      <li key={i}>{w}</li>
                    ))}
                  </ul>
                ) : null}
              </>
            ) : (
              <p className="muted small">Shown when a run starts.</p>
            )}
          </div>

          <SavedRuns runs={runs} reviewing={reviewing?.run.id ?? null} onReview={setReviewingId} zone={zone} />

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
