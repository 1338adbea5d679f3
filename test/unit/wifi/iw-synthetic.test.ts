/**
 * iw output no capture covers (SOURCES.md "Gaps"): 6 GHz HE/EHT operation, 160 MHz VHT, WEP,
 * membership selectors. Built line by line after iw's printf formats (util.c print_he_operation /
 * print_eht_operation, scan.c print_vht_oper / print_supprates); synthetic, so kept small.
 */
import { describe, expect, it } from 'vitest'
import { parseIw } from '../../../src/main/wifi/parsers/iw'

const block = (mac: string, freq: number, lines: string[]) => `BSS ${mac}(on wlan0)\n\tfreq: ${freq}\n\tsignal: -61.00 dBm\n${lines.map((l) => `\t${l}`).join('\n')}\n`

describe('iw elements without a real capture', () => {
  it('6 GHz: width from "HE Operation" 6 GHz info; EHT 320 MHz wins over HE 160', () => {
    const he = block('02:00:00:00:06:01', 6135, [
      'SSID: six',
      'RSN:\t * Version: 1',
      '\t * Group cipher: CCMP',
      '\t * Pairwise ciphers: CCMP',
      '\t * Authentication suites: SAE',
      '\t * Capabilities: 16-PTKSA-RC 1-GTKSA-RC MFP-required MFP-capable (0x00cc)',
      'HE capabilities:',
      '\tHE MAC Capabilities (0x000801185018):',
      'HE Operation:',
      '\tHE Operation Parameters: (0x023ff4)',
      '\t\tDefault PE Duration: 4',
      '\t\t6 GHz Operation Information Present',
      '\tBSS Color: 22',
      '\t6 GHz Operation Information: 0x25021a2a00',
      '\t\tPrimary Channel: 37',
      '\t\tChannel Width: 80+80 or 160 MHz',
      '\t\tCenter Frequency Segment 0: 39',
      '\t\tCenter Frequency Segment 1: 47'
    ])
    const eht = block('02:00:00:00:06:02', 6135, [
      'SSID: seven',
      'HE Operation:',
      '\t6 GHz Operation Information: 0x25021a2a00',
      '\t\tChannel Width: 80+80 or 160 MHz',
      'EHT Operation:',
      '\tEHT Operation Parameters: (0x01)',
      '\tEHT Operation Info: 0x042f00',
      '\t\tChannel Width: 320 MHz',
      '\t\tCenter Frequency Segment 0: 47'
    ])
    const [a, b] = parseIw(he + eht).observations
    expect(a).toMatchObject({ band: '6', channel: 37, channelWidthMhz: 160, phy: ['ax'] })
    expect(a?.security).toEqual({ protocols: ['WPA3'], akm: ['SAE'], pairwiseCiphers: ['CCMP'], groupCipher: 'CCMP', pmf: 'required' })
    expect(b).toMatchObject({ band: '6', channelWidthMhz: 320, phy: ['ax', 'be'] })
  })

  it('VHT width 1 with segment 2 eight channels away is 160 MHz; selectors are not rates', () => {
    const [o] = parseIw(
      block('02:00:00:00:05:01', 5500, [
        'SSID: wide',
        'Supported rates: 6.0* 9.0 12.0* 18.0 24.0* 36.0 48.0 54.0 HT* VHT* ',
        'HT operation:',
        '\t * primary channel: 100',
        '\t * secondary channel offset: above',
        '\t * STA channel width: any',
        'VHT operation:',
        '\t * channel width: 1 (80 MHz)',
        '\t * center freq segment 1: 106',
        '\t * center freq segment 2: 114'
      ])
    ).observations
    // Basic PHY selectors stay in the basic set as the value they carry (VHT 126/2, HT 127/2) so
    // WIFI-PHY can see an HT/VHT-only BSS; they are never supported data rates.
    expect(o).toMatchObject({ channel: 100, channelWidthMhz: 160, secondaryChannelOffset: 'above', basicRatesMbps: [6, 12, 24, 63, 63.5], phy: ['a', 'n', 'ac'] })
    expect(o?.supportedRatesMbps).toEqual([6, 9, 12, 18, 24, 36, 48, 54])
    // Older iw prints the HT PHY selector as a bogus basic rate 63.5 (127/2).
    const [old] = parseIw(block('02:00:00:00:02:01', 2412, ['SSID: old', 'Supported rates: 1.0* 2.0* 5.5* 11.0* 63.5* '])).observations
    expect(old).toMatchObject({ supportedRatesMbps: [1, 2, 5.5, 11], basicRatesMbps: [1, 2, 5.5, 11, 63.5], phy: ['b', 'n'] })
  })

  it('WEP = Privacy capability with no RSN/WPA element; open = no Privacy', () => {
    const text =
      block('02:00:00:00:00:0a', 2437, ['capability: ESS Privacy ShortSlotTime (0x0411)', 'SSID: wep']) +
      block('02:00:00:00:00:0b', 2437, ['capability: ESS ShortSlotTime (0x0401)', 'SSID: open']) +
      block('02:00:00:00:00:0c', 2437, ['SSID: unknown-caps'])
    const [wep, open, unknown] = parseIw(text).observations
    expect(wep?.security).toEqual({ protocols: ['WEP'], akm: [], pairwiseCiphers: ['WEP'], groupCipher: 'WEP', pmf: 'none' })
    expect(open?.security).toEqual({ protocols: ['OPEN'], akm: [], pairwiseCiphers: [], groupCipher: null, pmf: 'none' })
    expect(unknown?.security).toEqual({ protocols: null, akm: null, pairwiseCiphers: null, groupCipher: null, pmf: null })
  })
})
