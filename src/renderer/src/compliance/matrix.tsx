/**
 * The location × requirement matrix: one cell per finding, with colour, glyph and word (never
 * colour alone); clicking a cell (or Enter/Space on it) selects it for the detail panel. One tab
 * stop, arrow keys inside (WAI-ARIA grid pattern).
 */
import { useRef, useState, type KeyboardEvent } from 'react'
import { requirementIdForDisplay, type FindingResult, type RequirementId, type StoredRequirementId } from '../../../shared/model/finding'
import { WRITTEN_BY_NEWER } from '../../../shared/model/newer-names'
import { VerdictBadge } from '../components/badges'
import { Name, nameText } from '../components/name'
import { resultLabel } from '../state/selectors'
import { MATRIX_COLUMNS, RESULT_GLYPH, type MatrixRow } from './selectors'

export interface CellRef {
  readonly locationId: string
  readonly requirement: RequirementId
}

const GROUPS = [
  { group: 'wifi', label: 'Chargers\' Wi-Fi' },
  { group: 'connectivity', label: 'Firewall & internet' },
  { group: 'site', label: 'Site' },
  { group: 'charger', label: 'Installed chargers' }
] as const

/** The legend: each result's colour, glyph and meaning. */
export function ResultLegend() {
  const meaning: Record<FindingResult, string> = {
    pass: 'meets the requirement',
    warn: 'works, but should be fixed',
    fail: 'the charger will not work reliably',
    unknown: 'could not be seen — verify on the access point'
  }
  return (
    <ul className="cmp-legend" aria-label="Legend">
      {(['pass', 'warn', 'fail', 'unknown'] as const).map((r) => (
        <li key={r}>
          <span className={`cmp-glyph result-${r}`} aria-hidden="true">
            {RESULT_GLYPH[r]}
          </span>
          <strong>{resultLabel(r)}</strong> {meaning[r]}
        </li>
      ))}
    </ul>
  )
}

/**
 * The matrix head: Location, then the requirement IDs grouped (Wi-Fi, firewall, site), then any
 * IDs a newer version wrote (`newer`); shared with the Compare page.
 */
export function MatrixHead({ newer = [] }: { readonly newer?: readonly StoredRequirementId[] }) {
  return (
    <thead>
      <tr>
        <th rowSpan={2} scope="col" className="cmp-loc-head">
          Location
        </th>
        {GROUPS.map((g) => {
          const span = MATRIX_COLUMNS.filter((c) => c.requirement.group === g.group).length
          return span > 0 ? (
            <th key={g.group} colSpan={span} scope="colgroup" className={`cmp-group cmp-group-${g.group}`}>
              {g.label}
            </th>
          ) : null
        })}
        {newer.length > 0 ? (
          <th colSpan={newer.length} scope="colgroup" className="cmp-group cmp-group-newer">
            Written by a newer version
          </th>
        ) : null}
      </tr>
      <tr>
        {MATRIX_COLUMNS.map((c) => (
          <th key={c.id} scope="col" className="cmp-req-head" title={`${c.id}: ${c.requirement.title}`}>
            <span>{c.id}</span>
          </th>
        ))}
        {newer.map((id) => (
          <th key={id} scope="col" className="cmp-req-head" title={requirementIdForDisplay(id)}>
            <span>{id}</span>
          </th>
        ))}
      </tr>
    </thead>
  )
}

/** Where a cell is in the grid: row and column index among the matrix's cells. */
interface GridPos {
  readonly row: number
  readonly col: number
}

/** The grid's first cell in reading order (`dir` 1), or its last (-1). */
function inReadingOrder(has: (p: GridPos) => boolean, rows: number, cols: number, dir: 1 | -1): GridPos | null {
  for (let i = 0; i < rows * cols; i++) {
    const k = dir === 1 ? i : rows * cols - 1 - i
    const p = { row: Math.floor(k / cols), col: k % cols }
    if (has(p)) return p
  }
  return null
}

/**
 * The next cell from `at` for a navigation key (WAI-ARIA grid pattern): arrows move to the nearest
 * cell that has a finding in that direction, Home/End to the row's first/last, Ctrl+Home/End to
 * the grid's first/last; null when the key does not move or there is nowhere to go.
 */
export function nextCell(has: (p: GridPos) => boolean, rows: number, cols: number, at: GridPos, key: string, ctrl: boolean): GridPos | null {
  const scan = (from: GridPos, dr: number, dc: number): GridPos | null => {
    for (let r = from.row + dr, c = from.col + dc; r >= 0 && r < rows && c >= 0 && c < cols; r += dr, c += dc) if (has({ row: r, col: c })) return { row: r, col: c }
    return null
  }
  switch (key) {
    case 'ArrowRight':
      return scan(at, 0, 1)
    case 'ArrowLeft':
      return scan(at, 0, -1)
    case 'ArrowDown':
      return scan(at, 1, 0)
    case 'ArrowUp':
      return scan(at, -1, 0)
    case 'Home':
      return ctrl ? inReadingOrder(has, rows, cols, 1) : scan({ row: at.row, col: -1 }, 0, 1)
    case 'End':
      return ctrl ? inReadingOrder(has, rows, cols, -1) : scan({ row: at.row, col: cols }, 0, -1)
    default:
      return null
  }
}

/**
 * The matrix as one tab stop (WAI-ARIA grid, roving tabindex): Tab enters at the selected cell
 * (else the last focused, else the first), the arrow keys, Home and End move inside, Enter or
 * Space selects; Tab leaves. Selected and focused look different (compliance.css).
 */
