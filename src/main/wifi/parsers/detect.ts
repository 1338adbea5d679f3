/**
 * Format detection for `--format auto` and one entry point for every parser.
 */
import type { ParseResult } from '../../../shared/model/observation'
import { parseAirport } from './airport'
import { parseAirportXml } from './airport-xml'
import { parseIw } from './iw'
import { parseIwlist } from './iwlist'
import { parseNetsh } from './netsh'
import { parseNmcli } from './nmcli'
import { parseSystemProfiler } from './system-profiler'
import { parseWdutil } from './wdutil'

export const SCAN_FORMATS = ['iw', 'iwlist', 'nmcli', 'netsh', 'system_profiler', 'airport', 'wdutil'] as const
export type ScanFormat = (typeof SCAN_FORMATS)[number]

/** Recognises a saved scanner output; null when none fits. */
export function detectFormat(text: string): ScanFormat | null {
  const t = text.replace(/^\uFEFF/, '')
  if (/^\s*[{[]/.test(t) && t.includes('SPAirPortDataType')) return 'system_profiler'
  if (/^BSS [0-9a-fA-Fx]{1,2}(:[0-9a-fA-Fx]{1,2}){5}/m.test(t)) return 'iw'
  if (/^\s*Cell \d+ - Address:/m.test(t)) return 'iwlist'
  if (/<plist[\s>]/.test(t) && /<key>(SSID_STR|BSSID)<\/key>/.test(t)) return 'airport'
  if (/^\s*SSID BSSID\s+RSSI CHANNEL/m.test(t) || /^\s*agrCtlRSSI:/m.test(t)) return 'airport'
  if (/^\s*(Interface name|Schnittstellenname|Nom de l|Nome interfaccia|Interfacenaam|Nombre de interfaz)/m.test(t) || /^\s*BSSID+\s*\d+\s*:/m.test(t) || t.includes('ms-settings:privacy-location')) return 'netsh'
  if (/^\s*SSID\s*:/m.test(t) && /^\s*(AP BSSID|Point d'acc)/m.test(t)) return 'netsh'
  if (/^WIFI\s*$/m.test(t) && /^\s+PHY Mode\s+:/m.test(t)) return 'wdutil'
  if (/^\s*(NAME|IN-USE|SSID|ACTIVE)\s{2,}.*BSSID/m.test(t) || /^(NAME|SSID|BSSID):\s/m.test(t)) return 'nmcli'
  if (/(?:[0-9A-Fa-fXx]{2}\\:){5}[0-9A-Fa-fXx]{2}/.test(t)) return 'nmcli'
  return null
}

/** Runs the parser of `format`. */
export function parseAs(format: ScanFormat, input: string): ParseResult {
  // node-wifi's logs (and support tickets) start with the command line: "$ nmcli --terse …".
  const text = input.replace(/^\uFEFF/, '').replace(/^\$ [^\n]*\n/, '')
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
      return /<plist[\s>]/.test(text) ? parseAirportXml(text) : parseAirport(text)
    case 'wdutil':
      return parseWdutil(text)
  }
}
