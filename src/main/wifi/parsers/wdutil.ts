/**
 * `sudo wdutil info` (macOS 12+): the current link only, in its WIFI section. Channel is
 * `2g1/20` / `5g44/80` (macOS 13+) or `144 (40 MHz, DFS)` (macOS 12).
 */
import type { ParseResult, SecurityProtocol } from '../../../shared/model/observation'
import { bandOfChannel, frequencyOfChannel } from './channel'
import { boundLines } from './bounded-input'
import { emptyDraft, normalizeBssid, ParseTally } from './observation-draft'
import { inferPhy, parsePhyModes } from './rates'
import { ssidFromText } from './ssid'

const SECURITY: Record<string, { p: SecurityProtocol[]; a: string[] }> = {
  none: { p: ['OPEN'], a: [] },
  'wpa2 personal': { p: ['WPA2'], a: ['PSK'] },
  'wpa3 personal': { p: ['WPA3'], a: ['SAE'] },
  'wpa2/wpa3 personal': { p: ['WPA2', 'WPA3'], a: ['PSK', 'SAE'] },
  'wpa2 enterprise': { p: ['WPA2'], a: ['802.1X'] },
  'wpa3 enterprise': { p: ['WPA3'], a: ['802.1X'] },
  'wpa personal': { p: ['WPA'], a: ['PSK'] },
  wep: { p: ['WEP'], a: [] }
}

/** `Key : value` lines of the WIFI section (section titles are unindented capitals). */
function wifiSection(lines: readonly string[]): Map<string, string> {
  const kv = new Map<string, string>()
  let inWifi = false
  for (const line of lines) {
    if (line !== '' && line[0] !== ' ' && line[0] !== '\t') {
      const title = line.trim()
      if (/^[A-Z][A-Z ]{0,40}$/.test(title)) inWifi = title === 'WIFI'
      continue
    }
    const colon = line.indexOf(':')
    if (!inWifi || colon < 0) continue
    const key = line.slice(0, colon).trim()
    if (key !== '' && key.length <= 40 && !kv.has(key)) kv.set(key, line.slice(colon + 1).trim())
  }
  return kv
}

/** Parses `wdutil info`. */
export function parseWdutil(input: string): ParseResult {
  const tally = new ParseTally('wdutil')
  const { lines, warnings } = boundLines(input, 'wdutil')
  for (const w of warnings) tally.warn(w)
  const kv = wifiSection(lines)
  if (kv.size === 0) {
    tally.skip('no WIFI section')
    return tally.result()
  }
  // Not associated: wdutil prints the word None for SSID, BSSID and Op Mode (and 0 dBm): no network.
  if (kv.get('SSID') === 'None' && (kv.get('BSSID') === 'None' || kv.get('Op Mode') === 'None')) {
    tally.warn('wdutil: this Mac is not connected to a network (SSID None); wdutil shows only the current link')
    return tally.result()
  }
  const d = emptyDraft('wdutil')
  const ssid = kv.get('SSID')
  if (ssid === '<redacted>') d.redacted = true
  else if (ssid !== undefined) Object.assign(d, ssidFromText(ssid))
  d.bssid = normalizeBssid(kv.get('BSSID') ?? '')
  const rssi = /^(-?\d+) dBm/.exec(kv.get('RSSI') ?? '')
  // 0 dBm is what wdutil prints when it has no reading, never a real signal.
  if (rssi && Number(rssi[1]) < 0) d.signalDbm = Number(rssi[1])
  const noise = /^(-?\d+) dBm/.exec(kv.get('Noise') ?? '')
  if (noise && Number(noise[1]) < 0) d.noiseDbm = Number(noise[1])
  const channel = kv.get('Channel') ?? ''
  const modern = /^(2|5|6)g(\d+)\/(\d+)/.exec(channel)
  const older = /^(\d+)\s*\((\d+)\s*MHz/.exec(channel)
  if (modern) {
    d.band = modern[1] === '2' ? '2.4' : modern[1] === '5' ? '5' : '6'
    d.channel = Number(modern[2])
    d.channelWidthMhz = Number(modern[3])
  } else if (older) {
    d.channel = Number(older[1])
    d.band = bandOfChannel(d.channel)
    d.channelWidthMhz = Number(older[2])
  }
  if (d.channel !== null && d.band !== null) d.frequencyMhz = frequencyOfChannel(d.channel, d.band)
  const phy = kv.get('PHY Mode')
  d.phy = inferPhy({ band: d.band, rates: null, declared: phy ? parsePhyModes(phy) : [] })
  const sec = SECURITY[(kv.get('Security') ?? '').toLowerCase()]
  if (sec) {
    d.security.protocols = sec.p
    d.security.akm = sec.a
    if (sec.p[0] === 'OPEN') {
      d.security.pairwiseCiphers = []
      d.security.pmf = 'none'
    }
  }
  if (d.redacted) tally.warn('wdutil: SSID/BSSID redacted by macOS (run with sudo and allow Location Services)')
  tally.add(d)
  return tally.result()
}
