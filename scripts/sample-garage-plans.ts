/**
 * The sample garage's floor plans (Harbour Point Garage, levels P1–P3), drawn for the sample
 * survey: 80 × 40 m decks at 20 px/m (1600 × 900 px with the title and the printed scale bar),
 * outer walls, a column grid every 7.5 m, four rows of 2.5 × 5 m stalls numbered right to left
 * from the lift and stair core, the ramp on the west side, the entry on P1.
 *
 * Original drawing, generated here so it stays consistent with the stall numbers the sample's
 * locations are pinned at (`stallCentre`).
 */

/** Plan pixels per metre. */
export const PX_PER_M = 20
export const PLAN_WIDTH = 1600
export const PLAN_HEIGHT = 900
/** The deck is drawn 50 px below the top (room for the title). */
const TOP = 50
const STALL_W = 50
const STALL_D = 100
const ROW_RIGHT = 1320
const STALLS_PER_ROW = 21

/** Rows of stalls: the y of each row's top edge (deck coordinates) and the first stall number. */
const ROWS = [
  { y: 50, first: 1 },
  { y: 290, first: 22 },
  { y: 390, first: 43 },
  { y: 670, first: 64 }
] as const

/** The centre of stall `n` on the plan (plan pixels). */
export function stallCentre(n: number): { x: number; y: number } {
  const row = [...ROWS].reverse().find((r) => n >= r.first) ?? ROWS[0]
  const i = n - row.first
  return { x: ROW_RIGHT - i * STALL_W - STALL_W / 2, y: TOP + row.y + STALL_D / 2 }
}

/** The printed scale bar: from (100, 855) to (500, 855), 20 m. */
export const SCALE_BAR = { a: { x: 100, y: 855 }, b: { x: 500, y: 855 }, metres: 20 } as const

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;')
}

