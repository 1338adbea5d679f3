/**
 * Observations for the compliance tests, written by hand from the real captures in
 * test/fixtures/scan (file and BSS cited on each) until the Wi-Fi parsers land; values are copied
 * from the capture, fields the tool does not show are null (unknown), as the parsers must do.
 * Where no capture shows a case (OWE, SAE-only on 2.4 GHz, an iw "HT*" selector) the observation
 * is built from the nearest capture and says what was changed.
 */
import type { Observation } from '../../../src/shared/model/observation'

/** An observation with every field unknown except those given. */
export function obs(fields: Partial<Observation> & Pick<Observation, 'source'>): Observation {
  return {
    ssid: null,
    ssidHex: null,
    hidden: false,
    redacted: false,
    bssid: null,
    frequencyMhz: null,
    channel: null,
    band: null,
    channelWidthMhz: null,
    secondaryChannelOffset: null,
    security: { protocols: null, akm: null, pairwiseCiphers: null, groupCipher: null, pmf: null },
    phy: null,
    basicRatesMbps: null,
    supportedRatesMbps: null,
    signalDbm: null,
    signalDerived: false,
    noiseDbm: null,
    ...fields
  }
}

const B_RATES = [1, 2, 5.5, 11]
const IW_24_SUPPORTED = [1, 2, 5.5, 11, 9, 18, 36, 54, 6, 12, 24, 48]

/** linux-iw/booyaa-iw-dev-scan-01.txt */
export const booyaa = {
  /** BSS 11:22:33:44:55:66 "hello": WPA + RSN, group TKIP, pairwise TKIP CCMP, PSK; 20 MHz; -67 dBm */
  hello: obs({
    source: 'iw', ssid: 'hello', ssidHex: '68656c6c6f', bssid: '11:22:33:44:55:66', frequencyMhz: 2457, channel: 10, band: '2.4',
    channelWidthMhz: 20, secondaryChannelOffset: 'none',
    security: { protocols: ['WPA', 'WPA2'], akm: ['PSK'], pairwiseCiphers: ['TKIP', 'CCMP'], groupCipher: 'TKIP', pmf: null },
    basicRatesMbps: B_RATES, supportedRatesMbps: IW_24_SUPPORTED, signalDbm: -67
  }),
  /** BSS 22:33:44:55:66:77 "world": RSN CCMP PSK, 20 MHz, -42 dBm */
  world: obs({
    source: 'iw', ssid: 'world', ssidHex: '776f726c64', bssid: '22:33:44:55:66:77', frequencyMhz: 2412, channel: 1, band: '2.4',
    channelWidthMhz: 20, secondaryChannelOffset: 'none',
    security: { protocols: ['WPA2'], akm: ['PSK'], pairwiseCiphers: ['CCMP'], groupCipher: 'CCMP', pmf: null },
    basicRatesMbps: B_RATES, supportedRatesMbps: [1, 2, 5.5, 11, 6, 9, 12, 18, 24, 36, 48, 54], signalDbm: -42
  }),
  /** BSS 33:44:55:66:77:88 "foo": RSN CCMP PSK, HT operation "secondary channel offset: above" (40 MHz), -75 dBm */
  foo: obs({
    source: 'iw', ssid: 'foo', ssidHex: '666f6f', bssid: '33:44:55:66:77:88', frequencyMhz: 2417, channel: 2, band: '2.4',
    channelWidthMhz: 40, secondaryChannelOffset: 'above',
    security: { protocols: ['WPA2'], akm: ['PSK'], pairwiseCiphers: ['CCMP'], groupCipher: 'CCMP', pmf: null },
    basicRatesMbps: B_RATES, supportedRatesMbps: IW_24_SUPPORTED, signalDbm: -75
  }),
  /** BSS 44:55:66:77:88:99 "bar": WPA (v1) only, TKIP, PSK, -73 dBm */
  bar: obs({
    source: 'iw', ssid: 'bar', ssidHex: '626172', bssid: '44:55:66:77:88:99', frequencyMhz: 2457, channel: 10, band: '2.4',
    security: { protocols: ['WPA'], akm: ['PSK'], pairwiseCiphers: ['TKIP'], groupCipher: 'TKIP', pmf: null },
    basicRatesMbps: B_RATES, supportedRatesMbps: IW_24_SUPPORTED, signalDbm: -73
  })
}

