/**
 * What makes two observations the same BSS: the one definition that merging, judging, the live
 * table, the charts and the history counts all use.
 *
 * A BSS is its BSSID on one band. Access points that use one radio MAC on 2.4 and 5 GHz are
 * common (one BSSID per radio is a convention, not a rule), so the BSSID alone would merge two
 * BSSes with different channels, widths and signals into one.
 */
import type { Band, Observation } from './observation'

/** The fields identity is made of. */
export type IdentityFields = Pick<Observation, 'bssid' | 'band' | 'frequencyMhz'>

/** Band of a centre frequency in MHz; null outside the Wi-Fi bands we survey. */
export function bandOfFrequency(mhz: number): Band | null {
  if (mhz >= 2400 && mhz <= 2500) return '2.4'
  if (mhz >= 5150 && mhz <= 5925) return '5'
  if (mhz > 5925 && mhz <= 7125) return '6'
  return null
}

/** Band as observed, or from the frequency; a channel number alone is ambiguous (6 GHz reuses 1–13). */
export function bandOf(o: Pick<Observation, 'band' | 'frequencyMhz'>): Band | null {
  if (o.band !== null) return o.band
  return o.frequencyMhz === null ? null : bandOfFrequency(o.frequencyMhz)
}

function identity(bssid: string, band: Band | null): string {
  return `${bssid}|${band ?? '?'}`
}

/**
 * The BSS identity of each observation of a list, null where the OS withheld the BSSID (such an
 * observation cannot be matched with any other).
 *
 * A reading without a band (node-wifi on some platforms) belongs to its BSSID's BSS when that
 * BSSID was seen on exactly one band in the list; with two bands it is ambiguous and stays apart.
 * Decided over the whole list, so the order of the readings does not change the answer.
 */
export function bssIdentities(list: readonly IdentityFields[]): (string | null)[] {
  const bandsOf = new Map<string, Set<Band>>()
  for (const o of list) {
    const band = bandOf(o)
    if (o.bssid === null || band === null) continue
    const mac = o.bssid.toLowerCase()
    const set = bandsOf.get(mac) ?? new Set<Band>()
    set.add(band)
    bandsOf.set(mac, set)
  }
  return list.map((o) => {
    if (o.bssid === null) return null
    const mac = o.bssid.toLowerCase()
    const band = bandOf(o)
    if (band !== null) return identity(mac, band)
    const known = bandsOf.get(mac)
    const only = known !== undefined && known.size === 1 ? [...known][0] : undefined
    return identity(mac, only ?? null)
  })
}

/** The list grouped by BSS (see bssIdentities), in order of first appearance; no BSSID: a group of its own. */
export function groupByBss<T extends IdentityFields>(list: readonly T[]): T[][] {
  const ids = bssIdentities(list)
  const groups = new Map<string, T[]>()
  list.forEach((o, i) => {
    const key = ids[i] ?? `#${i}`
    const group = groups.get(key)
    if (group) group.push(o)
    else groups.set(key, [o])
  })
  return [...groups.values()]
}

/**
 * A key for one observation on its own (the live table's rows, chart series, selections): its
 * identity, or for a withheld BSSID the SSID and frequency it was heard on.
 */
export function bssKey(o: Pick<Observation, 'bssid' | 'band' | 'frequencyMhz' | 'ssid' | 'ssidHex' | 'channel'>): string {
  if (o.bssid !== null) return identity(o.bssid.toLowerCase(), bandOf(o))
  return `?${o.ssidHex ?? o.ssid ?? ''}@${o.frequencyMhz ?? o.channel ?? ''}`
}