/** The SVG of level `name` (`ramp` labels the ramp; `entry` draws the street entrance on P1). */
export function garagePlanSvg(name: string, ramp: string, entry: boolean): string {
  const parts: string[] = []
  const t = (x: number, y: number, s: string, size: number, extra = ''): void => {
    parts.push(`<text x="${x}" y="${y}" font-size="${size}" ${extra}>${esc(s)}</text>`)
  }
  parts.push(`<rect width="${PLAN_WIDTH}" height="${PLAN_HEIGHT}" fill="#ffffff"/>`)
  t(40, 32, `Harbour Point Garage — Level ${name}`, 22, 'font-weight="700" fill="#1b2733"')
  t(1560, 32, 'N ↑', 18, 'text-anchor="end" fill="#1b2733"')
  parts.push(`<g transform="translate(0 ${TOP})">`)
  // Deck slab and outer walls (gap for the entry on P1).
  parts.push('<rect x="40" y="40" width="1520" height="740" fill="#f3f4f2"/>')
  const wall = 'stroke="#2c3238" stroke-width="10" fill="none" stroke-linecap="square"'
  if (entry) parts.push(`<path d="M1380 780 H40 V40 H1560 V780 H1540" ${wall}/>`)
  else parts.push(`<rect x="40" y="40" width="1520" height="740" ${wall}/>`)
  // Driving aisles, with direction arrows.
  parts.push('<g fill="#e4e6e3"><rect x="250" y="150" width="1100" height="140"/><rect x="250" y="490" width="1100" height="180"/></g>')
  parts.push('<g fill="none" stroke="#9aa19a" stroke-width="3">')
  for (const x of [500, 850, 1200]) parts.push(`<path d="M${x + 40} 220 h-80 m18 -14 l-18 14 l18 14"/><path d="M${x - 40} 580 h80 m-18 -14 l18 14 l-18 14"/>`)
  parts.push('</g>')
  // Stall rows: lines between stalls, numbers in each stall.
  parts.push('<g stroke="#5b636b" stroke-width="2">')
  for (const row of ROWS) {
    for (let i = 0; i <= STALLS_PER_ROW; i++) {
      const x = ROW_RIGHT - i * STALL_W
      parts.push(`<line x1="${x}" y1="${row.y}" x2="${x}" y2="${row.y + STALL_D}"/>`)
    }
  }
  parts.push('</g><g fill="#5b636b" font-size="13" text-anchor="middle">')
  for (const row of ROWS) {
    for (let i = 0; i < STALLS_PER_ROW; i++) {
      const x = ROW_RIGHT - i * STALL_W - STALL_W / 2
      parts.push(`<text x="${x}" y="${row.y + (row.y === 390 ? 88 : 20)}">${row.first + i}</text>`)
    }
  }
  parts.push('</g>')
  // Middle spine wall between the back-to-back rows.
  parts.push('<line x1="270" y1="390" x2="1320" y2="390" stroke="#2c3238" stroke-width="4"/>')
  // Columns (0.6 m square) every 7.5 m along the row fronts and the spine.
  parts.push('<g fill="#2c3238">')
  for (let x = 270; x <= 1320; x += 150) for (const y of [150, 390, 670]) parts.push(`<rect x="${x - 6}" y="${y - 6}" width="12" height="12"/>`)
  parts.push('</g>')
  // Lift and stair core (east).
  parts.push('<g stroke="#2c3238" stroke-width="4" fill="#d9dde2"><rect x="1370" y="50" width="180" height="200"/><line x1="1460" y1="50" x2="1460" y2="250"/></g>')
  parts.push('<g stroke="#2c3238" stroke-width="2">')
  for (let y = 70; y <= 230; y += 20) parts.push(`<line x1="1470" y1="${y}" x2="1540" y2="${y}"/>`)
  parts.push('<path d="M1380 60 L1450 240 M1450 60 L1380 240" fill="none"/></g>')
  t(1415, 275, 'LIFT', 14, 'text-anchor="middle" fill="#1b2733" font-weight="700"')
  t(1505, 275, 'STAIRS', 14, 'text-anchor="middle" fill="#1b2733" font-weight="700"')
  // Ramp (west): hatched slab with chevrons.
  parts.push('<rect x="60" y="290" width="170" height="380" fill="#dfe3e8" stroke="#2c3238" stroke-width="4"/>')
  parts.push('<g stroke="#8a939c" stroke-width="2">')
  for (let y = 300; y < 670; y += 16) parts.push(`<line x1="64" y1="${y}" x2="226" y2="${y}"/>`)
  parts.push('</g><g fill="none" stroke="#2c3238" stroke-width="5">')
  for (const y of [380, 470, 560]) parts.push(`<path d="M105 ${y + 25} L145 ${y} L185 ${y + 25}"/>`)
  parts.push('</g>')
  t(145, 700, ramp, 15, 'text-anchor="middle" fill="#1b2733" font-weight="700"')
  if (entry) {
    parts.push('<g fill="none" stroke="#2f9e44" stroke-width="5"><path d="M1430 760 v-70 m-14 18 l14 -18 l14 18"/><path d="M1490 690 v70 m-14 -18 l14 18 l14 -18"/></g>')
    t(1460, 665, 'ENTRY / EXIT', 15, 'text-anchor="middle" fill="#1b2733" font-weight="700"')
  }
  parts.push('</g>')
  // The printed scale bar (the sample's scale was set on it: 400 px = 20 m).
  const { a, b } = SCALE_BAR
  parts.push(`<g stroke="#1b2733" stroke-width="3"><line x1="${a.x}" y1="${a.y}" x2="${b.x}" y2="${b.y}"/>`)
  for (let x = a.x; x <= b.x; x += 100) parts.push(`<line x1="${x}" y1="${a.y - 8}" x2="${x}" y2="${a.y + 8}"/>`)
  parts.push('</g>')
  for (let m = 0; m <= 20; m += 5) t(a.x + m * PX_PER_M, a.y + 30, m === 20 ? '20 m' : String(m), 14, 'text-anchor="middle" fill="#1b2733"')
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${PLAN_WIDTH}" height="${PLAN_HEIGHT}" viewBox="0 0 ${PLAN_WIDTH} ${PLAN_HEIGHT}" font-family="DejaVu Sans, Arial, sans-serif">\n${parts.join('\n')}\n</svg>\n`
}
