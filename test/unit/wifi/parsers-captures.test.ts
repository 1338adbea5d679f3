/**
 * Every real capture parses; counts and field values below were read off the captures by hand
 * (grep for "BSS ", "BSSID n", cells, rows). jc's expected JSON is only a second opinion.
 */
import { describe, expect, it } from 'vitest'
import { detectFormat, parseAs, SCAN_FORMATS } from '../../../src/main/wifi/parsers/detect'
import { parseIw } from '../../../src/main/wifi/parsers/iw'
import { parseIwlist } from '../../../src/main/wifi/parsers/iwlist'
import { parseNetsh } from '../../../src/main/wifi/parsers/netsh'
import { parseNmcli } from '../../../src/main/wifi/parsers/nmcli'
import { parseSystemProfiler } from '../../../src/main/wifi/parsers/system-profiler'
import { parseAirport } from '../../../src/main/wifi/parsers/airport'
import { parseWdutil } from '../../../src/main/wifi/parsers/wdutil'
import { observationSchema } from '../../../src/shared/model/observation'
import { allCaptures, byBssid, fixture } from './helpers'

/** BSS per capture, counted in the raw text (BSS lines, BSSID n lines, cells, rows). */
const EXPECTED: Record<string, { format: string | null; count: number; skipped?: number }> = {
  'linux-iw/booyaa-iw-dev-scan-01.txt': { format: 'iw', count: 6 },
  'linux-iw/jc-iw-scan0.txt': { format: 'iw', count: 2 },
  'linux-iw/jc-iw-scan1.txt': { format: 'iw', count: 26 },
  'linux-iw/jc-iw-scan2.txt': { format: 'iw', count: 1 },
  'linux-iw/kubemate-iw-scan-5ghz-vht80.txt': { format: 'iw', count: 2 },
  'linux-iw/lkml-iw-scan-wpa3-transition-ft.txt': { format: 'iw', count: 1 },
  'linux-iwlist/access_points-iwlist.txt': { format: 'iwlist', count: 9 },
  'linux-iwlist/rockymeza-wifi-5ghz-no-channel.txt': { format: 'iwlist', count: 1 },
  'linux-iwlist/rockymeza-wifi-adhoc-no-essid.txt': { format: 'iwlist', count: 1 },
  'linux-iwlist/rockymeza-wifi-empty-essid-mixed.txt': { format: 'iwlist', count: 1 },
  'linux-iwlist/rockymeza-wifi-open.txt': { format: 'iwlist', count: 1 },
  'linux-iwlist/rockymeza-wifi-realtek-bw20-noise.txt': { format: 'iwlist', count: 1 },
  'linux-iwlist/rockymeza-wifi-wep.txt': { format: 'iwlist', count: 1 },
  'linux-iwlist/rockymeza-wifi-wpa-wpa2-tkip.txt': { format: 'iwlist', count: 1 },
  'linux-iwlist/rockymeza-wifi-wpa1-no-essid.txt': { format: 'iwlist', count: 1 },
  'linux-iwlist/wifiscan-iwlist01-ubuntu1404.txt': { format: 'iwlist', count: 29 },
  'linux-iwlist/wifiscan-iwlist02-raspi.txt': { format: 'iwlist', count: 3 },
  'linux-nmcli/access_points-nmcli-masked.txt': { format: 'nmcli', count: 9 },
  // 11 rows; the contributor's 3 "//" comment lines are counted as skipped.
  'linux-nmcli/heatmapper-nmcli-t-default-fields.txt': { format: 'nmcli', count: 11, skipped: 3 },
  'linux-nmcli/nm-test004-multiline-all.txt': { format: 'nmcli', count: 4 },
  'linux-nmcli/nm-test004-tabular-all-pl_PL.txt': { format: 'nmcli', count: 4 },
  'linux-nmcli/nm-test004-tabular-all.txt': { format: 'nmcli', count: 4 },
  'linux-nmcli/nm-test004-terse-all.txt': { format: 'nmcli', count: 4 },
  'linux-nmcli/node-wifi-scan-01.txt': { format: 'nmcli', count: 14 },
  'macos/access_points-airport-s-masked.txt': { format: 'airport', count: 5 },
  // 5 neighbours; the joined network is listed among them too (same name and channel): not twice.
  'macos/heatmapper-system_profiler-json-macos15.5.txt': { format: 'system_profiler', count: 5 },
  'macos/heatmapper-system_profiler-json-macos10.15.7.txt': { format: 'system_profiler', count: 17 },
  // 3 neighbours and the joined network (ch 149, not listed among them).
  'macos/heatmapper-system_profiler-json-macos12.7.2-ht40.txt': { format: 'system_profiler', count: 4 },
  // Not associated: wdutil shows the current link only, and there is none.
  'macos/heatmapper-wdutil-not-associated.txt': { format: 'wdutil', count: 0 },
  'macos/heatmapper-wdutil-macos12-5g-dfs.txt': { format: 'wdutil', count: 1 },
  'macos/heatmapper-wdutil-macos15-2g.txt': { format: 'wdutil', count: 1 },
  'macos/jc-airport-I.txt': { format: 'airport', count: 1 },
  'macos/jc-airport-s.txt': { format: 'airport', count: 14 },
  'macos/node-wifi-airport-getinfo-01.txt': { format: 'airport', count: 1 },
  'macos/node-wifi-airport-scan-01.txt': { format: 'airport', count: 4 },
  'macos/node-wifi-airport-scan-monterey.txt': { format: 'airport', count: 4 },
  'macos/node-wifi-airport-scan-shifted.txt': { format: 'airport', count: 4 },
  'macos/node-wifi-airport-scan-space.txt': { format: 'airport', count: 3 },
  'macos/node-wifi-airport-scan-xml-1.txt': { format: 'airport', count: 6 },
  // 19 <dict>s but the capture is cut inside the 19th (no BSSID yet): 18 BSS, 1 skipped.
  'macos/node-wifi-airport-scan-xml-2.txt': { format: 'airport', count: 18, skipped: 1 },
  'macos/wifiscan-airport02.txt': { format: 'airport', count: 4 },
  'node-wifi-logs/linux_scan_scan-01.log': { format: 'nmcli', count: 14 },
  'node-wifi-logs/macOS_current-connections_current-connections-01.log': { format: 'airport', count: 1 },
  'node-wifi-logs/macOS_scan_scan-01.log': { format: 'airport', count: 4 },
  'node-wifi-logs/macOS_scan_scan-monterey.log': { format: 'airport', count: 4 },
  'node-wifi-logs/macOS_scan_scan-shifted.log': { format: 'airport', count: 4 },
  'node-wifi-logs/macOS_scan_scan-space.log': { format: 'airport', count: 3 },
  'windows/booyaa-netsh-windows81-two-ifaces.txt': { format: 'netsh', count: 4 },
  'windows/heatmapper-netsh-interfaces-de.txt': { format: 'netsh', count: 1 },
  'windows/heatmapper-netsh-interfaces-en.txt': { format: 'netsh', count: 1 },
  'windows/heatmapper-netsh-interfaces-es.txt': { format: 'netsh', count: 1 },
  'windows/heatmapper-netsh-interfaces-fr.txt': { format: 'netsh', count: 1 },
  'windows/heatmapper-netsh-interfaces-it.txt': { format: 'netsh', count: 1 },
  'windows/heatmapper-netsh-networks-blank-ssid-en.txt': { format: 'netsh', count: 15 },
  'windows/heatmapper-netsh-networks-de.txt': { format: 'netsh', count: 9 },
  'windows/heatmapper-netsh-networks-es.txt': { format: 'netsh', count: 7 },
  'windows/heatmapper-netsh-networks-fr.txt': { format: 'netsh', count: 8 },
  'windows/heatmapper-netsh-networks-it.txt': { format: 'netsh', count: 11 },
  'windows/wifiscan-netsh-de-complex01.txt': { format: 'netsh', count: 86 },
  'windows/wifiscan-netsh-en-sp.txt': { format: 'netsh', count: 12 }
}

