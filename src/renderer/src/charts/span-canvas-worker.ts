/**
 * The span-canvas worker: paints a channel chart's BSS shapes on the chart's canvas, handed over
 * as an OffscreenCanvas, so drawing and rasterising 300 shapes per sample leave the page's main
 * thread free for the table and the rest of the frame (scripts/bench/renderer-live.ts). Only the
 * newest frame is drawn, once per animation frame, however many samples arrived meanwhile.
 */
import { paintSpanFrame, sizeBitmap, type SpanFrame, type SpanWorkerMessage } from './span-paint'

/** The parts of a dedicated worker's global scope used here (the web project has no WebWorker lib). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<SpanWorkerMessage>) => void) | null
  requestAnimationFrame?: (callback: () => void) => number
}

// Cast: this module only ever runs as a dedicated worker, whose global scope has these members.
const scope = self as unknown as WorkerScope

let canvas: OffscreenCanvas | null = null
let pending: SpanFrame | null = null

function draw(): void {
  const frame = pending
  pending = null
  if (canvas === null || frame === null) return
  sizeBitmap(canvas, frame)
  const ctx = canvas.getContext('2d')
  if (ctx !== null) paintSpanFrame(ctx, frame)
}

scope.onmessage = (event) => {
  const message = event.data
  if (message.kind === 'init') {
    canvas = message.canvas
    return
  }
  const scheduled = pending !== null
  pending = message.frame
  if (scheduled) return
  if (scope.requestAnimationFrame) scope.requestAnimationFrame(draw)
  else draw()
}
