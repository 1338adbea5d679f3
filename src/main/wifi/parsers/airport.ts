/**
 * macOS `airport -s` (scan table) and `airport -I` (current link). airport was removed in macOS
 * 14.4; these parse saved outputs and node-wifi's results on older macOS.
 */
import type { ParseResult, SecurityProtocol } from '../../../shared/model/observation'
import { bandOfChannel, frequencyOfChannel } from './channel'
import { boundLines } from './bounded-input'
import { addUnique, emptyDraft, normalizeBssid, orderProtocols, ParseTally, type Draft } from './observation-draft'
import { ssidFromText } from './ssid'

/** The BSSID column: a MAC, or one masked by whoever shared the capture ("0X:00:X0:…"). */
const MAC = /^[0-9a-zA-Z]{1,2}(?::[0-9a-zA-Z]{1,2}){5}$/
const SECURITY_TOKEN = /^(?:NONE|WEP|WPA\d?\([^)]{0,80}\)|RSN\([^)]{0,80}\))$/
const CHANNEL_TOKEN = /^(\d{1,3})(?:,([+-]?\d{1,3}))?$/

interface ScanRow {
  readonly ssid: string
  readonly bssid: string | null
  readonly rssi: number
  readonly channel: number
  readonly suffix: string | undefined
  readonly security: readonly string[]
}

/**
 * One `airport -s` row, read from the right: the SSID column is free text (spaces, any width), the
 * columns after it have fixed shapes: [BSSID] RSSI CHANNEL HT CC SECURITY… . Tokens are found in one
 * pass (a regex with a lazy SSID group backtracked quadratically on trailing spaces).
 */
function readScanRow(line: string): ScanRow | null {
  const tokens: { text: string; start: number }[] = []
  for (const m of line.matchAll(/\S+/g)) tokens.push({ text: m[0], start: m.index })
  let i = tokens.length - 1
  const security: string[] = []
  while (i >= 0 && SECURITY_TOKEN.test(tokens[i]?.text ?? '')) security.unshift(tokens[i--]?.text ?? '')
  if (security.length === 0 || i < 3) return null
  const ht = tokens[i - 1]?.text
  const channel = CHANNEL_TOKEN.exec(tokens[i - 2]?.text ?? '')
  const rssi = tokens[i - 3]
  if ((ht !== 'Y' && ht !== 'N') || !channel || !rssi || !/^-?\d{1,3}$/.test(rssi.text)) return null
  const before = tokens[i - 4]
  const bssid = before && MAC.test(before.text) ? before : null
  const ssidEnd = (bssid ?? rssi).start
  return {
    ssid: line.slice(0, ssidEnd).trim(),
    bssid: bssid ? bssid.text : null,
    rssi: Number(rssi.text),
    channel: Number(channel[1]),
    suffix: channel[2],
    security
  }
}

const CIPHER: Record<string, string> = { AES: 'CCMP', TKIP: 'TKIP', WEP: 'WEP', 'GCMP-256': 'GCMP-256', GCMP: 'GCMP' }
const AKM: Record<string, string> = { PSK: 'PSK', '802.1x': '802.1X', SAE: 'SAE', OWE: 'OWE', 'FT-PSK': 'FT-PSK', 'FT-SAE': 'FT-SAE' }

/** "WPA(PSK/AES,TKIP/TKIP) WPA2(PSK/AES/AES)" → security (auth/unicast/group per protocol). */
function securityOf(text: string, d: Draft): void {
  const protocols: SecurityProtocol[] = []
  const akm: string[] = []
  const pairwise: string[] = []
  let group: string | null = null
  for (const m of text.matchAll(/(NONE|WEP|WPA\d?|RSN)(?:\(([^)]{0,80})\))?/g)) {
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

function parseScan(lines: readonly string[], tally: ParseTally): void {
  for (const line of lines) {
    if (line.trim() === '' || /^[ \t]*SSID BSSID[ \t]+RSSI/.test(line)) continue
    const row = readScanRow(line)
    if (!row) {
      tally.skip('a line that is no airport -s row')
      continue
    }
    const d = emptyDraft('airport')
    d.bssid = row.bssid ? normalizeBssid(row.bssid) : null
    Object.assign(d, ssidFromText(row.ssid))
    d.signalDbm = row.rssi
    channelOf(d, row.channel, row.suffix)
    // 20 MHz is not shown: a bare channel may be 20, 80 or 160 MHz, so width stays unknown.
    securityOf(row.security.join(' '), d)
    tally.add(d)
  }
}

/** `airport -I` (getinfo): one observation for the current link. */
function parseInfo(lines: readonly string[], tally: ParseTally): void {
  const kv = new Map<string, string>()
  for (const line of lines) {
    const colon = line.indexOf(':')
    if (colon <= 0 || colon > 60) continue
    const value = line.slice(colon + 1)
    kv.set(line.slice(0, colon).trim(), value.startsWith(' ') ? value.slice(1) : value)
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
  if (d.bssid === null && d.signalDbm === null) tally.skip('airport -I without link information (not associated?)')
  else tally.add(d)
}

/** Parses `airport -s` or `airport -I` output (recognised by its header / keys). */
export function parseAirport(input: string): ParseResult {
  const tally = new ParseTally('airport')
  const { lines, warnings } = boundLines(input, 'airport')
  for (const w of warnings) tally.warn(w)
  if (lines.some((l) => /^[ \t]*agrCtlRSSI:/.test(l))) parseInfo(lines, tally)
  else parseScan(lines, tally)
  return tally.result()
}
