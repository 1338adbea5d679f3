/**
 * The location × requirement matrix: one cell per finding, with colour, glyph and word (never
 * colour alone); clicking a cell selects it for the detail panel.
 */
import type { FindingResult, RequirementId } from '../../../shared/model/finding'
import { VerdictBadge } from '../components/badges'
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

/** The matrix head: Location, then the requirement IDs grouped (Wi-Fi, firewall, site); shared with the Compare page. */
export function MatrixHead() {
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
      </tr>
      <tr>
        {MATRIX_COLUMNS.map((c) => (
          <th key={c.id} scope="col" className="cmp-req-head" title={`${c.id}: ${c.requirement.title}`}>
            <span>{c.id}</span>
          </th>
        ))}
      </tr>
    </thead>
  )
}

export function ComplianceMatrix({ rows, selected, onSelect }: { readonly rows: readonly MatrixRow[]; readonly selected: CellRef | null; readonly onSelect: (c: CellRef) => void }) {
  return (
    <div className="cmp-matrix-wrap">
      <table className="cmp-matrix">
        <MatrixHead />
        <tbody>
          {rows.map((row) => (
            <tr key={row.locationId}>
              <th scope="row" className="cmp-loc">
                <span className="cmp-loc-name">{row.name}</span>
                <VerdictBadge verdict={row.verdict.verdict} reason={row.verdict.reason} />
              </th>
              {row.measured ? (
                MATRIX_COLUMNS.map((c) => {
                  const f = row.cells.get(c.id)
                  if (!f) return <td key={c.id} className="cmp-cell-empty" />
                  const isSelected = selected?.locationId === row.locationId && selected.requirement === c.id
                  return (
                    <td key={c.id} className="cmp-cell-td">
                      <button
                        type="button"
                        className={`cmp-cell result-${f.result}${isSelected ? ' selected' : ''}`}
                        aria-pressed={isSelected}
                        aria-label={`${row.name}, ${c.id}: ${resultLabel(f.result)}`}
                        title={`${c.id}: ${resultLabel(f.result)} — ${f.explanation}`}
                        onClick={() => onSelect({ locationId: row.locationId, requirement: c.id })}
                      >
                        <span aria-hidden="true">{RESULT_GLYPH[f.result]}</span>
                      </button>
                    </td>
                  )
                })
              ) : (
                <td colSpan={MATRIX_COLUMNS.length} className="cmp-not-measured">
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

/** What each column means: requirement ID and title, so the matrix reads without the document. */
export function RequirementKey() {
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
      </dl>
    </details>
  )
}
