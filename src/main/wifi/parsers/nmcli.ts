/**
 * `nmcli device wifi list` in its three layouts: terse (`-t`, `:`-separated, `\:` and `\\`
 * escaped), multiline (`-m multiline`, `FIELD: value`) and tabular (header row, columns aligned).
 * Run nmcli with LC_ALL=C: in other locales the values are translated (see the pl_PL capture).
 */
import type { ParseResult, SecurityProtocol } from '../../../shared/model/observation'
import { bandOfChannel, channelOfFrequency, frequencyOfChannel, parseBandLabel } from './channel'
import { bandOfFrequency } from '../../../shared/model/bss-identity'
import { boundLines } from './bounded-input'
import { addUnique, dbmFromPercent, emptyDraft, normalizeBssid, orderProtocols, ParseTally, type Draft } from './observation-draft'
import { fromHex, ssidFromBytes, ssidFromText } from './ssid'

/** `-f ALL` field orders, newest first: NetworkManager 1.48+ added BAND, 1.46 BANDWIDTH. */
const ALL_LAYOUTS: readonly (readonly string[])[] = [
  ['NAME', 'SSID', 'SSID-HEX', 'BSSID', 'MODE', 'CHAN', 'BAND', 'FREQ', 'RATE', 'BANDWIDTH', 'SIGNAL', 'BARS', 'SECURITY', 'WPA-FLAGS', 'RSN-FLAGS', 'DEVICE', 'ACTIVE', 'IN-USE', 'DBUS-PATH'],
  ['NAME', 'SSID', 'SSID-HEX', 'BSSID', 'MODE', 'CHAN', 'FREQ', 'RATE', 'BANDWIDTH', 'SIGNAL', 'BARS', 'SECURITY', 'WPA-FLAGS', 'RSN-FLAGS', 'DEVICE', 'ACTIVE', 'IN-USE', 'DBUS-PATH'],
  ['NAME', 'SSID', 'SSID-HEX', 'BSSID', 'MODE', 'CHAN', 'FREQ', 'RATE', 'SIGNAL', 'BARS', 'SECURITY', 'WPA-FLAGS', 'RSN-FLAGS', 'DEVICE', 'ACTIVE', 'IN-USE', 'DBUS-PATH']
]
/** `nmcli -t device wifi list` without `-f`: nmcli's default fields (NetworkManager 1.12+). */
const DEFAULT_FIELDS = ['IN-USE', 'BSSID', 'SSID', 'MODE', 'CHAN', 'RATE', 'SIGNAL', 'BARS', 'SECURITY'] as const
/** The fields node-wifi asks for (its src/linux/scan/command.js). */
export const NODE_WIFI_FIELDS = ['ACTIVE', 'SSID', 'BSSID', 'MODE', 'CHAN', 'FREQ', 'SIGNAL', 'SECURITY', 'WPA-FLAGS', 'RSN-FLAGS'] as const

/**
 * Splits one terse line on unescaped `:`; `\:` → `:` and `\\` → `\` inside values. nmcli -t
 * escapes exactly these two, so an SSID with colons or backslashes cannot shift the fields.
 */
export function splitTerse(line: string): string[] {
  if (!line.includes('\\')) return line.split(':')
  const fields: string[] = []
  let current = ''
  let from = 0
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i)
    if (c === 0x5c && i + 1 < line.length && (line[i + 1] === ':' || line[i + 1] === '\\')) {
      current += line.slice(from, i) + line[i + 1]
      from = i + 2
      i++
    } else if (c === 0x3a) {
      fields.push(current + line.slice(from, i))
      current = ''
      from = i + 1
    }
  }
  fields.push(current + line.slice(from))
  return fields
}

/** Fields in a terse line: unescaped colons + 1 (counted without building the fields). */
function terseFieldCount(line: string): number {
  let count = 1
  for (let i = line.indexOf(':'); i >= 0; i = line.indexOf(':', i + 1)) {
    let slashes = 0
    while (i - slashes - 1 >= 0 && line.charCodeAt(i - slashes - 1) === 0x5c) slashes++
    if (slashes % 2 === 0) count++
  }
  return count
}

const MAC = /^[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){5}$/

