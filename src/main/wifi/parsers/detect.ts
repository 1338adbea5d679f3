/**
 * Format detection for `--format auto` and one entry point for every parser.
 */
import type { ParseResult } from '../../../shared/model/observation'
import { parseAirport } from './airport'
import { boundInput } from './bounded-input'
import { parseAirportXml } from './airport-xml'
import { parseIw } from './iw'
import { parseIwlist } from './iwlist'
import { parseNetsh } from './netsh'
import { parseNmcli } from './nmcli'
import { parseSystemProfiler } from './system-profiler'
import { parseWdutil } from './wdutil'

export const SCAN_FORMATS = ['iw', 'iwlist', 'nmcli', 'netsh', 'system_profiler', 'airport', 'wdutil'] as const
export type ScanFormat = (typeof SCAN_FORMATS)[number]

/**
 * Line tests, each anchored at the line start with `[ \t]*` (never `\s*`, which would run across
 * blank lines and backtrack: 20,000 blank lines took seconds). Order matters: the first format
 * whose marker a line shows wins, except the weaker nmcli markers, used only when nothing else fits.
 */
const LINE_MARKERS: readonly (readonly [ScanFormat, RegExp])[] = [
  ['iw', /^BSS [0-9a-fA-Fx]{1,2}(:[0-9a-fA-Fx]{1,2}){5}/],
  ['iwlist', /^[ \t]*Cell \d{1,4} - Address:/],
  ['airport', /^[ \t]*SSID BSSID[ \t]+RSSI CHANNEL/],
  ['airport', /^[ \t]*agrCtlRSSI:/],
  ['netsh', /^[ \t]*(Interface name|Schnittstellenname|Nom de l|Nome interfaccia|Interfacenaam|Nombre de interfaz)/],
  ['netsh', /^[ \t]*BSSID{1,2}[ \t]*\d{1,4}[ \t]*:/]
]

/** Recognises a saved scanner output; null when none fits. Linear in the input. */
export function detectFormat(input: string): ScanFormat | null {
  const { text } = boundInput(input, 'detect')
  const head = text.trimStart()
  if ((head.startsWith('{') || head.startsWith('[')) && text.includes('SPAirPortDataType')) return 'system_profiler'
  if (text.includes('<plist') && (text.includes('<key>SSID_STR</key>') || text.includes('<key>BSSID</key>'))) return 'airport'
  if (text.includes('ms-settings:privacy-location')) return 'netsh'
  let netshSsid = false
  let netshApBssid = false
  let wifiSection = false
  let phyMode = false
  let nmcli = false
  for (const line of text.split('\n')) {
    if (line.length === 0) continue
    for (const [format, marker] of LINE_MARKERS) if (marker.test(line)) return format
    // netsh pads its labels before the colon; nmcli's multiline "SSID:" has no space there.
    const label = /^[ \t]*([A-Za-z][A-Za-z' ]{0,40}?)[ \t\u00a0]+:/.exec(line)?.[1]
    if (label === 'SSID') netshSsid = true
    // "AP BSSID" (de), "Point d'accès …" (fr), plain "BSSID" (en Windows 10/11 show interfaces).
    if (label === 'AP BSSID' || label === 'BSSID' || line.includes("Point d'acc")) netshApBssid = true
    if (line.trimEnd() === 'WIFI') wifiSection = true
    if (/^[ \t]+PHY Mode[ \t]+:/.test(line)) phyMode = true
    if (!nmcli) nmcli = isNmcliLine(line)
  }
  if (wifiSection && phyMode) return 'wdutil'
  if (netshSsid && netshApBssid && !wifiSection) return 'netsh'
  if (nmcli) return 'nmcli'
  return null
}

/** Tabular header, multiline field, or a terse row with an escaped MAC (`AA\:BB\:…`). */
function isNmcliLine(line: string): boolean {
  if (/^[ \t]*(NAME|IN-USE|SSID|ACTIVE|\*)[ \t]{2,}/.test(line) && line.includes('BSSID')) return true
  if (/^(NAME|SSID|BSSID):[ \t]/.test(line)) return true
  return /(?:[0-9A-Fa-fXx]{2}\\:){5}[0-9A-Fa-fXx]{2}/.test(line)
}

/** Runs the parser of `format`. */
export function parseAs(format: ScanFormat, input: string): ParseResult {
  // node-wifi's logs (and support tickets) start with the command line: "$ nmcli --terse …".
  const unmarked = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input
  const text = unmarked.startsWith('$ ') ? unmarked.slice(unmarked.indexOf('\n') + 1 || unmarked.length) : unmarked
  switch (format) {
    case 'iw':
      return parseIw(text)
    case 'iwlist':
      return parseIwlist(text)
    case 'nmcli':
      return parseNmcli(text)
    case 'netsh':
      return parseNetsh(text)
    case 'system_profiler':
      return parseSystemProfiler(text)
    case 'airport':
      return text.includes('<plist') ? parseAirportXml(text) : parseAirport(text)
    case 'wdutil':
      return parseWdutil(text)
  }
}
