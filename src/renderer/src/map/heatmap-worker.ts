/**
 * The heatmap worker: computes and paints a level's heatmap off the main thread, so the map stays
 * responsive while a 6000 × 4000 px plan is interpolated (issue 11 item 8). The pixels are
 * transferred, not copied.
 */
import { computeHeatmap, paintHeatmap } from '../../../shared/map/heatmap'
import { BAND_PALETTE, UNMEASURED_STRIPE } from './band-palette'
import type { HeatmapReply, HeatmapRequest } from './heatmap-protocol'

/** The parts of a dedicated worker's global scope used here (the web project has no WebWorker lib). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<HeatmapRequest>) => void) | null
  postMessage(message: HeatmapReply, transfer: Transferable[]): void
}

// Cast: this module only ever runs as a dedicated worker, whose global scope has these members.
const scope = self as unknown as WorkerScope

scope.onmessage = (event) => {
  const start = performance.now()
  const grid = computeHeatmap(event.data.input)
  const pixels = paintHeatmap(grid, BAND_PALETTE, UNMEASURED_STRIPE)
  scope.postMessage({ seq: event.data.seq, cols: grid.cols, rows: grid.rows, cellPx: grid.cellPx, pixels, ms: performance.now() - start }, [pixels.buffer])
}
