/**
 * `iwlist <if> scan` (wireless-tools), best effort: drivers differ (signal in dBm or as x/100,
 * optional Channel line, vendor `Protocol:11g/n BW20`). Wireless-tools predates SAE/OWE.
 */
import type { ParseResult, SecurityProtocol } from '../../../shared/model/observation'
import { channelOfFrequency } from './channel'
import { bandOfFrequency } from '../../../shared/model/bss-identity'
import { boundLines } from './bounded-input'
import { addUnique, emptyDraft, normalizeBssid, orderProtocols, ParseTally, type Draft } from './observation-draft'
import { inferPhy, parseNumberList, parsePhyModes } from './rates'
import { decodeIwEscapes, ssidFromBytes } from './ssid'

interface RawElements {
  ht: boolean
  vht: boolean
  he: boolean
  offset: 'above' | 'below' | 'none' | null
  htAnyWidth: boolean | null
  vhtWidth: number | null
}

/**
 * Decodes the raw elements iwlist prints as "IE: Unknown: <hex>" (id, length, body): HT
 * capabilities (45) / operation (61: secondary channel offset bits 0–1, STA channel width bit 2),
 * VHT capabilities (191) / operation (192: channel width byte), HE (extension 255 / 35, 36).
 */
function readRawElement(hex: string, into: RawElements): void {
  const id = parseInt(hex.slice(0, 2), 16)
  const body = (i: number) => parseInt(hex.slice(4 + i * 2, 6 + i * 2), 16)
  if (id === 45) into.ht = true
  else if (id === 61 && hex.length >= 8) {
    into.ht = true
    const info = body(1)
    const offset = info & 0x3
    into.offset = offset === 1 ? 'above' : offset === 3 ? 'below' : 'none'
    into.htAnyWidth = (info & 0x4) !== 0
  } else if (id === 191) into.vht = true
  else if (id === 192 && hex.length >= 6) {
    into.vht = true
    into.vhtWidth = body(0)
  } else if (id === 255 && hex.length >= 6 && (body(0) === 35 || body(0) === 36)) into.he = true
}

