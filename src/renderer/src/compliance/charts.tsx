/**
 * Compliance charts: the target SSID's signal per location against the WIFI-SIGNAL thresholds,
 * and the results per location (a stacked count of pass / warn / fail / unknown).
 */
import { shortName } from '../components/name'
import { Bar, BarChart, CartesianGrid, Cell, LabelList, Legend, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts'
import type { FindingResult } from '../../../shared/model/finding'
import { ChartFrame, type ChartSize } from '../charts/chart-frame'
import { resultLabel } from '../state/selectors'
import type { MatrixRow, SignalRow } from './selectors'
import { PALETTE } from '../charts/palette'

/** Result colours, the same as the badges' text colours in app.css (SVG fills cannot read CSS variables). */
export const RESULT_FILL: Readonly<Record<FindingResult, string>> = { pass: PALETTE['result-pass-fill'], warn: PALETTE['warn-edge'], fail: PALETTE['result-fail-fill'], unknown: PALETTE['result-unknown-fill'] }

/** dBm axis floor: bars grow from here, so a stronger signal is a longer bar. */
const FLOOR_DBM = -95
const CEIL_DBM = -30

export interface SignalByLocationProps extends ChartSize {
  readonly rows: readonly SignalRow[]
  readonly thresholds: { readonly pass: number; readonly warn: number }
  readonly animate?: boolean
}

/** Horizontal bars: strongest 2.4 GHz signal of the target per location, reference lines at the thresholds. */
export function SignalByLocation(props: SignalByLocationProps) {
  const heard = props.rows.filter((r) => r.dbm !== null)
  // Bars are drawn as height above the floor; ticks and labels are turned back into dBm.
  const data = heard.map((r) => ({ name: shortName(r.name, 24, 'Unnamed location'), lift: (r.dbm as number) - FLOOR_DBM, dbm: r.dbm as number, result: r.result ?? 'unknown', derived: r.derived }))
  const toDbm = (v: number): string => `${v + FLOOR_DBM}`
  const height = props.height ?? Math.max(140, 48 + data.length * 40)
  return (
    <ChartFrame width={props.width} height={height} defaultHeight={height}>
      {(size) => (
        <BarChart {...size} data={data} layout="vertical" margin={{ top: 22, right: 48, bottom: 18, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis
            type="number"
            domain={[0, CEIL_DBM - FLOOR_DBM]}
            ticks={[...new Set([-95, -85, props.thresholds.warn, props.thresholds.pass, -55, -45, -35])].sort((a, b) => a - b).map((v) => v - FLOOR_DBM)}
            tickFormatter={toDbm}
            label={{ value: 'dBm', position: 'insideBottomRight', offset: -12 }}
          />
          <YAxis type="category" dataKey="name" width={150} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(_v, _n, item) => [`${item.payload.dbm} dBm${item.payload.derived ? ' (estimated)' : ''}`, 'Signal']} />
          <ReferenceLine x={props.thresholds.pass - FLOOR_DBM} stroke={RESULT_FILL.pass} strokeDasharray="5 3" label={{ value: 'pass →', position: 'top', dx: 20, fontSize: 11, fill: PALETTE['pass-text'] }} />
          <ReferenceLine x={props.thresholds.warn - FLOOR_DBM} stroke={RESULT_FILL.fail} strokeDasharray="5 3" label={{ value: '← fail', position: 'top', dx: -20, fontSize: 11, fill: PALETTE.fail }} />
          <Bar dataKey="lift" isAnimationActive={props.animate ?? false} barSize={18}>
            {data.map((d) => (
              <Cell key={d.name} fill={RESULT_FILL[d.result]} />
            ))}
            <LabelList dataKey="dbm" position="right" formatter={(v) => `${String(v)} dBm`} style={{ fontSize: 12 }} />
          </Bar>
        </BarChart>
      )}
    </ChartFrame>
  )
}

export interface ResultsByLocationProps extends ChartSize {
  readonly rows: readonly MatrixRow[]
  readonly animate?: boolean
}

/** Stacked bars: how many requirements pass, warn, fail or are unknown at each measured location. */
export function ResultsByLocation(props: ResultsByLocationProps) {
  const data = props.rows
    .filter((r) => r.measured)
    .map((r) => {
      const counts: Record<FindingResult, number> = { pass: 0, warn: 0, fail: 0, unknown: 0 }
      for (const f of r.cells.values()) counts[f.result] += 1
      return { name: shortName(r.name, 24, 'Unnamed location'), ...counts }
    })
  const height = props.height ?? Math.max(140, 70 + data.length * 34)
  return (
    <ChartFrame width={props.width} height={height} defaultHeight={height}>
      {(size) => (
        <BarChart {...size} data={data} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="name" width={150} tick={{ fontSize: 12 }} />
          <Tooltip />
          <Legend />
          {(['fail', 'unknown', 'warn', 'pass'] as const).map((r) => (
            <Bar key={r} dataKey={r} name={resultLabel(r)} stackId="results" fill={RESULT_FILL[r]} isAnimationActive={props.animate ?? false} barSize={16} />
          ))}
        </BarChart>
      )}
    </ChartFrame>
  )
}
