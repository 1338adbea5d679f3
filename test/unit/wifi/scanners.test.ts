/**
 * Scanners against stand-in tools: node-wifi's REAL code path (it spawns `nmcli`) and our own
 * nmcli/iw calls run scripts placed first on PATH that check the locale and print captures.
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFileRunner, type CommandRunner } from '../../../src/main/wifi/command-runner'
import { createLinuxScanner, interfacesOfIwDev } from '../../../src/main/wifi/scanners/linux'
import { createMacScanner, hasAirport } from '../../../src/main/wifi/scanners/macos'
import { createNodeWifiScan, observationsFromNodeWifi } from '../../../src/main/wifi/scanners/node-wifi'
import { createWindowsScanner } from '../../../src/main/wifi/scanners/windows'
import { selectScanner } from '../../../src/main/wifi/scanners'
import { skipFor } from '../../support/requires'
import { byBssid, SCAN_FIXTURES } from './helpers'

const noShell = skipFor('unit (stand-in tools)', process.platform === 'win32' ? 'stand-in tools are POSIX shell scripts' : null)

let bin: string
let log: string
let emptyBin: string

/** A foot in the door for hostile interface names: `iw dev` lists one, it must never be used. */
const IW_DEV = 'phy#0\n\tInterface wlan0\n\t\tifindex 3\n\t\ttype managed\n\tInterface $(reboot)\n\t\ttype managed\n'

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'wc-wifi-'))
  bin = join(dir, 'bin')
  emptyBin = join(dir, 'empty')
  mkdirSync(bin)
  mkdirSync(emptyBin)
  log = join(dir, 'calls.log')
  writeFileSync(join(dir, 'iw-dev.txt'), IW_DEV)
  // nmcli -f ALL for one BSS iw also sees (foo, 33:44:55:66:77:88) with nmcli's BANDWIDTH.
  writeFileSync(join(dir, 'nmcli-all.txt'), 'AP[1]:foo:666F6F:33\\:44\\:55\\:66\\:77\\:88:Infra:2:2.4 GHz:2417 MHz:130 Mbit/s:40 MHz:80:***:WPA2:(none):pair_ccmp group_ccmp psk:wlan0:no: :/x\n')
  const script = (name: string, body: string) => {
    writeFileSync(join(bin, name), `#!/bin/sh\necho "${name} LC_ALL=$LC_ALL $*" >> '${log}'\n${body}\n`)
    chmodSync(join(bin, name), 0o755)
  }
  script(
    'nmcli',
    `[ "$LC_ALL" = "C" ] || { echo "locale not C" >&2; exit 3; }
case "$*" in
  *"--fields ALL"*) cat '${join(dir, 'nmcli-all.txt')}' ;;
  *"active,ssid,bssid"*) cat '${join(SCAN_FIXTURES, 'linux-nmcli', 'node-wifi-scan-01.txt')}' ;;
  *) echo "unexpected: $*" >&2; exit 4 ;;
esac`
  )
  script(
    'iw',
    `case "$*" in
  "dev") cat '${join(dir, 'iw-dev.txt')}' ;;
  "dev wlan0 scan dump") cat '${join(SCAN_FIXTURES, 'linux-iw', 'booyaa-iw-dev-scan-01.txt')}' ;;
  *) echo "unexpected: $*" >&2; exit 4 ;;
esac`
  )
})

afterAll(() => {
  if (bin) rmSync(join(bin, '..'), { recursive: true, force: true })
})

const envWith = (path: string): NodeJS.ProcessEnv => ({ ...process.env, PATH: `${path}:${process.env.PATH ?? ''}`, LC_ALL: 'de_DE.UTF-8' })

