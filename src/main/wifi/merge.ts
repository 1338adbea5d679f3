/**
 * Merging observations: across tools in one scan (nmcli + iw + node-wifi: same BSS, different
 * fields) and across the scans of a snapshot (same BSS, several readings).
 */
import type { Observation } from '../../shared/model/observation'
import { emptyDraft, finish, type Draft } from './parsers/observation-draft'

/** Identity of a BSS: BSSID, and band when known (one radio MAC may serve two bands). */
function keyOf(o: Observation): string | null {
  if (o.bssid === null) return null
  return o.band === null ? o.bssid : `${o.bssid}|${o.band}`
}

/**
 * One observation from two of the same BSS: `primary` wins where it knows, `other` fills its
 * nulls; a measured signal beats a derived one (percent → dBm) whichever side it is on. The
 * result keeps the primary's `source`.
 */
export function mergePair(primary: Observation, other: Observation): Observation {
  const d: Draft = { ...emptyDraft(primary.source), ...primary, security: { ...primary.security } }
  if (primary.ssidHex === null && other.ssidHex !== null) {
    d.ssid = other.ssid
    d.ssidHex = other.ssidHex
    d.hidden = other.hidden
  } else if (d.ssid === null && !d.hidden && other.ssid !== null && other.ssidHex === primary.ssidHex) d.ssid = other.ssid
  d.redacted = primary.redacted && other.redacted
  d.bssid ??= other.bssid
  d.frequencyMhz ??= other.frequencyMhz
  d.channel ??= other.channel
  d.band ??= other.band
  d.channelWidthMhz ??= other.channelWidthMhz
  d.secondaryChannelOffset ??= other.secondaryChannelOffset
  d.security.protocols ??= other.security.protocols
  d.security.akm ??= other.security.akm
  d.security.pairwiseCiphers ??= other.security.pairwiseCiphers
  d.security.groupCipher ??= other.security.groupCipher
  d.security.pmf ??= other.security.pmf
  d.phy ??= other.phy
  d.basicRatesMbps ??= other.basicRatesMbps
  d.supportedRatesMbps ??= other.supportedRatesMbps
  d.noiseDbm ??= other.noiseDbm
  if (other.signalDbm !== null && (d.signalDbm === null || (d.signalDerived && !other.signalDerived))) {
    d.signalDbm = other.signalDbm
    d.signalDerived = other.signalDerived
  }
  return finish(d)
}

/**
 * Merges the observations of several tools from one scan. `sources` are in priority order
 * (first = most trusted); a BSS seen by several becomes one observation whose `source` is the
 * highest-priority tool that saw it. Observations without a BSSID cannot be matched and stay.
 */
export function mergeSources(sources: readonly (readonly Observation[])[]): Observation[] {
  const byKey = new Map<string, Observation>()
  const byBssid = new Map<string, string[]>()
  const unkeyed: Observation[] = []
  for (const list of sources) {
    const seenInThisSource = new Set<string>()
    for (const o of list) {
      const key = keyOf(o)
      if (key === null || o.bssid === null) {
        unkeyed.push(o)
        continue
      }
      // A band-less reading matches the same BSSID on any band (and vice versa).
      const candidates = byBssid.get(o.bssid) ?? []
      const match = byKey.has(key) ? key : candidates.find((k) => o.band === null || k === o.bssid)
      if (match !== undefined && !seenInThisSource.has(match)) {
        const current = byKey.get(match)
        if (current) byKey.set(match, mergePair(current, o))
        seenInThisSource.add(match)
        continue
      }
      // Same tool listing one BSS twice (netsh on anonymised captures): keep both.
      const unique = byKey.has(key) ? `${key}#${byKey.size}` : key
      byKey.set(unique, o)
      byBssid.set(o.bssid, [...candidates, unique])
      seenInThisSource.add(unique)
    }
  }
  return [...byKey.values(), ...unkeyed]
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}

/**
 * Combines N scans into one list for a snapshot: per BSS the fields merged (latest scan first)
 * and the MEDIAN signal of its readings — the median resists a single lucky or unlucky scan,
 * which is what a technician standing at a charger location needs. A reading is derived only if
 * every reading was.
 */
export function combineScans(scans: readonly (readonly Observation[])[]): Observation[] {
  const readings = new Map<string, Observation[]>()
  const unkeyed: Observation[] = []
  for (const scan of [...scans].reverse()) {
    for (const o of scan) {
      const key = keyOf(o)
      if (key === null) unkeyed.push(o)
      else readings.set(key, [...(readings.get(key) ?? []), o])
    }
  }
  const out: Observation[] = []
  for (const list of readings.values()) {
    const [first, ...rest] = list
    if (!first) continue
    const merged = rest.reduce(mergePair, first)
    const measured = list.filter((o) => o.signalDbm !== null && !o.signalDerived)
    const pool = measured.length > 0 ? measured : list.filter((o) => o.signalDbm !== null)
    const signals = pool.map((o) => o.signalDbm ?? 0)
    out.push(finish({ ...merged, security: { ...merged.security }, signalDbm: signals.length > 0 ? median(signals) : null, signalDerived: measured.length === 0 && signals.length > 0 }))
  }
  // Without a BSSID a BSS cannot be followed across scans: keep the latest scan's ones only.
  const latest = scans.at(-1) ?? []
  return [...out, ...unkeyed.filter((o) => latest.includes(o))]
}

/** Code-point order (localeCompare is ~50× slower and locale-dependent; this order is for stability). */
function byText(a: string | null, b: string | null): number {
  const x = a ?? ''
  const y = b ?? ''
  return x < y ? -1 : x > y ? 1 : 0
}

/** Stable order for display and for tests: band, channel, SSID, BSSID. */
export function normalizeObservations(list: readonly Observation[]): Observation[] {
  const bandRank = (o: Observation) => (o.band === '2.4' ? 0 : o.band === '5' ? 1 : o.band === '6' ? 2 : 3)
  return [...list]
    .map((o) => finish({ ...o, security: { ...o.security } }))
    .sort(
      (a, b) =>
        bandRank(a) - bandRank(b) ||
        (a.channel ?? 0) - (b.channel ?? 0) ||
        byText(a.ssid, b.ssid) ||
        byText(a.bssid, b.bssid)
    )
}