/** linux-iw/jc-iw-scan1.txt (26 BSS, German urban scan) */
export const jc1 = {
  /** ac:22:05:e6:ff:41 "UPCCDB29F5" 2462 MHz, WPA+RSN TKIP CCMP, 20 MHz, -41 dBm */
  upc24: obs({
    source: 'iw', ssid: 'UPCCDB29F5', bssid: 'ac:22:05:e6:ff:41', frequencyMhz: 2462, channel: 11, band: '2.4',
    channelWidthMhz: 20, secondaryChannelOffset: 'none',
    security: { protocols: ['WPA', 'WPA2'], akm: ['PSK'], pairwiseCiphers: ['TKIP', 'CCMP'], groupCipher: 'TKIP', pmf: null },
    basicRatesMbps: B_RATES, supportedRatesMbps: IW_24_SUPPORTED, signalDbm: -41
  }),
  /** ac:22:05:e6:ff:24 "UPCCDB29F5" 5180 MHz, VHT 80 MHz, -30 dBm (associated) */
  upc5: obs({
    source: 'iw', ssid: 'UPCCDB29F5', bssid: 'ac:22:05:e6:ff:24', frequencyMhz: 5180, channel: 36, band: '5',
    channelWidthMhz: 80, secondaryChannelOffset: 'above',
    security: { protocols: ['WPA', 'WPA2'], akm: ['PSK'], pairwiseCiphers: ['TKIP', 'CCMP'], groupCipher: 'TKIP', pmf: null },
    basicRatesMbps: [6, 12, 24], supportedRatesMbps: [6, 9, 12, 18, 24, 36, 48, 54], signalDbm: -30
  }),
  /** "Vodafone Hotspot": open (capability without Privacy, no RSN/WPA), 5 BSSIDs on 2.4 GHz */
  vodafone: [
    ['ae:22:15:db:4d:5b', 2412, 1, -57],
    ['92:5c:14:d1:34:2f', 2437, 6, -53],
    ['ae:22:15:e6:ff:41', 2462, 11, -40],
    ['92:5c:14:db:21:48', 2462, 11, -71],
    ['36:2c:94:34:3b:95', 2412, 1, -84]
  ].map(([bssid, f, ch, s]) =>
    obs({
      source: 'iw', ssid: 'Vodafone Hotspot', bssid: bssid as string, frequencyMhz: f as number, channel: ch as number, band: '2.4',
      channelWidthMhz: 20, secondaryChannelOffset: 'none',
      security: { protocols: ['OPEN'], akm: [], pairwiseCiphers: [], groupCipher: null, pmf: null },
      basicRatesMbps: B_RATES, supportedRatesMbps: IW_24_SUPPORTED, signalDbm: s as number
    })
  ),
  /** fe:49:2d:20:d8:21: SSID of 21 NUL bytes (hidden), 2412 MHz, RSN CCMP PSK, -67 dBm */
  hidden: obs({
    source: 'iw', ssid: null, ssidHex: '00'.repeat(21), hidden: true, bssid: 'fe:49:2d:20:d8:21', frequencyMhz: 2412, channel: 1, band: '2.4',
    channelWidthMhz: 20, secondaryChannelOffset: 'none',
    security: { protocols: ['WPA2'], akm: ['PSK'], pairwiseCiphers: ['CCMP'], groupCipher: 'CCMP', pmf: null },
    basicRatesMbps: [6, 12, 24], supportedRatesMbps: [6, 9, 12, 18, 24, 36, 48, 54], signalDbm: -67
  }),
  /** 34:31:c4:b8:2e:85 "Nexus": RSN CCMP, "Authentication suites: PSK 00-0f-ac:8" (8 = SAE: transition), -83 dBm */
  nexus: obs({
    source: 'iw', ssid: 'Nexus', bssid: '34:31:c4:b8:2e:85', frequencyMhz: 2437, channel: 6, band: '2.4',
    channelWidthMhz: 20, secondaryChannelOffset: 'none',
    security: { protocols: ['WPA2'], akm: ['PSK', '00-0f-ac:8'], pairwiseCiphers: ['CCMP'], groupCipher: 'CCMP', pmf: null },
    basicRatesMbps: [1, 2, 5.5, 11, 6, 12, 24], supportedRatesMbps: [1, 2, 5.5, 11, 6, 9, 12, 18, 24, 36, 48, 54], signalDbm: -83
  })
}

/** linux-iw/lkml-iw-scan-wpa3-transition-ft.txt: "Brix" d0:ab:d5:82:2e:0e, 2422 MHz, PSK SAE FT/SAE, MFP required, -33 dBm */
export const brix = obs({
  source: 'iw', ssid: 'Brix', bssid: 'd0:ab:d5:82:2e:0e', frequencyMhz: 2422, channel: 3, band: '2.4',
  security: { protocols: ['WPA2', 'WPA3'], akm: ['PSK', 'SAE', 'FT/SAE'], pairwiseCiphers: ['CCMP'], groupCipher: 'CCMP', pmf: 'required' },
  basicRatesMbps: [6, 12, 24], supportedRatesMbps: [6, 9, 12, 18, 24, 36, 48, 54], signalDbm: -33
})

