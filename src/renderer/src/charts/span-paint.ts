/**
 * Painting the channel chart's BSS shapes on a 2D canvas, on the page or in the span-canvas
 * worker (one code path for both). Shapes travel as a packed frame: one Float64Array (transferred
 * to the worker, not copied) and the colours they use, so a sample posts a few kB, not 300 objects.
 */
import type { SpanShape } from './channel-chart'
import { PALETTE } from './palette'

/** Numbers per shape in `SpanFrame.data`: 4 corners (x, y), colour index, fill opacity, stroke width, dashed. */
const STRIDE = 12

/** Everything one redraw needs: the shapes and the plot area in the chart's SVG coordinates. */
export interface SpanFrame {
  readonly data: Float64Array<ArrayBuffer>
  readonly colors: readonly string[]
  readonly left: number
  readonly top: number
  readonly width: number
  readonly height: number
  /** Device pixels per CSS pixel: the bitmap is this much larger than the plot area. */
  readonly dpr: number
}

/** Messages from the page to the span-canvas worker. */
export type SpanWorkerMessage = { readonly kind: 'init'; readonly canvas: OffscreenCanvas } | { readonly kind: 'paint'; readonly frame: SpanFrame }

/** Packs `shapes` (drawn in this order) with the plot area into a frame. */
export function packSpanFrame(shapes: readonly SpanShape[], area: Omit<SpanFrame, 'data' | 'colors'>): SpanFrame {
  const data = new Float64Array(shapes.length * STRIDE)
  const colors: string[] = []
  const colorIndex = new Map<string, number>()
  shapes.forEach((s, i) => {
    let c = colorIndex.get(s.color)
    if (c === undefined) {
      c = colors.length
      colors.push(s.color)
      colorIndex.set(s.color, c)
    }
    const o = i * STRIDE
    s.points.forEach(([x, y], k) => {
      data[o + 2 * k] = x
      data[o + 2 * k + 1] = y
    })
    data[o + 8] = c
    data[o + 9] = s.fillOpacity
    data[o + 10] = s.strokeWidth
    data[o + 11] = s.dashed ? 1 : 0
  })
  return { ...area, data, colors }
}

/** Sizes the bitmap to the frame (only when it changed: resizing clears it). */
export function sizeBitmap(canvas: { width: number; height: number }, frame: SpanFrame): void {
  const w = Math.round(frame.width * frame.dpr)
  const h = Math.round(frame.height * frame.dpr)
  if (canvas.width !== w) canvas.width = w
  if (canvas.height !== h) canvas.height = h
}

/** Draws the frame's shapes, first to last (the caller orders them weakest first, so the strongest and the target end on top). */
export function paintSpanFrame(ctx: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D, frame: SpanFrame): void {
  const { data, colors, dpr } = frame
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
  ctx.clearRect(0, 0, frame.width, frame.height)
  ctx.translate(-frame.left, -frame.top)
  ctx.lineJoin = 'round'
  for (let o = 0; o + STRIDE <= data.length; o += STRIDE) {
    const color = colors[data[o + 8] ?? 0] ?? PALETTE['ink-2']
    ctx.beginPath()
    ctx.moveTo(data[o] ?? 0, data[o + 1] ?? 0)
    for (let k = 1; k < 4; k += 1) ctx.lineTo(data[o + 2 * k] ?? 0, data[o + 2 * k + 1] ?? 0)
    ctx.fillStyle = color
    ctx.globalAlpha = data[o + 9] ?? 1
    ctx.fill()
    ctx.globalAlpha = 1
    ctx.strokeStyle = color
    ctx.lineWidth = data[o + 10] ?? 1
    ctx.setLineDash(data[o + 11] === 1 ? [5, 3] : [])
    ctx.stroke()
  }
}
