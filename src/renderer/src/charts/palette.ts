/**
 * Chart colours: the target SSID in one strong colour everywhere, other networks from a muted
 * palette picked by a stable hash of their label, so a network keeps its colour across charts.
 */

/** Colour of the survey's target SSID in every chart and table. */
export const TARGET_COLOR = '#d9480f'

const PALETTE = ['#1c7ed6', '#2f9e44', '#7048e8', '#0c8599', '#e67700', '#c2255c', '#5c940d', '#364fc7', '#862e9c', '#087f5b', '#495057', '#a61e4d']

/** Stable colour for a label (FNV-1a hash: cheap, well spread). */
export function colorFor(label: string, isTarget: boolean): string {
  if (isTarget) return TARGET_COLOR
  let h = 0x811c9dc5
  for (let i = 0; i < label.length; i += 1) {
    h ^= label.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return PALETTE[(h >>> 0) % PALETTE.length] ?? '#495057'
}
