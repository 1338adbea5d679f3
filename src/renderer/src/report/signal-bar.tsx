/**
 * The target network's signal on a scale with the WIFI-SIGNAL thresholds: red below the warn
 * level, amber between, green at or above the pass level, and a marker at the reading.
 */
import type { SignalParameters } from '../../../shared/requirements/profile'
import { PALETTE } from '../charts/palette'

const MIN_DBM = -100
const MAX_DBM = -30
const WIDTH = 400
const HEIGHT = 44
const BAR_Y = 14
const BAR_H = 12

const xOf = (dbm: number): number => ((Math.max(MIN_DBM, Math.min(MAX_DBM, dbm)) - MIN_DBM) / (MAX_DBM - MIN_DBM)) * WIDTH

/** An SVG scale from -100 to -30 dBm; no marker when nothing was measured. */
export function SignalBar(props: { readonly dbm: number | null; readonly thresholds: SignalParameters }) {
  const { passDbm, warnDbm } = props.thresholds
  const ticks = [-100, -90, -80, warnDbm, passDbm, -50, -40, -30].filter((t, i, all) => all.indexOf(t) === i)
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-label="Signal against the WIFI-SIGNAL thresholds">
      <rect x={0} y={BAR_Y} width={xOf(warnDbm)} height={BAR_H} fill={PALETTE['rpt-bar-fail']} />
      <rect x={xOf(warnDbm)} y={BAR_Y} width={xOf(passDbm) - xOf(warnDbm)} height={BAR_H} fill={PALETTE['rpt-bar-warn']} />
      <rect x={xOf(passDbm)} y={BAR_Y} width={WIDTH - xOf(passDbm)} height={BAR_H} fill={PALETTE['rpt-bar-pass']} />
      {ticks.map((t) => (
        <g key={t}>
          <line x1={xOf(t)} x2={xOf(t)} y1={BAR_Y + BAR_H} y2={BAR_Y + BAR_H + 3} stroke={PALETTE['rpt-muted']} strokeWidth={0.8} />
          <text x={Math.min(WIDTH - 10, Math.max(10, xOf(t)))} y={HEIGHT - 2} fontSize={8.5} textAnchor="middle" fill={PALETTE['rpt-muted']}>
            {t}
          </text>
        </g>
      ))}
      {props.dbm !== null && (
        <g>
          <path
            d={`M${xOf(props.dbm) - 6},${BAR_Y - 11}L${xOf(props.dbm) + 6},${BAR_Y - 11}L${xOf(props.dbm)},${BAR_Y - 1}Z`}
            fill={PALETTE['rpt-ink']}
          />
          <line x1={xOf(props.dbm)} x2={xOf(props.dbm)} y1={BAR_Y} y2={BAR_Y + BAR_H} stroke={PALETTE['rpt-ink']} strokeWidth={2} />
        </g>
      )}
    </svg>
  )
}
