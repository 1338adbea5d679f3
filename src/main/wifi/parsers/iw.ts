/**
 * `iw dev <if> scan [dump]`: one `BSS <mac>(on <if>)` block per BSS; inside it, top-level
 * `Key: value` lines and sections (RSN, WPA, HT/VHT/HE/EHT operation) whose items are indented
 * deeper. Works with real tabs and with tabs turned into spaces (captures copied from web pages).
 */
import { DEVICE_NAME_MAX, type ParseResult, type SecurityProtocol } from '../../../shared/model/observation'
import { channelOfFrequency } from './channel'
import { bandOfFrequency } from '../../../shared/model/bss-identity'
import { boundInput, MAX_LINE_CHARS } from './bounded-input'
import { addUnique, emptyDraft, normalizeBssid, orderProtocols, ParseTally, protocolsOfRsn, type Draft } from './observation-draft'
import { emptyRates, inferPhy, parseRateTokens, sortedOrNull } from './rates'
import { decodeIwEscapes, ssidFromBytes } from './ssid'

const BSS_LINE = /^BSS ([0-9a-fA-Fx]{1,2}(?::[0-9a-fA-Fx]{1,2}){5})(?:\(on ([^)]*)\))?/

/** A section: its header's value and its deeper-indented item lines (leading `* ` removed). */
interface Section {
  readonly value: string
  readonly items: string[]
}

/** Sections whose items the parser reads; the items of all others are not kept (speed). */
const READ_SECTIONS = new Set(['rsn', 'wpa', 'ht operation', 'vht operation', 'he operation', 'eht operation', 'wps'])
/** Elements whose presence alone is evidence (PHY inference), besides the sections read. */
const PRESENCE = new Set([...READ_SECTIONS, 'ht capabilities', 'vht capabilities', 'he capabilities', 'eht capabilities'])
/** Top-level `Key: value` lines the parser reads. */
const KEYS_READ = new Set(['freq', 'signal', 'SSID', 'capability', 'Supported rates', 'Extended supported rates', 'DS Parameter set'])

interface Block {
  readonly header: string
  /** The body's [start, end) range in the text: lines are read in place, not split out. */
  readonly start: number
  readonly end: number
}

/** Finds the `BSS …` header lines; each block runs to the next header. */
function splitBlocks(text: string): Block[] {
  const starts: number[] = text.startsWith('BSS ') ? [0] : []
  for (let at = text.indexOf('\nBSS '); at >= 0; at = text.indexOf('\nBSS ', at + 1)) starts.push(at + 1)
  return starts.map((at, i) => {
    const end = starts[i + 1] ?? text.length
    const nl = text.indexOf('\n', at)
    const headerEnd = nl < 0 || nl > end ? end : nl
    return { header: text.slice(at, headerEnd).trim(), start: Math.min(headerEnd + 1, end), end }
  })
}

/**
 * Top-level `Key: value` pairs and sections of one block, in one pass over the text in place. The
 * top level is the indentation of the block's first line (iw prints "TSF"/"last seen" there; tabs
 * count to the next multiple of 8, captures with tabs turned into spaces work too); a later line
 * indented less lowers it. Deeper lines outside the sections we read are skipped without being
 * copied: they are most of a block (capabilities, WMM, MCS sets).
 */
function readBlock(text: string, block: Block, cut: { lines: number }): { keys: Map<string, string>; sections: Map<string, Section> } {
  const keys = new Map<string, string>()
  const sections = new Map<string, Section>()
  let top = Infinity
  let current: Section | null = null
  let pos = block.start
  while (pos < block.end) {
    let nl = text.indexOf('\n', pos)
    if (nl < 0 || nl > block.end) nl = block.end
    let i = pos
    let indent = 0
    for (; i < nl; i++) {
      const c = text.charCodeAt(i)
      if (c === 9) indent += 8 - (indent % 8)
      else if (c === 32) indent++
      else break
    }
    const lineStart = i
    pos = nl + 1
    if (lineStart >= nl || (indent > top && current === null)) continue
    // Lines are capped here rather than in a pass of their own over the whole text (speed).
    if (nl - lineStart > MAX_LINE_CHARS) cut.lines++
    const line = text.slice(lineStart, Math.min(nl, lineStart + MAX_LINE_CHARS)).trim()
    if (line === '') continue
    const isItem = line.charCodeAt(0) === 42 // '*'
    if (!isItem && indent <= top) {
      top = indent
      current = null
      const colon = line.indexOf(':')
      const key = colon < 0 ? line : line.slice(0, colon)
      // Only the keys the parser reads are kept (a block has ~40; allocation is the cost here).
      if (KEYS_READ.has(key)) {
        if (!keys.has(key)) keys.set(key, colon < 0 ? '' : line.slice(colon + 1).trim())
        continue
      }
      // Section names are matched without case: iw prints "HE Operation" but "HT operation".
      const section = key.length <= 16 ? key.toLowerCase() : ''
      if (PRESENCE.has(section) && !sections.has(section)) {
        const rest = line.slice(colon + 1)
        // "RSN:\t * Version: 1": the first item sits on the header line.
        const star = rest.includes('*') ? /^\s*\*\s?(.*)$/.exec(rest) : null
        current = { value: star ? '' : rest.trim(), items: star ? [(star[1] ?? '').trim()] : [] }
        sections.set(section, current)
        if (!READ_SECTIONS.has(section)) current = null // present, items not needed
      }
      continue
    }
    current?.items.push(isItem ? line.slice(line.charCodeAt(1) === 32 ? 2 : 1).trim() : line)
  }
  return { keys, sections }
}

