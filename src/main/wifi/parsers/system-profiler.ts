/**
 * `system_profiler SPAirPortDataType -json` (macOS). Channel is `"6 (2GHz, 20MHz)"` on macOS 13+
 * or a bare integer on older releases; SSIDs withheld without Location permission read
 * `<redacted>` (redacted, never hidden); BSSIDs are absent on macOS 14+ (null).
 */
import type { ParseResult, SecurityProtocol } from '../../../shared/model/observation'
import { bandOfChannel, frequencyOfChannel, parseBandLabel } from './channel'
import { boundInput } from './bounded-input'
import { emptyDraft, normalizeBssid, ParseTally, type Draft } from './observation-draft'
import { inferPhy, parsePhyModes } from './rates'
import { ssidFromText } from './ssid'

type Json = Record<string, unknown>

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** `spairport_security_mode_*` → protocols + AKM (class only: ciphers are not shown). */
const SECURITY_MODES: Readonly<Record<string, { protocols: SecurityProtocol[]; akm: string[] }>> = {
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
  // Apple's own output misspells one mode "pairport_security_mode_wpa3_transition" (no leading s).
  const key = mode.replace(/^s?pairport_security_mode_/, '')
  const known = Object.hasOwn(SECURITY_MODES, key) ? SECURITY_MODES[key] : undefined
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

function observationOf(net: Json, warnings: string[]): Draft {
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
    if (Number.isSafeInteger(channel)) {
      d.channel = channel
      d.band = bandOfChannel(channel)
    }
  } else if (typeof channel === 'string') {
    // "44 (5GHz, 80MHz)" (macOS 13+), or airport's notation "1,+1" / "9,-1" (40 MHz, secondary
    // channel above/below) and "36,80" (macOS 12).
    const m = /^(\d{1,3})\s*(?:\(([^)]{0,40})\)|,([+-]?\d{1,3}))?/.exec(channel)
    if (m) {
      d.channel = Number(m[1])
      d.band = m[2] ? parseBandLabel(m[2]) : bandOfChannel(d.channel)
      const w = /(\d{1,3})\s*MHz/i.exec(m[2] ?? '')
      if (w) width = Number(w[1])
      else if (m[3] === '+1' || m[3] === '-1') {
        width = 40
        d.secondaryChannelOffset = m[3] === '+1' ? 'above' : 'below'
      } else if (m[3] !== undefined && /^\d+$/.test(m[3])) width = Number(m[3])
    }
  }
  if (d.channel !== null && d.band !== null) d.frequencyMhz = frequencyOfChannel(d.channel, d.band)
  d.channelWidthMhz = width
  const sn = /(-?\d{1,4})\s*dBm\s*\/\s*(-?\d{1,4})\s*dBm/.exec(typeof net.spairport_signal_noise === 'string' ? net.spairport_signal_noise.slice(0, 80) : '')
  if (sn) {
    d.signalDbm = Number(sn[1])
    // Older macOS prints "0 dBm" when it has no noise figure: that is not a measurement.
    d.noiseDbm = Number(sn[2]) < 0 ? Number(sn[2]) : null
  }
  const phymode = typeof net.spairport_network_phymode === 'string' ? parsePhyModes(net.spairport_network_phymode) : []
  d.phy = inferPhy({ band: d.band, rates: null, declared: phymode })
  securityOf(net.spairport_security_mode, d, warnings)
  return d
}

/** Parses `system_profiler SPAirPortDataType -json`. */
export function parseSystemProfiler(input: string): ParseResult {
  const tally = new ParseTally('system_profiler')
  const bounded = boundInput(input, 'system_profiler', { keepLines: true })
  for (const w of bounded.warnings) tally.warn(w)
  const warnings: string[] = []
  let data: unknown
  try {
    data = JSON.parse(bounded.text)
  } catch {
    tally.skip('the output is not valid JSON (run system_profiler SPAirPortDataType -json)')
    return tally.result()
  }
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
        if (isObject(net)) tally.add(observationOf(net, warnings))
        else tally.skip('a network entry that is not an object')
      }
    }
  }
  for (const w of new Set(warnings)) tally.warn(w)
  if (tally.observations.some((o) => o.redacted)) {
    tally.warn('system_profiler: SSIDs redacted — Location Services are off for this app; allow it in System Settings → Privacy & Security → Location Services')
  }
  return tally.result()
}
