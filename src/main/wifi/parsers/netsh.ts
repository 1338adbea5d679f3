/**
 * `netsh wlan show networks mode=bssid` (and `show interfaces`), read by LABEL, not by line
 * position: labels come from the per-language sets in netsh-labels.ts. Every BSSID is kept;
 * CRLF and non-breaking spaces (French Windows puts U+00A0 before colons) are handled.
 */
import type { ScanError } from '../../../shared/contract'
import type { ParseResult, SecurityProtocol } from '../../../shared/model/observation'
import { bandOfChannel, frequencyOfChannel, parseBandLabel } from './channel'
import { boundLines } from './bounded-input'
import { dbmFromPercent, emptyDraft, normalizeBssid, ParseTally, type Draft } from './observation-draft'
import { NETSH_ENTERPRISE_WORDS, NETSH_LABELS, NETSH_NONE_WORDS, NETSH_OPEN_WORDS, type NetshField } from './netsh-labels'
import { inferPhy, parseNumberList, parsePhyModes } from './rates'
import { ssidFromText } from './ssid'

/** A colon further in is inside a value, not after a label (French "Point d'accès …" ends at 68). */
const MAX_LABEL = 120

/** Folds a label for lookup: lowercase, NBSP → space, ’ → ', units in parentheses dropped. */
function foldLabel(label: string): string {
  return label
    .replace(/\u00a0/g, ' ')
    .replace(/[’‘]/g, "'")
    .replace(/\([^()]{0,60}\)/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
}

/** Label (folded) → field, over every language. */
const FIELD_BY_LABEL: ReadonlyMap<string, NetshField> = (() => {
  const map = new Map<string, NetshField>()
  for (const set of Object.values(NETSH_LABELS)) {
    // Cast: Object.entries widens keys to string; the label sets are keyed by NetshField.
    for (const [field, labels] of Object.entries(set) as [NetshField, readonly string[]][]) {
      for (const label of labels) if (!map.has(foldLabel(label))) map.set(foldLabel(label), field)
    }
  }
  return map
})()

/** Windows 11 24H2 answers with this settings link when apps may not use location. */
const LOCATION_REFUSAL = 'ms-settings:privacy-location'

/** The Windows 11 24H2 location refusal, as a ScanError with the steps to fix it; null otherwise. */
export function netshLocationRefusal(text: string): ScanError | null {
  if (!text.includes(LOCATION_REFUSAL)) return null
  return {
    reason: 'location-denied',
    message: 'Windows refused the Wi-Fi scan: since Windows 11 24H2, listing networks needs Location permission for desktop apps.',
    help: [
      'Open Settings → Privacy & security → Location (or run: start ms-settings:privacy-location).',
      'Turn on "Location services".',
      'Turn on "Let apps access your location".',
      'Turn on "Let desktop apps access your location".',
      'Start the scan again.'
    ]
  }
}

interface Group {
  ssidText: string | null
  authentication: string | null
  encryption: string | null
}

function securityOf(g: Group, d: Draft): void {
  if (g.authentication === null && g.encryption === null) return
  const auth = (g.authentication ?? '').toLowerCase()
  const enc = (g.encryption ?? '').trim()
  const encLower = enc.toLowerCase()
  const protocols: SecurityProtocol[] = []
  const akm: string[] = []
  const enterprise = NETSH_ENTERPRISE_WORDS.some((w) => auth.includes(w))
  if (auth.includes('owe')) akm.push('OWE')
  else if (/wpa3/.test(auth)) {
    protocols.push('WPA3')
    akm.push(enterprise ? '802.1X' : 'SAE')
  } else if (/wpa2/.test(auth)) {
    protocols.push('WPA2')
    akm.push(enterprise ? '802.1X' : 'PSK')
  } else if (/wpa/.test(auth)) {
    protocols.push('WPA')
    akm.push(enterprise ? '802.1X' : 'PSK')
  } else if (/wep|shared|partag|gemeinsam|condivis|gedeeld|compartid/.test(auth) || encLower === 'wep') protocols.push('WEP')
  else if (NETSH_OPEN_WORDS.includes(auth.trim())) protocols.push('OPEN')
  if (akm.includes('OWE')) protocols.push('OPEN')
  d.security.protocols = protocols.length > 0 ? protocols : null
  d.security.akm = protocols.length > 0 || akm.length > 0 ? akm : null
  if (NETSH_NONE_WORDS.includes(encLower)) d.security.pairwiseCiphers = []
  else if (/^(ccmp|tkip|gcmp|gcmp-256|ccmp-256|wep)$/i.test(enc)) d.security.pairwiseCiphers = [enc.toUpperCase()]
  if (protocols.length === 1 && (protocols[0] === 'OPEN' || protocols[0] === 'WEP') && !akm.includes('OWE')) d.security.pmf = 'none'
}

/** Parses netsh output of any of the supported display languages. */
export function parseNetsh(input: string): ParseResult {
  const tally = new ParseTally('netsh')
  if (input.includes(LOCATION_REFUSAL)) {
    tally.warn('netsh: Windows refused the scan (Location permission for desktop apps is off)')
    return tally.result()
  }
  const { lines, warnings } = boundLines(input, 'netsh')
  for (const w of warnings) tally.warn(w)
  let group: Group = { ssidText: null, authentication: null, encryption: null }
  let bss: Map<NetshField | 'bssid', string> | null = null
  const flush = () => {
    if (!bss) return
    const d = observationOf(group, bss)
    if (d) tally.add(d)
    else tally.skip('a BSSID block without BSSID, signal or channel')
    bss = null
  }
  for (const raw of lines) {
    const colon = raw.indexOf(':')
    if (colon < 0 || colon > MAX_LABEL) continue
    const line = raw.replace(/\u00a0/g, ' ')
    const label = line.slice(0, colon).trim()
    // Values keep their text after the single separator space (SSIDs may have inner spaces).
    const value = line.slice(colon + 1).replace(/^ /, '').trimEnd()
    if (/^SSID(\s+\d{1,4})?$/i.test(label)) {
      flush()
      group = { ssidText: value.trim() === '' ? '' : value, authentication: null, encryption: null }
      continue
    }
    if (/^BSSID{1,2}\s*\d{1,4}$/i.test(label)) {
      flush()
      bss = new Map([['bssid', value.trim()]])
      continue
    }
    const field = FIELD_BY_LABEL.get(foldLabel(label))
    if (field === undefined) continue
    if (field === 'interface') {
      flush()
      group = { ssidText: null, authentication: null, encryption: null }
    } else if (field === 'apBssid') {
      flush()
      bss = new Map([['bssid', value.trim()]])
    } else if (field === 'authentication') group.authentication = value.trim()
    else if (field === 'encryption') group.encryption = value.trim()
    else if (bss) bss.set(field, value.trim())
  }
  flush()
  return tally.result()
}

function observationOf(g: Group, fields: ReadonlyMap<NetshField | 'bssid', string>): Draft | null {
  const d = emptyDraft('netsh')
  const bssidText = fields.get('bssid')
  d.bssid = bssidText !== undefined ? normalizeBssid(bssidText) : null
  if (g.ssidText !== null) Object.assign(d, ssidFromText(g.ssidText))
  const signal = /^(\d+)\s*%$/.exec(fields.get('signal') ?? '')
  if (signal) {
    d.signalDbm = dbmFromPercent(Number(signal[1]))
    d.signalDerived = true
  }
  const channel = /^(\d+)$/.exec(fields.get('channel') ?? '')
  const bandText = fields.get('band')
  d.band = bandText !== undefined ? parseBandLabel(bandText) : null
  if (channel) {
    d.channel = Number(channel[1])
    // Before Windows 11 there is no Band line; a channel of 1–14 or 32–177 names its band.
    d.band ??= bandOfChannel(d.channel)
    d.frequencyMhz = d.band ? frequencyOfChannel(d.channel, d.band) : null
  }
  const basic = fields.has('basicRates') ? parseNumberList(fields.get('basicRates') ?? '') : null
  const other = fields.has('otherRates') ? parseNumberList(fields.get('otherRates') ?? '') : null
  if (basic) d.basicRatesMbps = [...basic].sort((a, b) => a - b)
  if (basic || other) d.supportedRatesMbps = [...new Set([...(basic ?? []), ...(other ?? [])])].sort((a, b) => a - b)
  const radio = fields.get('radioType')
  d.phy = inferPhy({ band: d.band, rates: d.supportedRatesMbps, declared: radio ? parsePhyModes(radio) : [] })
  securityOf(g, d)
  if (d.bssid === null && d.signalDbm === null && d.channel === null) return null
  return d
}
