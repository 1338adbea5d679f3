/**
 * Contrast of the palette (issue 16 item 10, WCAG 2.2 1.4.3 and 1.4.11): every colour that is
 * text reads at 4.5:1 on each background it is written on, and every line or mark that carries
 * meaning (threshold lines, the target's shapes, the watch's marks, the axis) at 3:1 on the paper
 * behind it. Pairs are listed by hand from where the CSS and the charts use each token; axe-core
 * (test/e2e/accessibility.test.ts) checks HTML text in the pages, this checks the palette itself,
 * SVG and canvas text included, which axe does not measure.
 */
import { describe, expect, it } from 'vitest'
import { PALETTE, type PaletteName } from '../../../src/shared/style/palette'

/** WCAG 2 relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0)
}

/** WCAG 2 contrast ratio of two palette colours. */
function contrast(a: PaletteName, b: PaletteName): number {
  const [hi, lo] = [luminance(PALETTE[a]), luminance(PALETTE[b])].sort((x, y) => y - x)
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05)
}

/** Text colour → the backgrounds it is written on. */
const TEXT: readonly (readonly [PaletteName, readonly PaletteName[]])[] = [
  ['text', ['bg', 'surface', 'surface-2', 'accent-soft', 'info-bg']],
  ['text-2', ['bg', 'surface', 'surface-2']],
  ['muted', ['bg', 'surface', 'surface-2']],
  ['accent', ['surface', 'accent-soft']],
  ['sidebar-text', ['sidebar', 'sidebar-2']],
  ['sidebar-sub', ['sidebar']],
  ['sidebar-foot', ['sidebar']],
  ['on-strong', ['accent', 'accent-hover', 'fail', 'danger-hover', 'ok', 'pass-strong', 'target-text', 'sidebar-active', 'rpt-accent', 'rpt-warn', 'rpt-fail', 'rpt-unknown', 'rpt-incomplete']],
  ['ok', ['ok-bg', 'surface']],
  ['warn', ['warn-bg', 'badge-warn-bg', 'surface']],
  ['fail', ['fail-bg', 'surface']],
  ['unknown', ['unknown-bg', 'surface']],
  ['target-text', ['surface', 'target-soft', 'target-softer']],
  ['pass-text', ['surface', 'badge-pass-bg']],
  ['warn-text', ['surface']],
  ['ink', ['surface', 'target-soft', 'target-softer', 'live-selected', 'live-group-bg', 'line-faint']],
  ['ink-heading', ['surface']],
  ['ink-2', ['surface', 'line-soft', 'live-strip-bg', 'live-group-bg']],
  ['chart-faint-text', ['surface']],
  ['badge-fail-text', ['badge-fail-bg']],
  ['live-error-text', ['live-error-bg']],
  ['live-warning-text', ['live-warning-bg']],
  ['watch-paused-text', ['badge-warn-bg']],
  ['rpt-ink', ['paper', 'rpt-soft']],
  ['rpt-muted', ['paper', 'rpt-soft']],
  ['rpt-warn', ['paper']],
  ['rpt-fail', ['paper']],
  ['rpt-unknown', ['paper']],
  ['rpt-draft', ['paper']]
]

/** Lines and marks that carry meaning → the paper behind them. */
const GRAPHICS: readonly (readonly [PaletteName, readonly PaletteName[]])[] = [
  ['chart-faint', ['surface']],
  ['pass-line', ['surface']],
  ['warn-line', ['surface']],
  ['target', ['surface']],
  ['result-pass-fill', ['surface']],
  ['result-fail-fill', ['surface']],
  ['watch-roam', ['surface']],
  ['watch-co-channel', ['surface']],
  ['watch-check-failed', ['surface']],
  ['focus', ['surface', 'bg']]
]

describe('the palette reads: text at 4.5:1, meaningful lines and marks at 3:1', () => {
  it.each(TEXT.flatMap(([fg, bgs]) => bgs.map((bg) => [fg, bg] as const)))('text --%s on --%s', (fg, bg) => {
    expect(contrast(fg, bg)).toBeGreaterThanOrEqual(4.5)
  })
  it.each(GRAPHICS.flatMap(([fg, bgs]) => bgs.map((bg) => [fg, bg] as const)))('mark --%s on --%s', (fg, bg) => {
    expect(contrast(fg, bg)).toBeGreaterThanOrEqual(3)
  })
  it('the ratios are WCAG 2\'s: black on white 21:1, #767676 on white 4.54:1, and the old faint grey fails as text', () => {
    expect(contrast('on-strong', 'on-strong')).toBeCloseTo(1, 5)
    expect(((luminance('#ffffff') + 0.05) / (luminance('#000000') + 0.05))).toBeCloseTo(21, 5)
    expect(((luminance('#ffffff') + 0.05) / (luminance('#767676') + 0.05))).toBeCloseTo(4.54, 2)
    expect(contrast('chart-faint', 'surface')).toBeLessThan(4.5)
  })
})
