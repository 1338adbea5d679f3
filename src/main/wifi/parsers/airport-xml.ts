/**
 * `airport --scan --xml` (macOS before 14.4): a property list, one dict per BSS with the beacon's
 * elements already decoded (HT/VHT operation, RSN/WPA suite numbers, rates, raw SSID bytes).
 */
import type { ParseResult, SecurityProtocol } from '../../../shared/model/observation'
import { bandOfChannel, frequencyOfChannel } from './channel'
import { AKM_BY_NUMBER, CIPHER_BY_NUMBER } from './iw'
import { boundInput } from './bounded-input'
import { addUnique, emptyDraft, normalizeBssid, orderProtocols, ParseTally, protocolsOfRsn, type Draft } from './observation-draft'
import { inferPhy } from './rates'
import { fromBase64, ssidFromBytes, ssidFromText } from './ssid'

type Plist = string | number | boolean | Uint8Array | Plist[] | { [key: string]: Plist }

/** Deeper nesting is not airport output (a scan is array → dict → dict); it would exhaust the stack. */
const MAX_DEPTH = 32

/** A small plist reader (dict, array, key, string, integer, real, true/false, data). */
function readPlist(xml: string): Plist | null {
  const tokens: string[] = xml.match(/<(\/?)(dict|array|key|string|integer|real|data|date|true|false)(\s*\/)?>|[^<]+/g) ?? []
  let i = 0
  const text = (): string => {
    const t = tokens[i] ?? ''
    if (t.startsWith('<')) return ''
    i++
    return t
  }
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')
  const value = (depth: number): Plist | null => {
    while (i < tokens.length && !(tokens[i] ?? '').startsWith('<')) i++
    const t = tokens[i++]
    if (t === undefined || depth > MAX_DEPTH) return null
    if (t === '<true/>') return true
    if (t === '<false/>') return false
    if (t === '<dict/>') return {}
    if (t === '<array/>') return []
    const tag = /^<(\w+)>$/.exec(t)?.[1]
    if (tag === 'dict') {
      const out: { [key: string]: Plist } = {}
      while (i < tokens.length && tokens[i] !== '</dict>') {
        if (tokens[i] === '<key>') {
          i++
          const k = unescape(text())
          i++ // </key>
          const v = value(depth + 1)
          if (v !== null) out[k] = v
        } else i++
      }
      i++
      return out
    }
    if (tag === 'array') {
      const out: Plist[] = []
      while (i < tokens.length && tokens[i] !== '</array>') {
        if ((tokens[i] ?? '').startsWith('<')) {
          const v = value(depth + 1)
          if (v !== null) out.push(v)
        } else i++
      }
      i++
      return out
    }
    const body = tag === 'string' || tag === 'integer' || tag === 'real' || tag === 'data' || tag === 'date' ? text() : ''
    i++ // closing tag
    if (tag === 'integer' || tag === 'real') return Number(body.trim())
    if (tag === 'data') return fromBase64(body.replace(/\s+/g, ''))
    return unescape(body)
  }
  const start = tokens.indexOf('<array>') >= 0 ? tokens.indexOf('<array>') : tokens.indexOf('<dict>')
  if (start < 0) return null
  i = start
  return value(0)
}