/** No capture shows SAE-only on 2.4 GHz: "Brix" above with PSK removed (WPA3-Personal only). */
export const brixSaeOnly = obs({ ...brix, security: { protocols: ['WPA3'], akm: ['SAE'], pairwiseCiphers: ['CCMP'], groupCipher: 'CCMP', pmf: 'required' } })

/** No capture shows OWE: "Brix" above as an OWE (Enhanced Open) BSS, AKM suite 18. */
export const brixOwe = obs({ ...brix, ssid: 'Brix', security: { protocols: ['WPA3'], akm: ['OWE'], pairwiseCiphers: ['CCMP'], groupCipher: 'CCMP', pmf: 'required' } })

/** linux-iwlist/rockymeza-wifi-wep.txt: "WEP Network" 00:21:27:35:1b:e8, Encryption key:on, no WPA/RSN IE, -74 dBm */
export const wep = obs({
  source: 'iwlist', ssid: 'WEP Network', bssid: '00:21:27:35:1b:e8', frequencyMhz: 2437, channel: 6, band: '2.4',
  security: { protocols: ['WEP'], akm: null, pairwiseCiphers: ['WEP'], groupCipher: 'WEP', pmf: null },
  supportedRatesMbps: [1, 2, 5.5, 11, 6, 12, 24, 36, 9, 18, 48, 54], signalDbm: -74
})

/** linux-iwlist/rockymeza-wifi-open.txt: "My Wireless Network" 38:83:45:cc:58:74, Encryption key:off, -51 dBm */
export const open = obs({
  source: 'iwlist', ssid: 'My Wireless Network', bssid: '38:83:45:cc:58:74', frequencyMhz: 2437, channel: 6, band: '2.4',
  security: { protocols: ['OPEN'], akm: [], pairwiseCiphers: [], groupCipher: null, pmf: null },
  supportedRatesMbps: [1, 2, 5.5, 11, 6, 9, 12, 18, 24, 36, 48, 54], signalDbm: -51
})

/** linux-iw/kubemate-iw-scan-5ghz-vht80.txt: "WLAN-Kabel" d0:05:2a:71:b8:75, 5500 MHz only, 80 MHz, -87 dBm */
export const kabel5 = obs({
  source: 'iw', ssid: 'WLAN-Kabel', bssid: 'd0:05:2a:71:b8:75', frequencyMhz: 5500, channel: 100, band: '5',
  channelWidthMhz: 80, secondaryChannelOffset: 'above',
  security: { protocols: ['WPA2'], akm: ['PSK'], pairwiseCiphers: ['CCMP'], groupCipher: 'CCMP', pmf: null },
  basicRatesMbps: [6, 12, 24], supportedRatesMbps: [6, 9, 12, 18, 24, 36, 48, 54], signalDbm: -87
})

/** macos/jc-airport-s.txt: "SnazzleDazzle" on four BSSIDs (two 5 GHz ch 48, 2.4 GHz ch 3 at 40 MHz "3,+1" and 20 MHz "3") */
export const snazzle = [
  ['3c:37:86:15:fd:b5', '5', 48, null, -70],
  ['42:37:86:15:fd:b3', '2.4', 3, 'above', -62],
  ['42:37:86:15:aa:f7', '2.4', 3, 'none', -54],
  ['3c:37:86:15:aa:f9', '5', 48, null, -64]
].map(([bssid, band, channel, offset, s]) =>
  obs({
    source: 'airport', ssid: 'SnazzleDazzle', bssid: bssid as string, band: band as '2.4' | '5', channel: channel as number,
    channelWidthMhz: offset === 'above' ? 40 : band === '2.4' ? 20 : null,
    secondaryChannelOffset: offset as 'above' | 'none' | null,
    security: { protocols: ['WPA2'], akm: ['PSK'], pairwiseCiphers: ['CCMP'], groupCipher: 'CCMP', pmf: null },
    signalDbm: s as number
  })
)

