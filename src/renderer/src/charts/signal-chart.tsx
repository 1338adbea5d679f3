/**
 * Signal-over-time chart: one line per selected BSS over a sliding window (10 minutes by
 * default), dBm axis, WIFI-SIGNAL thresholds drawn as reference lines.
 *
 * Recharts draws the axes, grid and reference lines with constant props (the x axis is "time
 * before the newest sample", so it never changes); the lines are SVG paths placed with the
 * chart's scales. Recharts' own <Line> measures every path with getTotalLength() on every render,
 * which forces a layout of the whole page: with a live table beside it that cost seconds per
 * minute in the renderer benchmark (scripts/bench/renderer-live.ts).
 */
import { createContext, memo, useContext, useMemo } from 'react'
import { CartesianGrid, ComposedChart, ReferenceLine, XAxis, YAxis, useXAxisScale, useYAxisScale } from 'recharts'
import type { SignalPoint } from '../live/ring-buffer'
import { ChartFrame, type ChartSize } from './chart-frame'
import { DBM_TICKS, SIGNAL_CEIL_DBM, SIGNAL_FLOOR_DBM } from './channel-chart'
import { colorFor, PALETTE } from './palette'

/** One line: a label (plain text) and its points. */
export interface SignalChartSeries {
  readonly key: string
  readonly label: string
  readonly isTarget: boolean
  readonly points: readonly SignalPoint[]
}

export interface SignalChartProps extends ChartSize {
  readonly series: readonly SignalChartSeries[]
  /** Right edge of the window (ms since epoch): the newest sample's time. */
  readonly tMax: number
  readonly windowMs: number
  /** A pause longer than this between two points breaks the line (the BSS was not seen). */
  readonly gapMs?: number
  /** WIFI-SIGNAL thresholds (dBm): pass at or above `pass`, warn down to `warn`. */
  readonly thresholds?: { readonly pass: number; readonly warn: number }
  /** Shows the legend under the chart. Default on. */
  readonly legend?: boolean
}

/** The target's BSSs share one colour: tell them apart by dash pattern. */
const TARGET_DASHES = [undefined, '7 3', '2 2', '10 3 2 3']
const MARGIN = { top: 8, right: 96, bottom: 0, left: 0 }
const TICK_STYLE = { fontSize: 11 }
const Y_DOMAIN = [SIGNAL_FLOOR_DBM, SIGNAL_CEIL_DBM]

function relativeTicks(windowMs: number): number[] {
  const step = windowMs <= 10 * 60_000 ? 2 * 60_000 : 5 * 60_000
  const ticks: number[] = []
  for (let t = 0; t >= -windowMs; t -= step) ticks.unshift(t)
  return ticks
}

const formatAgo = (t: number): string => (t === 0 ? 'now' : `−${Math.round(-t / 60_000)} min`)

interface SeriesLayerProps {
  readonly series: readonly SignalChartSeries[]
  readonly dashes: readonly (string | undefined)[]
  readonly tMax: number
  readonly windowMs: number
  readonly gapMs: number
}

/** Lines reach SeriesLayer through context: a new sample re-renders the lines, not the axes. */
const SeriesLayerInput = createContext<SeriesLayerProps | null>(null)

