/**
 * `sudo wdutil info` (macOS 12+): the current link only, in its WIFI section. Channel is
 * `2g1/20` / `5g44/80` (macOS 13+) or `144 (40 MHz, DFS)` (macOS 12).
 */
import type { ParseResult, SecurityProtocol } from '../../../shared/model/observation'
import { bandOfChannel, frequencyOfChannel } from './channel'
import { emptyDraft, finish, normalizeBssid } from './observation-draft'
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

/** Parses `wdutil info`. */
export function parseWdutil(text: string): ParseResult {
  const kv = new Map<string, string>()
  let inWifi = false
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (/^[A-Z][A-Z ]+$/.test(line.trim()) && !line.startsWith(' ')) {
      inWifi = line.trim() === 'WIFI'
      continue
    }
    const m = /^\s+([^:]+?)\s*:\s?(.*)$/.exec(line)
    if (inWifi && m?.[1] && !kv.has(m[1])) kv.set(m[1], (m[2] ?? '').trim())
  }
  if (kv.size === 0) return { observations: [], skipped: 1, warnings: ['wdutil: no WIFI section found'] }
  const d = emptyDraft('wdutil')
  const ssid = kv.get('SSID')
  if (ssid === '<redacted>') d.redacted = true
  else if (ssid !== undefined) Object.assign(d, ssidFromText(ssid))
  d.bssid = normalizeBssid(kv.get('BSSID') ?? '')
  const rssi = /^(-?\d+) dBm/.exec(kv.get('RSSI') ?? '')
  if (rssi) d.signalDbm = Number(rssi[1])
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
  const warnings = d.redacted ? ['wdutil: SSID/BSSID redacted by macOS (run with sudo and allow Location Services)'] : []
  return { observations: [finish(d)], skipped: 0, warnings }
}