/** Picks the field names of a terse row without a header, from its field count and shape. */
function terseLayout(values: readonly string[]): readonly string[] | null {
  for (const layout of ALL_LAYOUTS) if (layout.length === values.length && MAC.test(values[3] ?? '')) return layout
  if (values.length === NODE_WIFI_FIELDS.length && /^(yes|no)$/.test(values[0] ?? '')) return NODE_WIFI_FIELDS
  // Default fields: IN-USE is "*" or a space, then the BSSID.
  if (values.length === DEFAULT_FIELDS.length && /^[ *]?$/.test(values[0] ?? '') && MAC.test(values[1] ?? '')) return DEFAULT_FIELDS
  // `-f ssid,bssid,signal,security` (a common hand-typed command; the kootenpv capture).
  if (values.length === 4 && /^[0-9A-Fa-fXx]{2}(?::[0-9A-Fa-fXx]{2}){5}$/.test(values[1] ?? '')) return ['SSID', 'BSSID', 'SIGNAL', 'SECURITY']
  return null
}

/** Flags text ("pair_tkip pair_ccmp group_ccmp psk") → tokens; "(none)"/translations → none. */
function flagTokens(text: string | undefined): string[] | null {
  if (text === undefined) return null
  return text.split(/\s+/).filter((t) => /^(pair_|group_|psk$|sae$|owe|802\.1X$|eap_suite_b_192$|mgmt_)/.test(t))
}

const CIPHER: Record<string, string> = { tkip: 'TKIP', ccmp: 'CCMP', wep40: 'WEP', wep104: 'WEP', gcmp: 'GCMP', gcmp256: 'GCMP-256', ccmp256: 'CCMP-256' }
const AKM: Record<string, string> = { psk: 'PSK', sae: 'SAE', owe: 'OWE', owe_tm: 'OWE', '802.1X': '802.1X', eap_suite_b_192: '802.1X-SUITE-B-192' }

function securityOf(row: ReadonlyMap<string, string>, d: Draft): void {
  const wpa = flagTokens(row.get('WPA-FLAGS'))
  const rsn = flagTokens(row.get('RSN-FLAGS'))
  const securityText = row.get('SECURITY')
  if (wpa === null && rsn === null && securityText === undefined) return
  const protocols: SecurityProtocol[] = []
  const akm: string[] = []
  const pairwise: string[] = []
  let group: string | null = null
  for (const [tokens, isRsn] of [[rsn, true], [wpa, false]] as const) {
    if (!tokens || tokens.length === 0) continue
    const ak = tokens.flatMap((t) => AKM[t] ?? [])
    addUnique(akm, ...ak)
    for (const t of tokens) {
      const pair = t.startsWith('pair_') ? CIPHER[t.slice(5)] : undefined
      const grp = t.startsWith('group_') ? CIPHER[t.slice(6)] : undefined
      if (pair) addUnique(pairwise, pair)
      if (grp) group ??= grp
    }
    if (!isRsn) protocols.push('WPA')
    else {
      if (ak.some((a) => a === 'PSK' || a === '802.1X')) protocols.push('WPA2')
      if (ak.some((a) => a === 'SAE' || a === '802.1X-SUITE-B-192')) protocols.push('WPA3')
      if (protocols.length === 0 && ak.includes('OWE')) protocols.push('OPEN')
    }
  }
  const words = (securityText ?? '').split(/\s+/).filter((w) => w !== '' && w !== '--')
  if (protocols.length === 0 && akm.length === 0) {
    // No flags (or only SECURITY asked for): read the SECURITY summary.
    for (const w of words) {
      if (w === 'WPA1' || w === 'WPA') protocols.push('WPA') // older nmcli prints "WPA WPA2"
      else if (w === 'WPA2' || w === 'WPA3' || w === 'WEP') protocols.push(w)
      else if (w === '802.1X') addUnique(akm, '802.1X')
      else if (w === 'OWE' || w === 'OWE-TM') addUnique(akm, 'OWE')
    }
    if (words.includes('WEP')) addUnique(pairwise, 'WEP')
    if (words.length === 0 && securityText !== undefined) protocols.push('OPEN')
    if (protocols.length === 0 && akm.includes('OWE')) protocols.push('OPEN')
  }
  d.security.protocols = orderProtocols(protocols)
  // Without flags the AKM and ciphers of a WPA network are unknown, not empty.
  const flagsKnown = (wpa !== null && wpa.length > 0) || (rsn !== null && rsn.length > 0)
  const openOrWep = protocols.length > 0 && protocols.every((p) => p === 'OPEN' || p === 'WEP')
  d.security.akm = flagsKnown || openOrWep || akm.length > 0 ? akm : null
  d.security.pairwiseCiphers = flagsKnown || openOrWep ? pairwise : null
  d.security.groupCipher = group ?? (words.includes('WEP') ? 'WEP' : null)
  // PMF lives in the RSN element, which nmcli does not show: known only where there is no RSN.
  if (rsn !== null && rsn.length === 0 && (wpa !== null || openOrWep)) d.security.pmf = 'none'
  else if (openOrWep && !akm.includes('OWE')) d.security.pmf = 'none'
}

