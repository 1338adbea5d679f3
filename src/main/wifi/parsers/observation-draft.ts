/**
 * A mutable observation under construction, the security vocabulary shared by the parsers, and the
 * percentage → dBm estimate.
 */
import { observationSchema, type Observation, type ParseResult, type SecurityProtocol } from '../../../shared/model/observation'

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

/**
 * Every field a parser may fill; starts all-unknown. `problem` (never part of the observation)
 * marks a block that is not a valid BSS, e.g. an SSID longer than 32 bytes: the block is skipped.
 */
export type Draft = Mutable<Omit<Observation, 'security'>> & { security: Mutable<Observation['security']>; problem?: string }

/** An all-unknown observation from `source`. */
export function emptyDraft(source: Observation['source']): Draft {
  return {
    ssid: null,
    ssidHex: null,
    hidden: false,
    redacted: false,
    bssid: null,
    frequencyMhz: null,
    channel: null,
    band: null,
    channelWidthMhz: null,
    secondaryChannelOffset: null,
    security: { protocols: null, akm: null, pairwiseCiphers: null, groupCipher: null, pmf: null },
    phy: null,
    basicRatesMbps: null,
    supportedRatesMbps: null,
    signalDbm: null,
    signalDerived: false,
    noiseDbm: null,
    source
  }
}

/**
 * The key order of issue 3 item 1; `wc-survey parse --json` prints exactly these keys in this
 * order, so every observation is rebuilt through here.
 */
export function finish(d: Draft): Observation {
  return {
    ssid: d.ssid,
    ssidHex: d.ssidHex,
    hidden: d.hidden,
    redacted: d.redacted,
    bssid: d.bssid,
    frequencyMhz: d.frequencyMhz,
    channel: d.channel,
    band: d.band,
    channelWidthMhz: d.channelWidthMhz,
    secondaryChannelOffset: d.secondaryChannelOffset,
    security: {
      protocols: d.security.protocols,
      akm: d.security.akm,
      pairwiseCiphers: d.security.pairwiseCiphers,
      groupCipher: d.security.groupCipher,
      pmf: d.security.pmf
    },
    phy: d.phy,
    basicRatesMbps: d.basicRatesMbps,
    supportedRatesMbps: d.supportedRatesMbps,
    signalDbm: d.signalDbm,
    signalDerived: d.signalDerived,
    noiseDbm: d.noiseDbm,
    // Only where the scan named the access point: most observations have no such key at all.
    ...(d.deviceName === undefined ? {} : { deviceName: d.deviceName }),
    source: d.source
  }
}

/** Lowercase colon-separated MAC from "AA:BB:..", "aa-bb-..", "a:b:c:d:e:f" (macOS drops zeros); null otherwise. */
export function normalizeBssid(text: string): string | null {
  // The common case (iw, nmcli): already lowercase and colon-separated.
  if (text.length === 17 && /^[0-9a-f]{2}(?::[0-9a-f]{2}){5}$/.test(text)) return text
  const parts = text.trim().split(/[:-]/)
  if (parts.length !== 6 || !parts.every((p) => /^[0-9a-fA-F]{1,2}$/.test(p))) return null
  return parts.map((p) => p.padStart(2, '0').toLowerCase()).join(':')
}

/**
 * Signal estimated from a 0–100 % quality: dBm = pct / 2 − 100 (0 % → −100 dBm, 100 % → −50 dBm).
 * This is the mapping node-wifi and Windows' WlanQuality docs use (linear between −100 and −50
 * dBm); it is an estimate (±5 dB), so observations carry signalDerived = true.
 */
export function dbmFromPercent(pct: number): number {
  return Math.min(100, Math.max(0, pct)) / 2 - 100
}

const PROTOCOL_ORDER: readonly SecurityProtocol[] = ['WEP', 'WPA', 'WPA2', 'WPA3', 'OPEN']

/** Protocols in the model's order, without duplicates. */
export function orderProtocols(list: Iterable<SecurityProtocol>): SecurityProtocol[] {
  const set = new Set(list)
  return PROTOCOL_ORDER.filter((p) => set.has(p))
}

/** AKMs that make an RSN network WPA3 (SAE family, Suite B 192, OWE counts as Enhanced Open). */
const WPA3_AKM = new Set(['SAE', 'FT-SAE', 'SAE-EXT-KEY', 'FT-SAE-EXT-KEY', '802.1X-SUITE-B-192', '802.1X-SHA384'])
/** AKMs that make an RSN network WPA2. */
const WPA2_AKM = new Set(['PSK', '802.1X', 'FT-PSK', 'FT-802.1X', 'PSK-SHA256', '802.1X-SHA256', '802.1X-SUITE-B'])