describe('every capture in test/fixtures/scan', () => {
  it('has an expected count (no capture is left untested)', () => {
    expect(allCaptures()).toEqual(Object.keys(EXPECTED).sort())
  })

  it.each(Object.entries(EXPECTED))('%s: format and BSS count, valid observations', (file, expected) => {
    const text = fixture(file)
    expect(detectFormat(text)).toBe(expected.format)
    if (expected.format === null) {
      // No parser throws on it either.
      for (const f of SCAN_FORMATS) expect(() => parseAs(f, text)).not.toThrow()
      return
    }
    const result = parseAs(detectFormat(text) ?? 'iw', text)
    expect(result.observations).toHaveLength(expected.count)
    expect(result.skipped).toBe(expected.skipped ?? 0)
    for (const o of result.observations) expect(observationSchema.parse(o)).toEqual(o)
  })

  it('parses node-wifi logs after their "$ command" first line', () => {
    expect(parseAs('nmcli', fixture('node-wifi-logs/linux_scan_scan-01.log')).observations.map((o) => o.bssid)).toEqual(
      parseAs('nmcli', fixture('linux-nmcli/node-wifi-scan-01.txt')).observations.map((o) => o.bssid)
    )
  })
})

describe('iw', () => {
  it('booyaa: WPA+RSN TKIP/CCMP mixed, HT40 above and below, rates with basic marks', () => {
    const list = parseIw(fixture('linux-iw/booyaa-iw-dev-scan-01.txt')).observations
    const hello = byBssid(list, '11:22:33:44:55:66')
    expect(hello).toMatchObject({ ssid: 'hello', frequencyMhz: 2457, channel: 10, band: '2.4', channelWidthMhz: 20, secondaryChannelOffset: 'none', signalDbm: -67, signalDerived: false, source: 'iw' })
    expect(hello.security).toEqual({ protocols: ['WPA', 'WPA2'], akm: ['PSK'], pairwiseCiphers: ['TKIP', 'CCMP'], groupCipher: 'TKIP', pmf: 'none' })
    expect(hello.basicRatesMbps).toEqual([1, 2, 5.5, 11])
    expect(hello.supportedRatesMbps).toEqual([1, 2, 5.5, 6, 9, 11, 12, 18, 24, 36, 48, 54])
    expect(hello.phy).toEqual(['b', 'g', 'n'])
    expect(byBssid(list, '33:44:55:66:77:88')).toMatchObject({ ssid: 'foo', channel: 2, channelWidthMhz: 40, secondaryChannelOffset: 'above', signalDbm: -75 })
    expect(byBssid(list, '66:77:88:99:aa:bb')).toMatchObject({ ssid: 'hello-world-foo-bar', channel: 8, channelWidthMhz: 40, secondaryChannelOffset: 'below', signalDbm: -89 })
    // No HT element at all: a legacy b/g BSS, 20 MHz by definition.
    const bar = byBssid(list, '44:55:66:77:88:99')
    expect(bar).toMatchObject({ phy: ['b', 'g'], channelWidthMhz: 20, secondaryChannelOffset: 'none' })
    expect(bar.security).toEqual({ protocols: ['WPA'], akm: ['PSK'], pairwiseCiphers: ['TKIP'], groupCipher: 'TKIP', pmf: 'none' })
  })

  it('jc scan1 (tabs turned to spaces): VHT 80, hidden NUL SSID, open hotspot, old-iw SAE suite number', () => {
    const list = parseIw(fixture('linux-iw/jc-iw-scan1.txt')).observations
    const upc5 = byBssid(list, 'ac:22:05:e6:ff:24')
    expect(upc5).toMatchObject({ ssid: 'UPCCDB29F5', frequencyMhz: 5180, channel: 36, band: '5', channelWidthMhz: 80, secondaryChannelOffset: 'above', signalDbm: -30, phy: ['a', 'n', 'ac'] })
    expect(upc5.security).toMatchObject({ protocols: ['WPA', 'WPA2'], akm: ['PSK'], groupCipher: 'TKIP', pmf: 'none' })
    expect(upc5.security.pairwiseCiphers).toEqual(['CCMP', 'TKIP'])
    const hidden = byBssid(list, 'fe:49:2d:20:d8:21')
    expect(hidden).toMatchObject({ ssid: null, hidden: true, redacted: false, ssidHex: '00'.repeat(21), band: '2.4', signalDbm: -67 })
    const hotspot = byBssid(list, 'ae:22:15:db:4d:5b')
    expect(hotspot.ssid).toBe('Vodafone Hotspot')
    expect(hotspot.security).toEqual({ protocols: ['OPEN'], akm: [], pairwiseCiphers: [], groupCipher: null, pmf: 'none' })
    expect(byBssid(list, '54:fa:3e:87:1f:93')).toMatchObject({ ssid: 'moin moin', channel: 13, frequencyMhz: 2472 })
    // "Authentication suites: PSK 00-0f-ac:8": suite 8 is SAE, so WPA2/WPA3 transition.
    expect(byBssid(list, '34:31:c4:b8:2e:85').security).toMatchObject({ protocols: ['WPA2', 'WPA3'], akm: ['PSK', 'SAE'], pmf: 'capable' })
    expect(byBssid(list, 'a8:d3:f7:96:10:6d')).toMatchObject({ channel: 40, secondaryChannelOffset: 'below', channelWidthMhz: 80 })
  })

  it('reads the access point\'s WPS "Device name" (booyaa, jc scan1), absent where the AP sends no WPS element', () => {
    // Read by hand from the captures' "* Device name:" lines under each BSS's WPS element.
    const booyaa = parseIw(fixture('linux-iw/booyaa-iw-dev-scan-01.txt')).observations
    expect(booyaa.map((o) => [o.bssid, o.deviceName ?? null])).toEqual([
      ['11:22:33:44:55:66', 'XiaoMiRouter'],
      ['22:33:44:55:66:77', null],
      ['33:44:55:66:77:88', null],
      ['44:55:66:77:88:99', null],
      ['55:66:77:88:99:aa', 'Wireless N Router TL-WR840N'],
      ['66:77:88:99:aa:bb', null]
    ])
    expect(booyaa.filter((o) => 'deviceName' in o)).toHaveLength(2)
    const jc = parseIw(fixture('linux-iw/jc-iw-scan1.txt'))
    expect(byBssid(jc.observations, 'ac:22:05:db:4d:5b').deviceName).toBe('RalinkAPS')
    expect(byBssid(jc.observations, '1c:b0:44:75:42:a5').deviceName).toBe('o2 HomeBox 6741')
    expect(byBssid(jc.observations, 'ac:22:05:e6:ff:24').deviceName).toBe('5G wireless AP')
    expect(byBssid(jc.observations, 'a8:d3:f7:96:10:69').deviceName).toBe('D512146595-A8D3F7')
    expect(byBssid(jc.observations, 'fe:49:2d:20:d8:21').deviceName).toBe('Marion,Laura,Larissas Fire TV...')
    expect(byBssid(jc.observations, 'ae:22:15:db:4d:5b').deviceName).toBeUndefined() // Vodafone Hotspot: no WPS element
    expect(jc.observations.filter((o) => o.deviceName !== undefined)).toHaveLength(17) // grep -c "Device name" on the capture
    expect(jc.warnings).toEqual([])
  })

  it('cuts an over-long or hostile device name to the limit and says how many were cut, keeping the text as broadcast', () => {
    const block = (mac: string, name: string) => `BSS ${mac}(on wlan0)\n\tfreq: 2412\n\tsignal: -50.00 dBm\n\tSSID: net\n\tWPS:\t * Version: 1.0\n\t\t * Device name: ${name}\n`
    const long = 'A'.repeat(70)
    const r = parseIw(block('02:00:00:00:00:01', long) + block('02:00:00:00:00:02', 'stall\u202Egnp.exe'))
    expect(r.observations.map((o) => o.deviceName)).toEqual(['A'.repeat(64), 'stall\u202Egnp.exe'])
    expect(r.warnings).toEqual(['iw: 1 access-point device name(s) longer than 64 characters were cut to that length'])
  })

  it('jc scan1 agrees with jc\'s own parse on SSID, frequency and signal (second opinion)', () => {
    // jc flattens iw's nesting into varying key names: read what each entry has.
    const jc: Record<string, unknown>[] = JSON.parse(fixture('jc-expected/centos-7.7_iw-scan1.json'))
    const list = parseIw(fixture('linux-iw/jc-iw-scan1.txt')).observations
    expect(jc).toHaveLength(list.length)
    let compared = 0
    for (const j of jc) {
      const o = byBssid(list, String(j.bssid))
      if (typeof j.freq === 'number') expect(o.frequencyMhz).toBe(j.freq)
      if (typeof j.signal_dbm === 'number') expect(o.signalDbm).toBe(j.signal_dbm)
      const ssidKey = Object.keys(j).find((k) => k.endsWith('_ssid') || k === 'ssid')
      const ssid = ssidKey ? j[ssidKey] : undefined
      if (typeof ssid === 'string' && !ssid.startsWith('\\x00')) {
        expect(o.ssid).toBe(ssid)
        compared++
      }
    }
    expect(compared).toBeGreaterThan(20)
  })

  it('lkml WPA3 transition: PSK SAE FT/SAE, MFP required, no 802.11b rates', () => {
    const [o] = parseIw(fixture('linux-iw/lkml-iw-scan-wpa3-transition-ft.txt')).observations
    expect(o?.security).toEqual({ protocols: ['WPA2', 'WPA3'], akm: ['PSK', 'SAE', 'FT-SAE'], pairwiseCiphers: ['CCMP'], groupCipher: 'CCMP', pmf: 'required' })
    expect(o).toMatchObject({ ssid: 'Brix', channel: 3, frequencyMhz: 2422, signalDbm: -33, basicRatesMbps: [6, 12, 24] })
  })

  it('kubemate: 5 GHz VHT 80 on channels 124 and 100; jc scan2: redacted BSSID kept as unknown, HE → ax', () => {
    const list = parseIw(fixture('linux-iw/kubemate-iw-scan-5ghz-vht80.txt')).observations
    expect(byBssid(list, '3c:37:12:04:6c:62')).toMatchObject({ ssid: 'Some Network', channel: 124, band: '5', channelWidthMhz: 80, signalDbm: -90 })
    expect(byBssid(list, 'd0:05:2a:71:b8:75')).toMatchObject({ channel: 100, frequencyMhz: 5500, channelWidthMhz: 80, signalDbm: -87 })
    expect(byBssid(list, 'd0:05:2a:71:b8:75').security).toMatchObject({ protocols: ['WPA2'], akm: ['PSK'], pairwiseCiphers: ['CCMP'] })
    const [scan2] = parseIw(fixture('linux-iw/jc-iw-scan2.txt')).observations
    expect(scan2).toMatchObject({ bssid: null, ssid: 'Troubleshooting', channelWidthMhz: 20, phy: ['n', 'ac', 'ax'], basicRatesMbps: null })
  })
})

