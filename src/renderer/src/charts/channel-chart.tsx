/**
 * Channel chart: each BSS drawn over the frequencies its channel width covers, as high as its
 * signal, so a 40 MHz network on 2.4 GHz visibly spans its channels. One band per chart.
 *
 * Recharts draws the axes, grid and WIFI-SIGNAL reference lines; the BSS shapes are placed with
 * the chart's own scales (`useXAxisScale`/`useYAxisScale`, recharts ≥ 3.8). Live, they are drawn
 * on one canvas: 300 SVG paths re-rendered per sample cost the live view its frame budget
 * (scripts/bench/renderer-live.ts; ARCHITECTURE.md "draw many shapes on a canvas"). The report
 * keeps SVG paths, so the PDF stays vector. Labels are SVG text nodes either way: SSIDs are
 * hostile text and never become markup, and never pixels either.
 */
import { createContext, memo, useContext, useMemo } from 'react'
import { CartesianGrid, ComposedChart, ReferenceLine, XAxis, YAxis, useXAxisScale, useYAxisScale } from 'recharts'
import type { Band } from '../../../shared/model/observation'
import { ChartFrame, type ChartSize } from './chart-frame'
import { channelAtMhz, channelCenterMhz, type ChannelSpan } from './channel-spans'
import { colorFor, PALETTE } from './palette'
import { SpanCanvas } from './span-canvas'

/** dBm floor and ceiling of the chart. */
export const SIGNAL_FLOOR_DBM = -100
export const SIGNAL_CEIL_DBM = -20
/** dBm axis ticks shared by the charts. */
export const DBM_TICKS = [-100, -90, -80, -70, -60, -50, -40, -30, -20]
const Y_DOMAIN = [SIGNAL_FLOOR_DBM, SIGNAL_CEIL_DBM]
const MARGIN = { top: 18, right: 16, bottom: 4, left: 0 }
const Y_TICK = { fontSize: 11 }
const X_TICK_24 = { fontSize: 11 }
const X_TICK_5 = { fontSize: 10 }
/** Most shapes a chart animates; above it, shapes jump to their new height. */
export const ANIMATE_MAX_SPANS = 60
const FOLD_LABEL = { value: '68–96', position: 'insideTop' as const, fontSize: 9, fill: PALETTE['chart-faint-text'] }

interface BandAxis {
  readonly domain: [number, number]
  readonly ticks: number[]
  /** Channel number of a tick (axis units). */
  readonly format: (x: number) => string
  /** MHz → axis units, and back: 5 GHz folds away the 68–96 gap few regulatory domains allow. */
  readonly toAxis: (mhz: number) => number
  readonly fromAxis: (x: number) => number
  /** Axis position of a fold, drawn as a break marker; null when none. */
  readonly fold: number | null
}

const range = (from: number, to: number, step: number): number[] => {
  const out: number[] = []
  for (let c = from; c <= to; c += step) out.push(c)
  return out
}

const identity = (v: number): number => v
/** Channel 64's upper edge is 5330 MHz and channel 100's lower edge 5490: fold 150 MHz away. */
const FOLD_AT = 5340
const FOLD_MHZ = 150
const fold5 = (mhz: number): number => (mhz > FOLD_AT ? mhz - FOLD_MHZ : mhz)
const unfold5 = (x: number): number => (x > FOLD_AT - 5 ? x + FOLD_MHZ : x)

// Axis props are module constants so recharts sees the same objects on every render and does not
// recompute its axis state for each live sample.
function axisFor(band: Band, channels: readonly number[], domain: [number, number], toAxis = identity, fromAxis = identity, fold: number | null = null): BandAxis {
  const format = (x: number): string => String(channelAtMhz(band, fromAxis(x)) ?? '')
  return { domain, ticks: channels.map((c) => toAxis(channelCenterMhz(band, c))), format, toAxis, fromAxis, fold }
}

