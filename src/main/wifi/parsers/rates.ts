/**
 * Data rates and the PHY standards they (and HT/VHT/HE/EHT elements) prove.
 */
import type { Band, Phy } from '../../../shared/model/observation'

/** 802.11b DSSS/CCK rates. */
const DSSS_RATES = new Set([1, 2, 5.5, 11])
/** 802.11a/g OFDM rates. */
const OFDM_RATES = new Set([6, 9, 12, 18, 24, 36, 48, 54])

export interface RateList {
  readonly basic: number[]
  readonly supported: number[]
  /** BSS membership selectors advertised among the rates (e.g. 'HT', 'VHT', 'HE', 'SAE-H2E'). */
  readonly selectors: string[]
}

/**
 * Membership selector values (IEEE 802.11-2020 Table 9-80), as iw prints them either by name
 * (`HT*`, newer iw) or as a bogus rate (`63.5*` = 127/2, older iw).
 */
const SELECTOR_BY_RATE: Record<string, string> = { '63.5': 'HT', '63': 'VHT', '61.5': 'SAE-H2E', '61': 'HE', '60.5': 'EHT' }
const SELECTOR_NAMES = new Set(['HT', 'VHT', 'HE', 'EHT', 'SAE-H2E', 'GLK', 'EPD'])
/** PHY selectors kept in the basic rate set (SAE-H2E and the rest say nothing about the PHY). */
const RATE_BY_SELECTOR: Record<string, number> = { HT: 63.5, VHT: 63, HE: 61, EHT: 60.5 }

/** Reads iw-style rate tokens ("1.0*", "54.0", "HT*", "63.5*"); `*` marks a basic rate. */
export function parseRateTokens(tokens: readonly string[], into: RateList): void {
  for (const raw of tokens) {
    const token = raw.trim()
    if (token === '') continue
    const basic = token.endsWith('*')
    const body = basic ? token.slice(0, -1) : token
    if (SELECTOR_NAMES.has(body)) {
      into.selectors.push(body)
      // A basic PHY selector ("HT*": only HT stations may join) stays in the basic rate set as the
      // value the element carries (127/2 = 63.5 …), so WIFI-PHY can flag an n-only BSS (compliance).
      const asRate = RATE_BY_SELECTOR[body]
      if (basic && asRate !== undefined && !into.basic.includes(asRate)) into.basic.push(asRate)
      continue
    }
    const value = Number(body)
    if (!Number.isFinite(value) || value <= 0) continue
    const selector = basic ? SELECTOR_BY_RATE[String(value)] : undefined
    if (selector !== undefined) {
      into.selectors.push(selector)
      if (RATE_BY_SELECTOR[selector] !== undefined && !into.basic.includes(value)) into.basic.push(value)
      continue
    }
    if (!into.supported.includes(value)) into.supported.push(value)
    if (basic && !into.basic.includes(value)) into.basic.push(value)
  }
}

/** An empty, mutable rate list. */
export function emptyRates(): RateList {
  return { basic: [], supported: [], selectors: [] }
}

/** Sorted copy, or null when nothing was read (unknown, not "no rates"). */
export function sortedOrNull(values: readonly number[], known: boolean): number[] | null {
  if (!known) return null
  return [...values].sort((a, b) => a - b)
}

export interface PhyEvidence {
  readonly band: Band | null
  /** Supported rates, if any were read. */
  readonly rates: readonly number[] | null
  readonly ht?: boolean
  readonly vht?: boolean
  readonly he?: boolean
  readonly eht?: boolean
  /** Standards a tool names outright (netsh "Radio type", system_profiler "phymode"). */
  readonly declared?: readonly Phy[]
}

const PHY_ORDER: readonly Phy[] = ['a', 'b', 'g', 'n', 'ac', 'ax', 'be']

/**
 * The PHY standards the evidence proves: DSSS rates → b, OFDM rates → g (2.4 GHz) or a (5 GHz),
 * HT → n, VHT → ac, HE → ax, EHT → be. Null when there is no evidence at all: never a guess.
 */
export function inferPhy(e: PhyEvidence): Phy[] | null {
  const found = new Set<Phy>(e.declared ?? [])
  if (e.rates) {
    if (e.rates.some((r) => DSSS_RATES.has(r))) found.add('b')
    if (e.rates.some((r) => OFDM_RATES.has(r))) {
      if (e.band === '2.4') found.add('g')
      else if (e.band === '5') found.add('a')
    }
  }
  if (e.ht) found.add('n')
  if (e.vht) found.add('ac')
  if (e.he) found.add('ax')
  if (e.eht) found.add('be')
  if (found.size === 0) return null
  return PHY_ORDER.filter((p) => found.has(p))
}

/** "802.11a/n/ac/ax", "802.11b/g/n", "11ax", "802.11n" → the standards named. */
export function parsePhyModes(text: string): Phy[] {
  const m = /(?:802\.)?11\s{0,4}([a-z/]{1,40})/i.exec(text.slice(0, 200))
  if (!m) return []
  const out: Phy[] = []
  // "a/n/ac/ax" (macOS), "bgn" (iwlist drivers run the letters together)
  for (const part of (m[1] ?? '').toLowerCase().split('/')) {
    let rest = part
    while (rest !== '') {
      const two = PHY_ORDER.find((x) => x.length === 2 && rest.startsWith(x))
      const p = two ?? PHY_ORDER.find((x) => x.length === 1 && rest.startsWith(x))
      if (!p) break
      if (!out.includes(p)) out.push(p)
      rest = rest.slice(p.length)
    }
  }
  return out
}

/** Numbers in a rate list like "1 2 5.5 11" or "6,9,12" (comma decimals handled when space-separated). */
export function parseNumberList(text: string): number[] {
  return text
    .trim()
    .split(/\s+/)
    .map((t) => Number(t.replace(',', '.')))
    .filter((n) => Number.isFinite(n) && n > 0)
}
