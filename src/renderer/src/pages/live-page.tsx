/**
 * Live page: start/stop scanning, see every BSS around (grouped table, channel charts per band),
 * follow chosen BSSs' signal over time, and the target network's findings on the newest scan.
 */
import { Name } from '../components/name'
import { useCallback, useEffect, useMemo, useState } from 'react'
import type { BillingMode } from '../../../shared/model/survey'
import { judgeMeasurement, PROFILE } from '../../../shared/requirements'
import { ChannelChart } from '../charts/channel-chart'
import { selectChannelSpans } from '../charts/channel-spans'
import { SignalChart } from '../charts/signal-chart'
import { FindingsStrip } from '../live/findings-strip'
import { LiveMeasure } from '../live/live-measure'
import { NetworkTable } from '../live/network-table'
import { ScanStatusBar, isRunning } from '../live/scan-status-bar'
import { defaultTableQuery, selectSignalSeries, selectTableGroups, type SecurityClass, type SortKey, type SsidGroup, type TableQuery } from '../live/selectors'
import { useNow } from '../live/use-now'
import { useStableGroups } from '../live/use-stable-groups'
import { getScanStore, useScanState, type ScanStore } from '../state/scan-store'
import { useSurveyState } from '../state/survey-store'
import '../live/live.css'

export interface LivePageProps {
  /** Target SSID, highlighted everywhere and judged; the open survey's when omitted. */
  readonly targetSsid?: string
  /** Billing mode for the findings; the open survey's (else 'free') when omitted. */
  readonly billingMode?: BillingMode
  /** The scan store; the app's own by default (tests and benchmarks pass one on a fake Api). */
  readonly store?: ScanStore
  /** Fixed chart sizes (tests: jsdom measures 0×0; print). */
  readonly chartWidth?: number
  /** Start scanning when the page opens (default true: the technician came here to scan). */
  readonly startOnArrival?: boolean
}

/** Most BSSs charted when the technician has not chosen any: the target's, else the strongest. */
const DEFAULT_CHARTED = 6