/** X axis per band: every 2.4 GHz channel (1–14); every 20 MHz channel on 5 GHz; every 80 MHz on 6. */
export const BAND_AXES: Readonly<Record<Band, BandAxis>> = {
  '2.4': axisFor('2.4', range(1, 14, 1), [2399, 2497]),
  '5': axisFor('5', [...range(36, 64, 4), ...range(100, 144, 4), ...range(149, 177, 4)], [5165, fold5(5900)], fold5, unfold5, FOLD_AT - 5),
  '6': axisFor('6', range(1, 233, 16), [5945, 7125])
}

export interface ChannelChartProps extends ChartSize {
  readonly band: Band
  readonly spans: readonly ChannelSpan[]
  /**
   * How the shapes are drawn: `canvas` (live: one bitmap, cheap per sample) or `svg` (the report:
   * vector in the PDF, with shape transitions when `animate`). Default canvas.
   */
  readonly draw?: 'canvas' | 'svg'
  /** SVG shape transitions between samples; off for print and the report. Default on. */
  readonly animate?: boolean
  /** Most labels drawn; the strongest and the target win. Default 14. */
  readonly maxLabels?: number
}

interface SpanLayerProps {
  readonly spans: readonly ChannelSpan[]
  readonly toAxis: (mhz: number) => number
  /** The x axis's domain (axis units): the plot area's left and right edges. */
  readonly domain: readonly [number, number]
  readonly draw: 'canvas' | 'svg'
  readonly animate: boolean
  readonly maxLabels: number
}

/**
 * The shapes reach SpanLayer through context, so a new sample re-renders the shapes only: the
 * memoised recharts tree (axes, grid, reference lines) keeps its props and is not re-rendered.
 */
const SpanLayerInput = createContext<SpanLayerProps | null>(null)

/** Axes, grid and reference lines of one band; re-rendered only when the size changes. */
const ChannelAxes = memo(function ChannelAxes(props: { readonly band: Band; readonly width?: number; readonly height?: number }) {
  const axis = BAND_AXES[props.band]
  return (
    <ChartFrame width={props.width} height={props.height} defaultHeight={230}>
      {(size) => (
        <ComposedChart {...size} data={[]} margin={MARGIN}>
          <CartesianGrid strokeDasharray="2 4" stroke={PALETTE['line']} />
          <XAxis
            type="number"
            dataKey="mhz"
            domain={axis.domain}
            ticks={axis.ticks}
            // Every 2.4 GHz channel fits; on 5 GHz let recharts drop ticks that would overlap.
            interval={props.band === '2.4' ? 0 : 'preserveStart'}
            allowDataOverflow
            tickFormatter={axis.format}
            tick={props.band === '2.4' ? X_TICK_24 : X_TICK_5}
            height={22}
          />
          <YAxis type="number" domain={Y_DOMAIN} ticks={DBM_TICKS} allowDataOverflow width={44} tick={Y_TICK} />
          <ReferenceLine y={-67} stroke={PALETTE['pass-line']} strokeDasharray="4 3" ifOverflow="hidden" />
          <ReferenceLine y={-75} stroke={PALETTE['warn-line']} strokeDasharray="4 3" ifOverflow="hidden" />
          {axis.fold !== null && <ReferenceLine x={axis.fold} stroke={PALETTE['chart-faint-line']} strokeDasharray="1 3" label={FOLD_LABEL} />}
          <SpanLayer />
        </ComposedChart>
      )}
    </ChartFrame>
  )
})

