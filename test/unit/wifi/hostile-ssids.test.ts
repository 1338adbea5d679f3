/**
 * SSIDs are attacker-controlled: whatever bytes an AP sends must come out as exactly that text
 * (and hex), through iw's \xNN escapes and nmcli's terse `\:` / `\\` escapes.
 */
import { describe, expect, it } from 'vitest'
import { parseIw } from '../../../src/main/wifi/parsers/iw'
import { parseNmcli, splitTerse } from '../../../src/main/wifi/parsers/nmcli'

const HOSTILE: readonly string[] = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '$(reboot);`id`|&;>x"\'*?',
  'a:b\\:c\\\\d:',
  '\\',
  'ab\u0000cd\u0000',
  'é'.repeat(16), // 32 bytes of UTF-8
  '😀'.repeat(8), // 32 bytes, astral plane
  '\u202Egnp.exe',
  ' spaced ',
  '--',
  'x\ny\tz'
]

const utf8 = (s: string) => new TextEncoder().encode(s)
const hex = (s: string) => [...utf8(s)].map((b) => b.toString(16).padStart(2, '0')).join('')

/** iw's print_ssid_escaped: printable ASCII as-is, space only inside, everything else \xNN. */
function iwEscape(ssid: string): string {
  const bytes = utf8(ssid)
  return [...bytes]
    .map((b, i) => {
      const printable = b > 0x20 && b < 0x7f && b !== 0x5c
      const innerSpace = b === 0x20 && i !== 0 && i !== bytes.length - 1
      return printable || innerSpace ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`
    })
    .join('')
}

/** nmcli -t escaping of one value. */
const terse = (v: string) => v.replace(/\\/g, '\\\\').replace(/:/g, '\\:')

function iwBlock(ssid: string, i: number): string {
  const mac = `02:00:00:00:00:${i.toString(16).padStart(2, '0')}`
  return `BSS ${mac}(on wlan0)\n\tfreq: 2437\n\tcapability: ESS (0x0401)\n\tsignal: -${40 + i}.00 dBm\n\tSSID: ${iwEscape(ssid)}\n\tSupported rates: 1.0* 2.0* 5.5* 11.0* 6.0 9.0 12.0 18.0 \n`
}

describe('hostile SSIDs survive parsing as exact text', () => {
  it('iw: \\xNN escapes decode to the exact bytes', () => {
    expect(HOSTILE.every((s) => utf8(s).length <= 32)).toBe(true)
    const text = HOSTILE.map(iwBlock).join('')
    const { observations, skipped } = parseIw(text)
    expect(skipped).toBe(0)
    expect(observations.map((o) => o.ssid)).toEqual(HOSTILE)
    expect(observations.map((o) => o.ssidHex)).toEqual(HOSTILE.map(hex))
    expect(observations.every((o) => !o.hidden)).toBe(true)
    // Nothing spilled into neighbouring fields.
    expect(observations.map((o) => o.signalDbm)).toEqual(HOSTILE.map((_, i) => -40 - i))
  })

  it('iw: bytes that are not UTF-8 keep their hex, text unknown', () => {
    const [o] = parseIw('BSS 02:00:00:00:00:01(on wlan0)\n\tfreq: 2412\n\tSSID: caf\\xe9\n').observations
    expect(o).toMatchObject({ ssid: null, ssidHex: '636166e9', hidden: false })
  })

  it('nmcli -t -f ALL: SSID-HEX gives the exact bytes even with NULs; fields never shift', () => {
    const lines = HOSTILE.map((s, i) =>
      ['AP[1]', s.split('\u0000').join(''), hex(s).toUpperCase(), `02\\:00\\:00\\:00\\:00\\:${i.toString(16).padStart(2, '0')}`, 'Infra', '6', '2.4 GHz', '2437 MHz', '54 Mbit/s', '20 MHz', '70', '***', 'WPA2', '(none)', 'pair_ccmp group_ccmp psk', 'wlan0', 'no', ' ', '/org/freedesktop/NetworkManager/AccessPoint/1']
        .map((v, k) => (k === 3 ? v : terse(v)))
        .join(':')
    )
    const { observations, skipped } = parseNmcli(lines.join('\n'))
    expect(skipped).toBe(0)
    expect(observations.map((o) => o.ssid)).toEqual(HOSTILE)
    expect(observations.every((o) => o.channelWidthMhz === 20 && o.signalDbm === -65 && o.security.protocols?.[0] === 'WPA2')).toBe(true)
  })

  it("nmcli node-wifi fields (no SSID-HEX): `\\:` and `\\\\` inside SSIDs are unescaped exactly", () => {
    const printable = HOSTILE.filter((s) => !s.includes('\u0000') && !s.includes('\n'))
    const lines = printable.map((s, i) => ['no', terse(s), `02\\:00\\:00\\:00\\:00\\:${i.toString(16).padStart(2, '0')}`, 'Infra', '1', '2412 MHz', '50', 'WPA2', '(none)', 'pair_ccmp group_ccmp psk'].join(':'))
    const { observations } = parseNmcli(lines.join('\n'))
    expect(observations.map((o) => o.ssid)).toEqual(printable)
    expect(observations.every((o) => o.channel === 1 && o.signalDbm === -75)).toBe(true)
  })

  it('splitTerse handles a trailing backslash pair and empty fields', () => {
    expect(splitTerse('a\\\\:b\\::')).toEqual(['a\\', 'b:', ''])
    expect(splitTerse('::')).toEqual(['', '', ''])
  })
})