/** `name: value` among a section's items. */
function item(section: Section | undefined, name: string): string | null {
  if (!section) return null
  const prefix = name.toLowerCase() + ':'
  const n = prefix.length
  // The colon position filters first: only a candidate is lowercased (this runs ~10 times per BSS).
  for (const it of section.items) if (it.charCodeAt(n - 1) === 58 && it.slice(0, n).toLowerCase() === prefix) return it.slice(n).trim()
  return null
}

const AKM_NAMES: Record<string, string> = {
  '802.1X': '802.1X',
  PSK: 'PSK',
  'FT/802.1X': 'FT-802.1X',
  'FT/PSK': 'FT-PSK',
  '802.1X/SHA-256': '802.1X-SHA256',
  'PSK/SHA-256': 'PSK-SHA256',
  SAE: 'SAE',
  'FT/SAE': 'FT-SAE',
  OWE: 'OWE',
  '802.1X/SUITE-B': '802.1X-SUITE-B',
  '802.1X/SUITE-B-192': '802.1X-SUITE-B-192',
  '802.1X/SHA-384': '802.1X-SHA384',
  'FT/802.1X/SHA-384': 'FT-802.1X-SHA384',
  'SAE-EXT-KEY': 'SAE-EXT-KEY',
  'FT/SAE-EXT-KEY': 'FT-SAE-EXT-KEY'
}

/**
 * AKM suite numbers (IEEE 802.11-2020 Table 9-151) for suites older iw prints as "00-0f-ac:8"
 * (iw before 4.x did not know SAE).
 */
export const AKM_BY_NUMBER: Record<string, string> = {
  '1': '802.1X', '2': 'PSK', '3': 'FT-802.1X', '4': 'FT-PSK', '5': '802.1X-SHA256', '6': 'PSK-SHA256', '8': 'SAE',
  '9': 'FT-SAE', '11': '802.1X-SUITE-B', '12': '802.1X-SUITE-B-192', '13': 'FT-802.1X-SHA384', '18': 'OWE',
  '19': 'FT-PSK-SHA384', '20': 'PSK-SHA384', '24': 'SAE-EXT-KEY', '25': 'FT-SAE-EXT-KEY'
}
/** Cipher suite numbers (Table 9-149) for "00-0f-ac:4"-style output. */
export const CIPHER_BY_NUMBER: Record<string, string> = { '1': 'WEP', '2': 'TKIP', '4': 'CCMP', '5': 'WEP', '8': 'GCMP', '9': 'GCMP-256', '10': 'CCMP-256' }

