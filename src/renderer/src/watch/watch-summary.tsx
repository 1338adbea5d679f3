/**
 * A watch in figures: signal quantiles, the share of time below each WIFI-SIGNAL threshold, drops
 * and failed checks with their times. No store, no API: the location page and the report's
 * location page show the same list.
 */
import type { WatchRecord } from '../../../shared/model/watch'
import type { ZoneOptions } from '../../../shared/text/date-time'
import { PROFILE } from '../../../shared/requirements/profile'
import { visibleText } from '../../../shared/text/hidden-chars'
import { listTimes, percentText, summarizeWatch, watchClock, watchSpanText } from '../../../shared/watch/summary'
import './watch.css'

/** "1 h 05 min", "4 min 10 s". */
export function duration(ms: number): string {
  const s = Math.round(ms / 1000)
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  if (h > 0) return `${h} h ${String(m).padStart(2, '0')} min`
  return m > 0 ? `${m} min ${String(s % 60).padStart(2, '0')} s` : `${s} s`
}

/** The figures of a watch: signal quantiles, shares, drops and failed checks with their times in `zone` (the site's, siteZone). */
export function WatchSummaryList({ record, zone }: { readonly record: WatchRecord; readonly zone: ZoneOptions }) {
  const span = (x: { t: number; untilT: number | null }) => watchSpanText(x, zone)
  const s = summarizeWatch(record, PROFILE.parameters.signal)
  const { passDbm, warnDbm } = PROFILE.parameters.signal
  const v = (x: number | null) => (x === null ? '—' : `${x} dBm`)
  return (
    <dl className="watch-summary">
      <div>
        <dt>Watched</dt>
        <dd>
          {duration(record.watchedMs)} of {duration(record.plannedMs)} · {s.samples} scans
        </dd>
      </div>
      <div>
        <dt>Best BSS signal</dt>
        <dd>
          min {v(s.minDbm)} · p5 {v(s.p5Dbm)} · median {v(s.medianDbm)}
        </dd>
      </div>
      <div>
        <dt>Time below</dt>
        <dd>
          {passDbm} dBm: {percentText(s.belowPassShare)} · {warnDbm} dBm: {percentText(s.belowFailShare)} · not heard: {percentText(s.missingShare)}
        </dd>
      </div>
      <div>
        <dt>Drops</dt>
        <dd>{s.drops === 0 ? 'none' : `${s.drops}: ${listTimes(s.dropTimes, span)}`}</dd>
      </div>
      <div>
        <dt>Roams</dt>
        <dd>{s.roams}</dd>
      </div>
      <div>
        <dt>Connectivity checks</dt>
        <dd>
          {s.checksRun === 0
            ? 'none'
            : `${s.checksRun} run, ${s.checksFailed} failed${s.failedChecks.length > 0 ? `: ${listTimes(s.failedChecks, (c) => `${watchClock(c.t, zone)} ${visibleText(c.detail)}`, '; ')}` : ''}`}
        </dd>
      </div>
      {s.gaps.length > 0 ? (
        <div>
          <dt>Not watched</dt>
          <dd>{listTimes(s.gaps, span)}</dd>
        </div>
      ) : null}
    </dl>
  )
}
