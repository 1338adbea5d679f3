/**
 * What an installed Wall Connector (Gen 3) says about itself through its local HTTP API
 * (`/api/1/version`, `/api/1/wifi_status`, `/api/1/vitals`, `/api/1/lifetime`), as read by
 * main/charger. Every field is `null` where the charger did not say (older firmware, a failed
 * endpoint): the reader never guesses. Everything a charger says is attacker-controlled text.
 */
import { z } from 'zod'

/** The four endpoints read, in the order they are shown. */
export const CHARGER_ENDPOINTS = ['version', 'wifi_status', 'vitals', 'lifetime'] as const
export type ChargerEndpoint = (typeof CHARGER_ENDPOINTS)[number]

/** How one endpoint answered: `ok` when its body was read as a JSON object (perhaps repaired). */
export const endpointReportSchema = z.object({
  /** Stored as a string: a later build may read more endpoints. */
  endpoint: z.string().max(40),
  ok: z.boolean(),
  /** HTTP status of the final answer; null when none came. */
  status: z.number().int().nullable(),
  /** What was wrong, in plain words ("timed out after 3000 ms", "an HTML page, not JSON"); null when fine. */
  problem: z.string().max(600).nullable(),
  /** Repairs made to a firmware quirk ("bare nan read as no value"); empty when none. */
  repairs: z.array(z.string().max(200)).readonly(),
  /** Time to the full answer (ms); null when none came. */
  ms: z.number().nullable()
})
export type EndpointReport = Readonly<z.infer<typeof endpointReportSchema>>

export const chargerWifiSchema = z.object({
  /** The network it joined: base64 decoded when the firmware encodes it. Hostile text. */
  ssid: z.string().max(256).nullable(),
  /** How `wifi_ssid` came: 'base64' (most firmware) or 'plain'; null when absent. */
  ssidEncoding: z.enum(['base64', 'plain']).nullable(),
  rssiDbm: z.number().nullable(),
  snrDb: z.number().nullable(),
  /** `wifi_signal_strength`: a percentage. */
  signalPercent: z.number().nullable(),
  connected: z.boolean().nullable(),
  /** The charger's own verdict of its cloud connection. */
  internet: z.boolean().nullable(),
  ip: z.string().max(64).nullable(),
  mac: z.string().max(64).nullable()
})
export type ChargerWifi = Readonly<z.infer<typeof chargerWifiSchema>>

export const chargerReadingSchema = z.object({
  /** As the user gave it (address or host name). */
  host: z.string().max(300),
  port: z.number().int().min(1).max(65535),
  /** The address actually contacted; null when the name did not resolve. */
  address: z.string().max(64).nullable(),
  readAt: z.string().max(40),
  /** True when at least one endpoint gave an HTTP answer. */
  reachable: z.boolean(),
  firmware: z.string().max(200).nullable(),
  partNumber: z.string().max(200).nullable(),
  serialNumber: z.string().max(200).nullable(),
  /** `web_service`: the cloud host the charger uses (absent on 23.x firmware). */
  webService: z.string().max(300).nullable(),
  wifi: chargerWifiSchema,
  evseState: z.number().int().nullable(),
  /** `evse_not_ready_reasons` codes (absent on older firmware). */
  notReadyReasons: z.array(z.number()).readonly().nullable(),
  /** `current_alerts`, each as text. */
  alerts: z.array(z.string().max(200)).readonly().nullable(),
  /** `vitals.uptime_s`: seconds since the charger last started. */
  uptimeS: z.number().nullable(),
  endpoints: z.array(endpointReportSchema).readonly(),
  /** Everything the reader noticed, in plain words (an endpoint's problem, a field of the wrong type). */
  warnings: z.array(z.string().max(600)).readonly()
})
export type ChargerReading = Readonly<z.infer<typeof chargerReadingSchema>>

/**
 * EVSE state in words, as the community reads the codes (nobl/ioBroker.tesla-wallconnector3
 * `lib/state_trans.js`); any other code is "state N", never a guess.
 */
export function evseStateText(state: number | null): string | null {
  if (state === null) return null
  switch (state) {
    case 0:
      return 'booting'
    case 1:
      return 'idle, no vehicle connected'
    case 2:
      return 'vehicle connected, not ready'
    case 4:
      return 'vehicle connected, ready'
    case 6:
      return 'handshake with the vehicle'
    case 8:
      return 'charging complete'
    case 9:
      return 'waiting on the vehicle'
    case 10:
    case 11:
      return 'charging'
    default:
      return `state ${state}`
  }
}

/** A readable answer came from at least one endpoint. */
export function hasReadableAnswer(reading: ChargerReading): boolean {
  return reading.endpoints.some((e) => e.ok)
}

/** One Wall Connector heard by mDNS discovery (main/charger/discovery). */
export interface DiscoveredCharger {
  /** `TeslaWallConnector_<serial>.local`, as announced (hostile text). */
  readonly host: string
  /** The serial in the name; null when the name carries none. */
  readonly serial: string | null
  /** IPv4/IPv6 addresses announced for it, in order of arrival. */
  readonly addresses: readonly string[]
}
