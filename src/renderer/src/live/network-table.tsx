/**
 * Network table: BSSs grouped under their SSID (expand/collapse), sortable columns, a checkbox
 * per BSS choosing what the signal chart shows. Every SSID is rendered as a text node.
 */
import { memo } from 'react'
import { TARGET_COLOR } from '../charts/palette'
import { ageLabel, type BssRow, type SortKey, type SsidGroup } from './selectors'

/** Columns with fixed widths (px): a fixed table layout does not re-measure every cell per sample. */
const COLUMNS: readonly { readonly key: SortKey; readonly label: string; readonly width: number; readonly numeric?: boolean }[] = [
  { key: 'ssid', label: 'SSID', width: 190 },
  { key: 'signal', label: 'Signal', width: 96, numeric: true },
  { key: 'bssid', label: 'BSSID', width: 124 },
  { key: 'band', label: 'GHz', width: 52 },
  { key: 'channel', label: 'Ch', width: 36, numeric: true },
  { key: 'width', label: 'Width', width: 60, numeric: true },
  { key: 'security', label: 'Security', width: 150 },
  { key: 'phy', label: 'PHY', width: 76 },
  { key: 'lastSeen', label: 'Last seen', width: 70 }
]

export interface NetworkTableProps {
  readonly groups: readonly SsidGroup[]
  readonly isExpanded: (g: SsidGroup) => boolean
  readonly selected: ReadonlySet<string>
  readonly sort: SortKey
  readonly descending: boolean
  /** Age reference: the time (ms) "0 s ago" means, on the samples' clock. */
  readonly now: number
  readonly onSort: (key: SortKey) => void
  readonly onToggleGroup: (groupKey: string) => void
  readonly onSelect: (keys: readonly string[], selected: boolean) => void
}

function signalClass(dbm: number | null): string {
  if (dbm === null) return 'sig-unknown'
  if (dbm >= -67) return 'sig-pass'
  if (dbm >= -75) return 'sig-warn'
  return 'sig-fail'
}

/** Signal in dBm with a bar; marks values derived from a percentage. */
function SignalCell({ dbm, derived }: { readonly dbm: number | null; readonly derived: boolean }) {
  if (dbm === null) return <span className="sig-unknown">unknown</span>
  const pct = Math.max(0, Math.min(100, ((dbm + 100) / 70) * 100))
  return (
    <span className={`sig ${signalClass(dbm)}`} title={derived ? 'Derived from the OS signal percentage, not measured' : 'Measured'}>
      <span className="sig-bar" aria-hidden="true">
        <span style={{ width: `${pct}%` }} />
      </span>
      {derived && (
        <span className="derived" aria-label="derived from a percentage">
          ≈
        </span>
      )}
      {dbm} dBm
    </span>
  )
}

const BssRowView = memo(function BssRowView(props: {
  readonly row: BssRow
  readonly selected: boolean
  readonly now: number
  readonly onSelect: NetworkTableProps['onSelect']
}) {
  const { row } = props
  return (
    <tr className={`bss-row${row.isTarget ? ' is-target' : ''}${props.selected ? ' is-selected' : ''}`} data-key={row.key}>
      <td className="col-select">
        <input
          type="checkbox"
          aria-label={`Chart ${row.bssid}`}
          checked={props.selected}
          onChange={(e) => props.onSelect([row.key], e.currentTarget.checked)}
        />
      </td>
      <td className="col-ssid bss-indent" />
      <td className="num">
        <SignalCell dbm={row.signalDbm} derived={row.signalDerived} />
      </td>
      <td className="mono">{row.bssid}</td>
      <td>{row.band}</td>
      <td className="num">{row.channel}</td>
      <td className="num">{row.width}</td>
      <td>{row.security}</td>
      <td>{row.phy}</td>
      <td className="age">{ageLabel(props.now, row.lastSeen)}</td>
    </tr>
  )
})

/** One value when every BSS agrees, else "mixed (n)": the rows below show each. */
function summary(values: readonly string[]): string {
  const distinct = new Set(values)
  return distinct.size === 1 ? (values[0] ?? '') : `mixed (${distinct.size})`
}

/** The grouped, sortable network table. */
export function NetworkTable(props: NetworkTableProps) {
  const bssCount = props.groups.reduce((n, g) => n + g.rows.length, 0)
  return (
    <table className="network-table" aria-label={`Networks: ${props.groups.length} SSIDs, ${bssCount} BSS`}>
      <colgroup>
        <col style={{ width: 24 }} />
        {COLUMNS.map((c) => (
          <col key={c.key} style={{ width: c.width }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          <th className="col-select" aria-label="Chart" />
          {COLUMNS.map((c) => {
            const active = props.sort === c.key
            return (
              <th key={c.key} aria-sort={active ? (props.descending ? 'descending' : 'ascending') : 'none'} className={c.numeric ? 'num' : undefined}>
                <button type="button" className="sort-btn" onClick={() => props.onSort(c.key)}>
                  {c.label}
                  {active ? (props.descending ? ' ▾' : ' ▴') : ''}
                </button>
              </th>
            )
          })}
        </tr>
      </thead>
      {props.groups.map((g) => {
        const expanded = props.isExpanded(g)
        const keys = g.rows.map((r) => r.key)
        const nSelected = keys.filter((k) => props.selected.has(k)).length
        return (
          <tbody key={g.key} className={g.isTarget ? 'group is-target' : 'group'}>
            <tr className="group-row" style={g.isTarget ? { borderLeft: `4px solid ${TARGET_COLOR}` } : undefined}>
              <td className="col-select">
                <input
                  type="checkbox"
                  aria-label={`Chart every BSS of ${g.label}`}
                  checked={nSelected === keys.length && keys.length > 0}
                  ref={(el) => {
                    if (el) el.indeterminate = nSelected > 0 && nSelected < keys.length
                  }}
                  onChange={(e) => props.onSelect(keys, e.currentTarget.checked)}
                />
              </td>
              <td className={`col-ssid ssid-${g.kind}`}>
                <button type="button" className="expander" aria-expanded={expanded} onClick={() => props.onToggleGroup(g.key)}>
                  <span aria-hidden="true">{expanded ? '▾' : '▸'}</span> <span className="ssid-text">{g.label}</span>
                </button>
                {g.isTarget && <span className="target-tag">target</span>}
              </td>
              <td className="num">
                <SignalCell dbm={g.bestSignalDbm} derived={g.rows.some((r) => r.signalDerived && r.signalDbm === g.bestSignalDbm)} />
              </td>
              <td className={g.rows.length === 1 ? 'mono' : 'muted'}>{g.rows.length === 1 ? g.rows[0]?.bssid : `${g.rows.length} BSS`}</td>
              <td>{g.bands}</td>
              <td className="num muted">{g.rows.length === 1 ? g.rows[0]?.channel : ''}</td>
              <td className="num muted">{g.rows.length === 1 ? g.rows[0]?.width : ''}</td>
              <td className="muted">{summary(g.rows.map((r) => r.security))}</td>
              <td className="muted">{summary(g.rows.map((r) => r.phy))}</td>
              <td className="age">{ageLabel(props.now, g.lastSeen)}</td>
            </tr>
            {expanded && g.rows.map((r) => <BssRowView key={r.key} row={r} selected={props.selected.has(r.key)} now={props.now} onSelect={props.onSelect} />)}
          </tbody>
        )
      })}
    </table>
  )
}
