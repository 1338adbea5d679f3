/**
 * Pure selectors from scan state to what the live view draws: table rows grouped by SSID, signal
 * series for the selected BSSs. Unit-tested; no React, no DOM.
 */
import type { Band, Observation, Security } from '../../../shared/model/observation'
import { isTargetSsid, ssidLabel } from '../charts/channel-spans'
import type { SignalPoint, SignalRing } from './ring-buffer'

/** What the store keeps per BSS. */
export interface BssEntry {
  readonly key: string
  readonly observation: Observation
  /** Sample time (ms since epoch) the BSS was first and last seen. */
  readonly firstSeen: number
  readonly lastSeen: number
}

/** Display order of pairwise ciphers: the weakest first, as "TKIP+CCMP" reads. */
const CIPHER_ORDER = ['WEP', 'TKIP', 'CCMP', 'CCMP-256', 'GCMP', 'GCMP-256']
const PROTOCOL_ORDER = ['OPEN', 'WEP', 'WPA', 'WPA2', 'WPA3']

/** "WPA2 · CCMP", "WPA/WPA2 · TKIP+CCMP", "Open", or "unknown" when nothing was seen. */
export function securityLabel(s: Security): string {
  const protocols = s.protocols ? [...s.protocols].sort((a, b) => PROTOCOL_ORDER.indexOf(a) - PROTOCOL_ORDER.indexOf(b)) : null
  if (protocols && protocols.length === 1 && protocols[0] === 'OPEN') return 'Open'
  const ciphers = s.pairwiseCiphers
    ? [...s.pairwiseCiphers].sort((a, b) => rank(CIPHER_ORDER, a) - rank(CIPHER_ORDER, b))
    : null
  const proto = protocols && protocols.length > 0 ? protocols.join('/') : 'unknown'
  const cipher = ciphers && ciphers.length > 0 ? ciphers.join('+') : 'cipher unknown'
  if (proto === 'unknown' && !ciphers) return 'unknown'
  return `${proto} · ${cipher}`
}

function rank(order: readonly string[], v: string): number {
  const i = order.indexOf(v)
  return i === -1 ? order.length : i
}

/** Security class used by the filter. */
export type SecurityClass = 'open' | 'wep' | 'wpa' | 'wpa2' | 'wpa3' | 'unknown'

/** Strongest protocol of a BSS, for filtering. */
export function securityClass(s: Security): SecurityClass {
  const p = s.protocols
  if (!p || p.length === 0) return 'unknown'
  if (p.includes('WPA3')) return 'wpa3'
  if (p.includes('WPA2')) return 'wpa2'
  if (p.includes('WPA')) return 'wpa'
  if (p.includes('WEP')) return 'wep'
  return 'open'
}

export type SortKey = 'ssid' | 'bssid' | 'band' | 'channel' | 'width' | 'security' | 'phy' | 'signal' | 'lastSeen'

export interface TableQuery {
  /** Case-insensitive substring of SSID or BSSID; '' matches everything. */
  readonly text: string
  readonly band: Band | 'all'
  readonly security: SecurityClass | 'all'
  readonly sort: SortKey
  readonly descending: boolean
}

export const defaultTableQuery: TableQuery = { text: '', band: 'all', security: 'all', sort: 'signal', descending: true }

/** One BSS row of the table, display-ready (plain strings: rendered as text). */
export interface BssRow {
  readonly key: string
  readonly bssid: string
  /** Band in GHz ("2.4", "5", "6") or "—". */
  readonly band: string
  readonly channel: string
  readonly width: string
  readonly security: string
  readonly phy: string
  readonly signalDbm: number | null
  readonly signalDerived: boolean
  readonly lastSeen: number
  readonly isTarget: boolean
  readonly entry: BssEntry
}

/** One SSID and its BSSs. */
export interface SsidGroup {
  /** Group identity: SSID text, or a marker for hidden/redacted. */
  readonly key: string
  readonly label: string
  readonly kind: 'named' | 'hidden' | 'redacted'
  readonly isTarget: boolean
  readonly rows: readonly BssRow[]
  readonly bestSignalDbm: number | null
  readonly lastSeen: number
  /** Bands in GHz, e.g. "2.4 + 5". */
  readonly bands: string
}