describe('nmcli', () => {
  it('terse, multiline and tabular -f ALL give the same observations (BANDWIDTH, BAND, SSID-HEX)', () => {
    const terse = parseNmcli(fixture('linux-nmcli/nm-test004-terse-all.txt')).observations
    expect(parseNmcli(fixture('linux-nmcli/nm-test004-multiline-all.txt')).observations).toEqual(terse)
    expect(parseNmcli(fixture('linux-nmcli/nm-test004-tabular-all.txt')).observations).toEqual(terse)
    const ap2 = byBssid(terse, 'c0:e2:be:e8:ef:b6')
    expect(ap2).toMatchObject({ ssid: 'wlan0-ap-2', ssidHex: '776c616e302d61702d32', band: '5', channel: 44, frequencyMhz: 5220, channelWidthMhz: 40, signalDbm: -54, signalDerived: true, source: 'nmcli' })
    expect(ap2.security).toEqual({ protocols: ['WPA', 'WPA2'], akm: ['PSK'], pairwiseCiphers: ['TKIP', 'CCMP'], groupCipher: 'TKIP', pmf: null })
    expect(byBssid(terse, '9b:f6:b7:ec:97:76')).toMatchObject({ band: '6', channel: 129, frequencyMhz: 6595 })
    expect(byBssid(terse, '9b:f6:b7:ec:97:76').security).toMatchObject({ protocols: ['WPA3'], akm: ['SAE'] })
    // WPA1 only: no RSN element, so no PMF.
    expect(byBssid(terse, '61:95:77:ac:1e:4c').security).toMatchObject({ protocols: ['WPA'], pmf: 'none' })
  })

  it('pl_PL values (translated flags, thin space in "40 MHz") still parse', () => {
    const list = parseNmcli(fixture('linux-nmcli/nm-test004-tabular-all-pl_PL.txt')).observations
    expect(byBssid(list, '61:95:77:ac:1e:4c')).toMatchObject({ channelWidthMhz: 40, signalDbm: -59.5 })
    expect(byBssid(list, '61:95:77:ac:1e:4c').security.protocols).toEqual(['WPA'])
  })

  it("node-wifi's field list: escaped BSSIDs, UTF-8 SSID, hidden row, open network", () => {
    const list = parseNmcli(fixture('linux-nmcli/node-wifi-scan-01.txt')).observations
    expect(byBssid(list, '31:23:03:18:9f:1c')).toMatchObject({ ssid: 'Linksys01777-invité', signalDbm: -50, channel: 11 })
    expect(byBssid(list, '31:23:03:18:9f:1c').security).toMatchObject({ protocols: ['OPEN'], pmf: 'none' })
    expect(byBssid(list, '61:ff:7b:43:b5:26')).toMatchObject({ ssid: 'NERMNET', band: '5', channel: 149, signalDbm: -68, channelWidthMhz: null })
    const hidden = list.filter((o) => o.hidden)
    expect(hidden).toHaveLength(1)
    expect(hidden[0]).toMatchObject({ bssid: 'a1:6a:bb:e9:fc:e5', ssid: null, ssidHex: '' })
  })

  it('masked kootenpv rows: BSSIDs with X are unknown, SECURITY summary read', () => {
    const r = parseNmcli(fixture('linux-nmcli/access_points-nmcli-masked.txt'))
    expect(r.observations.every((o) => o.bssid === null)).toBe(true)
    expect(r.observations[6]).toMatchObject({ ssid: 'XXXXX' })
    expect(r.observations[6]?.security).toMatchObject({ protocols: ['WPA2'], akm: ['802.1X'] })
    expect(r.observations[5]?.ssid).toBe('XXXX XX-XX XXXXX ') // trailing space kept
  })
})

