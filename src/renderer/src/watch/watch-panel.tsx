/**
 * "Watch this stall": dwell monitoring from a location (5 min to 12 h). Live: the timeline,
 * elapsed and remaining time, pause / resume / stop; after a crash, the offer to resume; after
 * the watch, its summary and WIFI-STABLE finding.
 */
import { useEffect, useState } from 'react'
import type { Survey, SurveyLocation } from '../../../shared/model/survey'
import type { WatchRecord } from '../../../shared/model/watch'
import type { ZoneOptions } from '../../../shared/text/date-time'
import { PROFILE } from '../../../shared/requirements/profile'
import { ruleStability } from '../../../shared/requirements/stability-rule'
import { DEFAULT_CHECK_EVERY_MS, endWatch, remainingMs, withWatch } from '../../../shared/watch/record'
import { watchClock } from '../../../shared/watch/summary'
import { ResultBadge } from '../components/badges'
import { Banner } from '../components/banner'
import { latestWatch } from '../../../shared/requirements'
import { updateSurvey } from '../state/survey-store'
import { connectWatches, pauseWatching, resumeWatching, startWatching, stopWatching, watchStore } from '../state/watch-store'
import { duration, WatchSummaryList } from './watch-summary'
import { WatchTimeline } from './watch-timeline'
import './watch.css'

const DURATIONS: readonly [string, number][] = [
  ['5 min', 5],
  ['15 min', 15],
  ['30 min', 30],
  ['1 h', 60],
  ['2 h', 120],
  ['4 h', 240],
  ['8 h', 480],
  ['12 h', 720]
]
const CHECKS: readonly [string, number][] = [
  ['every 15 s', 15_000],
  ['every 30 s', 30_000],
  ['every 60 s', 60_000],
  ['every 5 min', 300_000],
  ['off', 0]
]

function Finding({ record, zone }: { readonly record: WatchRecord; readonly zone: ZoneOptions }) {
  const f = ruleStability(record, PROFILE.parameters, zone)
  return (
    <p className="watch-finding">
      <span className="req-id">{f.requirement}</span> <ResultBadge result={f.result} /> {f.explanation}
      {f.remediation ? <span className="watch-remedy"> What to do: {f.remediation}</span> : null}
    </p>
  )
}

/** Watch controls and results for one location; times in `zone`, the site's (siteZone), as in the report. */
export function WatchPanel({ location, readOnly, hasTarget, zone }: { readonly location: SurveyLocation; readonly readOnly: boolean; readonly hasTarget: boolean; readonly zone: ZoneOptions }) {
  useEffect(() => connectWatches(), [])
  const ui = watchStore.use()
  const [minutes, setMinutes] = useState(60)
  const [checkEveryMs, setCheckEveryMs] = useState(DEFAULT_CHECK_EVERY_MS)
  const live = ui.live?.locationId === location.id ? ui.live : null
  const elsewhere = ui.live !== null && live === null
  const latest = latestWatch(location)
  const interrupted = latest !== null && live === null && (latest.state === 'running' || latest.state === 'paused') && !ui.liveIds.has(latest.id)
  const record = live?.record ?? latest
  const failure = ui.failure?.locationId === location.id ? ui.failure.message : null

  return (
    <section className="watch-panel" aria-labelledby={`watch-${location.id}`}>
      <h3 id={`watch-${location.id}`}>Watch this stall</h3>
      {live ? (
        <div className="watch-live">
          <span className={`watch-state watch-state-${live.record.state}`}>{live.record.state === 'paused' ? 'Paused' : 'Watching'}</span>
          <span>
            elapsed <strong>{duration(live.record.watchedMs)}</strong> · remaining <strong>{duration(remainingMs(live.record))}</strong> · {live.record.scans} scans · {live.record.drops} drops ·{' '}
            {live.record.checksFailed} of {live.record.checksRun} checks failed
          </span>
          <progress max={live.record.plannedMs} value={live.record.watchedMs} aria-label="Watch progress" />
          {live.record.state === 'paused' ? (
            <button type="button" className="btn btn-primary" onClick={() => void resumeWatching(live.watchId)}>
              Resume
            </button>
          ) : (
            <button type="button" className="btn" onClick={() => void pauseWatching(live.watchId)}>
              Pause
            </button>
          )}
          <button type="button" className="btn btn-danger" onClick={() => void stopWatching(live.watchId)}>
            Stop
          </button>
        </div>
      ) : interrupted && latest ? (
        <Banner tone="warning" title="This watch stopped unexpectedly">
          <p>
            The app closed while watching ({latest.scans} scans kept, {duration(latest.watchedMs)} of {duration(latest.plannedMs)} watched, last scan {watchClock(latest.lastT ?? Date.parse(latest.startedAt), zone)}). Resume it to
            watch the remaining {duration(remainingMs(latest))}; the time the app was closed is marked as not watched.
          </p>
          <div className="watch-controls">
            <button type="button" className="btn btn-primary" disabled={readOnly || ui.starting || elsewhere} onClick={() => void startWatching(location.id, latest.plannedMs, latest.checkEveryMs, latest.id)}>
              Resume watching
            </button>
            <button type="button" className="btn" disabled={readOnly} onClick={() => updateSurvey(keepAsStopped(location.id, latest))}>
              Keep it as it is
            </button>
          </div>
        </Banner>
      ) : (
        <div className="watch-controls">
          <label className="inline-label">
            For
            <select value={minutes} disabled={readOnly} onChange={(e) => setMinutes(Number(e.currentTarget.value))}>
              {DURATIONS.map(([label, m]) => (
                <option key={m} value={m}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          <label className="inline-label">
            Connectivity check
            <select value={checkEveryMs} disabled={readOnly} onChange={(e) => setCheckEveryMs(Number(e.currentTarget.value))}>
              {CHECKS.map(([label, ms]) => (
                <option key={ms} value={ms}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="btn btn-primary" disabled={readOnly || !hasTarget || ui.starting || elsewhere} onClick={() => void startWatching(location.id, minutes * 60_000, checkEveryMs)}>
            {ui.starting ? 'Starting…' : 'Watch this stall'}
          </button>
          <span className="muted small">
            {elsewhere
              ? 'A watch is running at another location.'
              : !hasTarget
                ? 'Set the target network first.'
                : 'Leave the laptop at the charger position: it scans all the time and checks DNS, TLS 443 and NTP now and then, to catch drops a one-minute measurement misses.'}
          </span>
        </div>
      )}
      {failure ? (
        <Banner tone="error" title="The watch did not start">
          <p>{failure}</p>
        </Banner>
      ) : null}
      {live?.scanError ? <p className="inline-warning">Last scan failed: {live.scanError.message}</p> : null}
      {live?.saveError ? <p className="inline-warning">Not saved: {live.saveError} The samples are kept and written again after the next scan.</p> : null}
      {record ? (
        <>
          <WatchTimeline record={record} zone={zone} />
          <Finding record={record} zone={zone} />
          <WatchSummaryList record={record} zone={zone} />
        </>
      ) : null}
    </section>
  )
}

/** "Keep it as it is": the interrupted watch ends as stopped at its last scan. */
function keepAsStopped(locationId: string, record: WatchRecord): (s: Survey) => Survey {
  return (s) => withWatch(s, locationId, endWatch(record, 'stopped', record.lastT ?? Date.parse(record.startedAt)))
}
