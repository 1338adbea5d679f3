/**
 * `nmcli device wifi list` in its three layouts: terse (`-t`, `:`-separated, `\:` and `\\`
 * escaped), multiline (`-m multiline`, `FIELD: value`) and tabular (header row, columns aligned).
 * Run nmcli with LC_ALL=C: in other locales the values are translated (see the pl_PL capture).
 */
import type { Observation, ParseResult, SecurityProtocol } from '../../../shared/model/observation'
import { bandOfChannel, bandOfFrequency, channelOfFrequency, frequencyOfChannel, parseBandLabel } from './channel'
import { addUnique, dbmFromPercent, emptyDraft, finish, normalizeBssid, orderProtocols, type Draft } from './observation-draft'
import { fromHex, ssidFromBytes, ssidFromText } from './ssid'

/** `-f ALL` field orders, newest first: NetworkManager 1.48+ added BAND, 1.46 BANDWIDTH. */
const ALL_LAYOUTS: readonly (readonly string[])[] = [
  ['NAME', 'SSID', 'SSID-HEX', 'BSSID', 'MODE', 'CHAN', 'BAND', 'FREQ', 'RATE', 'BANDWIDTH', 'SIGNAL', 'BARS', 'SECURITY', 'WPA-FLAGS', 'RSN-FLAGS', 'DEVICE', 'ACTIVE', 'IN-USE', 'DBUS-PATH'],
  ['NAME', 'SSID', 'SSID-HEX', 'BSSID', 'MODE', 'CHAN', 'FREQ', 'RATE', 'BANDWIDTH', 'SIGNAL', 'BARS', 'SECURITY', 'WPA-FLAGS', 'RSN-FLAGS', 'DEVICE', 'ACTIVE', 'IN-USE', 'DBUS-PATH'],
  ['NAME', 'SSID', 'SSID-HEX', 'BSSID', 'MODE', 'CHAN', 'FREQ', 'RATE', 'SIGNAL', 'BARS', 'SECURITY', 'WPA-FLAGS', 'RSN-FLAGS', 'DEVICE', 'ACTIVE', 'IN-USE', 'DBUS-PATH']
]
/** The fields node-wifi asks for (its src/linux/scan/command.js). */
export const NODE_WIFI_FIELDS = ['ACTIVE', 'SSID', 'BSSID', 'MODE', 'CHAN', 'FREQ', 'SIGNAL', 'SECURITY', 'WPA-FLAGS', 'RSN-FLAGS'] as const

/**
 * Splits one terse line on unescaped `:`; `\:` → `:` and `\\` → `\` inside values. nmcli -t
 * escapes exactly these two, so an SSID with colons or backslashes cannot shift the fields.
 */
export function splitTerse(line: string): string[] {
  const fields: string[] = []
  let current = ''
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]
    if (ch === '\\' && i + 1 < line.length && (line[i + 1] === ':' || line[i + 1] === '\\')) {
      current += line[i + 1]
      i++
    } else if (ch === ':') {
      fields.push(current)
      current = ''
    } else current += ch
  }
  fields.push(current)
  return fields
}

const MAC = /^[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){5}$/

/** Picks the field names of a terse row without a header, from its field count and shape. */
function terseLayout(values: readonly string[]): readonly string[] | null {
  for (const layout of ALL_LAYOUTS) if (layout.length === values.length && MAC.test(values[3] ?? '')) return layout
  if (values.length === NODE_WIFI_FIELDS.length && /^(yes|no)$/.test(values[0] ?? '')) return NODE_WIFI_FIELDS
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
      if (w === 'WPA1') protocols.push('WPA')
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

/** One row (field name → raw value) → observation; null when it is not a BSS row. */
function observationOf(row: ReadonlyMap<string, string>, dashIsEmpty: boolean): Observation | null {
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
  return finish(d)
}

interface Collected {
  rows: Map<string, string>[]
  skipped: number
}

function parseTerse(lines: readonly string[], fields?: readonly string[]): Collected {
  const out: Collected = { rows: [], skipped: 0 }
  const fits = (values: readonly string[]) => {
    const layout = fields ?? terseLayout(values)
    return layout && layout.length === values.length ? layout : null
  }
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    if (line.trim() === '') continue
    let values = splitTerse(line)
    let layout = fits(values)
    // nmcli does not escape a newline inside an SSID: a row may span lines. Rejoin up to 3.
    for (let extra = 1; layout === null && extra <= 3 && i + extra < lines.length; extra++) {
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
      while ((m = re.exec(line))) columns.push({ name: m[0], start: m.index })
      continue
    }
    if (!columns) {
      out.skipped++
      continue
    }
    const row = new Map<string, string>()
    const cols = columns
    cols.forEach((c, i) => row.set(c.name, line.slice(c.start, cols[i + 1]?.start ?? line.length).trim()))
    out.rows.push(row)
  }
  return out
}

/** Which nmcli layout a text is in. */
export function nmcliLayout(text: string): 'terse' | 'multiline' | 'tabular' {
  const first = text.split('\n').find((l) => l.trim() !== '') ?? ''
  if (/^[A-Z][A-Z0-9-]*(\[\d+\])?:\s/.test(first) && !/\\:/.test(first)) return 'multiline'
  if (/^\s*(NAME|IN-USE|SSID|ACTIVE)\s{2,}/.test(first)) return 'tabular'
  return 'terse'
}

/**
 * Parses nmcli output. `fields` names the terse columns when the caller chose them (`-f a,b,c`);
 * without it the layout is recognised from `-f ALL` (three NetworkManager generations), node-wifi's
 * field list, or `ssid,bssid,signal,security`.
 */
export function parseNmcli(text: string, fields?: readonly string[]): ParseResult {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').filter((l) => !l.startsWith('$ '))
  const layout = nmcliLayout(lines.join('\n'))
  const collected = layout === 'terse' ? parseTerse(lines, fields) : layout === 'multiline' ? parseMultiline(lines) : parseTabular(lines)
  const observations: Observation[] = []
  const warnings: string[] = []
  let skipped = collected.skipped
  for (const row of collected.rows) {
    const obs = observationOf(row, layout !== 'terse')
    if (obs === null) skipped++
    else observations.push(obs)
  }
  if (skipped > 0) warnings.push(`nmcli: skipped ${skipped} unreadable line(s)`)
  if (observations.some((o) => o.bssid === null)) warnings.push('nmcli: some BSSIDs are masked or invalid; kept as unknown')
  return { observations, skipped, warnings }
}