describe('netsh', () => {
  it('English Windows 10/11: Band line, WPA2-Enterprise, open guest, hidden SSID', () => {
    const list = parseNetsh(fixture('windows/wifiscan-netsh-en-sp.txt')).observations
    const edu = byBssid(list, 'a0:3d:6f:66:d8:1e')
    expect(edu).toMatchObject({ ssid: 'eduroam', band: '5', channel: 36, frequencyMhz: 5180, signalDbm: -50, signalDerived: true, source: 'netsh' })
    expect(edu.security).toMatchObject({ protocols: ['WPA2'], akm: ['802.1X'], pairwiseCiphers: ['CCMP'] })
    expect(edu.phy).toContain('ac')
    expect(byBssid(list, '5e:4c:9b:8e:46:d2')).toMatchObject({ ssid: 'iPhone', band: '2.4', channel: 6, signalDbm: -67.5, basicRatesMbps: [1, 2, 5.5, 11] })
  })

  it('older German (BSSIDD typo, no Band line): every BSSID kept, band from channel, 802.11a', () => {
    const list = parseNetsh(fixture('windows/wifiscan-netsh-de-complex01.txt')).observations
    expect(list).toHaveLength(86)
    const a = list.find((o) => o.bssid === '00:35:1a:90:56:05' && o.channel === 60)
    expect(a).toMatchObject({ hidden: true, ssid: null, band: '5', channel: 60, signalDbm: -64.5, phy: ['a'] })
    expect(a?.security).toMatchObject({ protocols: ['WPA2'], akm: ['PSK'], pairwiseCiphers: ['CCMP'] })
    // Same radio MAC on channel 11 and channel 36: both kept.
    expect(list.filter((o) => o.bssid === '00:f2:8b:8f:58:78').map((o) => o.channel)).toEqual([11, 36])
  })

  it('French Windows 11 with NBSP before colons; German "2,4 GHz"; French/German show interfaces', () => {
    const fr = parseNetsh(fixture('windows/heatmapper-netsh-networks-fr.txt')).observations
    expect(byBssid(fr, 'fe:dc:ba:09:87:03')).toMatchObject({ ssid: 'SSID-1', band: '5', channel: 144, signalDbm: -61, phy: ['a', 'ax'] })
    expect(byBssid(fr, 'fe:dc:ba:09:87:03').security).toEqual({ protocols: ['OPEN'], akm: [], pairwiseCiphers: [], groupCipher: null, pmf: 'none' })
    const de = parseNetsh(fixture('windows/heatmapper-netsh-networks-de.txt')).observations
    expect(byBssid(de, 'fe:dc:ba:09:87:01')).toMatchObject({ band: '2.4', channel: 6, signalDbm: -93.5 })
    expect(byBssid(de, 'fe:dc:ba:09:87:02').security.protocols).toEqual(['OPEN'])
    const [ifFr] = parseNetsh(fixture('windows/heatmapper-netsh-interfaces-fr.txt')).observations
    expect(ifFr).toMatchObject({ bssid: 'fe:dc:ba:09:87:02', ssid: 'SSID-1', band: '2.4', channel: 11, signalDbm: -60 })
    const [ifDe] = parseNetsh(fixture('windows/heatmapper-netsh-interfaces-de.txt')).observations
    expect(ifDe).toMatchObject({ bssid: 'fe:dc:ba:09:87:02', band: '5', channel: 116 })
    expect(ifDe?.security).toMatchObject({ protocols: ['WPA2'], akm: ['802.1X'], pairwiseCiphers: ['CCMP'] })
  })

  it('CRLF variants of every Windows capture parse the same', () => {
    for (const f of ['booyaa-netsh-windows81-two-ifaces.txt', 'heatmapper-netsh-networks-blank-ssid-en.txt', 'heatmapper-netsh-networks-de.txt', 'heatmapper-netsh-networks-fr.txt', 'heatmapper-netsh-interfaces-de.txt', 'heatmapper-netsh-interfaces-fr.txt', 'wifiscan-netsh-de-complex01.txt', 'wifiscan-netsh-en-sp.txt']) {
      const lf = fixture(`windows/${f}`)
      const crlf = lf.replace(/\n/g, '\r\n')
      expect(crlf).not.toBe(lf)
      expect(parseNetsh(crlf)).toEqual(parseNetsh(lf))
      expect(detectFormat(crlf)).toBe('netsh')
    }
  })
})