/** iw's "Authentication suites" text → AKM names ("IEEE 802.1X" contains a space, so fold it first). */
export function akmOfIw(text: string): string[] {
  const out: string[] = []
  for (const token of text.replace(/IEEE 802\.1X/g, '802.1X').split(/\s+/)) {
    if (token === '') continue
    const numbered = /^00-0f-ac:(\d+)$/i.exec(token)
    const name = numbered ? AKM_BY_NUMBER[numbered[1] ?? ''] : AKM_NAMES[token]
    addUnique(out, (name ?? token.replace(/\//g, '-')).slice(0, 32))
  }
  return out
}

/** iw cipher names → model names (WEP-40/WEP-104 are both WEP; "Use group cipher suite" is no cipher). */
function ciphersOfIw(text: string): string[] {
  const out: string[] = []
  for (const token of text.replace(/Use group cipher suite/gi, '').split(/\s+/)) {
    if (token === '') continue
    const numbered = /^00-0f-ac:(\d+)$/i.exec(token)
    addUnique(out, numbered ? (CIPHER_BY_NUMBER[numbered[1] ?? ''] ?? token) : /^WEP-/.test(token) ? 'WEP' : token.slice(0, 32))
  }
  return out
}

/** Channel width from HT/VHT/HE/EHT operation, the widest element that says so. */
function widthOf(sections: Map<string, Section>, d: Draft): void {
  const ht = sections.get('ht operation')
  if (ht) {
    const offset = item(ht, 'secondary channel offset')
    if (offset === 'above' || offset === 'below') d.secondaryChannelOffset = offset
    else if (offset === 'no secondary') d.secondaryChannelOffset = 'none'
    const staWidth = item(ht, 'STA channel width')
    if (staWidth === '20 MHz') d.channelWidthMhz = 20
    // "any" means 40 MHz is allowed; it is used only with a secondary channel.
    else if (staWidth === 'any') d.channelWidthMhz = d.secondaryChannelOffset === 'none' ? 20 : d.secondaryChannelOffset ? 40 : null
  }
  const vht = sections.get('vht operation')
  const vhtWidth = item(vht, 'channel width')
  if (vhtWidth !== null) {
    const code = Number(vhtWidth.split(' ')[0])
    const seg1 = Number(item(vht, 'center freq segment 1'))
    const seg2 = Number(item(vht, 'center freq segment 2'))
    if (code === 1) {
      // 802.11-2016 signalling: segment 2 set 8 channels away is 160 MHz, further away 80+80.
      d.channelWidthMhz = seg2 > 0 && Math.abs(seg2 - seg1) >= 8 ? 160 : 80
    } else if (code === 2 || code === 3) d.channelWidthMhz = 160
    // code 0: 20 or 40 MHz, already known from HT operation.
  }
  for (const name of ['he operation', 'eht operation']) {
    const width = item(sections.get(name), 'Channel Width')
    // Bounded digit runs: an unbounded \d+ here backtracks quadratically on a long run of digits.
    const m = width ? /(\d{1,4})(?:\+\d{1,4})?(?: or (\d{1,4}))? MHz/.exec(width) : null
    if (m) {
      const mhz = Number(m[2] ?? m[1])
      if (d.channelWidthMhz === null || mhz > d.channelWidthMhz) d.channelWidthMhz = mhz
    }
  }
}

/** Security from RSN / WPA sections and the Privacy capability bit. */
function securityOf(keys: Map<string, string>, sections: Map<string, Section>, d: Draft): void {
  const rsn = sections.get('rsn')
  const wpa = sections.get('wpa')
  const protocols: SecurityProtocol[] = []
  const akm: string[] = []
  const pairwise: string[] = []
  let group: string | null = null
  if (rsn) {
    const rsnAkm = akmOfIw(item(rsn, 'Authentication suites') ?? '')
    akm.push(...rsnAkm)
    protocols.push(...protocolsOfRsn(rsnAkm))
    addUnique(pairwise, ...ciphersOfIw(item(rsn, 'Pairwise ciphers') ?? ''))
    group = ciphersOfIw(item(rsn, 'Group cipher') ?? '')[0] ?? null
    const caps = item(rsn, 'Capabilities')
    if (caps !== null) d.security.pmf = /MFP-required/.test(caps) ? 'required' : /MFP-capable/.test(caps) ? 'capable' : 'none'
  }
  if (wpa) {
    protocols.push('WPA')
    addUnique(akm, ...akmOfIw(item(wpa, 'Authentication suites') ?? ''))
    addUnique(pairwise, ...ciphersOfIw(item(wpa, 'Pairwise ciphers') ?? ''))
    group ??= ciphersOfIw(item(wpa, 'Group cipher') ?? '')[0] ?? null
    if (!rsn) d.security.pmf = 'none' // PMF exists only in RSN
  }
  const capability = keys.get('capability')
  if (!rsn && !wpa) {
    if (capability === undefined) return // no capability line: security unknown
    if (/\bPrivacy\b/.test(capability)) {
      protocols.push('WEP')
      pairwise.push('WEP')
      group = 'WEP'
    } else protocols.push('OPEN')
    d.security.pmf = 'none'
  }
  d.security.protocols = orderProtocols(protocols)
  d.security.akm = akm
  d.security.pairwiseCiphers = pairwise
  d.security.groupCipher = group
}

/**
 * The access point's name from its WPS element ("Device name: RalinkAPS"), as iw prints it (raw
 * text the AP's owner chose: shown through visibleText). Cut at DEVICE_NAME_MAX, counted in `cut`.
 */
function deviceNameOf(sections: Map<string, Section>, cut: { names: number }): string | undefined {
  const name = item(sections.get('wps'), 'Device name')
  if (name === null || name === '') return undefined
  if (name.length <= DEVICE_NAME_MAX) return name
  cut.names++
  return name.slice(0, DEVICE_NAME_MAX)
}

function parseBlock(text: string, block: Block, cut: { lines: number; names: number }): Draft | null {
  const m = BSS_LINE.exec(block.header)
  if (!m) return null
  const { keys, sections } = readBlock(text, block, cut)
  const d = emptyDraft('iw')
  d.bssid = normalizeBssid(m[1] ?? '')
  const freq = Number.parseFloat(keys.get('freq') ?? '')
  if (Number.isFinite(freq)) {
    d.frequencyMhz = Math.round(freq)
    d.band = bandOfFrequency(d.frequencyMhz)
    d.channel = channelOfFrequency(d.frequencyMhz)
  }
  const ds = /channel (\d+)/.exec(keys.get('DS Parameter set') ?? '')
  if (d.channel === null && ds) d.channel = Number(ds[1])
  const signal = /^(-?\d+(?:\.\d+)?) dBm/.exec(keys.get('signal') ?? '')
  if (signal) d.signalDbm = Number(signal[1])
  if (keys.has('SSID')) Object.assign(d, ssidFromBytes(decodeIwEscapes(keys.get('SSID') ?? '')))
  const rates = emptyRates()
  const rateKeys = ['Supported rates', 'Extended supported rates'].filter((k) => keys.has(k))
  for (const k of rateKeys) parseRateTokens((keys.get(k) ?? '').split(/\s+/), rates)
  d.basicRatesMbps = sortedOrNull(rates.basic, rateKeys.length > 0)
  d.supportedRatesMbps = sortedOrNull(rates.supported, rateKeys.length > 0)
  widthOf(sections, d)
  securityOf(keys, sections, d)
  const deviceName = deviceNameOf(sections, cut)
  if (deviceName !== undefined) d.deviceName = deviceName
  const has = (phy: 'ht' | 'vht' | 'he' | 'eht') => sections.has(`${phy} capabilities`) || sections.has(`${phy} operation`) || rates.selectors.includes(phy.toUpperCase())
  const evidence = { ht: has('ht'), vht: has('vht'), he: has('he'), eht: has('eht') }
  d.phy = inferPhy({ band: d.band, rates: rateKeys.length > 0 ? rates.supported : null, ...evidence })
  const highThroughput = evidence.ht || evidence.vht || evidence.he || evidence.eht
  if (!highThroughput && rateKeys.length > 0 && d.band === '2.4') {
    // The beacon's elements were printed and none is HT or later: a legacy (b/g) BSS can only
    // use a 20 MHz channel and has no secondary channel.
    d.channelWidthMhz = 20
    d.secondaryChannelOffset = 'none'
  }
  if (d.bssid === null && d.frequencyMhz === null && d.signalDbm === null) d.problem ??= 'no BSSID, frequency or signal'
  return d
}

/** Parses `iw dev <if> scan` / `scan dump` output. */
export function parseIw(input: string): ParseResult {
  const tally = new ParseTally('iw')
  const { text, warnings } = boundInput(input, 'iw', { keepLines: true })
  for (const w of warnings) tally.warn(w)
  let redacted = 0
  const cut = { lines: 0, names: 0 }
  for (const block of splitBlocks(text)) {
    const d = parseBlock(text, block, cut)
    if (d === null) {
      tally.skip('a "BSS" line without a readable MAC address')
      continue
    }
    if (d.bssid === null) redacted++
    tally.add(d)
  }
  if (redacted > 0) tally.warn(`iw: ${redacted} BSSID(s) redacted or invalid (e.g. "xx:xx:…"); kept as unknown`)
  if (cut.names > 0) tally.warn(`iw: ${cut.names} access-point device name(s) longer than ${DEVICE_NAME_MAX} characters were cut to that length`)
  if (cut.lines > 0) tally.warn(`iw: ${cut.lines} line(s) longer than ${MAX_LINE_CHARS} characters were cut to that length`)
  return tally.result()
}