/** A channel chart for one band. */
export const ChannelChart = memo(function ChannelChart(props: ChannelChartProps) {
  const axis = BAND_AXES[props.band]
  // Shape transitions repaint every shape on every frame while they run: with more than a few
  // dozen BSS that costs more frame time than it shows (scripts/bench/renderer-live.ts).
  const draw = props.draw ?? 'canvas'
  const animate = draw === 'svg' && (props.animate ?? true) && props.spans.length <= ANIMATE_MAX_SPANS
  const inexact = props.spans.filter((s) => !s.exact)
  const notes = [...new Set(inexact.map((s) => s.note ?? ''))].filter((n) => n !== '')
  const layer = useMemo(
    () => ({ spans: props.spans, toAxis: axis.toAxis, domain: axis.domain, draw, animate, maxLabels: props.maxLabels ?? 14 }),
    [props.spans, axis.toAxis, axis.domain, draw, animate, props.maxLabels]
  )
  return (
    <figure className="channel-chart" data-band={props.band} style={{ margin: 0 }}>
      <SpanLayerInput.Provider value={layer}>
        <ChannelAxes band={props.band} width={props.width} height={props.height} />
      </SpanLayerInput.Provider>
      <figcaption style={{ fontSize: 11, color: PALETTE['ink-2'], display: 'flex', gap: 10, flexWrap: 'wrap' }}>
        <span>{props.spans.length} BSS · x: channel · y: dBm</span>
        <span style={{ color: 'var(--pass-text)' }}>┄ −67 WIFI-SIGNAL pass</span>
        <span style={{ color: 'var(--warn-text)' }}>┄ −75 warn</span>
        {notes.length > 0 && (
          <span>
            dashed: {inexact.length} BSS, {notes.join('; ')}
          </span>
        )}
      </figcaption>
    </figure>
  )
})

interface PlacedLabel {
  readonly x0: number
  readonly x1: number
  readonly y: number
}

const LABEL_CHAR_PX = 6.2
const LABEL_HEIGHT = 12
const RAMP_MHZ = 2

function shortLabel(label: string): string {
  const chars = [...label]
  return chars.length > 18 ? `${chars.slice(0, 17).join('')}…` : label
}

/** One BSS shape in pixels: the trapezoid over its channels, as high as its signal, and its style. */
export interface SpanShape {
  readonly key: string
  /** Corners, left to right: base, top-left, top-right, base. */
  readonly points: readonly (readonly [number, number])[]
  readonly color: string
  readonly fillOpacity: number
  readonly strokeWidth: number
  /** Width (or the 2.4 GHz secondary side) not reported: drawn dashed. */
  readonly dashed: boolean
  /** Plain text for the tooltip. */
  readonly title: string
}

const wide = (s: ChannelSpan): boolean => s.band === '2.4' && s.widthMhz > 20

/** The shapes of `spans` on scales `x` (MHz → px) and `y` (dBm → px): one geometry for canvas and SVG. */
export function spanShapes(spans: readonly ChannelSpan[], x: (mhz: number) => number, y: (dbm: number) => number): SpanShape[] {
  const base = y(SIGNAL_FLOOR_DBM)
  return spans.map((s) => {
    const ramp = Math.min(RAMP_MHZ, (s.hiMhz - s.loMhz) / 4)
    const top = y(Math.max(SIGNAL_FLOOR_DBM, Math.min(SIGNAL_CEIL_DBM, s.signalDbm)))
    return {
      key: s.key,
      points: [
        [x(s.loMhz), base],
        [x(s.loMhz + ramp), top],
        [x(s.hiMhz - ramp), top],
        [x(s.hiMhz), base]
      ],
      color: colorFor(s.label, s.isTarget),
      fillOpacity: s.isTarget ? 0.28 : wide(s) ? 0.2 : 0.08,
      strokeWidth: s.isTarget ? 2.5 : 1.2,
      dashed: !s.exact,
      title: `${s.label} · ch ${s.channel} · ${s.widthMhz} MHz · ${s.signalDbm} dBm`
    }
  })
}