/** One row (field name → raw value) → observation draft; null when it is not a BSS row. */
function observationOf(row: ReadonlyMap<string, string>, dashIsEmpty: boolean): Draft | null {
  const d = emptyDraft('nmcli')
  const bssidText = row.get('BSSID')
  if (bssidText === undefined) return null
  d.bssid = normalizeBssid(bssidText)
  const hex = row.get('SSID-HEX')
  const hexBytes = hex !== undefined && hex !== '--' ? fromHex(hex) : null
  if (hexBytes) Object.assign(d, ssidFromBytes(hexBytes))
  else if (row.has('SSID')) {
    const ssid = row.get('SSID') ?? ''
    // Tabular/multiline print "--" for an empty SSID (terse prints nothing); an SSID that is
    // literally "--" is told apart only by SSID-HEX.
    Object.assign(d, ssidFromText(ssid === '--' && dashIsEmpty ? '' : ssid))
  }
  const freq = /^(\d+)/.exec(row.get('FREQ') ?? '')
  const chan = /^(\d+)$/.exec(row.get('CHAN') ?? '')
  const band = parseBandLabel(row.get('BAND') ?? '')
  if (freq) {
    d.frequencyMhz = Number(freq[1])
    d.band = bandOfFrequency(d.frequencyMhz)
    d.channel = chan ? Number(chan[1]) : channelOfFrequency(d.frequencyMhz)
  } else if (chan) {
    d.channel = Number(chan[1])
    d.band = band ?? bandOfChannel(d.channel)
    d.frequencyMhz = d.band ? frequencyOfChannel(d.channel, d.band) : null
  }
  if (band !== null) d.band = band
  const width = /^(\d+)\s*MHz$/.exec(row.get('BANDWIDTH') ?? '')
  if (width) d.channelWidthMhz = Number(width[1])
  const signal = /^(\d+)$/.exec(row.get('SIGNAL') ?? '')
  if (signal) {
    d.signalDbm = dbmFromPercent(Number(signal[1]))
    d.signalDerived = true
  }
  securityOf(row, d)
  if (d.bssid === null && d.frequencyMhz === null && d.signalDbm === null) return null
  return d
}

interface Collected {
  rows: Map<string, string>[]
  skipped: number
}

/** Field counts a terse row can have (every known layout). */
const TERSE_COUNTS = new Set([...ALL_LAYOUTS.map((l) => l.length), NODE_WIFI_FIELDS.length, DEFAULT_FIELDS.length, 4])

function parseTerse(lines: readonly string[], fields?: readonly string[]): Collected {
  const out: Collected = { rows: [], skipped: 0 }
  const counts = fields ? new Set([fields.length]) : TERSE_COUNTS
  const fits = (values: readonly string[]) => {
    const layout = fields ?? terseLayout(values)
    return layout && layout.length === values.length ? layout : null
  }
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    if (line.trim() === '') continue
    const count = terseFieldCount(line)
    let values = counts.has(count) ? splitTerse(line) : []
    let layout = counts.has(count) ? fits(values) : null
    // nmcli does not escape a newline inside an SSID: a row may span lines. Rejoin up to 3, only
    // where the joined field count is one a row can have (so junk lines cost one count each).
    let joinedCount = count
    for (let extra = 1; layout === null && extra <= 3 && i + extra < lines.length; extra++) {
      joinedCount += terseFieldCount(lines[i + extra] ?? '') - 1
      if (!counts.has(joinedCount)) continue
      const joined = splitTerse(lines.slice(i, i + extra + 1).join('\n'))
      const joinedLayout = fits(joined)
      if (joinedLayout) {
        values = joined
        layout = joinedLayout
        i += extra
      }
    }
    if (!layout) {
      out.skipped++
      continue
    }
    const names = layout
    out.rows.push(new Map(names.map((name, k) => [name.toUpperCase(), values[k] ?? ''])))
  }
  return out
}