/** PHY list as "n/ac/ax". */
export function phyLabel(o: Observation): string {
  return o.phy && o.phy.length > 0 ? o.phy.join('/') : '—'
}

function toRow(e: BssEntry, targetSsid: string): BssRow {
  const o = e.observation
  return {
    key: e.key,
    bssid: o.bssid ?? '(withheld)',
    band: o.band ?? '—',
    channel: o.channel === null ? '—' : String(o.channel),
    width: o.channelWidthMhz === null ? '—' : `${o.channelWidthMhz} MHz`,
    security: securityLabel(o.security),
    phy: phyLabel(o),
    signalDbm: o.signalDbm,
    signalDerived: o.signalDerived,
    lastSeen: e.lastSeen,
    isTarget: isTargetSsid(o, targetSsid),
    entry: e
  }
}

function matches(e: BssEntry, q: TableQuery): boolean {
  const o = e.observation
  if (q.band !== 'all' && o.band !== q.band) return false
  if (q.security !== 'all' && securityClass(o.security) !== q.security) return false
  if (q.text !== '') {
    const needle = q.text.toLowerCase()
    const hay = `${ssidLabel(o)}\n${o.bssid ?? ''}`.toLowerCase()
    if (!hay.includes(needle)) return false
  }
  return true
}

function compareRows(a: BssRow, b: BssRow, key: SortKey): number {
  const o = a.entry.observation
  const p = b.entry.observation
  switch (key) {
    case 'ssid':
    case 'bssid':
      return a.bssid.localeCompare(b.bssid)
    case 'band':
      return (o.frequencyMhz ?? 0) - (p.frequencyMhz ?? 0)
    case 'channel':
      return (o.band ?? '').localeCompare(p.band ?? '') || (o.channel ?? -1) - (p.channel ?? -1)
    case 'width':
      return (o.channelWidthMhz ?? -1) - (p.channelWidthMhz ?? -1)
    case 'security':
      return a.security.localeCompare(b.security)
    case 'phy':
      return a.phy.localeCompare(b.phy)
    case 'signal':
      // Unknown signal sorts below every measured one.
      return (o.signalDbm ?? -999) - (p.signalDbm ?? -999)
    case 'lastSeen':
      return a.lastSeen - b.lastSeen
  }
}

function groupIdentity(o: Observation): { key: string; kind: SsidGroup['kind'] } {
  if (o.redacted) return { key: '\u0000redacted', kind: 'redacted' }
  if (o.hidden || o.ssid === null || o.ssid === '') return { key: '\u0000hidden', kind: 'hidden' }
  return { key: `=${o.ssid}`, kind: 'named' }
}

/**
 * Table rows: filtered BSSs grouped under their SSID, sorted by the query's column.
 *
 * Rows inside a group follow the column; groups follow their first row (for signal: the best
 * BSS), so the strongest network is on top when sorting by signal. The target SSID's group is
 * pinned first: the technician is there to judge it.
 */
export function selectTableGroups(entries: Iterable<BssEntry>, q: TableQuery, targetSsid: string): SsidGroup[] {
  const byGroup = new Map<string, { kind: SsidGroup['kind']; label: string; rows: BssRow[] }>()
  for (const e of entries) {
    if (!matches(e, q)) continue
    const id = groupIdentity(e.observation)
    let g = byGroup.get(id.key)
    if (!g) {
      g = { kind: id.kind, label: ssidLabel(e.observation), rows: [] }
      byGroup.set(id.key, g)
    }
    g.rows.push(toRow(e, targetSsid))
  }
  const sign = q.descending ? -1 : 1
  const groups: SsidGroup[] = []
  for (const [key, g] of byGroup) {
    const rows = g.rows.sort((a, b) => sign * compareRows(a, b, q.sort) || a.bssid.localeCompare(b.bssid))
    let best: number | null = null
    let last = 0
    const bands = new Set<string>()
    for (const r of rows) {
      const s = r.entry.observation.signalDbm
      if (s !== null && (best === null || s > best)) best = s
      if (r.lastSeen > last) last = r.lastSeen
      if (r.entry.observation.band) bands.add(r.entry.observation.band)
    }
    groups.push({
      key,
      label: g.label,
      kind: g.kind,
      isTarget: rows.some((r) => r.isTarget),
      rows,
      bestSignalDbm: best,
      lastSeen: last,
      bands: bands.size === 0 ? '—' : [...bands].sort().join(' + ')
    })
  }
  return groups.sort((a, b) => {
    if (a.isTarget !== b.isTarget) return a.isTarget ? -1 : 1
    if (q.sort === 'ssid') return sign * a.label.localeCompare(b.label)
    const ra = a.rows[0]
    const rb = b.rows[0]
    if (!ra || !rb) return 0
    return sign * compareRows(ra, rb, q.sort) || a.label.localeCompare(b.label)
  })
}

