/**
 * The renderer's colours as values (charts, canvas, SVG): the palette of `src/shared/style/palette.ts`
 * (the same names and values as styles/palette.css), the target SSID in one strong colour
 * everywhere, other networks from a muted set picked by a stable hash of their label, so a network
 * keeps its colour across charts.
 */
import { PALETTE } from '../../../shared/style/palette'

export { PALETTE, rgbaOf, type PaletteName } from '../../../shared/style/palette'

/** Colour of the survey's target SSID in every chart and table. */
export const TARGET_COLOR = PALETTE.target

const SERIES = [
  PALETTE['series-1'],
  PALETTE['series-2'],
  PALETTE['series-3'],
  PALETTE['series-4'],
  PALETTE['series-5'],
  PALETTE['series-6'],
  PALETTE['series-7'],
  PALETTE['series-8'],
  PALETTE['series-9'],
  PALETTE['series-10'],
  PALETTE['series-11'],
  PALETTE['series-12']
]

/** Stable colour for a label (FNV-1a hash: cheap, well spread). */
export function colorFor(label: string, isTarget: boolean): string {
  if (isTarget) return TARGET_COLOR
  let h = 0x811c9dc5
  for (let i = 0; i < label.length; i += 1) {
    h ^= label.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return SERIES[(h >>> 0) % SERIES.length] ?? PALETTE['series-11']
}
