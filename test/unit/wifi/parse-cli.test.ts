/** `wc-survey parse`: JSON keys exactly as issue 3 item 1, table, stderr counts, exit codes. */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { run } from '../../../src/cli/commands/parse'
import { SCAN_FIXTURES } from './helpers'

async function cli(args: string[]) {
  let out = ''
  let err = ''
  const code = await run(args, { out: (t) => (out += t), err: (t) => (err += t) })
  return { code, out, err }
}

const KEYS = ['ssid', 'ssidHex', 'hidden', 'redacted', 'bssid', 'frequencyMhz', 'channel', 'band', 'channelWidthMhz', 'secondaryChannelOffset', 'security', 'phy', 'basicRatesMbps', 'supportedRatesMbps', 'signalDbm', 'signalDerived', 'noiseDbm', 'source']
const SECURITY_KEYS = ['protocols', 'akm', 'pairwiseCiphers', 'groupCipher', 'pmf']

describe('wc-survey parse', () => {
  it('--json: an array of observations with exactly the issue\'s keys, in order', async () => {
    for (const file of ['linux-iw/booyaa-iw-dev-scan-01.txt', 'windows/wifiscan-netsh-en-sp.txt', 'macos/heatmapper-system_profiler-json-macos15.5.txt', 'linux-nmcli/nm-test004-terse-all.txt']) {
      const { code, out, err } = await cli(['--json', join(SCAN_FIXTURES, file)])
      expect(code).toBe(0)
      const parsed: Record<string, unknown>[] = JSON.parse(out)
      expect(parsed.length).toBeGreaterThan(0)
      for (const o of parsed) {
        // The access point's WPS device name, only where the scan gave one, sits just before source.
        expect(Object.keys(o)).toEqual('deviceName' in o ? [...KEYS.slice(0, -1), 'deviceName', 'source'] : KEYS)
        // Cast: the CLI's JSON output: security is an object (asserted by the keys).
        expect(Object.keys(o.security as object)).toEqual(SECURITY_KEYS)
      }
      expect(err).toMatch(/\d+ BSS from \w+; 0 unparseable block\(s\) skipped/)
      // booyaa's capture: two of its six access points name themselves in WPS (read by hand from the file).
      if (file.startsWith('linux-iw/')) expect(parsed.map((o) => o.deviceName ?? null)).toEqual(['XiaoMiRouter', null, null, null, 'Wireless N Router TL-WR840N', null])
    }
  })

  it('auto-detects each format that failed before issue 10, on the real captures', async () => {
    const cases: readonly [string, string, number][] = [
      ['linux-nmcli/heatmapper-nmcli-t-default-fields.txt', 'nmcli', 11],
      ['macos/heatmapper-system_profiler-json-macos12.7.2-ht40.txt', 'system_profiler', 4],
      ['macos/heatmapper-wdutil-not-associated.txt', 'wdutil', 0],
      ['windows/heatmapper-netsh-interfaces-en.txt', 'netsh', 1],
      ['windows/heatmapper-netsh-networks-it.txt', 'netsh', 11]
    ]
    for (const [file, format, count] of cases) {
      const { code, err } = await cli(['--json', join(SCAN_FIXTURES, file)])
      expect(code).toBe(0)
      expect(err).toContain(`${count} BSS from ${format};`)
    }
  })

  it('reads at most 8 MiB of a file and says so; hostile text in warnings is escaped', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wc-parse-'))
    const big = join(dir, 'big.txt')
    const block = 'BSS 02:00:00:00:00:01(on wlan0)\n\tfreq: 2412\n\tsignal: -40.00 dBm\n\tSSID: a\n'
    writeFileSync(big, block.repeat(Math.ceil((9 * 1024 * 1024) / block.length)))
    const { code, err } = await cli(['--json', big])
    expect(code).toBe(0)
    expect(err).toMatch(/big\.txt is 9\.0 MiB; only its first 8 MiB are read/)
    const mode = join(dir, 'sp.json')
    writeFileSync(mode, JSON.stringify({ SPAirPortDataType: [{ spairport_airport_interfaces: [{ spairport_airport_other_local_wireless_networks: [{ _name: 'x', spairport_security_mode: 'evil\u001b[2J' }] }] }] }))
    const sp = await cli([mode])
    expect(sp.err).toContain('unknown security mode "evil\\u{1b}[2J"')
    expect(sp.err).not.toContain('\u001b')
  })

  it('--format forces a parser; the table is aligned and names the units', async () => {
    const { code, out } = await cli(['--format', 'iw', join(SCAN_FIXTURES, 'linux-iw/booyaa-iw-dev-scan-01.txt')])
    expect(code).toBe(0)
    const lines = out.trimEnd().split('\n')
    expect(lines).toHaveLength(7)
    expect(lines[0]).toMatch(/^SSID\s+BSSID\s+BAND\s+CH\s+WIDTH\s+SECURITY/)
    const bssidColumn = lines[0]?.indexOf('BSSID')
    for (const l of lines.slice(1)) expect(l.indexOf(':') - 2).toBe(bssidColumn)
    expect(out).toContain('40 MHz')
    expect(out).toContain('-75 dBm')
  })

  it('counts skipped blocks on stderr; control characters in SSIDs never reach the terminal raw', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wc-parse-'))
    const file = join(dir, 'scan.txt')
    writeFileSync(file, 'BSS nonsense\n\tfreq: 1\nBSS 02:00:00:00:00:01(on wlan0)\n\tfreq: 2412\n\tsignal: -40.00 dBm\n\tSSID: evil\\x1b[2Jname\n')
    const { code, out, err } = await cli([file])
    expect(code).toBe(0)
    expect(err).toMatch(/1 BSS from iw; 1 unparseable block\(s\) skipped/)
    expect(out).not.toContain('\u001b')
    expect(out).toContain('evil\\u{1b}[2Jname')
    const json = await cli(['--json', file])
    expect(JSON.parse(json.out)[0].ssid).toBe('evil\u001b[2Jname')
  })

  it('exit 2 with a clear message: missing file, unknown format, unrecognised content, no FILE', async () => {
    const missing = await cli(['/no/such/scan.txt'])
    expect(missing).toMatchObject({ code: 2, out: '' })
    expect(missing.err).toMatch(/cannot read \/no\/such\/scan\.txt \(no such file\)/)
    const unknown = await cli(['--format', 'xml', join(SCAN_FIXTURES, 'linux-iw/jc-iw-scan0.txt')])
    expect(unknown.code).toBe(2)
    expect(unknown.err).toMatch(/unknown format 'xml'/)
    const dir = mkdtempSync(join(tmpdir(), 'wc-parse-'))
    writeFileSync(join(dir, 'notes.txt'), 'hello, these are my notes\n')
    const plain = await cli([join(dir, 'notes.txt')])
    expect(plain.code).toBe(2)
    expect(plain.err).toMatch(/no known scanner format.*--format/)
    expect((await cli(['--json'])).code).toBe(2)
  })
})
