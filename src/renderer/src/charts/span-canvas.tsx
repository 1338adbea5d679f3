/**
 * The channel chart's BSS shapes on one canvas, laid over the chart's plot area (a foreignObject
 * inside recharts' SVG, so it scrolls and scales with the axes). A new sample is one redraw of a
 * bitmap instead of hundreds of SVG nodes to diff, style and lay out. Hovering names the BSS
 * under the pointer through the canvas's title (plain text, never markup).
 */
import { memo, useEffect, useRef } from 'react'
import type { Band } from '../../../shared/model/observation'
import type { SpanShape } from './channel-chart'

export interface SpanCanvasProps {
  readonly shapes: readonly SpanShape[]
  /** The plot area in the chart's SVG coordinates. */
  readonly left: number
  readonly top: number
  readonly width: number
  readonly height: number
  readonly band: Band | null
}

/** Draws the shapes, weakest first as given (the strongest and the target end on top). */
function paint(ctx: CanvasRenderingContext2D, shapes: readonly SpanShape[], left: number, top: number, width: number, height: number, dpr: number): void {
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
  ctx.clearRect(0, 0, width, height)
  ctx.translate(-left, -top)
  ctx.lineJoin = 'round'
  for (const s of shapes) {
    ctx.beginPath()
    s.points.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)))
    ctx.fillStyle = s.color
    ctx.globalAlpha = s.fillOpacity
    ctx.fill()
    ctx.globalAlpha = 1
    ctx.strokeStyle = s.color
    ctx.lineWidth = s.strokeWidth
    ctx.setLineDash(s.dashed ? [5, 3] : [])
    ctx.stroke()
  }
}

/** The topmost shape under (x, y) in chart coordinates; null when none. */
export function shapeAt(shapes: readonly SpanShape[], x: number, y: number): SpanShape | null {
  for (let i = shapes.length - 1; i >= 0; i--) {
    const s = shapes[i] as SpanShape // i is in range
    const [a, , , d] = s.points
    const topY = s.points[1]?.[1]
    if (a === undefined || d === undefined || topY === undefined) continue
    if (x >= a[0] && x <= d[0] && y >= topY && y <= a[1]) return s
  }
  return null
}

export const SpanCanvas = memo(function SpanCanvas(props: SpanCanvasProps) {
  const ref = useRef<HTMLCanvasElement>(null)
  const { shapes, left, top, width, height } = props
  useEffect(() => {
    const canvas = ref.current
    if (!canvas || width <= 0 || height <= 0) return
    const dpr = window.devicePixelRatio || 1
    const w = Math.round(width * dpr)
    const h = Math.round(height * dpr)
    // Resizing clears the bitmap; only when the size really changed.
    if (canvas.width !== w) canvas.width = w
    if (canvas.height !== h) canvas.height = h
    const ctx = canvas.getContext('2d')
    if (ctx) paint(ctx, shapes, left, top, width, height, dpr)
  }, [shapes, left, top, width, height])
  const band = props.band === null ? '' : ` ${props.band} GHz`
  return (
    <foreignObject x={left} y={top} width={Math.max(0, width)} height={Math.max(0, height)}>
      <canvas
        ref={ref}
        className="span-canvas"
        data-shapes={shapes.length}
        role="img"
        aria-label={`${shapes.length} BSS drawn on the${band} channels; the network table lists each one`}
        style={{ width: Math.max(0, width), height: Math.max(0, height), display: 'block' }}
        onMouseMove={(e) => {
          const rect = e.currentTarget.getBoundingClientRect()
          const hit = shapeAt(shapes, left + (e.clientX - rect.left), top + (e.clientY - rect.top))
          e.currentTarget.title = hit?.title ?? ''
        }}
      />
    </foreignObject>
  )
})
