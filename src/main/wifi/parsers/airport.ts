/**
 * macOS `airport -s` (scan table) and `airport -I` (current link). airport was removed in macOS
 * 14.4; these parse saved outputs and node-wifi's results on older macOS.
 */
import type { Observation, ParseResult, SecurityProtocol } from '../../../shared/model/observation'
import { bandOfChannel, frequencyOfChannel } from './channel'
import { addUnique, emptyDraft, finish, normalizeBssid, orderProtocols, type Draft } from './observation-draft'
import { ssidFromText } from './ssid'

const MAC = /([0-9a-fA-F]{1,2}(?::[0-9a-fA-F]{1,2}){5})$/
/** Right-anchored: the SSID column is free text, everything after it has a fixed shape. */
const ROW = /^(.*?)\s+(-?\d+)\s+(\d+)(?:,([+-]?\d+))?\s+([YN])\s+(\S+)\s+((?:NONE|WEP|WPA\d?\([^)]*\)|RSN\([^)]*\))(?:\s+(?:WPA\d?\([^)]*\)|RSN\([^)]*\)))*)\s*$/

const CIPHER: Record<string, string> = { AES: 'CCMP', TKIP: 'TKIP', WEP: 'WEP', 'GCMP-256': 'GCMP-256', GCMP: 'GCMP' }
const AKM: Record<string, string> = { PSK: 'PSK', '802.1x': '802.1X', SAE: 'SAE', OWE: 'OWE', 'FT-PSK': 'FT-PSK', 'FT-SAE': 'FT-SAE' }

/** "WPA(PSK/AES,TKIP/TKIP) WPA2(PSK/AES/AES)" → security (auth/unicast/group per protocol). */
function securityOf(text: string, d: Draft): void {
  const protocols: SecurityProtocol[] = []
  const akm: string[] = []
  const pairwise: string[] = []
  let group: string | null = null
  for (const m of text.matchAll(/(NONE|WEP|WPA\d?|RSN)(?:\(([^)]*)\))?/g)) {
    const [, proto, inner] = m
    if (proto === 'NONE') protocols.push('OPEN')
    else if (proto === 'WEP') {
      protocols.push('WEP')
      addUnique(pairwise, 'WEP')
      group = 'WEP'
    }
    const parts = (inner ?? '').split('/')
    const auths = (parts[0] ?? '').split(',').filter((a) => a !== '')
    const mapped = auths.map((a) => AKM[a] ?? a)
    if (proto === 'WPA') protocols.push('WPA')
    if (proto === 'WPA2' || proto === 'RSN') {
      if (mapped.some((a) => a === 'PSK' || a === '802.1X' || a === 'FT-PSK')) protocols.push('WPA2')
      if (mapped.some((a) => a === 'SAE' || a === 'FT-SAE')) protocols.push('WPA3')
    }
    if (proto === 'WPA3') protocols.push('WPA3')
    addUnique(akm, ...mapped)
    for (const c of (parts[1] ?? '').split(',')) if (CIPHER[c]) addUnique(pairwise, CIPHER[c])
    const groupCipher = CIPHER[parts[2] ?? '']
    if (groupCipher) group ??= groupCipher
  }
  d.security.protocols = orderProtocols(protocols)
  d.security.akm = akm
  d.security.pairwiseCiphers = pairwise
  d.security.groupCipher = group
  if (protocols.every((p) => p === 'OPEN' || p === 'WEP')) d.security.pmf = 'none'
}

function channelOf(d: Draft, channel: number, suffix: string | undefined): void {
  d.channel = channel
  d.band = bandOfChannel(channel)
  d.frequencyMhz = d.band ? frequencyOfChannel(channel, d.band) : null
  if (suffix === '+1' || suffix === '1') {
    d.secondaryChannelOffset = 'above'
    d.channelWidthMhz = 40
  } else if (suffix === '-1') {
    d.secondaryChannelOffset = 'below'
    d.channelWidthMhz = 40
  } else if (suffix !== undefined && /^\d+$/.test(suffix)) d.channelWidthMhz = Number(suffix) // -I: "48,80"
}

function parseScan(lines: readonly string[]): ParseResult {
  const observations: Observation[] = []
  let skipped = 0
  for (const line of lines) {
    if (line.trim() === '' || /^\s*SSID BSSID\s+RSSI/.test(line)) continue
    const m = ROW.exec(line)
    if (!m) {
      skipped++
      continue
    }
    const d = emptyDraft('airport')
    const [, pre = '', rssi, channel, suffix, , , security = ''] = m
    const mac = MAC.exec(pre.trim())?.[1]
    d.bssid = mac ? normalizeBssid(mac) : null
    Object.assign(d, ssidFromText((mac ? pre.trim().slice(0, -mac.length) : pre).trim()))
    d.signalDbm = Number(rssi)
    channelOf(d, Number(channel), suffix)
    // 20 MHz is not shown: a bare channel may be 20, 80 or 160 MHz, so width stays unknown.
    securityOf(security, d)
    observations.push(finish(d))
  }
  return { observations, skipped, warnings: skipped > 0 ? [`airport: skipped ${skipped} unreadable line(s)`] : [] }
}

/** `airport -I` (getinfo): one observation for the current link. */
function parseInfo(lines: readonly string[]): ParseResult {
  const kv = new Map<string, string>()
  for (const line of lines) {
    const m = /^\s*([^:]+?):\s?(.*)$/.exec(line)
    if (m) kv.set((m[1] ?? '').trim(), m[2] ?? '')
  }
  const d = emptyDraft('airport')
  if (kv.has('SSID')) Object.assign(d, ssidFromText(kv.get('SSID') ?? ''))
  d.bssid = normalizeBssid(kv.get('BSSID') ?? '')
  const rssi = Number(kv.get('agrCtlRSSI'))
  if (kv.has('agrCtlRSSI') && Number.isFinite(rssi)) d.signalDbm = rssi
  const noise = Number(kv.get('agrCtlNoise'))
  if (kv.has('agrCtlNoise') && Number.isFinite(noise) && noise < 0) d.noiseDbm = noise
  const ch = /^(\d+)(?:,(-?\+?\d+))?/.exec((kv.get('channel') ?? '').trim())
  if (ch) channelOf(d, Number(ch[1]), ch[2])
  const auth = (kv.get('link auth') ?? '').trim()
  if (auth !== '') {
    const map: Record<string, { p: SecurityProtocol[]; a: string[] }> = {
      none: { p: ['OPEN'], a: [] },
      'wpa-psk': { p: ['WPA'], a: ['PSK'] },
      'wpa2-psk': { p: ['WPA2'], a: ['PSK'] },
      'wpa3-sae': { p: ['WPA3'], a: ['SAE'] },
      wpa2: { p: ['WPA2'], a: ['802.1X'] },
      wpa3: { p: ['WPA3'], a: ['802.1X'] }
    }
    if (map[auth]) {
      d.security.protocols = map[auth].p
      d.security.akm = map[auth].a
    }
  }
  if (d.bssid === null && d.signalDbm === null) return { observations: [], skipped: 1, warnings: ['airport -I: no link information'] }
  return { observations: [finish(d)], skipped: 0, warnings: [] }
}

/** Parses `airport -s` or `airport -I` output (recognised by its header / keys). */
export function parseAirport(text: string): ParseResult {
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  if (lines.some((l) => /^\s*agrCtlRSSI:/.test(l))) return parseInfo(lines)
  return parseScan(lines)
}
