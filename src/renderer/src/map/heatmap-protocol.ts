/** Messages between the map page and the heatmap worker. */
import type { HeatmapInput } from '../../../shared/map/heatmap'

/** One heatmap to compute; `seq` orders replies (a newer request supersedes an older one). */
export interface HeatmapRequest {
  readonly seq: number
  readonly input: HeatmapInput
}

/** The painted grid: one RGBA pixel per cell, `cellPx` plan pixels a side; `ms` the worker's time. */
export interface HeatmapReply {
  readonly seq: number
  readonly cols: number
  readonly rows: number
  readonly cellPx: number
  readonly pixels: Uint8ClampedArray<ArrayBuffer>
  readonly ms: number
}