/** windows/wifiscan-netsh-en-sp.txt "eduroam": WPA2-Enterprise CCMP; BSSID 2 f4:cf:e2:67:58:e1 on 2.4 GHz ch 1 (100 %), others 5 GHz */
export const eduroam = [
  ['a0:3d:6f:66:d8:1e', '5', 36, ['ac'], [54], [24, 36, 48]],
  ['f4:cf:e2:67:58:e1', '2.4', 1, ['n'], [12, 24], [9, 36, 48, 54]],
  ['f4:cf:e2:67:58:ee', '5', 56, ['ac'], [54], [24, 36, 48]]
].map(([bssid, band, channel, phy, basic, other]) =>
  obs({
    source: 'netsh', ssid: 'eduroam', bssid: bssid as string, band: band as '2.4' | '5', channel: channel as number,
    security: { protocols: ['WPA2'], akm: ['802.1X'], pairwiseCiphers: ['CCMP'], groupCipher: null, pmf: null },
    phy: phy as Observation['phy'], basicRatesMbps: basic as number[], supportedRatesMbps: other as number[],
    signalDbm: -50, signalDerived: true
  })
)

/** windows/wifiscan-netsh-en-sp.txt "iPhone" 5e:4c:9b:8e:46:d2: WPA2-Personal CCMP, 65 %, 802.11n, 2.4 GHz ch 6; no width (netsh never shows it) */
export const iphoneNetsh = obs({
  source: 'netsh', ssid: 'iPhone', bssid: '5e:4c:9b:8e:46:d2', band: '2.4', channel: 6,
  security: { protocols: ['WPA2'], akm: ['PSK'], pairwiseCiphers: ['CCMP'], groupCipher: null, pmf: null },
  phy: ['n'], basicRatesMbps: [1, 2, 5.5, 11], supportedRatesMbps: [6, 9, 12, 18, 24, 36, 48, 54],
  signalDbm: -67.5, signalDerived: true
})

/** windows/booyaa-netsh-windows81-two-ifaces.txt "Vodafone Hotspot": Open, 802.11n ch 6, Basic rates 6.5 16 19.5 117 (no b/g rate) */
export const vodafoneHtOnly = obs({
  source: 'netsh', ssid: 'Vodafone Hotspot', bssid: 'ab:cd:ef:01:23:45', channel: 6, band: '2.4',
  security: { protocols: ['OPEN'], akm: [], pairwiseCiphers: [], groupCipher: null, pmf: null },
  phy: ['n'], basicRatesMbps: [6.5, 16, 19.5, 117], supportedRatesMbps: [18, 19.5, 24, 36, 39, 48, 54, 156],
  signalDbm: -72, signalDerived: true
})

/** booyaa "world" above as an "n-only" AP: iw prints the HT PHY membership selector as "HT*" (127 / 2 = 63.5). */
export const worldHtSelector = obs({ ...booyaa.world, basicRatesMbps: [1, 2, 5.5, 11, 63.5] })

/** macos/heatmapper-system_profiler-json-macos15.5.txt "SSID-1": "4 (2GHz, 20MHz)", 802.11b/g/n, wpa2_personal; no cipher, no signal */
export const sp155Ssid1 = obs({
  source: 'system_profiler', ssid: 'SSID-1', band: '2.4', channel: 4, channelWidthMhz: 20,
  security: { protocols: ['WPA2'], akm: ['PSK'], pairwiseCiphers: null, groupCipher: null, pmf: null },
  phy: ['b', 'g', 'n']
})

/** linux-iw/jc-iw-scan1.txt "o2-WLAN34": 2.4 GHz a8:d3:f7:96:10:69 (2442 MHz ch 7, 20 MHz, -81 dBm) and 5 GHz a8:d3:f7:96:10:6d (5200 MHz, 80 MHz, -88 dBm), RSN CCMP PSK */
export const o2wlan34 = [
  obs({
    source: 'iw', ssid: 'o2-WLAN34', bssid: 'a8:d3:f7:96:10:69', frequencyMhz: 2442, channel: 7, band: '2.4',
    channelWidthMhz: 20, secondaryChannelOffset: 'none',
    security: { protocols: ['WPA2'], akm: ['PSK'], pairwiseCiphers: ['CCMP'], groupCipher: 'CCMP', pmf: null },
    basicRatesMbps: [1], supportedRatesMbps: [9, 18, 36, 54, 1, 2, 5.5, 11, 6, 12, 24, 48], signalDbm: -81
  }),
  obs({
    source: 'iw', ssid: 'o2-WLAN34', bssid: 'a8:d3:f7:96:10:6d', frequencyMhz: 5200, channel: 40, band: '5',
    channelWidthMhz: 80, secondaryChannelOffset: 'below',
    security: { protocols: ['WPA2'], akm: ['PSK'], pairwiseCiphers: ['CCMP'], groupCipher: 'CCMP', pmf: null },
    basicRatesMbps: [6, 12], supportedRatesMbps: [6, 9, 12, 18, 24, 36, 48, 54], signalDbm: -88
  })
]
