/**
 * Latency per check as horizontal bars, coloured by outcome (a failure that measured a latency —
 * an untrusted certificate, a portal — is still a failure). Checks without a latency are absent.
 */
import { memo } from 'react'
import { Bar, BarChart, CartesianGrid, Cell, XAxis, YAxis } from 'recharts'
import { ChartFrame, type ChartSize } from '../charts/chart-frame'
import type { LatencyRow } from './selectors'
import { PALETTE } from '../charts/palette'

const COLORS = { pass: PALETTE['latency-pass'], fail: PALETTE['latency-fail'], 'not-run': PALETTE['latency-not-run'] } as const

export interface LatencyChartProps extends ChartSize {
  readonly rows: readonly LatencyRow[]
}

/** The latency chart; animations off (live updates, print). */
export const LatencyChart = memo(function LatencyChart(props: LatencyChartProps) {
  const height = props.height ?? Math.max(120, 20 * props.rows.length + 40)
  return (
    <ChartFrame width={props.width} height={height} defaultHeight={height}>
      {(size) => (
        <BarChart {...size} data={[...props.rows]} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }}>
          <CartesianGrid strokeDasharray="2 4" stroke={PALETTE['line']} horizontal={false} />
          <XAxis type="number" unit=" ms" tick={{ fontSize: 11 }} allowDecimals={false} />
          <YAxis type="category" dataKey="label" width={215} tick={{ fontSize: 10 }} interval={0} />
          <Bar dataKey="latencyMs" isAnimationActive={false} barSize={12}>
            {props.rows.map((r, i) => (
              <Cell key={i} fill={COLORS[r.outcome]} />
            ))}
          </Bar>
        </BarChart>
      )}
    </ChartFrame>
  )
})
