/**
 * Observations for the compliance tests, parsed by the app's own parsers (src/main/wifi/parsers)
 * from the real captures in test/fixtures/scan (file and BSS cited on each).
 *
 * Where no capture shows a case (SAE-only and OWE on 2.4 GHz, an iw "HT*" membership selector)
 * the nearest capture's text is edited in one line, said on each, and parsed the same way.
 */
import { readFileSync } from 'node:fs'
import { emptyDraft } from '../../../src/main/wifi/parsers/observation-draft'
import { parseAirport } from '../../../src/main/wifi/parsers/airport'
import { parseIw } from '../../../src/main/wifi/parsers/iw'
import { parseIwlist } from '../../../src/main/wifi/parsers/iwlist'
import { parseNetsh } from '../../../src/main/wifi/parsers/netsh'
import { parseSystemProfiler } from '../../../src/main/wifi/parsers/system-profiler'
import type { Observation } from '../../../src/shared/model/observation'

/** A capture's text (test/fixtures/scan/<path>). */
export function capture(path: string): string {
  return readFileSync(new URL(`../../fixtures/scan/${path}`, import.meta.url), 'utf8')
}

/** An observation with every field unknown except those given (for cases no capture shows). */
export function obs(fields: Partial<Observation> & Pick<Observation, 'source'>): Observation {
  return { ...emptyDraft(fields.source), ...fields }
}

/** The one observation with this BSSID (the test fails loudly when a parser stops finding it). */
function byBssid(list: readonly Observation[], bssid: string): Observation {
  const found = list.find((o) => o.bssid === bssid)
  if (!found) throw new Error(`capture has no BSS ${bssid}`)
  return found
}

function bySsid(list: readonly Observation[], ssid: string): Observation[] {
  const found = list.filter((o) => o.ssid === ssid)
  if (found.length === 0) throw new Error(`capture has no SSID ${ssid}`)
  return found
}

const booyaaText = capture('linux-iw/booyaa-iw-dev-scan-01.txt')
const booyaaScan = parseIw(booyaaText).observations

/** linux-iw/booyaa-iw-dev-scan-01.txt */
export const booyaa = {
  /** BSS 11:22:33:44:55:66 "hello": WPA + RSN, group TKIP, pairwise TKIP CCMP, PSK; 20 MHz; -67 dBm */
  hello: byBssid(booyaaScan, '11:22:33:44:55:66'),
  /** BSS 22:33:44:55:66:77 "world": RSN CCMP PSK, 20 MHz, -42 dBm */
  world: byBssid(booyaaScan, '22:33:44:55:66:77'),
  /** BSS 33:44:55:66:77:88 "foo": RSN CCMP PSK, HT operation "secondary channel offset: above" (40 MHz), -75 dBm */
  foo: byBssid(booyaaScan, '33:44:55:66:77:88'),
  /** BSS 44:55:66:77:88:99 "bar": WPA (v1) only, TKIP, PSK, -73 dBm */
  bar: byBssid(booyaaScan, '44:55:66:77:88:99')
}

const jc1Scan = parseIw(capture('linux-iw/jc-iw-scan1.txt')).observations

/** linux-iw/jc-iw-scan1.txt (26 BSS, German urban scan) */
export const jc1 = {
  /** ac:22:05:e6:ff:41 "UPCCDB29F5" 2462 MHz, WPA+RSN TKIP CCMP, 20 MHz, -41 dBm */
  upc24: byBssid(jc1Scan, 'ac:22:05:e6:ff:41'),
  /** ac:22:05:e6:ff:24 "UPCCDB29F5" 5180 MHz, VHT 80 MHz, -30 dBm (associated) */
  upc5: byBssid(jc1Scan, 'ac:22:05:e6:ff:24'),
  /** "Vodafone Hotspot": open (capability without Privacy, no RSN/WPA), 5 BSSIDs on 2.4 GHz, -40 … -84 dBm */
  vodafone: bySsid(jc1Scan, 'Vodafone Hotspot'),
  /** fe:49:2d:20:d8:21: SSID of 21 NUL bytes (hidden), 2412 MHz, RSN CCMP PSK, -67 dBm */
  hidden: byBssid(jc1Scan, 'fe:49:2d:20:d8:21'),
  /** 34:31:c4:b8:2e:85 "Nexus": RSN CCMP, "Authentication suites: PSK 00-0f-ac:8" (8 = SAE: transition), -83 dBm */
  nexus: byBssid(jc1Scan, '34:31:c4:b8:2e:85')
}

/** `text` with its one line `from` replaced (throws when the capture no longer has that line). */
function edited(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`capture has no line ${from}`)
  return text.replace(from, to)
}

const UPC5_HEADER = 'BSS ac:22:05:e6:ff:24(on wlan0) -- associated'

/**
 * No capture shows one MAC on two bands: jc-iw-scan1.txt with its 5 GHz "UPCCDB29F5" BSS's header
 * line giving it the 2.4 GHz BSS's MAC (`BSS ac:22:05:e6:ff:24` → `BSS ac:22:05:e6:ff:41`). In
 * capture order: ac:22:05:e6:ff:41 on 2462 MHz (ch 11, 20 MHz, WPA+RSN TKIP CCMP, -41 dBm), then
 * the same MAC on 5180 MHz (ch 36, VHT 80 MHz, secondary channel above, -30 dBm).
 */
