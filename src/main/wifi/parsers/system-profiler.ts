/**
 * `system_profiler SPAirPortDataType -json` (macOS). Channel is `"6 (2GHz, 20MHz)"` on macOS 13+
 * or a bare integer on older releases; SSIDs withheld without Location permission read
 * `<redacted>` (redacted, never hidden); BSSIDs are absent on macOS 14+ (null).
 */
import type { Observation, ParseResult, SecurityProtocol } from '../../../shared/model/observation'
import { bandOfChannel, frequencyOfChannel, parseBandLabel } from './channel'
import { emptyDraft, finish, normalizeBssid, type Draft } from './observation-draft'
import { inferPhy, parsePhyModes } from './rates'
import { ssidFromText } from './ssid'

type Json = Record<string, unknown>

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** `spairport_security_mode_*` → protocols + AKM (class only: ciphers are not shown). */
const SECURITY_MODES: Record<string, { protocols: SecurityProtocol[]; akm: string[] }> = {
  none: { protocols: ['OPEN'], akm: [] },
  wep: { protocols: ['WEP'], akm: [] },
  wpa_personal: { protocols: ['WPA'], akm: ['PSK'] },
  wpa_personal_mixed: { protocols: ['WPA', 'WPA2'], akm: ['PSK'] },
  wpa2_personal: { protocols: ['WPA2'], akm: ['PSK'] },
  wpa2_personal_mixed: { protocols: ['WPA', 'WPA2'], akm: ['PSK'] },
  wpa3_personal: { protocols: ['WPA3'], akm: ['SAE'] },
  wpa3_transition: { protocols: ['WPA2', 'WPA3'], akm: ['PSK', 'SAE'] },
  wpa2_wpa3_personal: { protocols: ['WPA2', 'WPA3'], akm: ['PSK', 'SAE'] },
  wpa_enterprise: { protocols: ['WPA'], akm: ['802.1X'] },
  wpa_enterprise_mixed: { protocols: ['WPA', 'WPA2'], akm: ['802.1X'] },
  wpa2_enterprise: { protocols: ['WPA2'], akm: ['802.1X'] },
  wpa3_enterprise: { protocols: ['WPA3'], akm: ['802.1X'] },
  owe: { protocols: ['OPEN'], akm: ['OWE'] },
  owe_transition: { protocols: ['OPEN'], akm: ['OWE'] }
}

function securityOf(mode: unknown, d: Draft, warnings: string[]): void {
  if (typeof mode !== 'string') return
  const key = mode.replace(/^spairport_security_mode_/, '')
  const known = SECURITY_MODES[key]
  if (!known) {
    warnings.push(`system_profiler: unknown security mode "${mode.slice(0, 60)}"; security left unknown`)
    return
  }
  d.security.protocols = known.protocols
  d.security.akm = known.akm
  if (key === 'none' || key === 'wep') {
    d.security.pairwiseCiphers = key === 'wep' ? ['WEP'] : []
    d.security.pmf = 'none'
  }
}

function observationOf(net: Json, warnings: string[]): Observation {
  const d = emptyDraft('system_profiler')
  const name = net._name
  if (typeof name !== 'string' || name === '<redacted>') {
    // Withheld by macOS (Location Services off for this app): not hidden, just not shown.
    d.redacted = true
  } else Object.assign(d, ssidFromText(name))
  d.bssid = typeof net.spairport_network_bssid === 'string' ? normalizeBssid(net.spairport_network_bssid) : null
  const channel = net.spairport_network_channel
  let width: number | null = null
  if (typeof channel === 'number') {
    d.channel = channel
    d.band = bandOfChannel(channel)
  } else if (typeof channel === 'string') {
    const m = /^(\d+)\s*(?:\(([^)]*)\))?/.exec(channel)
    if (m) {
      d.channel = Number(m[1])
      d.band = m[2] ? parseBandLabel(m[2]) : bandOfChannel(d.channel)
      const w = /(\d+)\s*MHz/i.exec(m[2] ?? '')
      if (w) width = Number(w[1])
    }
  }
  if (d.channel !== null && d.band !== null) d.frequencyMhz = frequencyOfChannel(d.channel, d.band)
  d.channelWidthMhz = width
  const sn = /(-?\d+)\s*dBm\s*\/\s*(-?\d+)\s*dBm/.exec(typeof net.spairport_signal_noise === 'string' ? net.spairport_signal_noise : '')
  if (sn) {
    d.signalDbm = Number(sn[1])
    // Older macOS prints "0 dBm" when it has no noise figure: that is not a measurement.
    d.noiseDbm = Number(sn[2]) < 0 ? Number(sn[2]) : null
  }
  const phymode = typeof net.spairport_network_phymode === 'string' ? parsePhyModes(net.spairport_network_phymode) : []
  d.phy = inferPhy({ band: d.band, rates: null, declared: phymode })
  securityOf(net.spairport_security_mode, d, warnings)
  return finish(d)
}

/** Parses `system_profiler SPAirPortDataType -json`. */
export function parseSystemProfiler(text: string): ParseResult {
  const warnings: string[] = []
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return { observations: [], skipped: 1, warnings: ['system_profiler: the output is not valid JSON (run with -json)'] }
  }
  const observations: Observation[] = []
  let skipped = 0
  const sections = isObject(data) && Array.isArray(data.SPAirPortDataType) ? data.SPAirPortDataType : []
  for (const section of sections) {
    const interfaces = isObject(section) && Array.isArray(section.spairport_airport_interfaces) ? section.spairport_airport_interfaces : []
    for (const iface of interfaces) {
      if (!isObject(iface)) continue
      const current = iface.spairport_current_network_information
      const others = Array.isArray(iface.spairport_airport_other_local_wireless_networks) ? iface.spairport_airport_other_local_wireless_networks : []
      // macOS 15 lists the joined network among the others too: keep one of the two.
      const listed = (n: Json) => others.some((o) => isObject(o) && o._name === n._name && o.spairport_network_channel === n.spairport_network_channel)
      const withCurrent = isObject(current) && current.spairport_network_channel !== undefined && !listed(current)
      const networks = [...(withCurrent ? [current] : []), ...others]
      for (const net of networks) {
        if (!isObject(net)) {
          skipped++
          continue
        }
        observations.push(observationOf(net, warnings))
      }
    }
  }
  if (observations.some((o) => o.redacted)) {
    warnings.push('system_profiler: SSIDs redacted — Location Services are off for this app; allow it in System Settings → Privacy & Security → Location Services')
  }
  return { observations, skipped, warnings }
}