/** Axes, grid and threshold lines; re-rendered only when the window, thresholds or size change. */
const SignalAxes = memo(function SignalAxes(props: { readonly windowMs: number; readonly pass: number; readonly warn: number; readonly width?: number; readonly height?: number }) {
  // Stable axis and label props: recharts recomputes its axis state when they change identity.
  const axis = useMemo(
    () => ({
      xDomain: [-props.windowMs, 0],
      xTicks: relativeTicks(props.windowMs),
      passLabel: { value: `WIFI-SIGNAL ${props.pass}`, position: 'right' as const, fontSize: 10, fill: 'var(--pass-text)' },
      warnLabel: { value: `WIFI-SIGNAL ${props.warn}`, position: 'right' as const, fontSize: 10, fill: 'var(--warn-text)' }
    }),
    [props.windowMs, props.pass, props.warn]
  )
  return (
    <ChartFrame width={props.width} height={props.height} defaultHeight={240}>
      {(size) => (
        <ComposedChart {...size} data={[]} margin={MARGIN}>
          <CartesianGrid strokeDasharray="2 4" stroke={PALETTE['line']} />
          <XAxis type="number" dataKey="t" domain={axis.xDomain} ticks={axis.xTicks} tickFormatter={formatAgo} allowDataOverflow tick={TICK_STYLE} />
          <YAxis type="number" domain={Y_DOMAIN} ticks={DBM_TICKS} allowDataOverflow width={44} tick={TICK_STYLE} />
          <ReferenceLine y={props.pass} stroke={PALETTE['pass-line']} strokeDasharray="4 3" label={axis.passLabel} />
          <ReferenceLine y={props.warn} stroke={PALETTE['warn-line']} strokeDasharray="4 3" label={axis.warnLabel} />
          <SeriesLayer />
        </ComposedChart>
      )}
    </ChartFrame>
  )
})

/** Signal of the selected BSSs over time. */
export const SignalChart = memo(function SignalChart(props: SignalChartProps) {
  const pass = props.thresholds?.pass ?? -67
  const warn = props.thresholds?.warn ?? -75
  const gapMs = props.gapMs ?? 30_000
  const layer = useMemo(
    () => ({ series: props.series, dashes: dashPatterns(props.series), tMax: props.tMax, windowMs: props.windowMs, gapMs }),
    [props.series, props.tMax, props.windowMs, gapMs]
  )
  return (
    <div className="signal-chart">
      <SeriesLayerInput.Provider value={layer}>
        <SignalAxes windowMs={props.windowMs} pass={pass} warn={warn} width={props.width} height={props.height} />
      </SeriesLayerInput.Provider>
      {(props.legend ?? true) && props.series.length > 0 && (
        <ul className="signal-legend" style={{ listStyle: 'none', margin: 0, padding: '0 0 0 44px', fontSize: 12, display: 'flex', flexWrap: 'wrap', gap: '2px 12px' }}>
          {props.series.map((s, i) => (
            // Text in the target's darker text shade: the line colour is 4.3:1 on white, under AA.
            <li key={s.key} style={{ display: 'inline-flex', alignItems: 'center', gap: 4, color: s.isTarget ? 'var(--target-text)' : PALETTE['ink-heading'] }}>
              <svg width={22} height={8} aria-hidden="true">
                <line x1={0} y1={4} x2={22} y2={4} stroke={colorFor(s.label, s.isTarget)} strokeWidth={2.5} strokeDasharray={layer.dashes[i]} />
              </svg>
              {s.label}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
})

function dashPatterns(series: readonly SignalChartSeries[]): (string | undefined)[] {
  let n = 0
  return series.map((s) => (s.isTarget ? TARGET_DASHES[n++ % TARGET_DASHES.length] : undefined))
}

/** The lines, in the chart's coordinates: x is time before `tMax`. */
function SeriesLayer() {
  const props = useContext(SeriesLayerInput)
  const xScale = useXAxisScale()
  const yScale = useYAxisScale()
  if (!props || !xScale || !yScale) return null
  const tMin = props.tMax - props.windowMs
  return (
    <g className="signal-lines">
      {props.series.map((s, i) => {
        let d = ''
        let prev = -Infinity
        for (const p of s.points) {
          if (p.t < tMin || p.t > props.tMax) continue
          const x = (xScale(p.t - props.tMax) ?? 0).toFixed(1)
          const y = (yScale(Math.max(SIGNAL_FLOOR_DBM, Math.min(SIGNAL_CEIL_DBM, p.dbm))) ?? 0).toFixed(1)
          d += `${p.t - prev > props.gapMs ? 'M' : 'L'}${x},${y}`
          prev = p.t
        }
        return (
          <path
            key={s.key}
            className="signal-line"
            data-key={s.key}
            d={d}
            fill="none"
            stroke={colorFor(s.label, s.isTarget)}
            strokeWidth={s.isTarget ? 2.5 : 1.5}
            strokeDasharray={props.dashes[i]}
            strokeLinejoin="round"
          />
        )
      })}
    </g>
  )
}