describe('macOS', () => {
  it('system_profiler 15.5: "44 (5GHz, 80MHz)", phymode, security mode, no BSSIDs, signal only where given', () => {
    const list = parseSystemProfiler(fixture('macos/heatmapper-system_profiler-json-macos15.5.txt')).observations
    const ssid3 = list.find((o) => o.ssid === 'SSID-3')
    expect(ssid3).toMatchObject({ bssid: null, channel: 44, band: '5', channelWidthMhz: 80, frequencyMhz: 5220, phy: ['a', 'n', 'ac', 'ax'], signalDbm: null, redacted: false })
    expect(ssid3?.security).toMatchObject({ protocols: ['OPEN'] })
    const ssid2 = list.find((o) => o.ssid === 'SSID-2')
    expect(ssid2).toMatchObject({ channel: 6, band: '2.4', channelWidthMhz: 20, signalDbm: -39, noiseDbm: -97, signalDerived: false })
    expect(list.find((o) => o.ssid === 'SSID-1')?.security).toMatchObject({ protocols: ['WPA2'], akm: ['PSK'], pairwiseCiphers: null })
  })

  it('system_profiler 10.15.7: bare integer channel (width unknown), BSSID, "0 dBm" noise is no reading', () => {
    const list = parseSystemProfiler(fixture('macos/heatmapper-system_profiler-json-macos10.15.7.txt')).observations
    const ssid1 = list.find((o) => o.ssid === 'SSID-1')
    expect(ssid1).toMatchObject({ bssid: 'fe:dc:ba:09:87:65', channel: 4, band: '2.4', channelWidthMhz: null, signalDbm: -57, noiseDbm: null })
    expect(list.find((o) => o.ssid === 'SSID-2')).toMatchObject({ signalDbm: -88, noiseDbm: -98 })
  })

  it('system_profiler: SSIDs withheld by macOS are redacted, never hidden', () => {
    const text = fixture('macos/heatmapper-system_profiler-json-macos15.5.txt').replace(/"_name" : "SSID-\d+"/g, '"_name" : "<redacted>"')
    expect(text).toContain('<redacted>')
    const r = parseSystemProfiler(text)
    const redacted = r.observations.filter((o) => o.redacted)
    expect(redacted.length).toBeGreaterThan(0)
    for (const o of redacted) expect(o).toMatchObject({ ssid: null, ssidHex: null, hidden: false })
    expect(r.warnings.join(' ')).toMatch(/Location Services/)
  })

  it('airport -s: "3,+1" / "9,-1" are 40 MHz, hidden row, WPA/WPA2 mixed ciphers; -I: "48,80"; --xml plist', () => {
    const jc = parseAirport(fixture('macos/jc-airport-s.txt')).observations
    expect(byBssid(jc, '42:37:86:15:fd:b3')).toMatchObject({ ssid: 'SnazzleDazzle', channel: 3, channelWidthMhz: 40, secondaryChannelOffset: 'above', signalDbm: -62 })
    expect(byBssid(jc, '00:68:eb:2b:b7:3b')).toMatchObject({ ssid: 'DIRECT-4A-HP OfficeJet 3830', channel: 6, channelWidthMhz: null })
    expect(byBssid(jc, '5c:e3:0e:c1:74:df').security).toEqual({ protocols: ['WPA', 'WPA2'], akm: ['PSK'], pairwiseCiphers: ['CCMP', 'TKIP'], groupCipher: 'TKIP', pmf: null })
    expect(byBssid(jc, '8e:e3:0e:c1:74:df').security).toMatchObject({ protocols: ['WPA2'], akm: ['802.1X'] })
    const w = parseAirport(fixture('macos/wifiscan-airport02.txt')).observations
    expect(byBssid(w, '7c:b7:33:ae:3b:06')).toMatchObject({ hidden: true, ssid: null, channel: 64, band: '5' })
    expect(byBssid(w, '7c:b7:33:ae:3b:04')).toMatchObject({ ssid: 'Visitor Raupo', channelWidthMhz: 40, secondaryChannelOffset: 'below' })
    const [info] = parseAirport(fixture('macos/jc-airport-I.txt')).observations
    expect(info).toMatchObject({ bssid: '3c:37:86:15:ad:f9', channel: 48, channelWidthMhz: 80, signalDbm: -66, noiseDbm: -90 })
    const xml = parseAs('airport', fixture('macos/node-wifi-airport-scan-xml-1.txt')).observations
    expect(byBssid(xml, 'b6:fb:e4:95:bc:04')).toMatchObject({ ssid: 'CASA-AMPLIFI', channel: 36, band: '5', channelWidthMhz: 80, secondaryChannelOffset: 'above', signalDbm: -76, noiseDbm: -88, phy: ['a', 'n', 'ac'] })
    expect(byBssid(xml, 'b6:fb:e4:95:bc:04').security).toEqual({ protocols: ['WPA2'], akm: ['PSK'], pairwiseCiphers: ['CCMP'], groupCipher: 'CCMP', pmf: 'none' })
    expect(byBssid(xml, 'b4:fb:e4:94:bc:04')).toMatchObject({ channel: 1, band: '2.4', channelWidthMhz: 20, supportedRatesMbps: [1, 2, 5.5, 6, 9, 11, 12, 18, 24, 36, 48, 54] })
    expect(byBssid(xml, '60:d2:48:b9:12:e3').security).toMatchObject({ protocols: ['WPA', 'WPA2'], pairwiseCiphers: ['TKIP', 'CCMP'], groupCipher: 'TKIP' })
    const campus = parseAs('airport', fixture('macos/node-wifi-airport-scan-xml-2.txt')).observations
    expect(byBssid(campus, 'bc:9f:e4:b0:f8:70')).toMatchObject({ ssid: 'eduroam', channel: 44, channelWidthMhz: 20, signalDbm: -89 })
    expect(byBssid(campus, 'bc:9f:e4:b0:f8:70').security).toMatchObject({ protocols: ['WPA2'], akm: ['802.1X'] })
    expect(byBssid(campus, 'bc:9f:e4:b0:f8:72').security.protocols).toEqual(['OPEN'])
    const monterey = parseAirport(fixture('macos/node-wifi-airport-scan-monterey.txt')).observations
    expect(monterey.map((o) => o.bssid)).toEqual([null, null, null, null])
  })

  it('wdutil: "2g1/20" (macOS 15, redacted) and "144 (40 MHz, DFS)" (macOS 12)', () => {
    const [m15] = parseWdutil(fixture('macos/heatmapper-wdutil-macos15-2g.txt')).observations
    expect(m15).toMatchObject({ redacted: true, hidden: false, ssid: null, bssid: null, band: '2.4', channel: 1, channelWidthMhz: 20, signalDbm: -63, noiseDbm: -97, phy: ['ax'] })
    const [m12] = parseWdutil(fixture('macos/heatmapper-wdutil-macos12-5g-dfs.txt')).observations
    expect(m12).toMatchObject({ ssid: 'SomeSSID-5', bssid: 'fe:dc:ba:09:87:65', band: '5', channel: 144, channelWidthMhz: 40, signalDbm: -61 })
    expect(m12?.security).toMatchObject({ protocols: ['WPA2'], akm: ['PSK'] })
  })
})