export function ComplianceMatrix({
  rows,
  newer = [],
  selected,
  onSelect
}: {
  readonly rows: readonly MatrixRow[]
  /** Requirement IDs a newer version wrote: a column each, judged unknown (complianceModel's newerRequirements). */
  readonly newer?: readonly StoredRequirementId[]
  readonly selected: CellRef | null
  readonly onSelect: (c: CellRef) => void
}) {
  const table = useRef<HTMLTableElement>(null)
  const [active, setActive] = useState<CellRef | null>(null)
  const has = (p: GridPos): boolean => {
    const row = rows[p.row]
    const col = MATRIX_COLUMNS[p.col]
    return row !== undefined && col !== undefined && row.measured && row.cells.has(col.id)
  }
  const posOf = (c: CellRef | null): GridPos | null => {
    if (c === null) return null
    const p = { row: rows.findIndex((r) => r.locationId === c.locationId), col: MATRIX_COLUMNS.findIndex((m) => m.id === c.requirement) }
    return has(p) ? p : null
  }
  const first = inReadingOrder(has, rows.length, MATRIX_COLUMNS.length, 1)
  const tabStop = posOf(active) ?? posOf(selected) ?? first
  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>): void => {
    const from = posOf(active) ?? tabStop
    if (from === null) return
    const to = nextCell(has, rows.length, MATRIX_COLUMNS.length, from, e.key, e.ctrlKey || e.metaKey)
    if (to === null) return
    e.preventDefault()
    const row = rows[to.row]
    const col = MATRIX_COLUMNS[to.col]
    if (row === undefined || col === undefined) return
    setActive({ locationId: row.locationId, requirement: col.id })
    table.current?.querySelector<HTMLButtonElement>(`[data-cell="${to.row}:${to.col}"]`)?.focus()
  }
  return (
    <div className="cmp-matrix-wrap">
      <table ref={table} className="cmp-matrix" role="grid" aria-label="Compliance by location and requirement" onKeyDown={onKeyDown}>
        <MatrixHead newer={newer} />
        <tbody>
          {rows.map((row, r) => (
            // The row shows its whole location name while one of its cells has keyboard focus.
            <tr key={row.locationId} className="name-focus-row">
              <th scope="row" className="cmp-loc">
                <Name text={row.name} fit="clamp" className="cmp-loc-name" />
                <VerdictBadge verdict={row.verdict.verdict} reason={row.verdict.reason} />
              </th>
              {row.measured ? (
                [...MATRIX_COLUMNS.map((c, k) => {
                  const f = row.cells.get(c.id)
                  if (!f) return <td key={c.id} className="cmp-cell-empty" />
                  const isSelected = selected?.locationId === row.locationId && selected.requirement === c.id
                  const isTabStop = tabStop?.row === r && tabStop.col === k
                  return (
                    <td key={c.id} className="cmp-cell-td" aria-selected={isSelected}>
                      <button
                        type="button"
                        className={`cmp-cell result-${f.result}${isSelected ? ' selected' : ''}`}
                        data-cell={`${r}:${k}`}
                        tabIndex={isTabStop ? 0 : -1}
                        aria-pressed={isSelected}
                        aria-label={`${nameText(row.name)}, ${c.id}: ${resultLabel(f.result)}`}
                        title={`${c.id}: ${resultLabel(f.result)} — ${f.explanation}`}
                        onFocus={() => setActive({ locationId: row.locationId, requirement: c.id })}
                        onClick={() => onSelect({ locationId: row.locationId, requirement: c.id })}
                      >
                        <span aria-hidden="true">{RESULT_GLYPH[f.result]}</span>
                      </button>
                    </td>
                  )
                }), ...newer.map((id) => <NewerCell key={id} locationName={nameText(row.name)} requirement={id} result={row.cells.get(id)?.result ?? null} />)]
              ) : (
                <td colSpan={MATRIX_COLUMNS.length + newer.length} className="cmp-not-measured">
                  Not measured yet — take a measurement at this location (Survey page, Measure).
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/**
 * A cell of a requirement this build does not know: its finding is judged unknown (never a pass),
 * said in words as on the location page; not a button, since this build has no wording or
 * evidence panel for the rule. Empty where the newer version recorded nothing.
 */
function NewerCell({ locationName, requirement, result }: { readonly locationName: string; readonly requirement: StoredRequirementId; readonly result: FindingResult | null }) {
  if (result === null) return <td className="cmp-cell-empty" />
  const said = `${locationName}, ${requirementIdForDisplay(requirement)}`
  return (
    <td className="cmp-cell-td">
      <span className={`cmp-cell cmp-cell-static result-${result}`} title={said}>
        <span aria-hidden="true">{RESULT_GLYPH[result]}</span>
        <span className="visually-hidden">{said}</span>
      </span>
    </td>
  )
}

/** What each column means: requirement ID and title, so the matrix reads without the document. */
export function RequirementKey({ newer = [] }: { readonly newer?: readonly StoredRequirementId[] }) {
  return (
    <details className="cmp-key" open>
      <summary>What the columns check</summary>
      <dl>
        {MATRIX_COLUMNS.map((c) => (
          <div key={c.id} className="cmp-key-item">
            <dt>{c.id}</dt>
            <dd>{c.requirement.title}</dd>
          </div>
        ))}
        {newer.map((id) => (
          <div key={id} className="cmp-key-item">
            <dt>{id}</dt>
            <dd>{WRITTEN_BY_NEWER}</dd>
          </div>
        ))}
      </dl>
    </details>
  )
}