function parseMultiline(lines: readonly string[]): Collected {
  const out: Collected = { rows: [], skipped: 0 }
  let row: Map<string, string> | null = null
  for (const line of lines) {
    const m = /^([A-Z][A-Z0-9-]*(?:\[\d+\])?):\s?(.*)$/.exec(line)
    if (!m) continue
    const key = m[1] ?? ''
    // The value column is padded; values never start with spaces except IN-USE ' '.
    const value = (m[2] ?? '').replace(/^\s+/, '')
    // A new AP starts at NAME (-f ALL) or at the first field repeating.
    if (row === null || key === 'NAME' || row.has(key)) {
      if (row) out.rows.push(row)
      row = new Map()
    }
    row.set(key, value)
  }
  if (row) out.rows.push(row)
  return out
}

/**
 * Column headers of older nmcli (0.9.x), which translated them, → the C names: FREQUENZ is the one
 * reported from the field (issue 10); the others are NetworkManager's German words for the same
 * columns, not yet seen in a capture. Newer nmcli prints C headers in every locale.
 */
const HEADER_ALIASES: Readonly<Record<string, string>> = { MODUS: 'MODE', FREQUENZ: 'FREQ', KANAL: 'CHAN', SICHERHEIT: 'SECURITY', AKTIV: 'ACTIVE', GERÄT: 'DEVICE' }

/** Older nmcli prints the SSID column in single quotes ('Telekom'); the quotes are not the SSID's. */
function unquoteSsid(value: string): string {
  return value.length >= 2 && value.startsWith("'") && value.endsWith("'") ? value.slice(1, -1) : value
}

function parseTabular(lines: readonly string[]): Collected {
  const out: Collected = { rows: [], skipped: 0 }
  let columns: { name: string; start: number }[] | null = null
  for (const line of lines) {
    if (line.trim() === '') {
      columns = null
      continue
    }
    if (/^\s*(NAME|IN-USE|SSID|ACTIVE|\*)\s+/.test(line) && /\bBSSID\b|\bSSID\b/.test(line) && line === line.toUpperCase()) {
      columns = []
      const re = /\S+/g
      let m: RegExpExecArray | null
      while ((m = re.exec(line))) columns.push({ name: HEADER_ALIASES[m[0]] ?? m[0], start: m.index })
      continue
    }
    if (!columns) {
      out.skipped++
      continue
    }
    const row = new Map<string, string>()
    const cols = columns
    cols.forEach((c, i) => {
      const value = line.slice(c.start, cols[i + 1]?.start ?? line.length).trim()
      row.set(c.name, c.name === 'SSID' ? unquoteSsid(value) : value)
    })
    out.rows.push(row)
  }
  return out
}

/** Which nmcli layout a text is in. */
export function nmcliLayout(lines: readonly string[]): 'terse' | 'multiline' | 'tabular' {
  const first = lines.find((l) => l.trim() !== '') ?? ''
  if (/^[A-Z][A-Z0-9-]*(\[\d+\])?:\s/.test(first) && !/\\:/.test(first)) return 'multiline'
  if (/^\s*(NAME|IN-USE|SSID|ACTIVE)\s{2,}/.test(first)) return 'tabular'
  return 'terse'
}

/**
 * Parses nmcli output. `fields` names the terse columns when the caller chose them (`-f a,b,c`);
 * without it the layout is recognised from `-f ALL` (three NetworkManager generations), node-wifi's
 * field list, or `ssid,bssid,signal,security`.
 */
export function parseNmcli(input: string, fields?: readonly string[]): ParseResult {
  const tally = new ParseTally('nmcli')
  const bounded = boundLines(input, 'nmcli')
  for (const w of bounded.warnings) tally.warn(w)
  const lines = bounded.lines.filter((l) => !l.startsWith('$ '))
  const layout = nmcliLayout(lines)
  const collected = layout === 'terse' ? parseTerse(lines, fields) : layout === 'multiline' ? parseMultiline(lines) : parseTabular(lines)
  for (let i = 0; i < collected.skipped; i++) tally.skip('a line that is no nmcli row')
  for (const row of collected.rows) {
    const d = observationOf(row, layout !== 'terse')
    if (d === null) tally.skip('a row without BSSID, frequency or signal')
    else tally.add(d)
  }
  if (tally.observations.some((o) => o.bssid === null)) tally.warn('nmcli: some BSSIDs are masked or invalid; kept as unknown')
  return tally.result()
}
