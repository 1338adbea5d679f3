/**
 * The channel chart's BSS shapes on one canvas, laid over the chart's plot area (a foreignObject
 * inside recharts' SVG, so it scrolls and scales with the axes). A new sample is one redraw of a
 * bitmap instead of hundreds of SVG nodes to diff, style and lay out. Hovering names the BSS
 * under the pointer through the canvas's title (plain text, never markup).
 *
 * The drawing itself happens in a worker (span-canvas-worker.ts) on the canvas handed over with
 * transferControlToOffscreen: rasterising 300 stroked shapes costs the main thread ~5 ms a
 * sample, a third of the frame budget (scripts/bench/renderer-live.ts). Where there is no
 * Worker or OffscreenCanvas (jsdom tests), or the worker fails to start, the page draws itself.
 */
import { memo, useEffect, useRef, useState } from 'react'
import type { Band } from '../../../shared/model/observation'
import type { SpanShape } from './channel-chart'
import { packSpanFrame, paintSpanFrame, sizeBitmap, type SpanWorkerMessage } from './span-paint'

export interface SpanCanvasProps {
  readonly shapes: readonly SpanShape[]
  /** The plot area in the chart's SVG coordinates. */
  readonly left: number
  readonly top: number
  readonly width: number
  readonly height: number
  readonly band: Band | null
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

/** A worker painting `canvas`, which it now owns; null where workers or OffscreenCanvas are missing. */
function startPainter(canvas: HTMLCanvasElement, onError: () => void): Worker | null {
  if (typeof Worker === 'undefined' || typeof canvas.transferControlToOffscreen !== 'function') return null
  const worker = new Worker(new URL('./span-canvas-worker.ts', import.meta.url), { type: 'module' })
  worker.onerror = onError
  const offscreen = canvas.transferControlToOffscreen()
  const init: SpanWorkerMessage = { kind: 'init', canvas: offscreen }
  worker.postMessage(init, [offscreen])
  return worker
}

export const SpanCanvas = memo(function SpanCanvas(props: SpanCanvasProps) {
  const ref = useRef<HTMLCanvasElement>(null)
  const painter = useRef<Worker | null>(null)
  // A canvas handed to a worker that then failed cannot be drawn on again: a new element (key) is.
  const [workerFailed, setWorkerFailed] = useState(false)
  const { shapes, left, top, width, height } = props
  // Declared before the drawing effect, so the worker exists when the first frame is posted.
  useEffect(() => {
    const canvas = ref.current
    if (!canvas || workerFailed) return
    const worker = startPainter(canvas, () => setWorkerFailed(true))
    painter.current = worker
    return () => {
      worker?.terminate()
      painter.current = null
    }
  }, [workerFailed])
  useEffect(() => {
    const canvas = ref.current
    if (!canvas || width <= 0 || height <= 0) return
    const frame = packSpanFrame(shapes, { left, top, width, height, dpr: window.devicePixelRatio || 1 })
    if (painter.current !== null) {
      const message: SpanWorkerMessage = { kind: 'paint', frame }
      painter.current.postMessage(message, [frame.data.buffer])
      return
    }
    sizeBitmap(canvas, frame)
    const ctx = canvas.getContext('2d')
    if (ctx) paintSpanFrame(ctx, frame)
  }, [shapes, left, top, width, height, workerFailed])
  const band = props.band === null ? '' : ` ${props.band} GHz`
  return (
    <foreignObject x={left} y={top} width={Math.max(0, width)} height={Math.max(0, height)}>
      <canvas
        key={workerFailed ? 'page' : 'worker'}
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