/**
 * Protocols proven by an RSN element's AKMs: WPA2 and/or WPA3 (transition mode gives both); an
 * OWE-only RSN is "Enhanced Open", reported as OPEN with akm OWE so the rules can tell it apart.
 */
export function protocolsOfRsn(akm: readonly string[]): SecurityProtocol[] {
  const out: SecurityProtocol[] = []
  if (akm.some((a) => WPA2_AKM.has(a))) out.push('WPA2')
  if (akm.some((a) => WPA3_AKM.has(a))) out.push('WPA3')
  if (out.length === 0 && akm.includes('OWE')) out.push('OPEN')
  return out
}

/** Appends unique values. */
export function addUnique<T>(list: T[], ...values: T[]): void {
  for (const v of values) if (!list.includes(v)) list.push(v)
}

/** String limits of the observation schema (the one definition; read once, checked per observation). */
const LIMITS = {
  ssid: observationSchema.shape.ssid.unwrap().maxLength ?? 256,
  bssid: observationSchema.shape.bssid.unwrap().maxLength ?? 32,
  groupCipher: observationSchema.shape.security.shape.groupCipher.unwrap().maxLength ?? 32,
  suite: observationSchema.shape.security.shape.akm.unwrap().unwrap().element.maxLength ?? 32
}

const finiteOrNull = (n: number | null) => n === null || Number.isFinite(n)
const allFinite = (list: readonly number[] | null) => list === null || list.every(Number.isFinite)
const shortStrings = (list: readonly string[] | null) => list === null || list.every((s) => s.length <= LIMITS.suite)

/**
 * Why `o` would fail the observation schema, for the parts that come from text (numbers that do not
 * parse, over-long strings); null when it is valid. A hand check, not a zod parse: zod costs more than
 * the parse itself on a 300-BSS scan, and the fuzz test holds every parser's output to the schema.
 */
function problemOf(o: Observation): string | null {
  if (!finiteOrNull(o.frequencyMhz) || !finiteOrNull(o.channelWidthMhz) || !finiteOrNull(o.signalDbm) || !finiteOrNull(o.noiseDbm)) return 'a number that does not parse'
  if (o.channel !== null && !Number.isSafeInteger(o.channel)) return 'a channel that is not a whole number'
  if (!allFinite(o.basicRatesMbps) || !allFinite(o.supportedRatesMbps)) return 'a rate that does not parse'
  if ((o.ssid?.length ?? 0) > LIMITS.ssid || (o.bssid?.length ?? 0) > LIMITS.bssid) return 'an over-long SSID or BSSID'
  const s = o.security
  if (!shortStrings(s.akm) || !shortStrings(s.pairwiseCiphers) || (s.groupCipher?.length ?? 0) > LIMITS.groupCipher) return `a security suite name longer than ${LIMITS.suite} characters`
  return null
}

/** How many skipped-block warnings are kept; the rest are counted in one line. */
const MAX_WARNINGS = 20

/**
 * Collects one parse: finished observations, skipped blocks counted by reason (so 10,000 broken
 * blocks give one warning line, not 10,000), and the parser's own warnings, capped.
 */
export class ParseTally {
  readonly observations: Observation[] = []
  skipped = 0
  private readonly reasons = new Map<string, number>()
  private readonly notes: string[] = []

  constructor(private readonly tool: string) {}

  /** Keeps the draft's observation, or skips the block when it is not a valid BSS. */
  add(d: Draft): void {
    const o = finish(d)
    const problem = d.problem ?? problemOf(o)
    if (problem === null) this.observations.push(o)
    else this.skip(problem)
  }

  /** Counts one unreadable block; `why` is generic (no SSID), so reasons stay few. */
  skip(why: string): void {
    this.skipped++
    this.reasons.set(why, (this.reasons.get(why) ?? 0) + 1)
  }

  /** A warning of the parser's own (also capped). */
  warn(text: string): void {
    this.notes.push(text)
  }

  result(): ParseResult {
    const all = [...this.notes, ...[...this.reasons].map(([why, n]) => `${this.tool}: skipped ${n} block(s): ${why}`)]
    const warnings = all.length <= MAX_WARNINGS ? all : [...all.slice(0, MAX_WARNINGS), `${this.tool}: ${all.length - MAX_WARNINGS} more warning(s) not shown`]
    return { observations: this.observations, skipped: this.skipped, warnings }
  }
}