const isDict = (v: Plist | undefined): v is { [key: string]: Plist } => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array)
const numbers = (v: Plist | undefined): number[] => (Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number') : [])

function observationOf(bss: { [key: string]: Plist }): Draft | null {
  const d = emptyDraft('airport')
  d.bssid = typeof bss.BSSID === 'string' ? normalizeBssid(bss.BSSID) : null
  if (bss.SSID instanceof Uint8Array) Object.assign(d, ssidFromBytes(bss.SSID))
  else if (typeof bss.SSID_STR === 'string') Object.assign(d, ssidFromText(bss.SSID_STR))
  if (typeof bss.RSSI === 'number') d.signalDbm = bss.RSSI
  if (typeof bss.NOISE === 'number' && bss.NOISE < 0) d.noiseDbm = bss.NOISE
  if (typeof bss.CHANNEL === 'number') {
    d.channel = bss.CHANNEL
    const flags = typeof bss.CHANNEL_FLAGS === 'number' ? bss.CHANNEL_FLAGS : 0
    // Apple80211 channel flags: 0x8 = 2.4 GHz, 0x10 = 5 GHz (seen on every capture's channels).
    d.band = flags & 0x8 ? '2.4' : flags & 0x10 ? '5' : bandOfChannel(bss.CHANNEL)
    d.frequencyMhz = d.band ? frequencyOfChannel(bss.CHANNEL, d.band) : null
  }
  const ht = bss.HT_IE
  if (isDict(ht)) {
    const offset = ht.HT_SECONDARY_CHAN_OFFSET
    d.secondaryChannelOffset = offset === 1 ? 'above' : offset === 3 ? 'below' : offset === 0 ? 'none' : null
    if (typeof ht.HT_STA_CHAN_WIDTH === 'boolean') d.channelWidthMhz = ht.HT_STA_CHAN_WIDTH && d.secondaryChannelOffset !== 'none' ? 40 : 20
  }
  const vht = bss.VHT_OP
  if (isDict(vht) && typeof vht.CHANNEL_WIDTH === 'number') {
    const seg0 = typeof vht.CHANNEL_CENTER_FREQUENCY_SEG0 === 'number' ? vht.CHANNEL_CENTER_FREQUENCY_SEG0 : 0
    const seg1 = typeof vht.CHANNEL_CENTER_FREQUENCY_SEG1 === 'number' ? vht.CHANNEL_CENTER_FREQUENCY_SEG1 : 0
    if (vht.CHANNEL_WIDTH === 1) d.channelWidthMhz = seg1 > 0 && Math.abs(seg1 - seg0) >= 8 ? 160 : 80
    else if (vht.CHANNEL_WIDTH === 2 || vht.CHANNEL_WIDTH === 3) d.channelWidthMhz = 160
  }
  // Apple lists rates as integers: 5 is 5.5 Mbps (802.11 has no 5 Mbps rate).
  const rates = numbers(bss.RATES).map((r) => (r === 5 ? 5.5 : r))
  if (Array.isArray(bss.RATES)) d.supportedRatesMbps = [...new Set(rates)].sort((a, b) => a - b)
  const highThroughput = isDict(bss.HT_CAPS_IE) || isDict(ht) || isDict(bss.VHT_CAPS) || isDict(vht)
  d.phy = inferPhy({ band: d.band, rates: Array.isArray(bss.RATES) ? rates : null, ht: isDict(bss.HT_CAPS_IE) || isDict(ht), vht: isDict(bss.VHT_CAPS) || isDict(vht) })
  if (!highThroughput && Array.isArray(bss.RATES) && d.band === '2.4') {
    // As for iw: decoded elements without any HT/VHT one are a legacy BSS, 20 MHz, no secondary.
    d.channelWidthMhz = 20
    d.secondaryChannelOffset = 'none'
  }
  const protocols: SecurityProtocol[] = []
  const akm: string[] = []
  const pairwise: string[] = []
  let group: string | null = null
  const rsn = bss.RSN_IE
  const wpa = bss.WPA_IE
  if (isDict(rsn)) {
    const rsnAkm = numbers(rsn.IE_KEY_RSN_AUTHSELS).map((n) => AKM_BY_NUMBER[String(n)] ?? `00-0f-ac:${n}`)
    addUnique(akm, ...rsnAkm)
    protocols.push(...protocolsOfRsn(rsnAkm))
    for (const n of numbers(rsn.IE_KEY_RSN_UCIPHERS)) addUnique(pairwise, CIPHER_BY_NUMBER[String(n)] ?? `00-0f-ac:${n}`)
    if (typeof rsn.IE_KEY_RSN_MCIPHER === 'number') group = CIPHER_BY_NUMBER[String(rsn.IE_KEY_RSN_MCIPHER)] ?? null
    const caps = isDict(rsn.IE_KEY_RSN_CAPS) ? rsn.IE_KEY_RSN_CAPS : null
    if (caps) d.security.pmf = caps.MFP_REQUIRED === true ? 'required' : caps.MFP_CAPABLE === true ? 'capable' : 'none'
  }
  if (isDict(wpa)) {
    protocols.push('WPA')
    // The WPA (Microsoft OUI) element numbers its suites like RSN: 1 = 802.1X, 2 = PSK; 2 = TKIP, 4 = CCMP.
    addUnique(akm, ...numbers(wpa.IE_KEY_WPA_AUTHSELS).map((n) => AKM_BY_NUMBER[String(n)] ?? `00-50-f2:${n}`))
    for (const n of numbers(wpa.IE_KEY_WPA_UCIPHERS)) addUnique(pairwise, CIPHER_BY_NUMBER[String(n)] ?? `00-50-f2:${n}`)
    if (group === null && typeof wpa.IE_KEY_WPA_MCIPHER === 'number') group = CIPHER_BY_NUMBER[String(wpa.IE_KEY_WPA_MCIPHER)] ?? null
    if (!isDict(rsn)) d.security.pmf = 'none'
  }
  if (!isDict(rsn) && !isDict(wpa) && typeof bss.CAPABILITIES === 'number') {
    // Capability bit 4 (0x10) = Privacy: WEP when no RSN/WPA element.
    if (bss.CAPABILITIES & 0x10) {
      protocols.push('WEP')
      pairwise.push('WEP')
      group = 'WEP'
    } else protocols.push('OPEN')
    d.security.pmf = 'none'
  }
  if (protocols.length > 0 || isDict(rsn)) {
    d.security.protocols = orderProtocols(protocols)
    d.security.akm = akm
    d.security.pairwiseCiphers = pairwise
    d.security.groupCipher = group
  }
  if (d.bssid === null && d.channel === null) return null
  return d
}

/** Parses `airport --scan --xml` output. */
export function parseAirportXml(input: string): ParseResult {
  const tally = new ParseTally('airport --xml')
  const { text, warnings } = boundInput(input, 'airport --xml', { keepLines: true })
  for (const w of warnings) tally.warn(w)
  const root = readPlist(text)
  if (root === null) tally.skip('no plist array or dict')
  for (const item of Array.isArray(root) ? root : []) {
    const d = isDict(item) ? observationOf(item) : null
    if (d) tally.add(d)
    else tally.skip('an entry without BSSID and channel')
  }
  return tally.result()
}