describe('iwlist (best effort)', () => {
  it('raw HT operation IE gives the width; WEP from "Encryption key:on" without WPA IEs', () => {
    const raspi = parseIwlist(fixture('linux-iwlist/wifiscan-iwlist02-raspi.txt')).observations
    expect(byBssid(raspi, '7c:b7:33:ae:3b:04')).toMatchObject({ ssid: 'Raupo', channel: 9, channelWidthMhz: 40, secondaryChannelOffset: 'below', signalDbm: -74 })
    expect(byBssid(raspi, 'd4:d1:84:50:76:45').security).toMatchObject({ protocols: ['WPA', 'WPA2'], akm: ['PSK'], groupCipher: 'TKIP' })
    const [wep] = parseIwlist(fixture('linux-iwlist/rockymeza-wifi-wep.txt')).observations
    expect(wep?.security).toEqual({ protocols: ['WEP'], akm: [], pairwiseCiphers: ['WEP'], groupCipher: 'WEP', pmf: 'none' })
    const [bw20] = parseIwlist(fixture('linux-iwlist/rockymeza-wifi-realtek-bw20-noise.txt')).observations
    expect(bw20).toMatchObject({ channelWidthMhz: 20, signalDbm: -53, noiseDbm: -92, hidden: true })
    // "Signal level=56/100" is not dBm: unknown, not guessed.
    expect(parseIwlist(fixture('linux-iwlist/wifiscan-iwlist01-ubuntu1404.txt')).observations.every((o) => o.signalDbm === null)).toBe(true)
  })
})