export const upcSameMac = bySsid(parseIw(edited(capture('linux-iw/jc-iw-scan1.txt'), UPC5_HEADER, 'BSS ac:22:05:e6:ff:41(on wlan0) -- associated')).observations, 'UPCCDB29F5')

/** linux-iw/jc-iw-scan1.txt "o2-WLAN34": 2.4 GHz a8:d3:f7:96:10:69 (2442 MHz, 20 MHz, -81 dBm) and 5 GHz a8:d3:f7:96:10:6d (5200 MHz, -88 dBm), RSN CCMP PSK */
export const o2wlan34 = [byBssid(jc1Scan, 'a8:d3:f7:96:10:69'), byBssid(jc1Scan, 'a8:d3:f7:96:10:6d')]

const lkmlText = capture('linux-iw/lkml-iw-scan-wpa3-transition-ft.txt')
const AKM_LINE = '* Authentication suites: PSK SAE FT/SAE'

/** linux-iw/lkml-iw-scan-wpa3-transition-ft.txt: "Brix" d0:ab:d5:82:2e:0e, 2422 MHz, PSK SAE FT/SAE, MFP required, -33 dBm */
export const brix = byBssid(parseIw(lkmlText).observations, 'd0:ab:d5:82:2e:0e')

/** No capture shows SAE-only on 2.4 GHz: the lkml capture with its AKM line reading "SAE" only. */
export const brixSaeOnly = byBssid(parseIw(lkmlText.replace(AKM_LINE, '* Authentication suites: SAE')).observations, 'd0:ab:d5:82:2e:0e')

/** No capture shows OWE: the lkml capture with its AKM line reading "OWE" (suite 18). */
export const brixOwe = byBssid(parseIw(lkmlText.replace(AKM_LINE, '* Authentication suites: OWE')).observations, 'd0:ab:d5:82:2e:0e')

/** linux-iwlist/rockymeza-wifi-wep.txt: "WEP Network" 00:21:27:35:1b:e8, Encryption key:on, no WPA/RSN IE, -74 dBm */
export const wep = byBssid(parseIwlist(capture('linux-iwlist/rockymeza-wifi-wep.txt')).observations, '00:21:27:35:1b:e8')

/** linux-iwlist/rockymeza-wifi-open.txt: "My Wireless Network" 38:83:45:cc:58:74, Encryption key:off, -51 dBm */
export const open = byBssid(parseIwlist(capture('linux-iwlist/rockymeza-wifi-open.txt')).observations, '38:83:45:cc:58:74')

/** linux-iw/kubemate-iw-scan-5ghz-vht80.txt: "WLAN-Kabel" d0:05:2a:71:b8:75, 5500 MHz only, 80 MHz, -87 dBm */
export const kabel5 = byBssid(parseIw(capture('linux-iw/kubemate-iw-scan-5ghz-vht80.txt')).observations, 'd0:05:2a:71:b8:75')

/** macos/jc-airport-s.txt: "SnazzleDazzle" on four BSSIDs (two 5 GHz ch 48, 2.4 GHz ch 3 at 40 MHz "3,+1", and ch "3") */
export const snazzle = bySsid(parseAirport(capture('macos/jc-airport-s.txt')).observations, 'SnazzleDazzle')

const enSp = parseNetsh(capture('windows/wifiscan-netsh-en-sp.txt')).observations

/** windows/wifiscan-netsh-en-sp.txt "eduroam": WPA2-Enterprise CCMP; BSSID 2 f4:cf:e2:67:58:e1 on 2.4 GHz ch 1, two more on 5 GHz */
export const eduroam = bySsid(enSp, 'eduroam')

/** windows/wifiscan-netsh-en-sp.txt "iPhone" 5e:4c:9b:8e:46:d2: WPA2-Personal CCMP, 65 %, 802.11n, 2.4 GHz ch 6; netsh never shows width */
export const iphoneNetsh = byBssid(enSp, '5e:4c:9b:8e:46:d2')

/** windows/booyaa-netsh-windows81-two-ifaces.txt "Vodafone Hotspot": Open, 802.11n ch 6, Basic rates 6.5 16 19.5 117 (no b/g rate) */
export const vodafoneHtOnly = bySsid(parseNetsh(capture('windows/booyaa-netsh-windows81-two-ifaces.txt')).observations, 'Vodafone Hotspot')

/** The booyaa "world" BSS as an "n-only" AP: its Supported rates line ends in iw's HT PHY membership selector "HT*". */
export const worldHtSelector = byBssid(
  parseIw(booyaaText.replace('Supported rates: 1.0* 2.0* 5.5* 11.0* 6.0 9.0 12.0 18.0 ', 'Supported rates: 1.0* 2.0* 5.5* 11.0* 6.0 9.0 12.0 18.0 HT* ')).observations,
  '22:33:44:55:66:77'
)

/** macos/heatmapper-system_profiler-json-macos15.5.txt "SSID-1": "4 (2GHz, 20MHz)", 802.11b/g/n, wpa2_personal; no cipher, no signal */
export const sp155Ssid1 = bySsid(parseSystemProfiler(capture('macos/heatmapper-system_profiler-json-macos15.5.txt')).observations, 'SSID-1')[0] as Observation
