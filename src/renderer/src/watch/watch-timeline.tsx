/**
 * A watch's timeline: the signal of each BSS of the target network over the watch (full
 * resolution for the last 30 minutes, the folded minutes before as the best BSS's min–max band),
 * drops shaded red, times not watched (sleep, crash, pause) hatched grey and never drawn as
 * signal, roams, failed checks and co-channel newcomers as ticks under the plot. One SVG with
 * plain-text labels: the same component on the location page and in the PDF.
 */
import { memo, useMemo } from 'react'
import type { WatchRecord } from '../../../shared/model/watch'
import { gapThresholdMs } from '../../../shared/watch/record'
import { watchClock, watchSpanText } from '../../../shared/watch/summary'
import { PROFILE } from '../../../shared/requirements/profile'
import { formatClock, offsetAt, type ZoneOptions } from '../../../shared/text/date-time'
import { colorFor, PALETTE, TARGET_COLOR } from '../charts/palette'
import './watch.css'

const W = 900
const H = 230
const PAD = { left: 44, right: 12, top: 10, bottom: 46 }
const DBM = { lo: -100, hi: -30 }
const TICKS_DBM = [-100, -90, -80, -70, -60, -50, -40, -30]
/** BSSes named in the legend; the rest are counted. */
const LEGEND_BSS = 6

export interface TimelineModel {
  readonly t0: number
  readonly t1: number
  /** One polyline per BSS: runs of [t, dBm] broken where the BSS was not heard or time was not watched. */
  readonly lines: readonly { readonly bssid: string; readonly runs: readonly (readonly [number, number])[][] }[]
  /** Folded minutes: the best BSS's min and max. */
  readonly bands: readonly { readonly t0: number; readonly t1: number; readonly min: number; readonly max: number }[]
  readonly drops: readonly { readonly t0: number; readonly t1: number }[]
  readonly unwatched: readonly { readonly t0: number; readonly t1: number; readonly why: string }[]
  readonly marks: readonly { readonly t: number; readonly kind: 'roam' | 'check-failed' | 'co-channel'; readonly detail: string }[]
}

/** What the timeline draws, from a record (pure). */
export function timelineModel(record: WatchRecord): TimelineModel {
  const t0 = Date.parse(record.startedAt)
  const lastT = record.lastT ?? t0
  const gap = gapThresholdMs(record.intervalMs)
  const t1 = Math.max(lastT, record.state === 'running' || record.state === 'paused' ? t0 + record.plannedMs : lastT, t0 + 60_000)
  const byBss = new Map<string, { runs: [number, number][][]; lastIndex: number }>()
  record.samples.forEach((s, i) => {
    const prev = record.samples[i - 1]
    const broken = prev !== undefined && s.t - prev.t > gap
    for (const b of s.bss) {
      let line = byBss.get(b.bssid)
      if (!line) byBss.set(b.bssid, (line = { runs: [], lastIndex: -2 }))
      // Not heard in the scan before, or time not watched since: a new run, never a line across.
      if (broken || line.lastIndex !== i - 1) line.runs.push([])
      ;(line.runs[line.runs.length - 1] as [number, number][]).push([s.t, b.dbm]) // a run was pushed above when none was open
      line.lastIndex = i
    }
  })
  const end = (u: number | null) => u ?? lastT
  return {
    t0,
    t1,
    lines: [...byBss].map(([bssid, line]) => ({ bssid, runs: line.runs })),
    bands: record.buckets.filter((b) => b.minDbm !== null && b.maxDbm !== null).map((b) => ({ t0: b.t0, t1: Math.max(b.t1, b.t0 + record.intervalMs), min: b.minDbm as number, max: b.maxDbm as number })), // filtered non-null
    drops: record.events.filter((e) => e.kind === 'drop').map((e) => ({ t0: e.t, t1: end(e.untilT) })),
    unwatched: record.events.filter((e) => e.kind === 'gap' || e.kind === 'paused').map((e) => ({ t0: e.t, t1: end(e.untilT), why: e.kind === 'paused' ? 'paused' : 'not watched' })),
    marks: record.events.flatMap((e) => (e.kind === 'roam' || e.kind === 'check-failed' || e.kind === 'co-channel' ? [{ t: e.t, kind: e.kind, detail: e.detail }] : []))
  }
}

