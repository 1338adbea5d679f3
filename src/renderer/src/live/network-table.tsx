/**
 * Network table: BSSs grouped under their SSID (expand/collapse), sortable columns, a checkbox
 * per BSS choosing what the signal chart shows. Every SSID is rendered as a text node.
 *
 * Virtualised: rows have a fixed height and only those in the scrolled viewport (plus an
 * overscan) are in the DOM, with spacer rows standing in for the rest; the viewport height is a
 * constant (the CSS max-height), so rendering never measures anything. Rows are memoised on
 * their displayed values: a new sample re-renders only visible rows whose text changed.
 */
import { memo, useMemo, useState, type UIEvent } from 'react'
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

/** Row height (px), fixed by CSS (`.network-table tbody tr`): row i starts at i × ROW_HEIGHT. */
export const ROW_HEIGHT = 24
/** Height (px) of the scrolled viewport: `.table-scroll`'s max-height. */
export const VIEWPORT_HEIGHT = 330
/** Rows rendered above and below the viewport, so a fast scroll shows rows, not blanks. */
export const OVERSCAN = 4
const VISIBLE_ROWS = Math.ceil(VIEWPORT_HEIGHT / ROW_HEIGHT)

interface BssRowProps {
  readonly row: BssRow
  readonly selected: boolean
  readonly age: string
  readonly onSelect: NetworkTableProps['onSelect']
}

/** Re-render a BSS row only when something it shows changed (rows are new objects per sample). */
function sameBssRow(a: BssRowProps, b: BssRowProps): boolean {
  const r = a.row
  const q = b.row
  return (
    a.selected === b.selected &&
    a.age === b.age &&
    a.onSelect === b.onSelect &&
    r.key === q.key &&
    r.bssid === q.bssid &&
    r.band === q.band &&
    r.channel === q.channel &&
    r.width === q.width &&
    r.security === q.security &&
    r.phy === q.phy &&
    r.signalDbm === q.signalDbm &&
    r.signalDerived === q.signalDerived &&
    r.isTarget === q.isTarget
  )
}

const BssRowView = memo(function BssRowView(props: BssRowProps) {
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
      <td className="age">{props.age}</td>
    </tr>
  )
}, sameBssRow)

/** One value when every BSS agrees, else "mixed (n)": the rows below show each. */
function summary(values: readonly string[]): string {
  const distinct = new Set(values)
  return distinct.size === 1 ? (values[0] ?? '') : `mixed (${distinct.size})`
}

/** What a group row shows: plain values, compared one by one to skip unchanged rows. */
interface GroupRowProps {
  readonly groupKey: string
  readonly label: string
  readonly kind: SsidGroup['kind']
  readonly isTarget: boolean
  readonly expanded: boolean
  /** BSS keys of the group as JSON: one comparable string (a new array per sample would not be). */
  readonly keys: string
  readonly checked: 'all' | 'some' | 'none'
  readonly bestSignalDbm: number | null
  readonly bestDerived: boolean
  readonly bssid: string
  readonly bssidMuted: boolean
  readonly bands: string
  readonly channel: string
  readonly width: string
  readonly security: string
  readonly phy: string
  readonly age: string
  readonly onToggleGroup: NetworkTableProps['onToggleGroup']
  readonly onSelect: NetworkTableProps['onSelect']
}

const GroupRowView = memo(function GroupRowView(p: GroupRowProps) {
  return (
    <tr className="group-row" style={p.isTarget ? { borderLeft: `4px solid ${TARGET_COLOR}` } : undefined}>
      <td className="col-select">
        <input
          type="checkbox"
          aria-label={`Chart every BSS of ${p.label}`}
          checked={p.checked === 'all'}
          ref={(el) => {
            if (el) el.indeterminate = p.checked === 'some'
          }}
          // `keys` is JSON.stringify of a string[] (below): the cast restores that type.
          onChange={(e) => p.onSelect(JSON.parse(p.keys) as string[], e.currentTarget.checked)}
        />
      </td>
      <td className={`col-ssid ssid-${p.kind}`}>
        <button type="button" className="expander" aria-expanded={p.expanded} onClick={() => p.onToggleGroup(p.groupKey)}>
          <span aria-hidden="true">{p.expanded ? '▾' : '▸'}</span> <span className="ssid-text">{p.label}</span>
        </button>
        {p.isTarget && <span className="target-tag">target</span>}
      </td>
      <td className="num">
        <SignalCell dbm={p.bestSignalDbm} derived={p.bestDerived} />
      </td>
      <td className={p.bssidMuted ? 'muted' : 'mono'}>{p.bssid}</td>
      <td>{p.bands}</td>
      <td className="num muted">{p.channel}</td>
      <td className="num muted">{p.width}</td>
      <td className="muted">{p.security}</td>
      <td className="muted">{p.phy}</td>
      <td className="age">{p.age}</td>
    </tr>
  )
})

