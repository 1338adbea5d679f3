/**
 * Signal-over-time chart: one line per selected BSS over a sliding window (10 minutes by
 * default), dBm axis, WIFI-SIGNAL thresholds drawn as reference lines.
 */
import { memo } from 'react'
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, XAxis, YAxis } from 'recharts'
import type { SignalPoint } from '../live/ring-buffer'
import { ChartFrame, type ChartSize } from './chart-frame'
import { SIGNAL_CEIL_DBM, SIGNAL_FLOOR_DBM } from './channel-chart'
import { colorFor } from './palette'

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
  /** WIFI-SIGNAL thresholds (dBm): pass at or above `pass`, warn down to `warn`. */
  readonly thresholds?: { readonly pass: number; readonly warn: number }
  /** Line animations; off for print and benchmarks of many samples. Default off: a live line
   * that re-animates every second only distracts. */
  readonly animate?: boolean
}

function minuteTicks(tMax: number, windowMs: number): number[] {
  const ticks: number[] = []
  const step = windowMs <= 10 * 60_000 ? 2 * 60_000 : 5 * 60_000
  for (let t = tMax; t >= tMax - windowMs; t -= step) ticks.unshift(t)
  return ticks
}

const TARGET_DASHES = [undefined, '7 3', '2 2', '10 3 2 3']

function targetIndex(series: readonly SignalChartSeries[], i: number): number {
  let n = 0
  for (let k = 0; k < i; k += 1) if (series[k]?.isTarget) n += 1
  return n
}

/** Signal of the selected BSSs over time. */
export const SignalChart = memo(function SignalChart(props: SignalChartProps) {
  const thresholds = props.thresholds ?? { pass: -67, warn: -75 }
  const tMin = props.tMax - props.windowMs
  const fmt = (t: number): string => {
    const m = Math.round((props.tMax - t) / 60_000)
    return m === 0 ? 'now' : `−${m} min`
  }
  return (
    <ChartFrame width={props.width} height={props.height} defaultHeight={240}>
      {(size) => (
        <LineChart {...size} margin={{ top: 8, right: 96, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="2 4" stroke="#dee2e6" />
          <XAxis
            type="number"
            dataKey="t"
            domain={[tMin, props.tMax]}
            ticks={minuteTicks(props.tMax, props.windowMs)}
            tickFormatter={fmt}
            allowDataOverflow
            tick={{ fontSize: 11 }}
          />
          <YAxis type="number" domain={[SIGNAL_FLOOR_DBM, SIGNAL_CEIL_DBM]} ticks={[-100, -90, -80, -70, -60, -50, -40, -30, -20]} allowDataOverflow width={44} tick={{ fontSize: 11 }} />
          <ReferenceLine
            y={thresholds.pass}
            stroke="#2b8a3e"
            strokeDasharray="4 3"
            label={{ value: `WIFI-SIGNAL ${thresholds.pass}`, position: 'right', fontSize: 10, fill: '#2b8a3e' }}
          />
          <ReferenceLine
            y={thresholds.warn}
            stroke="#e8590c"
            strokeDasharray="4 3"
            label={{ value: `WIFI-SIGNAL ${thresholds.warn}`, position: 'right', fontSize: 10, fill: '#e8590c' }}
          />
          {props.series.map((s, i) => (
            <Line
              key={s.key}
              data={[...s.points]}
              dataKey="dbm"
              name={s.label}
              type="linear"
              dot={false}
              stroke={colorFor(s.label, s.isTarget)}
              strokeWidth={s.isTarget ? 2.5 : 1.5}
              // The target's BSSs share one colour: tell them apart by dash pattern.
              strokeDasharray={s.isTarget ? TARGET_DASHES[targetIndex(props.series, i) % TARGET_DASHES.length] : undefined}
              isAnimationActive={props.animate ?? false}
            />
          ))}
          {props.series.length > 0 && <Legend verticalAlign="bottom" height={24} wrapperStyle={{ fontSize: 12 }} />}
        </LineChart>
      )}
    </ChartFrame>
  )
})