const MARK_ROW: Record<TimelineModel['marks'][number]['kind'], { y: number; color: string; label: string }> = {
  roam: { y: H - PAD.bottom + 14, color: PALETTE['watch-roam'], label: 'roam' },
  'co-channel': { y: H - PAD.bottom + 24, color: PALETTE['watch-co-channel'], label: 'new co-channel network' },
  'check-failed': { y: H - PAD.bottom + 34, color: PALETTE['watch-check-failed'], label: 'failed check' }
}

/** Axis ticks and marks in the site's zone, the offset named once in the legend (a watch across a DST change names both). */
function zoneLegend(t0: number, t1: number, zone: ZoneOptions): string {
  const a = offsetAt(t0, zone)
  const b = offsetAt(t1, zone)
  if (zone.timeZone === 'UTC') return 'times in UTC'
  const where = zone.timeZone ?? 'this computer\'s zone'
  return a === b ? `times in ${where} (${a ?? '—'})` : `times in ${where} (${a ?? '—'}, then ${b ?? '—'})`
}

/** The timeline of one watch. */
export const WatchTimeline = memo(function WatchTimeline({ record, title, zone }: { readonly record: WatchRecord; readonly title?: string; readonly zone: ZoneOptions }) {
  const m = useMemo(() => timelineModel(record), [record])
  const clock = (t: number): string => formatClock(t, zone)
  const x = (t: number) => PAD.left + ((t - m.t0) / Math.max(1, m.t1 - m.t0)) * (W - PAD.left - PAD.right)
  const y = (dbm: number) => PAD.top + ((DBM.hi - Math.max(DBM.lo, Math.min(DBM.hi, dbm))) / (DBM.hi - DBM.lo)) * (H - PAD.top - PAD.bottom)
  const bottom = H - PAD.bottom
  const ticks = Array.from({ length: 7 }, (_, i) => m.t0 + ((m.t1 - m.t0) * i) / 6)
  const { passDbm, warnDbm } = PROFILE.parameters.signal
  // The newest best BSS in the target's colour; the network's other BSSes in the palette.
  const best = record.samples[record.samples.length - 1]?.best ?? m.lines[0]?.bssid
  const colors = new Map(m.lines.map((l) => [l.bssid, l.bssid === best ? TARGET_COLOR : colorFor(l.bssid, false)]))
  return (
    <figure className="watch-timeline" style={{ margin: 0 }}>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={title ?? `Signal of "${record.ssid}" over the watch, with drops, gaps and failed checks`}>
        <defs>
          <pattern id={`hatch-${record.id}`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill={PALETTE['line-faint']} />
            <line x1="0" y1="0" x2="0" y2="6" stroke={PALETTE['chart-faint-line']} strokeWidth="2" />
          </pattern>
        </defs>
        {TICKS_DBM.map((d) => (
          <g key={d}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(d)} y2={y(d)} stroke={PALETTE['line-soft']} />
            <text x={PAD.left - 4} y={y(d) + 3} fontSize={10} textAnchor="end" fill={PALETTE['ink-2']}>
              {d}
            </text>
          </g>
        ))}
        {m.drops.map((d, i) => (
          <rect key={`d${i}`} className="watch-drop" x={x(d.t0)} width={Math.max(2, x(d.t1) - x(d.t0))} y={PAD.top} height={bottom - PAD.top} fill={PALETTE['watch-drop']} />
        ))}
        {m.unwatched.map((g, i) => (
          <rect key={`g${i}`} className="watch-gap" x={x(g.t0)} width={Math.max(2, x(g.t1) - x(g.t0))} y={PAD.top} height={bottom - PAD.top} fill={`url(#hatch-${record.id})`}>
            <title>{`${g.why} ${watchSpanText({ t: g.t0, untilT: g.t1 }, zone)}`}</title>
          </rect>
        ))}
        <line x1={PAD.left} x2={W - PAD.right} y1={y(passDbm)} y2={y(passDbm)} stroke={PALETTE['pass-line']} strokeDasharray="4 3" />
        <line x1={PAD.left} x2={W - PAD.right} y1={y(warnDbm)} y2={y(warnDbm)} stroke={PALETTE['warn-line']} strokeDasharray="4 3" />
        {m.bands.map((b, i) => (
          <rect key={`b${i}`} x={x(b.t0)} width={Math.max(1, x(b.t1) - x(b.t0))} y={y(b.max)} height={Math.max(1, y(b.min) - y(b.max))} fill={TARGET_COLOR} fillOpacity={0.35} />
        ))}
        {m.lines.map((l) =>
          l.runs.map((run, i) =>
            run.length === 1 ? (
              <circle key={`${l.bssid}-${i}`} cx={x(run[0]?.[0] ?? 0)} cy={y(run[0]?.[1] ?? 0)} r={1.5} fill={colors.get(l.bssid)} />
            ) : (
              <polyline key={`${l.bssid}-${i}`} className="watch-line" points={run.map(([t, d]) => `${x(t).toFixed(1)},${y(d).toFixed(1)}`).join(' ')} fill="none" stroke={colors.get(l.bssid)} strokeWidth={1.5} />
            )
          )
        )}
        <line x1={PAD.left} x2={W - PAD.right} y1={bottom} y2={bottom} stroke={PALETTE['chart-faint']} />
        {ticks.map((t, i) => (
          // The end ticks align inward, clear of the dBm labels and the edge.
          <text key={t} x={x(t)} y={bottom + 11} fontSize={10} textAnchor={i === 0 ? 'start' : i === ticks.length - 1 ? 'end' : 'middle'} fill={PALETTE['ink-2']}>
            {clock(t)}
          </text>
        ))}
        {m.marks.map((k, i) => (
          <line key={`m${i}`} className={`watch-mark watch-mark-${k.kind}`} x1={x(k.t)} x2={x(k.t)} y1={MARK_ROW[k.kind].y - 4} y2={MARK_ROW[k.kind].y + 4} stroke={MARK_ROW[k.kind].color} strokeWidth={2}>
            <title>{`${watchClock(k.t, zone)} ${k.detail}`}</title>
          </line>
        ))}
      </svg>
      <figcaption className="watch-legend">
        {m.lines.slice(0, LEGEND_BSS).map((l) => (
          <span key={l.bssid} className="watch-legend-bss">
            <i style={{ background: colors.get(l.bssid) }} /> {l.bssid}
            {l.bssid === best ? ' (best BSS at the last scan)' : ''}
          </span>
        ))}
        {m.lines.length > LEGEND_BSS ? <span>and {m.lines.length - LEGEND_BSS} more BSS of the network</span> : null}
        {m.bands.length > 0 ? (
          <span>
            <i style={{ background: TARGET_COLOR, opacity: 0.35 }} /> older minutes: best BSS min–max
          </span>
        ) : null}
        <span>
          <i style={{ background: PALETTE['watch-drop'] }} /> not heard
        </span>
        <span>
          <i style={{ background: PALETTE['watch-gap-swatch'] }} /> not watched (sleep, pause, app closed)
        </span>
        <span style={{ color: 'var(--pass-text)' }}>┄ {passDbm} pass</span>
        <span style={{ color: 'var(--warn-text)' }}>┄ {warnDbm} fail below</span>
        {Object.values(MARK_ROW).map((r) => (
          <span key={r.label} style={{ color: r.color }}>
            | {r.label}
          </span>
        ))}
        <span>{zoneLegend(m.t0, m.t1, zone)}</span>
      </figcaption>
    </figure>
  )
})