/** The BSS shapes and their labels, drawn in the chart's coordinate system. */
function SpanLayer() {
  const props = useContext(SpanLayerInput)
  const xScale = useXAxisScale()
  const yScale = useYAxisScale()
  if (!props || !xScale || !yScale) return null
  const x = (mhz: number): number => xScale(props.toAxis(mhz)) ?? 0
  const y = (dbm: number): number => yScale(Math.max(SIGNAL_FLOOR_DBM, Math.min(SIGNAL_CEIL_DBM, dbm))) ?? 0

  // Greedy label placement: the target first, then bonded (wider than 20 MHz) 2.4 GHz networks,
  // then the strongest; one label per SSID except the target's. A label that would overlap one
  // already placed moves up a line, and is dropped after two tries, so labels stay legible.
  const placed: PlacedLabel[] = []
  const labelled = new Set<string>()
  const labels = new Map<string, { x: number; y: number; text: string }>()
  const byPriority = [...props.spans].sort(
    (a, b) => Number(b.isTarget) - Number(a.isTarget) || Number(wide(b)) - Number(wide(a)) || b.signalDbm - a.signalDbm
  )
  for (const s of byPriority) {
    if (labels.size >= props.maxLabels) break
    if (!s.isTarget && labelled.has(s.label)) continue
    const text = wide(s) ? `${shortLabel(s.label)} · ${s.widthMhz} MHz` : shortLabel(s.label)
    const cx = x((s.loMhz + s.hiMhz) / 2)
    const half = (text.length * LABEL_CHAR_PX) / 2
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const ly = y(s.signalDbm) - 4 - attempt * LABEL_HEIGHT
      const box = { x0: cx - half, x1: cx + half, y: ly }
      const clash = placed.some((p) => box.x0 < p.x1 && box.x1 > p.x0 && Math.abs(box.y - p.y) < LABEL_HEIGHT)
      if (!clash && ly > LABEL_HEIGHT) {
        placed.push(box)
        labelled.add(s.label)
        labels.set(s.key, { x: cx, y: ly, text })
        break
      }
    }
  }

  const shapes = spanShapes(props.spans, x, y)
  const x0 = xScale(props.domain[0]) ?? 0
  const x1 = xScale(props.domain[1]) ?? 0
  const y0 = y(SIGNAL_CEIL_DBM)
  const y1 = y(SIGNAL_FLOOR_DBM)
  const transition = props.animate ? 'd 400ms ease-out' : undefined
  return (
    <g className="channel-spans">
      {props.draw === 'canvas' ? (
        <SpanCanvas shapes={shapes} left={Math.min(x0, x1)} top={Math.min(y0, y1)} width={Math.abs(x1 - x0)} height={Math.abs(y1 - y0)} band={props.spans[0]?.band ?? null} />
      ) : (
        shapes.map((p) => (
          <SpanPath
            key={p.key}
            spanKey={p.key}
            d={`M${p.points.map(([px, py]) => `${px},${py}`).join('L')}`}
            color={p.color}
            fillOpacity={p.fillOpacity}
            strokeWidth={p.strokeWidth}
            dashed={p.dashed}
            transition={transition}
            title={p.title}
          />
        ))
      )}
      {props.spans.map((s) => {
        const l = labels.get(s.key)
        if (!l) return null
        return <SpanLabel key={`label-${s.key}`} x={l.x} y={l.y} text={l.text} isTarget={s.isTarget} color={s.isTarget ? PALETTE['target-text'] : PALETTE.ink} />
      })}
    </g>
  )
}

/**
 * One BSS shape, on plain values: a sample that leaves a BSS's signal unchanged skips it (React
 * compares the props instead of re-rendering 300 paths and their tooltips).
 */
const SpanPath = memo(function SpanPath(p: {
  readonly spanKey: string
  readonly d: string
  readonly color: string
  readonly fillOpacity: number
  readonly strokeWidth: number
  readonly dashed: boolean
  readonly transition: string | undefined
  readonly title: string
}) {
  return (
    <path
      d={p.d}
      fill={p.color}
      fillOpacity={p.fillOpacity}
      stroke={p.color}
      strokeWidth={p.strokeWidth}
      strokeDasharray={p.dashed ? '5 3' : undefined}
      style={p.transition ? { transition: p.transition } : undefined}
      data-key={p.spanKey}
    >
      <title>{p.title}</title>
    </path>
  )
})

/** A BSS label (SVG text: SSIDs are hostile and never become markup). */
const SpanLabel = memo(function SpanLabel(p: { readonly x: number; readonly y: number; readonly text: string; readonly isTarget: boolean; readonly color: string }) {
  return (
    <text x={p.x} y={p.y} textAnchor="middle" fontSize={11} fontWeight={p.isTarget ? 700 : 400} fill={p.color} stroke={PALETTE.surface} strokeWidth={3} paintOrder="stroke">
      {p.text}
    </text>
  )
})