describe.skipIf(noShell)('node-wifi real code path with a stand-in nmcli', () => {
  it('runs nmcli with LC_ALL=C and its own field list; the environment is restored', async () => {
    const before = { LANG: process.env.LANG, LC_ALL: process.env.LC_ALL, PATH: process.env.PATH }
    const networks = await createNodeWifiScan(envWith(bin))()
    expect({ LANG: process.env.LANG, LC_ALL: process.env.LC_ALL, PATH: process.env.PATH }).toEqual(before)
    expect(readFileSync(log, 'utf8')).toContain('nmcli LC_ALL=C --terse --fields active,ssid,bssid,mode,chan,freq,signal,security,wpa-flags,rsn-flags device wifi list')
    const { observations } = observationsFromNodeWifi(networks, 'linux')
    expect(observations).toHaveLength(14)
    expect(byBssid(observations, '31:23:03:1a:9f:1d')).toMatchObject({ ssid: 'Linksys01777_5GHz', channel: 36, band: '5', signalDbm: -62.5, signalDerived: true, source: 'node-wifi' })
  })

  it("real node-wifi on an SSID with ':' shifts fields; those rows are skipped, our nmcli parse keeps them", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wc-wifi-colon-'))
    const row = 'no:caf\\:e:02\\:00\\:00\\:00\\:00\\:0A:Infra:11:2462 MHz:80:WPA2:(none):pair_ccmp group_ccmp psk'
    writeFileSync(join(dir, 'nmcli'), `#!/bin/sh\nprintf '%s\\n' '${row}'\n`)
    chmodSync(join(dir, 'nmcli'), 0o755)
    try {
      const networks = await createNodeWifiScan(envWith(dir))()
      expect(networks).toHaveLength(1)
      expect(networks[0]?.ssid).toBe('caf\\') // node-wifi's own result: the SSID cut at the colon
      expect(observationsFromNodeWifi(networks, 'linux')).toMatchObject({ observations: [], skipped: 1 })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it("skips node-wifi rows its ':' splitting shifted (SSID with a colon)", () => {
    // What node-wifi returns for the nmcli row `no:a\:b:02\:…:Infra:11:2462 MHz:100:WPA2:…`: it
    // splits on every ':', so channel reads "Infra", frequency "11", quality "2462 MHz".
    const shifted = [{ ssid: 'a\\', bssid: '02:00:00:00:00:01', channel: NaN, frequency: 11, quality: 2462, signal_level: 1131, security: '100' }]
    expect(observationsFromNodeWifi(shifted, 'linux')).toMatchObject({ observations: [], skipped: 1 })
  })
})

describe.skipIf(noShell)('Linux scanner (node-wifi + nmcli + iw stand-ins)', () => {
  it('merges the three sources by BSSID, iw first; hostile interface names are never used', async () => {
    const scanner = createLinuxScanner({ run: execFileRunner, env: envWith(bin), nodeWifiScan: createNodeWifiScan(envWith(bin)) })
    const outcome = await scanner.scan()
    if (!outcome.ok) throw new Error(outcome.error.message)
    // 6 iw + 14 node-wifi (one BSSID listed twice by nmcli), the nmcli -f ALL BSS merged into iw's.
    expect(outcome.observations).toHaveLength(20)
    const foo = byBssid(outcome.observations, '33:44:55:66:77:88')
    expect(foo).toMatchObject({ source: 'iw', signalDbm: -75, signalDerived: false, channelWidthMhz: 40, secondaryChannelOffset: 'above' })
    const calls = readFileSync(log, 'utf8')
    expect(calls).toContain('iw LC_ALL=C dev wlan0 scan dump')
    expect(calls).toContain('nmcli LC_ALL=C --terse --fields ALL device wifi list')
    expect(calls).not.toContain('reboot')
  })

  it('names the packages when neither nmcli nor iw is installed', async () => {
    const env = { ...process.env, PATH: emptyBin }
    const outcome = await createLinuxScanner({ run: execFileRunner, env, nodeWifiScan: createNodeWifiScan(env) }).scan()
    expect(outcome.ok).toBe(false)
    if (outcome.ok) return
    expect(outcome.error.reason).toBe('tool-missing')
    expect(outcome.error.help.join(' ')).toMatch(/apt install network-manager/)
    expect(outcome.error.help.join(' ')).toMatch(/apt install iw/)
  })
})

describe('Linux scanner errors (fake runner)', () => {
  const fake = (answers: Record<string, Awaited<ReturnType<CommandRunner>>>): CommandRunner => async (file, args) => answers[`${file} ${args.join(' ')}`] ?? answers[file] ?? { ok: false, kind: 'missing', exitCode: null, stdout: '', stderr: '' }

  it('NetworkManager not running and no interface: a failed scan that says how to start it', async () => {
    const run = fake({ nmcli: { ok: false, kind: 'exit', exitCode: 8, stdout: '', stderr: 'Error: NetworkManager is not running.' }, 'iw dev': { ok: true, stdout: '', stderr: '' } })
    const outcome = await createLinuxScanner({ run, env: {}, nodeWifiScan: null }).scan()
    expect(outcome).toMatchObject({ ok: false, error: { reason: 'no-adapter' } })
  })

  it('iw missing but nmcli works: observations plus a warning naming the iw package', async () => {
    const run = fake({ nmcli: { ok: true, stdout: readFileSync(join(SCAN_FIXTURES, 'linux-nmcli/nm-test004-terse-all.txt'), 'utf8'), stderr: '' } })
    const outcome = await createLinuxScanner({ run, env: {}, nodeWifiScan: null }).scan()
    expect(outcome.ok).toBe(true)
    if (!outcome.ok) return
    expect(outcome.observations).toHaveLength(4)
    expect(outcome.warnings.join(' ')).toMatch(/apt install iw/)
  })

  it('a malformed iw block is skipped and counted, the rest still parses', async () => {
    const dump = `BSS not-a-mac(on wlan0)\n\tfreq: 2412\n${readFileSync(join(SCAN_FIXTURES, 'linux-iw/jc-iw-scan0.txt'), 'utf8')}`
    const run = fake({ 'iw dev': { ok: true, stdout: IW_DEV, stderr: '' }, 'iw dev wlan0 scan dump': { ok: true, stdout: dump, stderr: '' }, nmcli: { ok: true, stdout: '', stderr: '' } })
    const outcome = await createLinuxScanner({ run, env: {}, nodeWifiScan: null }).scan()
    expect(outcome).toMatchObject({ ok: true, skipped: 1 })
    if (outcome.ok) expect(outcome.observations).toHaveLength(2)
  })

  it('validates interface names from `iw dev`', () => {
    expect(interfacesOfIwDev('Interface wlan0\nInterface wlp2s0\nInterface -rf\nInterface a;b\nInterface waytoolonginterfacename\nInterface wlan0-1')).toEqual(['wlan0', 'wlp2s0', 'wlan0-1'])
  })
})

describe('Windows scanner (fake runner)', () => {
  const refusal = [
    'Network shell commands need location permission to access WLAN information. Turn on Location services on the Location page in Privacy & security settings.',
    '',
    'Here is the URI for the Location page in the Settings app:',
    'ms-settings:privacy-location',
    'To open the Location page in the Settings app, hold down the Ctrl key and select the link, or run the following command:',
    'start ms-settings:privacy-location'
  ].join('\r\n')

  it('Windows 11 24H2 location refusal → location-denied with the steps', async () => {
    const run: CommandRunner = async () => ({ ok: false, kind: 'exit', exitCode: 1, stdout: refusal, stderr: '' })
    const outcome = await createWindowsScanner({ run, env: {} }).scan()
    expect(outcome).toMatchObject({ ok: false, error: { reason: 'location-denied' } })
    if (!outcome.ok) expect(outcome.error.help.join('\n')).toMatch(/Let desktop apps access your location/)
  })

  it('parses the netsh output it gets, with argument array and no shell', async () => {
    const calls: string[][] = []
    const run: CommandRunner = async (file, args) => {
      calls.push([file, ...args])
      return { ok: true, stdout: readFileSync(join(SCAN_FIXTURES, 'windows/heatmapper-netsh-networks-fr.txt'), 'utf8').replace(/\n/g, '\r\n'), stderr: '' }
    }
    const outcome = await createWindowsScanner({ run, env: {} }).scan()
    expect(calls).toEqual([['netsh', 'wlan', 'show', 'networks', 'mode=bssid']])
    expect(outcome.ok && outcome.observations.length).toBe(8)
  })
})

describe('macOS scanner (fake runner)', () => {
  it('system_profiler -json; airport only before macOS 14.4 (Darwin 23.4)', async () => {
    expect([hasAirport('22.6.0'), hasAirport('23.3.0'), hasAirport('23.4.0'), hasAirport('24.5.0')]).toEqual([true, true, false, false])
    const run: CommandRunner = async (file, args) => {
      expect([file, ...args]).toEqual(['system_profiler', 'SPAirPortDataType', '-json'])
      return { ok: true, stdout: readFileSync(join(SCAN_FIXTURES, 'macos/heatmapper-system_profiler-json-macos15.5.txt'), 'utf8'), stderr: '' }
    }
    let airportCalls = 0
    const nodeWifiScan = async () => {
      airportCalls++
      return []
    }
    const modern = createMacScanner({ run, env: {}, darwinRelease: '24.5.0', nodeWifiScan })
    expect(modern.name).toBe('macOS (system_profiler)')
    const outcome = await modern.scan()
    expect(outcome.ok && outcome.observations.length).toBe(5)
    expect(airportCalls).toBe(0)
    await createMacScanner({ run, env: {}, darwinRelease: '22.6.0', nodeWifiScan }).scan()
    expect(airportCalls).toBe(1)
  })
})

describe('scanner selection', () => {
  it('replay only when WC_SURVEY_SCANNER=replay; otherwise the platform scanner', () => {
    expect(selectScanner({ platform: 'linux', env: {}, assetsDir: '/x' }).name).toMatch(/^Linux/)
    expect(selectScanner({ platform: 'win32', env: { WC_SURVEY_REPLAY: '/x' }, assetsDir: '/x' }).name).toBe('Windows (netsh)')
    expect(selectScanner({ platform: 'darwin', env: { WC_SURVEY_SCANNER: 'replay' }, assetsDir: '/x' }).name).toMatch(/^Replay/)
  })
})
