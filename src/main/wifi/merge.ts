/**
 * Merging observations: across tools in one scan (nmcli + iw + node-wifi: same BSS, different
 * fields) and across the scans of a snapshot (same BSS, several readings).
 */
import { bssIdentities, groupByBss } from '../../shared/model/bss-identity'
import type { Observation } from '../../shared/model/observation'
import { emptyDraft, finish, type Draft } from './parsers/observation-draft'

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
  d.deviceName ??= other.deviceName
  if (other.signalDbm !== null && (d.signalDbm === null || (d.signalDerived && !other.signalDerived))) {
    d.signalDbm = other.signalDbm
    d.signalDerived = other.signalDerived
  }
  return finish(d)
}

/**
 * Merges the observations of several tools from one scan. `sources` are in priority order
 * (first = most trusted); a BSS (shared/model/bss-identity) seen by several becomes one
 * observation whose `source` is the highest-priority tool that saw it. Observations without a
 * BSSID cannot be matched and stay.
 */
export function mergeSources(sources: readonly (readonly Observation[])[]): Observation[] {
  const ids = bssIdentities(sources.flat())
  const byKey = new Map<string, Observation>()
  const unkeyed: Observation[] = []
  let at = 0
  for (const list of sources) {
    const seenInThisSource = new Set<string>()
    for (const o of list) {
      const id = ids[at++] ?? null
      if (id === null) {
        unkeyed.push(o)
        continue
      }
      const current = byKey.get(id)
      if (current !== undefined && !seenInThisSource.has(id)) {
        byKey.set(id, mergePair(current, o))
        seenInThisSource.add(id)
        continue
      }
      // Same tool listing one BSS twice (netsh on anonymised captures): keep both.
      const unique = current === undefined ? id : `${id}#${byKey.size}`
      byKey.set(unique, o)
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
  const latestFirst = [...scans].reverse().flat()
  const keyed = latestFirst.filter((o) => o.bssid !== null)
  const out: Observation[] = []
  for (const list of groupByBss(keyed)) {
    const [first, ...rest] = list
    if (!first) continue
    const merged = rest.reduce(mergePair, first)
    const measured = list.filter((o) => o.signalDbm !== null && !o.signalDerived)
    const pool = measured.length > 0 ? measured : list.filter((o) => o.signalDbm !== null)
    const signals = pool.map((o) => o.signalDbm ?? 0)
    out.push(finish({ ...merged, security: { ...merged.security }, signalDbm: signals.length > 0 ? median(signals) : null, signalDerived: measured.length === 0 && signals.length > 0 }))
  }
  // Without a BSSID a BSS cannot be followed across scans: keep the latest scan's ones only.
  return [...out, ...(scans.at(-1) ?? []).filter((o) => o.bssid === null)]
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