/** The live scanning view. */
export function LivePage(props: LivePageProps) {
  const store = props.store ?? getScanStore()
  const state = useScanState(store)
  const survey = useSurveyState().survey
  const targetSsid = props.targetSsid ?? survey?.targetSsid ?? ''
  const billingMode = props.billingMode ?? survey?.site.billingMode ?? 'free'
  const [query, setQuery] = useState<TableQuery>(defaultTableQuery)
  const [toggled, setToggled] = useState<ReadonlySet<string>>(new Set())
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set())
  const wall = useNow(isRunning(state.phase))
  const startOnArrival = props.startOnArrival ?? true

  // Issue 16 item 3: arriving here means "scan now"; a session already running is kept as it is.
  useEffect(() => {
    const phase = store.getSnapshot().phase
    if (startOnArrival && !isRunning(phase) && phase !== 'stopping') void store.start()
  }, [store, startOnArrival])

  // Ages on the samples' clock, advanced by the wall time since the newest sample arrived.
  const now = state.lastSampleAt === null || state.lastReceivedAt === null ? wall : state.lastSampleAt + Math.max(0, wall - state.lastReceivedAt)

  const sorted = useMemo(() => selectTableGroups(state.networks.values(), query, targetSsid), [state.networks, query, targetSsid])
  // Rows keep their place between samples; re-sorted on the technician's action or every few s.
  const groups = useStableGroups(sorted, query, targetSsid, wall)
  const observations = useMemo(() => [...state.networks.values()].map((e) => e.observation), [state.networks])
  const spans24 = useMemo(() => selectChannelSpans(observations, '2.4', targetSsid), [observations, targetSsid])
  const spans5 = useMemo(() => selectChannelSpans(observations, '5', targetSsid), [observations, targetSsid])
  const spans6 = useMemo(() => selectChannelSpans(observations, '6', targetSsid), [observations, targetSsid])

  const charted = useMemo(() => {
    const chosen = [...selected].filter((k) => state.networks.has(k))
    if (chosen.length > 0) return chosen
    const entries = [...state.networks.values()].sort((a, b) => (b.observation.signalDbm ?? -999) - (a.observation.signalDbm ?? -999))
    const target = entries.filter((e) => targetSsid !== '' && e.observation.ssid === targetSsid && !e.observation.redacted)
    return (target.length > 0 ? target : entries).slice(0, DEFAULT_CHARTED).map((e) => e.key)
  }, [selected, state.networks, targetSsid])
  const tMax = state.lastSampleAt ?? wall
  const series = useMemo(
    () => selectSignalSeries(charted, state.history, state.networks, tMax, state.windowMs, targetSsid),
    // historyVersion: the rings are mutated in place; a new version means new points.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- historyVersion is the rings' change signal
    [charted, state.history, state.historyVersion, state.networks, tMax, state.windowMs, targetSsid]
  )

  const findings = useMemo(
    () => (targetSsid === '' || state.latest.length === 0 ? [] : judgeMeasurement(PROFILE, { observations: state.latest, targetSsid, billingMode })),
    [state.latest, targetSsid, billingMode]
  )

  const isExpanded = useCallback((g: SsidGroup) => g.isTarget !== toggled.has(g.key), [toggled])
  const onToggleGroup = useCallback((key: string) => setToggled((t) => toggleIn(t, key)), [])
  const onSelect = useCallback(
    (keys: readonly string[], on: boolean) =>
      setSelected((s) => {
        const next = new Set(s)
        for (const k of keys) {
          if (on) next.add(k)
          else next.delete(k)
        }
        return next
      }),
    []
  )
  const onSort = useCallback((key: SortKey) => setQuery((q) => ({ ...q, sort: key, descending: q.sort === key ? !q.descending : key === 'signal' || key === 'lastSeen' })), [])

  return (
    <div className="live-page">
      <header className="live-header">
        <h1>Live scan</h1>
        {targetSsid !== '' && (
          <span className="target-chip" title="The survey's target network">
            target: <Name text={targetSsid} />
          </span>
        )}
        <ScanStatusBar state={state} now={wall} onStart={() => void store.start()} onStop={() => void store.stop()} />
      </header>
      <LiveMeasure />
      <FindingsStrip findings={findings} targetSsid={targetSsid} scanned={state.latest.length > 0} />
      <section className="live-channels" aria-label="Channel charts">
        <div className="panel panel-24">
          <h2>2.4 GHz channels</h2>
          <ChannelChart band="2.4" spans={spans24} width={props.chartWidth} />
        </div>
        <div className="panel panel-5">
          <h2>5 GHz channels</h2>
          <ChannelChart band="5" spans={spans5} width={props.chartWidth} />
        </div>
        {spans6.length > 0 && (
          <div className="panel panel-6">
            <h2>6 GHz channels</h2>
            <ChannelChart band="6" spans={spans6} width={props.chartWidth} />
          </div>
        )}
      </section>
      <section className="live-lower">
        <div className="panel panel-table">
          <div className="table-filters" role="search">
            <input
              type="search"
              placeholder="Filter SSID or BSSID"
              aria-label="Filter by SSID or BSSID"
              value={query.text}
              onChange={(e) => {
                const text = e.currentTarget.value
                setQuery((q) => ({ ...q, text }))
              }}
            />
            <select aria-label="Band" value={query.band} onChange={(e) => {
                // Read the value now: React clears currentTarget once the handler returns.
                const band = e.currentTarget.value as TableQuery['band'] // the options below are exactly the union
                setQuery((q) => ({ ...q, band }))
              }}
            >
              <option value="all">All bands</option>
              <option value="2.4">2.4 GHz</option>
              <option value="5">5 GHz</option>
              <option value="6">6 GHz</option>
            </select>
            <select
              aria-label="Security"
              value={query.security}
              onChange={(e) => {
                const security = e.currentTarget.value as SecurityClass | 'all' // the options below are exactly the union
                setQuery((q) => ({ ...q, security }))
              }}
            >
              <option value="all">All security</option>
              <option value="wpa3">WPA3</option>
              <option value="wpa2">WPA2</option>
              <option value="wpa">WPA</option>
              <option value="wep">WEP</option>
              <option value="open">Open</option>
              <option value="unknown">Unknown</option>
            </select>
            <span className="muted">
              {groups.length} SSIDs · {groups.reduce((n, g) => n + g.rows.length, 0)} BSS shown
            </span>
          </div>
          <NetworkTable
            groups={groups}
            isExpanded={isExpanded}
            selected={selected}
            sort={query.sort}
            descending={query.descending}
            now={now}
            onSort={onSort}
            onToggleGroup={onToggleGroup}
            onSelect={onSelect}
          />
          <p className="table-foot">≈ signal derived from the OS’s percentage (not measured) · tick rows to chart them · click a header to sort</p>
        </div>
        <div className="panel panel-signal">
          <h2>Signal over time</h2>
          <p className="muted small">
            {selected.size > 0 ? `${series.length} chosen BSS` : targetSsid !== '' ? 'Target network’s BSSs — tick rows to choose others' : 'Strongest BSSs — tick rows to choose'} · last{' '}
            {Math.round(state.windowMs / 60_000)} min
          </p>
          <SignalChart series={series} tMax={tMax} windowMs={state.windowMs} gapMs={Math.max(30_000, 3 * (state.intervalMs ?? 0))} width={props.chartWidth} height={300} />
        </div>
      </section>
    </div>
  )
}

function toggleIn(set: ReadonlySet<string>, key: string): ReadonlySet<string> {
  const next = new Set(set)
  if (next.has(key)) next.delete(key)
  else next.add(key)
  return next
}
