/**
 * The app's colours as values, for code that cannot use a CSS custom property: charts, canvas
 * and SVG drawn by the renderer, main's PDF header and footer and the window's background.
 *
 * The same names and values as `src/renderer/src/styles/palette.css` (the CSS side, `var(--name)`);
 * test/unit/style/palette.test.ts parses the CSS and fails when the two differ. No other file
 * writes a colour (test/unit/lint/hard-coded-colours.test.ts).
 */
export const PALETTE = {
  // The app shell: page, surfaces, borders, text.
  'bg': '#f4f6f8',
  'surface': '#ffffff',
  'surface-2': '#f8fafb',
  'border': '#dde3e9',
  'border-strong': '#c5ced8',
  'text': '#1b2733',
  'text-2': '#4a5868',
  'muted': '#5b6774',
  'accent': '#1f6fb2',
  'accent-hover': '#185b93',
  'accent-soft': '#e6f0f9',
  'focus': '#2b8ae6',
  // White text (and white rings) on a strong fill: primary and danger buttons, chips, pins, the report's verdict box.
  'on-strong': '#ffffff',
  // The sidebar.
  'sidebar': '#18232f',
  'sidebar-2': '#213040',
  'sidebar-text': '#c8d3de',
  'sidebar-sub': '#8fa1b3',
  'sidebar-foot': '#8295a8',
  'sidebar-active': '#2b4157',
  'sidebar-active-mark': '#7cc3ff',
  // Shadows, the modal's backdrop and the popup's shadow.
  'shadow-tint': 'rgb(16 24 40 / 6%)',
  'pin-shadow': 'rgb(16 24 40 / 25%)',
  'popup-shadow': 'rgb(0 0 0 / 16%)',
  'sheet-shadow': 'rgb(0 0 0 / 18%)',
  'scrim': 'rgb(0 0 0 / 40%)',
  // Buttons and rows: hover and current states.
  'btn-hover-border': '#aab6c3',
  'ghost-hover': '#e9edf1',
  'danger-hover': '#931d13',
  'row-hover': '#f9fbfd',
  'row-latest': '#fbfdff',
  'current-border': '#c3d8ee',
  // Results and verdicts: text colour, background, border; the edge colour of a warning or unknown card.
  'ok': '#1c7a46',
  'ok-bg': '#e5f4ec',
  'ok-border': '#bfe3cd',
  'warn': '#8a5a00',
  'warn-bg': '#fdf3dc',
  'warn-border': '#f0dca8',
  'warn-edge': '#d99a00',
  'fail': '#b42318',
  'fail-bg': '#fdeceb',
  'fail-border': '#f3c3bf',
  'unknown': '#4f5b69',
  'unknown-bg': '#eceff3',
  'unknown-border': '#d6dce3',
  'unknown-edge': '#8d99a6',
  'info-bg': '#eaf2fb',
  'info-border': '#c9dcf0',
  // The compliance page's charts: bars and reference lines per result.
  'result-pass-fill': '#2f9e5b',
  'result-fail-fill': '#c8372d',
  'result-unknown-fill': '#8a96a3',
  // The survey's target network: shapes and lines (charts/palette.ts TARGET_COLOR), its text, chips and rows.
  'target': '#d9480f',
  'target-text': '#a93a0b',
  'target-soft': '#fff4e6',
  'target-softer': '#fff9f2',
  'target-border': '#ffc078',
  // WIFI-SIGNAL thresholds: the dashed lines, and their legend text.
  'pass-line': '#2b8a3e',
  'pass-text': '#237032',
  'warn-line': '#e8590c',
  'warn-text': '#c2470a',
  // A ready verdict or a pass: white text on it.
  'pass-strong': '#237032',
  // The live view, the watch and the charts: text, hairlines and grids; chart-faint draws (3.3:1 on white), its text twin chart-faint-text reads (4.7:1).
  'ink': '#212529',
  'ink-heading': '#343a40',
  'ink-2': '#495057',
  'line': '#dee2e6',
  'line-soft': '#e9ecef',
  'line-faint': '#f1f3f5',
  'chart-faint': '#868e96',
  'chart-faint-text': '#6c757d',
  'chart-faint-line': '#adb5bd',
  // The live scan's still status dot: a scan under way (dot and its ring), waiting for the next one.
  'scan-busy': '#1c7ed6',
  'scan-busy-ring': '#a5d8ff',
  'scan-waiting': '#2f9e44',
  // The live view: the scan state, its messages, badges, table rows and signal bars.
  'live-error-border': '#ffa8a8',
  'live-error-bg': '#fff5f5',
  'live-error-text': '#862e2e',
  'live-warning-border': '#ffd43b',
  'live-warning-bg': '#fff9db',
  'live-warning-text': '#7c5e10',
  'live-strip-bg': '#f8f9fa',
  'live-group-bg': '#fafafa',
  'live-selected': '#e7f5ff',
  'badge-pass-bg': '#d3f9d8',
  'badge-warn-bg': '#fff3bf',
  'badge-fail-bg': '#ffe3e3',
  'badge-fail-text': '#c92a2a',
  'sig-pass': '#40c057',
  'sig-warn': '#fab005',
  'sig-fail': '#fa5252',
  // The watch: its timeline's marks and shading, the paused state.
  'watch-roam': '#364fc7',
  'watch-co-channel': '#a35200',
  'watch-check-failed': '#c92a2a',
  'watch-drop': '#ffe3e3',
  'watch-gap-swatch': '#ced4da',
  'watch-paused-text': '#995c00',
  // Connectivity: the latency bars.
  'latency-pass': '#2f9e44',
  'latency-fail': '#c92a2a',
  'latency-not-run': '#868e96',
  // Networks other than the target in the charts, picked by a stable hash of their label (charts/palette.ts).
  'series-1': '#1c7ed6',
  'series-2': '#2f9e44',
  'series-3': '#7048e8',
  'series-4': '#0c8599',
  'series-5': '#e67700',
  'series-6': '#c2255c',
  'series-7': '#5c940d',
  'series-8': '#364fc7',
  'series-9': '#862e9c',
  'series-10': '#087f5b',
  'series-11': '#495057',
  'series-12': '#a61e4d',
  // The map: survey points, labels and controls over the plan, the legend's swatch border, the unmeasured hatch.
  'survey-point': '#364fc7',
  'map-label-bg': 'rgb(255 255 255 / 85%)',
  'map-control-bg': 'rgb(255 255 255 / 92%)',
  'swatch-border': 'rgb(0 0 0 / 20%)',
  'hatch-dark': 'rgb(134 142 150 / 45%)',
  'hatch-light': 'rgb(134 142 150 / 14%)',
  // The heatmap's bands over the plan (the alpha lets the plan show through) and the unmeasured hatch's stripe.
  'heat-unmeasured': '#868e9624',
  'heat-pass': '#2f9e4478',
  'heat-warn': '#f08c0082',
  'heat-fail': '#e0313182',
  'heat-unmeasured-stripe': '#868e966e',
  // The report (preview and PDF) and its paper.
  'paper': '#ffffff',
  'preview-bg': '#e9ecef',
  'rpt-ink': '#1d232a',
  'rpt-muted': '#5c6670',
  'rpt-rule': '#d5dade',
  'rpt-soft': '#f3f5f7',
  'rpt-warn': '#b35c00',
  'rpt-fail': '#c92a2a',
  'rpt-unknown': '#5f3dc4',
  'rpt-incomplete': '#495057',
  'rpt-accent': '#1c4e80',
  'rpt-draft': '#b3261e',
  'rpt-swatch-border': 'rgb(0 0 0 / 25%)',
  'rpt-failed-row': '#fff0f0',
  'rpt-evidence-rule': '#e9ecef',
  'rpt-bar-fail': '#f4c7c3',
  'rpt-bar-warn': '#ffe0a8',
  'rpt-bar-pass': '#c3e6cb'
} as const

/** A colour's name in the palette (its CSS custom property without the `--`). */
export type PaletteName = keyof typeof PALETTE

/**
 * A palette colour given as `#rrggbb` or `#rrggbbaa` as red, green, blue and alpha (0–255), for
 * pixels painted by hand (the heatmap).
 */
export function rgbaOf(name: PaletteName): readonly [number, number, number, number] {
  const hex = /^#([0-9a-f]{6})([0-9a-f]{2})?$/i.exec(PALETTE[name])
  if (hex === null) throw new Error(`palette colour ${name} is not #rrggbb or #rrggbbaa`)
  const n = Number.parseInt(hex[1] ?? '', 16)
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, hex[2] === undefined ? 255 : Number.parseInt(hex[2], 16)]
}
