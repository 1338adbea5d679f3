/**
 * The signal heatmap of one level: the target network's best 2.4 GHz signal interpolated between
 * the measured points and banded by the WIFI-SIGNAL thresholds.
 *
 * Method: inverse-distance weighting (Shepard, power 2) over the points within `radiusPx` of each
 * cell. Why IDW and not kriging or a path-loss model: a survey has a few dozen points, too few to
 * fit a variogram, and we do not know where the access points are; IDW is exact at every measured
 * point (a pin and the map under it always agree) and never predicts a signal stronger than
 * the strongest reading around it, so the map never claims more coverage than was measured.
 * A cell with no measured point within the radius is *unmeasured* — never extrapolated.
 *
 * Computed on a grid of cells (a few plan pixels each, at most MAX_CELLS cells), with the points
 * bucketed by radius so each cell looks at its neighbourhood only. Pure: no DOM; the renderer runs
 * it in a Web Worker, the report and the benchmark call it directly.
 */
import type { SignalParameters } from '../requirements/profile'

/** A measured point on the plan: plan pixels and the signal there (dBm). */
export interface HeatPoint {
  readonly x: number
  readonly y: number
  readonly dbm: number
}

/** What one heatmap is computed from. */
export interface HeatmapInput {
  readonly widthPx: number
  readonly heightPx: number
  readonly points: readonly HeatPoint[]
  /** No cell farther than this from every measured point is painted (plan pixels). */
  readonly radiusPx: number
  /** WIFI-SIGNAL's thresholds, from the requirement profile. */
  readonly thresholds: Pick<SignalParameters, 'passDbm' | 'warnDbm'>
}

/** Bands of a cell; 0 is unmeasured. */
export const BAND = { unmeasured: 0, pass: 1, warn: 2, fail: 3 } as const
export type Band = (typeof BAND)[keyof typeof BAND]

/** The computed grid: one band per cell, row by row. */
export interface HeatmapGrid {
  readonly cols: number
  readonly rows: number
  /** Plan pixels per cell side. */
  readonly cellPx: number
  readonly bands: Uint8Array
}

/** Cells per heatmap at most: ~0.5 M keeps a 6000 × 4000 px plan at 7 px cells. */
export const MAX_CELLS = 500_000

/** The band of a signal reading, by WIFI-SIGNAL's thresholds (pass at passDbm or better, warn to warnDbm). */
export function bandOf(dbm: number, thresholds: HeatmapInput['thresholds']): Band {
  return dbm >= thresholds.passDbm ? BAND.pass : dbm >= thresholds.warnDbm ? BAND.warn : BAND.fail
}

/** Plan pixels per cell for a plan, so that the grid stays within MAX_CELLS. */
export function cellSizeFor(widthPx: number, heightPx: number): number {
  return Math.max(1, Math.ceil(Math.sqrt((widthPx * heightPx) / MAX_CELLS)))
}

/** Computes the banded grid. */
export function computeHeatmap(input: HeatmapInput): HeatmapGrid {
  const cellPx = cellSizeFor(input.widthPx, input.heightPx)
  const cols = Math.ceil(input.widthPx / cellPx)
  const rows = Math.ceil(input.heightPx / cellPx)
  const bands = new Uint8Array(cols * rows)
  const r = input.radiusPx
  if (input.points.length === 0 || !(r > 0)) return { cols, rows, cellPx, bands }
  // Buckets of side r: every point within r of a cell lies in the cell's bucket or its 8 neighbours.
  const bCols = Math.max(1, Math.ceil(input.widthPx / r))
  const bRows = Math.max(1, Math.ceil(input.heightPx / r))
  const buckets: number[][] = Array.from({ length: bCols * bRows }, () => [])
  const px = new Float64Array(input.points.length)
  const py = new Float64Array(input.points.length)
  const pv = new Float64Array(input.points.length)
  input.points.forEach((p, i) => {
    px[i] = p.x
    py[i] = p.y
    pv[i] = p.dbm
    const bx = Math.min(bCols - 1, Math.max(0, Math.floor(p.x / r)))
    const by = Math.min(bRows - 1, Math.max(0, Math.floor(p.y / r)))
    buckets[by * bCols + bx]?.push(i)
  })
  // Each bucket's candidates (itself and its 8 neighbours), gathered once: cells of one bucket share them.
  const candidates: Int32Array[] = buckets.map((_, b) => {
    const bx = b % bCols
    const by = Math.floor(b / bCols)
    const list: number[] = []
    for (let y = Math.max(0, by - 1); y <= Math.min(bRows - 1, by + 1); y++) {
      for (let x = Math.max(0, bx - 1); x <= Math.min(bCols - 1, bx + 1); x++) for (const i of buckets[y * bCols + x] ?? []) list.push(i)
    }
    return Int32Array.from(list)
  })
  const r2 = r * r
  // Readings within half a cell of the centre decide alone: exact at the measured point.
  const exact2 = (cellPx / 2) ** 2
  for (let row = 0; row < rows; row++) {
    const cy = (row + 0.5) * cellPx
    const by = Math.min(bRows - 1, Math.floor(cy / r))
    for (let col = 0; col < cols; col++) {
      const cx = (col + 0.5) * cellPx
      const near = candidates[by * bCols + Math.min(bCols - 1, Math.floor(cx / r))]
      if (near === undefined || near.length === 0) continue
      let sumW = 0
      let sumV = 0
      let closest2 = Infinity
      let closestV = 0
      for (let k = 0; k < near.length; k++) {
        const i = near[k] ?? 0
        const dx = (px[i] ?? 0) - cx
        const dy = (py[i] ?? 0) - cy
        const d2 = dx * dx + dy * dy
        if (d2 > r2) continue
        const v = pv[i] ?? 0
        if (d2 < closest2) {
          closest2 = d2
          closestV = v
        }
        const w = 1 / Math.max(d2, 1e-9) // power 2: 1 / d²
        sumW += w
        sumV += w * v
      }
      if (sumW === 0) continue // unmeasured
      const value = closest2 <= exact2 ? closestV : sumV / sumW
      bands[row * cols + col] = bandOf(value, input.thresholds)
    }
  }
  return { cols, rows, cellPx, bands }
}

/** RGBA of each band; unmeasured is transparent (the renderer hatches it). */
export type BandPalette = Readonly<Record<Band, readonly [number, number, number, number]>>

/** Unmeasured cells on these diagonals get the stripe colour: hatched, never a flat tint. */
const STRIPE_PERIOD = 6

/**
 * Paints a grid into RGBA pixels, one pixel per cell (drawn scaled up onto the plan); with a
 * `stripe` colour, unmeasured cells are hatched diagonally.
 */
export function paintHeatmap(grid: HeatmapGrid, palette: BandPalette, stripe?: readonly [number, number, number, number]): Uint8ClampedArray<ArrayBuffer> {
  const out = new Uint8ClampedArray(grid.cols * grid.rows * 4)
  for (let i = 0; i < grid.bands.length; i++) {
    // Cast: bands only ever holds BAND values (computeHeatmap writes nothing else).
    const band = (grid.bands[i] ?? 0) as Band
    const onStripe = stripe !== undefined && band === BAND.unmeasured && ((i % grid.cols) + Math.floor(i / grid.cols)) % STRIPE_PERIOD < 2
    const c = onStripe ? stripe : palette[band]
    out[i * 4] = c[0]
    out[i * 4 + 1] = c[1]
    out[i * 4 + 2] = c[2]
    out[i * 4 + 3] = c[3]
  }
  return out
}