describe('formats that failed before issue 10 (real captures)', () => {
  it('nmcli -t with the default fields (no -f): IN-USE:BSSID:SSID:MODE:CHAN:RATE:SIGNAL:BARS:SECURITY', () => {
    const r = parseNmcli(fixture('linux-nmcli/heatmapper-nmcli-t-default-fields.txt'))
    // "SSID-2-\\foo\:bar" in the file: one backslash and one colon in the SSID.
    expect(byBssid(r.observations, 'fe:dc:ba:09:87:02')).toMatchObject({ ssid: 'SSID-2-\\foo:bar', channel: 6, band: '2.4', frequencyMhz: 2437, signalDbm: -50, signalDerived: true })
    expect(byBssid(r.observations, 'fe:dc:ba:09:87:02').security.protocols).toEqual(['WPA2'])
    expect(byBssid(r.observations, 'fe:dc:ba:09:87:0b')).toMatchObject({ ssid: 'SSID-11', channel: 11, signalDbm: -92.5 })
    expect(byBssid(r.observations, 'fe:dc:ba:09:87:0b').security.protocols).toEqual(['WPA2', 'WPA3'])
    // Empty SECURITY is an open network.
    expect(byBssid(r.observations, 'fe:dc:ba:09:87:05').security).toMatchObject({ protocols: ['OPEN'], pmf: 'none' })
    expect(byBssid(r.observations, 'fe:dc:ba:09:87:01').security.protocols).toEqual(['WPA', 'WPA2'])
  })

  it('system_profiler 12.7.2: channel "1,+1" is 40 MHz with the secondary channel above; bare integers keep width unknown', () => {
    const list = parseSystemProfiler(fixture('macos/heatmapper-system_profiler-json-macos12.7.2-ht40.txt')).observations
    expect(list.find((o) => o.ssid === 'SSID-1')).toMatchObject({ channel: 1, band: '2.4', frequencyMhz: 2412, channelWidthMhz: 40, secondaryChannelOffset: 'above', signalDbm: -90, noiseDbm: -92 })
    expect(list.find((o) => o.ssid === 'SSID-2')).toMatchObject({ channel: 11, band: '2.4', channelWidthMhz: null, secondaryChannelOffset: null })
    expect(list.find((o) => o.ssid === 'SSID-4')).toMatchObject({ channel: 149, band: '5', phy: ['ax'], signalDbm: -68, noiseDbm: -93 })
  })

  it("system_profiler: Apple's misspelt pairport_security_mode_wpa3_transition is WPA2/WPA3 transition", () => {
    // No citable capture holds this token (it is quoted in other projects' parsers and tests);
    // one network entry, written by hand, with the token exactly as macOS prints it.
    const text = JSON.stringify({ SPAirPortDataType: [{ spairport_airport_interfaces: [{ spairport_airport_other_local_wireless_networks: [{ _name: 'Home', spairport_network_channel: '36 (5GHz, 80MHz)', spairport_security_mode: 'pairport_security_mode_wpa3_transition' }] }] }] })
    const r = parseSystemProfiler(text)
    expect(r.observations[0]?.security).toMatchObject({ protocols: ['WPA2', 'WPA3'], akm: ['PSK', 'SAE'] })
    expect(r.warnings).toEqual([])
  })

  it('older nmcli tables: SSIDs in single quotes, translated FREQUENZ header, "WPA WPA2"', () => {
    // No citable capture found: the layout of nmcli 0.9 (Ubuntu 14.04) as quoted in forum posts,
    // written by hand; the second table has the German header the issue reports.
    const english = [
      'SSID                              BSSID               MODE             FREQ       RATE       SIGNAL   SECURITY   ACTIVE  ',
      "'Theresa'                         00:1E:8C:47:44:08   Infrastructure   2437 MHz   54 MB/s    81       WPA WPA2   yes     ",
      "'ggwp'                            02:11:87:DA:DD:57   Ad-Hoc           2412 MHz   54 MB/s    0        --         no      "
    ].join('\n')
    const list = parseAs('nmcli', english).observations
    expect(byBssid(list, '00:1e:8c:47:44:08')).toMatchObject({ ssid: 'Theresa', frequencyMhz: 2437, channel: 6, band: '2.4', signalDbm: -59.5 })
    expect(byBssid(list, '00:1e:8c:47:44:08').security.protocols).toEqual(['WPA', 'WPA2'])
    expect(byBssid(list, '02:11:87:da:dd:57')).toMatchObject({ ssid: 'ggwp', channel: 1 })
    expect(byBssid(list, '02:11:87:da:dd:57').security.protocols).toEqual(['OPEN'])
    const german = english.replace('MODE  ', 'MODUS ').replace('FREQ    ', 'FREQUENZ').replace('SECURITY  ', 'SICHERHEIT').replace('ACTIVE', 'AKTIV ')
    expect(german.split('\n')[0]).toContain('FREQUENZ')
    expect(detectFormat(german)).toBe('nmcli')
    expect(parseAs('nmcli', german).observations).toEqual(list)
  })

  it('wdutil of a Mac that is not associated: no network (not an open one named "None" at 0 dBm)', () => {
    const r = parseWdutil(fixture('macos/heatmapper-wdutil-not-associated.txt'))
    expect(r.observations).toEqual([])
    expect(r.skipped).toBe(0)
    expect(r.warnings.join(' ')).toMatch(/not connected to a network/)
  })

  it('English netsh show interfaces (plain "BSSID :") is detected, also without the contributor\'s first two lines', () => {
    const text = fixture('windows/heatmapper-netsh-interfaces-en.txt')
    // Real netsh starts at "There are 1 interfaces on the system:"; the "# …" comment and the
    // "Interface name : Wi-Fi" line above it were added by the contributor.
    const asNetshPrintsIt = text.split('\n').slice(2).join('\n')
    expect(asNetshPrintsIt.startsWith('There are 1 interfaces on the system:')).toBe(true)
    expect(detectFormat(asNetshPrintsIt)).toBe('netsh')
    const [o] = parseNetsh(asNetshPrintsIt).observations
    expect(o).toMatchObject({ ssid: 'SSID-1', bssid: 'fe:dc:ba:09:87:02', channel: 44, band: '5', frequencyMhz: 5220, signalDbm: -79, signalDerived: true, phy: ['ax'] })
    expect(o?.security).toMatchObject({ protocols: ['WPA2'], akm: ['PSK'], pairwiseCiphers: ['CCMP'] })
  })

  it('Spanish and Italian netsh (label sets now verified by captures)', () => {
    const es = parseNetsh(fixture('windows/heatmapper-netsh-networks-es.txt')).observations
    expect(byBssid(es, 'fe:dc:ba:09:87:01')).toMatchObject({ ssid: 'SSID-1', band: '5', channel: 149, signalDbm: -73.5 })
    expect(byBssid(es, 'fe:dc:ba:09:87:01').security).toMatchObject({ protocols: ['OPEN'], pairwiseCiphers: [] })
    const italian = parseNetsh(fixture('windows/heatmapper-netsh-networks-it.txt')).observations
    expect(byBssid(italian, 'fe:dc:ba:09:87:01')).toMatchObject({ ssid: 'SSID-1', band: '2.4', channel: 11, signalDbm: -92, basicRatesMbps: [1, 2, 5.5, 11] })
    expect(byBssid(italian, 'fe:dc:ba:09:87:01').security).toMatchObject({ protocols: ['WPA2'], akm: ['PSK'], pairwiseCiphers: ['CCMP'] })
    expect(byBssid(italian, 'fe:dc:ba:09:87:02')).toMatchObject({ hidden: true, ssid: null })
    const [esIf] = parseNetsh(fixture('windows/heatmapper-netsh-interfaces-es.txt')).observations
    expect(esIf).toMatchObject({ bssid: 'fe:dc:ba:09:87:02', band: '2.4', channel: 11, signalDbm: -59.5 })
    const [itIf] = parseNetsh(fixture('windows/heatmapper-netsh-interfaces-it.txt')).observations
    expect(itIf).toMatchObject({ bssid: 'fe:dc:ba:09:87:02', channel: 4, phy: ['n'] })
  })

  it('an SSID longer than 32 bytes is a parse error of its block, counted in skipped; the other blocks stay', () => {
    const text = 'BSS 02:00:00:00:00:01(on wlan0)\n\tfreq: 2412\n\tSSID: ' + 'a'.repeat(33) + '\nBSS 02:00:00:00:00:02(on wlan0)\n\tfreq: 2437\n\tSSID: ok\n'
    const r = parseIw(text)
    expect(r.observations.map((o) => o.bssid)).toEqual(['02:00:00:00:00:02'])
    expect(r.skipped).toBe(1)
    expect(r.warnings.join(' ')).toMatch(/longer than 32 bytes/)
  })
})
