/**
 * Observations grouped into BSSes for judging: a snapshot combines several scans (and several
 * tools), so one BSS may appear more than once; the rules look at each BSS once.
 */
import { bandOf, groupByBss } from '../model/bss-identity'
import type { Band, Observation, Security } from '../model/observation'

/** One BSS of a snapshot: its observations merged, first known value of each field wins. */
export interface Bss {
  /** Lowercase BSSID, or null when the OS withholds it. */
  readonly bssid: string | null
  readonly ssid: string | null
  readonly hidden: boolean
  readonly redacted: boolean
  /** Band as observed, or derived from the frequency when the scanner gave only that. */
  readonly band: Band | null
  readonly frequencyMhz: number | null
  readonly channel: number | null
  readonly channelWidthMhz: number | null
  readonly secondaryChannelOffset: Observation['secondaryChannelOffset']
  readonly security: Security
  readonly phy: Observation['phy']
  readonly basicRatesMbps: readonly number[] | null
  readonly supportedRatesMbps: readonly number[] | null
  /** Median of the readings across scans (dBm), null when no reading. */
  readonly signalDbm: number | null
  readonly signalDerived: boolean
  readonly sources: readonly Observation['source'][]
}

function firstKnown<T>(values: readonly (T | null)[]): T | null {
  for (const v of values) if (v !== null) return v
  return null
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  // Length checked above, so both indexes exist.
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

function mergeSecurity(list: readonly Security[]): Security {
  return {
    protocols: firstKnown(list.map((s) => s.protocols)),
    akm: firstKnown(list.map((s) => s.akm)),
    pairwiseCiphers: firstKnown(list.map((s) => s.pairwiseCiphers)),
    groupCipher: firstKnown(list.map((s) => s.groupCipher)),
    pmf: firstKnown(list.map((s) => s.pmf))
  }
}

/**
 * Groups observations by BSS identity (shared/model/bss-identity: BSSID and band; observations
 * without a BSSID stay separate) and merges each group. Order follows the first appearance of each BSS.
 */
export function groupBss(observations: readonly Observation[]): Bss[] {
  return groupByBss(observations).map((list) => {
    const readings = list.filter((o) => o.signalDbm !== null)
    return {
      bssid: firstKnown(list.map((o) => (o.bssid === null ? null : o.bssid.toLowerCase()))),
      ssid: firstKnown(list.map((o) => o.ssid)),
      hidden: list.some((o) => o.hidden),
      redacted: list.every((o) => o.redacted),
      band: firstKnown(list.map(bandOf)),
      frequencyMhz: firstKnown(list.map((o) => o.frequencyMhz)),
      channel: firstKnown(list.map((o) => o.channel)),
      channelWidthMhz: firstKnown(list.map((o) => o.channelWidthMhz)),
      secondaryChannelOffset: firstKnown(list.map((o) => o.secondaryChannelOffset)),
      security: mergeSecurity(list.map((o) => o.security)),
      phy: firstKnown(list.map((o) => o.phy)),
      basicRatesMbps: firstKnown(list.map((o) => o.basicRatesMbps)),
      supportedRatesMbps: firstKnown(list.map((o) => o.supportedRatesMbps)),
      // Cast: `readings` holds only observations with a signal (filtered above).
      signalDbm: median(readings.map((o) => o.signalDbm as number)),
      // A measured reading beats a derived one: derived only when every reading was derived.
      signalDerived: readings.length > 0 && readings.every((o) => o.signalDerived),
      sources: [...new Set(list.map((o) => o.source))]
    }
  })
}

/** "BSSID aa:bb:… (2.4 GHz, ch 6)" — how a BSS is named in evidence. */
export function describeBss(b: Bss): string {
  const id = b.bssid ?? 'BSSID withheld'
  const where: string[] = []
  if (b.band !== null) where.push(`${b.band} GHz`)
  if (b.channel !== null) where.push(`ch ${b.channel}`)
  return where.length > 0 ? `${id} (${where.join(', ')})` : id
}

/** BSSIDs of a list of BSSes, for highlighting (withheld ones left out). */
export function bssidsOf(list: readonly Bss[]): string[] {
  return list.flatMap((b) => (b.bssid === null ? [] : [b.bssid]))
}

const AKM_SUITE_NAMES: Readonly<Record<string, string>> = {
  '1': '802.1X',
  '2': 'PSK',
  '3': 'FT-802.1X',
  '4': 'FT-PSK',
  '5': '802.1X-SHA256',
  '6': 'PSK-SHA256',
  '8': 'SAE',
  '9': 'FT-SAE',
  '11': '802.1X-SUITE-B',
  '12': '802.1X-SUITE-B-192',
  '13': 'FT-802.1X-SHA384',
  '18': 'OWE',
  '24': 'SAE-EXT-KEY',
  '25': 'FT-SAE-EXT-KEY'
}

/**
 * Canonical AKM name: `FT/SAE` → `FT-SAE`, `IEEE 802.1X` → `802.1X`, and iw's raw suite selectors
 * for suites it has no name for (`00-0f-ac:8` → `SAE`, as in jc-iw-scan1's "Nexus" BSS).
 */
export function normalizeAkm(akm: string): string {
  const raw = akm.trim()
  const selector = /^00-0f-ac:(\d+)$/i.exec(raw)
  if (selector) return AKM_SUITE_NAMES[selector[1] ?? ''] ?? raw.toLowerCase()
  const upper = raw.toUpperCase().replace(/\//g, '-').replace(/^IEEE\s*/, '').replace(/\s+/g, '-')
  if (upper === '802.1X' || upper === 'EAP' || upper === 'WPA-EAP') return '802.1X'
  return upper
}

/** Kinds of authentication an AKM list holds. */
export interface AkmKinds {
  readonly personalPsk: boolean
  readonly personalSae: boolean
  readonly enterprise: boolean
  readonly owe: boolean
  readonly names: readonly string[]
}

/** Sorts an AKM list into personal (PSK/SAE), enterprise (802.1X) and OWE. */
export function akmKinds(akm: readonly string[]): AkmKinds {
  const names = akm.map(normalizeAkm)
  return {
    personalPsk: names.some((n) => n === 'PSK' || n === 'FT-PSK' || n === 'PSK-SHA256'),
    personalSae: names.some((n) => n.includes('SAE')),
    enterprise: names.some((n) => n.includes('802.1X')),
    owe: names.includes('OWE'),
    names
  }
}

/** Cipher names upper-cased, AES read as CCMP (airport's and netsh's word for it). */
export function normalizeCipher(c: string): string {
  const u = c.trim().toUpperCase()
  return u === 'AES' || u === 'AES-CCMP' || u === 'CCMP-128' ? 'CCMP' : u
}