/** One line of the flattened table: a group's header row or one of its BSS rows. */
type FlatRow = { readonly group: SsidGroup; readonly row: BssRow | null }

function flatten(groups: readonly SsidGroup[], isExpanded: (g: SsidGroup) => boolean): FlatRow[] {
  const out: FlatRow[] = []
  for (const g of groups) {
    out.push({ group: g, row: null })
    if (isExpanded(g)) for (const r of g.rows) out.push({ group: g, row: r })
  }
  return out
}

/** A spacer standing in for `rows` rows that are not rendered. */
function Spacer({ rows }: { readonly rows: number }) {
  return (
    <tbody aria-hidden="true" className="spacer">
      <tr style={{ height: rows * ROW_HEIGHT }}>
        <td colSpan={COLUMNS.length + 1} />
      </tr>
    </tbody>
  )
}

/** The grouped, sortable, virtualised network table in its scroll box. */
export function NetworkTable(props: NetworkTableProps) {
  // First row in view; the header (one row high) scrolls with the body under its sticky cells.
  const [firstRow, setFirstRow] = useState(0)
  const onScroll = (e: UIEvent<HTMLDivElement>): void => setFirstRow(Math.max(0, Math.floor(e.currentTarget.scrollTop / ROW_HEIGHT) - 1))
  const { groups, isExpanded } = props
  const flat = useMemo(() => flatten(groups, isExpanded), [groups, isExpanded])
  const from = Math.min(Math.max(0, firstRow - OVERSCAN), Math.max(0, flat.length - VISIBLE_ROWS - OVERSCAN))
  const to = Math.min(flat.length, firstRow + VISIBLE_ROWS + OVERSCAN)
  const bssCount = groups.reduce((n, g) => n + g.rows.length, 0)

  // The rendered slice, one <tbody> per group it touches (a group scrolled half out of view keeps
  // its visible rows only).
  const bodies: { group: SsidGroup; header: boolean; rows: BssRow[] }[] = []
  for (let i = from; i < to; i += 1) {
    const f = flat[i]
    if (!f) continue
    let body = bodies[bodies.length - 1]
    if (!body || body.group !== f.group) {
      body = { group: f.group, header: false, rows: [] }
      bodies.push(body)
    }
    if (f.row === null) body.header = true
    else body.rows.push(f.row)
  }

  return (
    <div className="table-scroll" onScroll={onScroll}>
      <table className="network-table" aria-label={`Networks: ${groups.length} SSIDs, ${bssCount} BSS`} aria-rowcount={flat.length + 1}>
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
        {from > 0 && <Spacer rows={from} />}
        {bodies.map(({ group: g, header, rows }) => {
          const keys = g.rows.map((r) => r.key)
          const nSelected = keys.filter((k) => props.selected.has(k)).length
          const single = g.rows.length === 1 ? g.rows[0] : undefined
          return (
            <tbody key={g.key} className={g.isTarget ? 'group is-target' : 'group'}>
              {header && (
                <GroupRowView
                  groupKey={g.key}
                  label={g.label}
                  kind={g.kind}
                  isTarget={g.isTarget}
                  expanded={isExpanded(g)}
                  keys={JSON.stringify(keys)}
                  checked={nSelected === 0 ? 'none' : nSelected === keys.length ? 'all' : 'some'}
                  bestSignalDbm={g.bestSignalDbm}
                  bestDerived={g.rows.some((r) => r.signalDerived && r.signalDbm === g.bestSignalDbm)}
                  bssid={single ? single.bssid : `${g.rows.length} BSS`}
                  bssidMuted={!single}
                  bands={g.bands}
                  channel={single ? single.channel : ''}
                  width={single ? single.width : ''}
                  security={summary(g.rows.map((r) => r.security))}
                  phy={summary(g.rows.map((r) => r.phy))}
                  age={ageLabel(props.now, g.lastSeen)}
                  onToggleGroup={props.onToggleGroup}
                  onSelect={props.onSelect}
                />
              )}
              {rows.map((r) => (
                <BssRowView key={r.key} row={r} selected={props.selected.has(r.key)} age={ageLabel(props.now, r.lastSeen)} onSelect={props.onSelect} />
              ))}
            </tbody>
          )
        })}
        {to < flat.length && <Spacer rows={flat.length - to} />}
      </table>
    </div>
  )
}
