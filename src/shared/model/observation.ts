/**
 * One BSS as seen by one scan: every field a requirement needs, `null` when the scanner could not
 * see it. Parsers never guess (ARCHITECTURE.md "Data").
 */
import { z } from 'zod'
import { nameForDisplay, newerNameSchema } from './newer-names'

export const bandSchema = z.enum(['2.4', '5', '6'])
export type Band = z.infer<typeof bandSchema>

export const securityProtocolSchema = z.enum(['WEP', 'WPA', 'WPA2', 'WPA3', 'OPEN'])
export type SecurityProtocol = z.infer<typeof securityProtocolSchema>

/** PHY standards; `a` exists on 5 GHz only, the rest as named by IEEE 802.11 amendments. */
export const phySchema = z.enum(['a', 'b', 'g', 'n', 'ac', 'ax', 'be'])
export type Phy = z.infer<typeof phySchema>

export const pmfSchema = z.enum(['required', 'capable', 'none'])

/** The tools this build reads observations from. `replay` is a recorded scan played back. */
export const SCAN_SOURCES = [
  'iw',
  'iwlist',
  'nmcli',
  'node-wifi',
  'netsh',
  'system_profiler',
  'airport',
  'wdutil',
  'replay'
] as const
export type ScanSource = (typeof SCAN_SOURCES)[number]

/**
 * Which tool produced an observation, as a file stores it: one this build knows or one a newer
 * build added (a new scanner). Shown through nameForDisplay; the brand keeps it out of anything
 * keyed by ScanSource until narrowed (knownName).
 */
export const scanSourceSchema = z.union([z.enum(SCAN_SOURCES), newerNameSchema.brand<'NewerScanSource'>()])
export type StoredScanSource = z.infer<typeof scanSourceSchema>

/** A stored scan source as shown to a person (report appendix, evidence): see nameForDisplay. */
export function scanSourceForDisplay(source: string): string {
  return nameForDisplay(SCAN_SOURCES, source)
}

export const securitySchema = z.object({
  /** e.g. ['WPA2'], ['WPA2','WPA3'] for transition mode, ['OPEN'] */
  protocols: z.array(securityProtocolSchema).readonly().nullable(),
  /** AKM suites: PSK, SAE, 802.1X, OWE, FT-PSK, FT-SAE, FT-802.1X, PSK-SHA256, … */
  akm: z.array(z.string().max(32)).readonly().nullable(),
  /** Pairwise ciphers: CCMP, TKIP, GCMP, GCMP-256, CCMP-256, WEP */
  pairwiseCiphers: z.array(z.string().max(32)).readonly().nullable(),
  groupCipher: z.string().max(32).nullable(),
  pmf: pmfSchema.nullable()
})
export type Security = z.infer<typeof securitySchema>

/** Longest access-point device name kept (WPS allows 32 bytes; longer text is cut and counted). */
export const DEVICE_NAME_MAX = 64

export const observationSchema = z.object({
  /** Decoded SSID text; null when hidden, redacted or not decodable. Hostile text: never HTML. */
  ssid: z.string().max(256).nullable(),
  /** The SSID's raw bytes as lowercase hex (at most 32 bytes = 64 hex digits), null if unknown. */
  ssidHex: z.string().regex(/^[0-9a-f]*$/).max(64).nullable(),
  hidden: z.boolean(),
  /** The OS withheld the SSID (macOS without Location permission); not the same as hidden. */
  redacted: z.boolean(),
  /** Lowercase colon-separated MAC, or null when the OS withholds it. */
  bssid: z.string().max(32).nullable(),
  frequencyMhz: z.number().nullable(),
  channel: z.number().int().nullable(),
  band: bandSchema.nullable(),
  channelWidthMhz: z.number().nullable(),
  secondaryChannelOffset: z.enum(['above', 'below', 'none']).nullable(),
  security: securitySchema,
  phy: z.array(phySchema).readonly().nullable(),
  basicRatesMbps: z.array(z.number()).readonly().nullable(),
  supportedRatesMbps: z.array(z.number()).readonly().nullable(),
  signalDbm: z.number().nullable(),
  /** True when signalDbm was computed from a percentage (nmcli, netsh) rather than measured. */
  signalDerived: z.boolean(),
  noiseDbm: z.number().nullable(),
  /**
   * The access point's own name where the scan gives one (iw: WPS "Device name"), absent
   * otherwise. Hostile text (the AP's owner chose it): shown through visibleText, never HTML.
   */
  deviceName: z.string().max(DEVICE_NAME_MAX).optional(),
  source: scanSourceSchema
})
export type Observation = Readonly<z.infer<typeof observationSchema>>

/** What a parser returns: the observations, and how many blocks it could not read. */
export interface ParseResult {
  readonly observations: readonly Observation[]
  /** Blocks that could not be parsed; skipped and counted, never fatal. */
  readonly skipped: number
  readonly warnings: readonly string[]
}