/** One line of the signal-over-time chart. */
export interface SignalSeries {
  readonly key: string
  readonly label: string
  readonly isTarget: boolean
  readonly points: readonly SignalPoint[]
}

/**
 * Signal series for the chosen BSS keys, clipped to the window ending at `tMax`.
 *
 * Keys without history (a BSS gone for longer than the window) are left out.
 */
export function selectSignalSeries(
  keys: readonly string[],
  history: ReadonlyMap<string, SignalRing>,
  networks: ReadonlyMap<string, BssEntry>,
  tMax: number,
  windowMs: number,
  targetSsid: string
): SignalSeries[] {
  const out: SignalSeries[] = []
  for (const key of keys) {
    const ring = history.get(key)
    const entry = networks.get(key)
    if (!ring || !entry) continue
    const o = entry.observation
    out.push({
      key,
      // The band too: one MAC may be two BSSes (2.4 and 5 GHz), charted as two lines.
      label: `${ssidLabel(o)} · ${o.bssid ?? key}${o.band === null ? '' : ` · ${o.band} GHz`}`,
      isTarget: isTargetSsid(o, targetSsid),
      points: ring.toArray(tMax - windowMs)
    })
  }
  return out
}

/** "3 s ago", "2 min ago" for a last-seen column; `now` and `t` in ms. */
export function ageLabel(now: number, t: number): string {
  const s = Math.max(0, Math.round((now - t) / 1000))
  if (s < 60) return `${s} s ago`
  const m = Math.floor(s / 60)
  if (m < 60) return `${m} min ago`
  return `${Math.floor(m / 60)} h ago`
}

/** A table's row order: group keys, and each group's BSS keys, top to bottom. */
export interface TableOrder {
  readonly groups: readonly string[]
  readonly rows: ReadonlyMap<string, readonly string[]>
}

/** The order the groups are in now, to be kept between re-sorts. */
export function orderOf(groups: readonly SsidGroup[]): TableOrder {
  return { groups: groups.map((g) => g.key), rows: new Map(groups.map((g) => [g.key, g.rows.map((r) => r.key)])) }
}

/** Items in `order`'s sequence; items it does not know follow, in their own sequence. */
function keepOrder<T>(items: readonly T[], order: readonly string[] | undefined, key: (t: T) => string): T[] {
  if (!order) return [...items]
  const at = new Map(order.map((k, i) => [k, i]))
  const known: T[] = []
  const fresh: T[] = []
  for (const t of items) (at.has(key(t)) ? known : fresh).push(t)
  known.sort((a, b) => (at.get(key(a)) ?? 0) - (at.get(key(b)) ?? 0))
  return [...known, ...fresh]
}

/**
 * Freshly selected groups laid out in a kept order: a jittering signal updates a row in place
 * instead of moving it (rows neither jump under the technician's pointer nor cost DOM moves).
 * Groups and BSSs the order does not know yet come after the known ones, in their sorted
 * sequence; the target's group stays pinned first.
 */
export function applyOrder(fresh: readonly SsidGroup[], order: TableOrder): SsidGroup[] {
  const groups = keepOrder(fresh, order.groups, (g) => g.key).map((g) => {
    const rows = keepOrder(g.rows, order.rows.get(g.key), (r) => r.key)
    return rows.every((r, i) => r === g.rows[i]) ? g : { ...g, rows }
  })
  // Stable sort: only moves a target group that appeared after the last re-sort.
  return groups.sort((a, b) => Number(b.isTarget) - Number(a.isTarget))
}