function parseCell(lines: readonly string[]): Draft | null {
  const d = emptyDraft('iwlist')
  const head = /Address:\s*([0-9A-Fa-f:]*)/.exec(lines[0] ?? '')
  d.bssid = head ? normalizeBssid(head[1] ?? '') : null
  const rates: number[] = []
  let ratesSeen = false
  let privacy: boolean | null = null
  let ie: 'WPA' | 'WPA2' | null = null
  const protocols: SecurityProtocol[] = []
  const akm: string[] = []
  const pairwise: string[] = []
  let group: string | null = null
  let declared: string | null = null
  let inRates = false
  const elements: RawElements = { ht: false, vht: false, he: false, offset: null, htAnyWidth: null, vhtWidth: null }
  for (const raw of lines.slice(1)) {
    const line = raw.trim()
    if (inRates && /^\d+(\.\d+)? Mb\/s/.test(line)) {
      rates.push(...parseNumberList(line.replace(/Mb\/s;?/g, ' ')))
      continue
    }
    inRates = false
    let m: RegExpExecArray | null
    if ((m = /^Frequency[:=]\s*([\d.]{1,12}) GHz/.exec(line))) {
      d.frequencyMhz = Math.round(Number(m[1]) * 1000)
      d.band = bandOfFrequency(d.frequencyMhz)
      const ch = /\(Channel (\d{1,3})\)/.exec(line)
      d.channel = ch ? Number(ch[1]) : channelOfFrequency(d.frequencyMhz)
    } else if ((m = /^ESSID:(.*)$/.exec(line))) {
      const essid = m[1] ?? ''
      const quoted = /^"(.*)"$/.exec(essid)
      Object.assign(d, ssidFromBytes(decodeIwEscapes(quoted?.[1] ?? essid)))
    } else if ((m = /Signal level[=:]\s*(-?\d{1,4}(?:\.\d{1,4})?)\s*dBm/.exec(line))) {
      d.signalDbm = Number(m[1])
      const noise = /Noise level[=:]\s*(-?\d{1,4})\s*dBm/.exec(line)
      if (noise) d.noiseDbm = Number(noise[1])
    } else if ((m = /^Encryption key:(on|off)/.exec(line))) privacy = m[1] === 'on'
    else if ((m = /^Bit Rates:(.*)$/.exec(line))) {
      ratesSeen = true
      inRates = true
      rates.push(...parseNumberList((m[1] ?? '').replace(/Mb\/s;?/g, ' ')))
    } else if ((m = /^Protocol:(.*)$/.exec(line))) {
      declared = m[1] ?? ''
      const bw = /BW(\d{1,3})/.exec(declared)
      if (bw) d.channelWidthMhz = Number(bw[1])
    } else if ((m = /^IE: Unknown: ([0-9A-Fa-f]+)$/.exec(line))) {
      readRawElement(m[1] ?? '', elements)
    } else if (/^IE: IEEE 802\.11i\/WPA2/.test(line)) {
      ie = 'WPA2'
      protocols.push('WPA2')
    } else if (/^IE: WPA Version/.test(line)) {
      ie = 'WPA'
      protocols.push('WPA')
    } else if (ie && (m = /^Group Cipher\s*:\s*(\S+)/.exec(line))) group ??= (m[1] ?? '').replace(/^WEP-\d+$/, 'WEP')
    else if (ie && (m = /^Pairwise Ciphers \(\d+\)\s*:\s*(.*)$/.exec(line))) addUnique(pairwise, ...(m[1] ?? '').trim().split(/\s+/))
    else if (ie && (m = /^Authentication Suites \(\d+\)\s*:\s*(.*)$/.exec(line))) {
      for (const a of (m[1] ?? '').trim().split(/\s+/)) addUnique(akm, a === '802.1x' ? '802.1X' : a)
    }
  }
  if (protocols.length === 0 && privacy !== null) {
    protocols.push(privacy ? 'WEP' : 'OPEN')
    if (privacy) {
      pairwise.push('WEP')
      group = 'WEP'
    }
  }
  if (protocols.length > 0 || privacy !== null) {
    d.security.protocols = orderProtocols(protocols)
    d.security.akm = akm
    d.security.pairwiseCiphers = pairwise
    d.security.groupCipher = group
    // wireless-tools does not print RSN capabilities: PMF is known only without RSN.
    if (!protocols.includes('WPA2')) d.security.pmf = 'none'
  }
  const supported = [...new Set(rates)].sort((a, b) => a - b)
  // iwlist merges basic and other rates: basic rates stay unknown.
  d.supportedRatesMbps = ratesSeen ? supported : null
  const declaredPhy = declared ? parsePhyModes(declared.replace(/^IEEE /, '').replace(/\s.*$/, '')) : []
  d.phy = inferPhy({ band: d.band, rates: ratesSeen ? supported : null, declared: declaredPhy, ht: elements.ht, vht: elements.vht, he: elements.he })
  if (elements.offset !== null) {
    d.secondaryChannelOffset = elements.offset
    if (elements.htAnyWidth !== null) d.channelWidthMhz = elements.offset !== 'none' && elements.htAnyWidth ? 40 : 20
    if (elements.vhtWidth === 1) d.channelWidthMhz = 80
    else if (elements.vhtWidth === 2 || elements.vhtWidth === 3) d.channelWidthMhz = 160
  }
  if (d.bssid === null && d.frequencyMhz === null) return null
  return d
}

/** Parses `iwlist <if> scan(ning)` output; cells without address and frequency are skipped. */
export function parseIwlist(input: string): ParseResult {
  const tally = new ParseTally('iwlist')
  const { lines, warnings } = boundLines(input, 'iwlist')
  for (const w of warnings) tally.warn(w)
  let cell: string[] | null = null
  const flush = () => {
    if (!cell) return
    const d = parseCell(cell)
    if (d) tally.add(d)
    else tally.skip('a cell without address and frequency')
    cell = null
  }
  for (const line of lines) {
    if (/^[ \t]*Cell \d{1,4} - Address:/.test(line)) {
      flush()
      cell = [line]
    } else if (/^\S/.test(line)) flush() // next interface header
    else cell?.push(line)
  }
  flush()
  return tally.result()
}
