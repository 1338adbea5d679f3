/**
 * `wc-survey charger` (issue 13, item 6) against the fake charger on loopback: the exact JSON for
 * each body set, written by hand from the fixture files, and the exit codes.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { run } from '../../../src/cli/commands/charger'
import { realReport } from '../../support/charger-readings'
import { bodySet, startFakeCharger, startSilentPort, type BodySetName, type FakeCharger } from '../../support/fake-charger'

let charger: FakeCharger | null = null
afterEach(async () => {
  await charger?.close()
  charger = null
})

async function cli(args: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const code = await run(args, { out: (t) => (out += t), err: (t) => (err += t) })
  return { code, out, err }
}

async function against(set: BodySetName, extra: readonly string[] = []) {
  charger = await startFakeCharger({ set: bodySet(set) })
  const host = `127.0.0.1:${charger.port}`
  return { host, ...(await cli([host, '--json', '--timeout-ms', '1000', ...extra])) }
}

const PASS_ONLINE = { requirement: 'WC-ONLINE', result: 'pass', explanation: 'The charger is connected and says it reaches its cloud service.' }
const NO_SSID = 'WC-NETWORK not judged: give --ssid NAME (the chargers\' network)'

describe('wc-survey charger --json', () => {
  it('real body set (winksaville), --ssid matching the decoded SSID: exit 0', async () => {
    const r = await against('real', ['--ssid', 'SSIORBI'])
    expect(r.code).toBe(0)
    expect(JSON.parse(r.out)).toEqual(realReport(r.host))
  })

  it('real body set, another --ssid: exit 1, WC-NETWORK fails', async () => {
    const r = await against('real', ['--ssid', 'Garage-IoT'])
    expect(r.code).toBe(1)
    expect(JSON.parse(r.out).findings[1]).toEqual({
      requirement: 'WC-NETWORK',
      result: 'fail',
      explanation: 'The charger is on another network than the one this survey checked, so the survey\'s findings do not speak for it (a power-sharing follower joins its leader\'s own network and is not reachable on the LAN).'
    })
  })

  it('einarhauks body set, no --ssid: RSSI -68 warns (WC-SIGNAL), WC-NETWORK not judged, evse state null: exit 1', async () => {
    const r = await against('einarhauks')
    expect(r.code).toBe(1)
    expect(JSON.parse(r.out)).toEqual({
      host: r.host,
      reachable: true,
      firmware: '21.29.1+g4152353e50f744',
      partNumber: '1529455-02-D',
      serialNumber: 'ACB12345678901',
      webService: 'h3-hermes-prd.sn.tesla.services',
      wifi: { ssid: 'TestNetwork', rssiDbm: -68, snrDb: 18, signalPercent: 44, connected: true, internet: true, ip: '192.168.1.50', mac: 'AA:BB:CC:DD:EE:FF' },
      evseState: null,
      evseStateText: null,
      findings: [PASS_ONLINE, { requirement: 'WC-SIGNAL', result: 'warn', explanation: 'The charger hears the network at -68 dBm, below -67 dBm: the connection may drop at busy times.' }],
      warnings: [NO_SSID]
    })
  })

  it.each([
    ['bare-nan', 'lifetime: 3 bare nan values read as "not reported"'],
    ['missing-brace', 'lifetime: missing closing brace added']
  ] as const)('%s body set: read, exit 0, the repair in warnings', async (set, warning) => {
    const r = await against(set, ['--ssid', 'SSIORBI'])
    expect(r.code).toBe(0)
    const json = JSON.parse(r.out)
    expect(json.serialNumber).toBe('B7S24024J01612')
    expect(json.warnings).toEqual([warning])
  })

  it('three-phase body set (older firmware vitals): charging, state 11', async () => {
    const r = await against('three-phase', ['--ssid', 'SSIORBI'])
    expect(r.code).toBe(0)
    expect(JSON.parse(r.out)).toMatchObject({ evseState: 11, evseStateText: 'charging', warnings: [] })
  })

  it('huge body set: vitals refused at the size limit, the rest read: exit 0, a warning', async () => {
    const r = await against('huge', ['--ssid', 'SSIORBI'])
    expect(r.code).toBe(0)
    expect(JSON.parse(r.out)).toMatchObject({ evseState: null, warnings: ["vitals: the answer is over the 65536-byte limit (not a charger's answer); cut off"] })
  })

  it('a charger that is offline (not connected, no internet) at a free site: warn, exit 1', async () => {
    charger = await startFakeCharger({
      set: { ...bodySet('real'), wifi_status: { kind: 'body', body: '{"wifi_ssid":"U1NJT1JCSQ==","wifi_signal_strength":20,"wifi_rssi":-80,"wifi_snr":5,"wifi_connected":false,"wifi_infra_ip":"0.0.0.0","internet":false,"wifi_mac":"54:F8:F0:0A:30:AA"}' } }
    })
    const r = await cli([`127.0.0.1:${charger.port}`, '--json', '--billing', 'free', '--ssid', 'SSIORBI'])
    expect(r.code).toBe(1)
    expect(JSON.parse(r.out).findings.map((f: { requirement: string; result: string }) => `${f.requirement} ${f.result}`)).toEqual(['WC-ONLINE warn', 'WC-NETWORK pass', 'WC-SIGNAL fail'])
  })

  it.each(['html', 'redirect', 'not-found'] as const)('%s body set (garbage): exit 2, reachable, a clear message on stderr, no stack', async (set) => {
    const r = await against(set)
    expect(r.code).toBe(2)
    const json = JSON.parse(r.out)
    expect(json).toMatchObject({ reachable: true, firmware: null, findings: [] })
    expect(json.warnings).toHaveLength(4)
    expect(r.err).toMatch(new RegExp(`^wc-survey charger: no readable answer from ${r.host.replace(/\./g, '\\.')}:\n  version: `))
    expect(r.err).not.toMatch(/\bat .*\.ts:\d+/)
  })

  it('a dead port: exit 2, not reachable, "connection refused" on stderr', async () => {
    const s = await startSilentPort()
    await s.close()
    const r = await cli([`127.0.0.1:${s.port}`])
    expect(r.code).toBe(2)
    expect(r.out).toBe('')
    expect(r.err).toContain('connection refused')
  })

  it('a silent port: exit 2 once the timeout passes', async () => {
    const s = await startSilentPort()
    try {
      const r = await cli([`127.0.0.1:${s.port}`, '--json', '--timeout-ms', '300'])
      expect(r.code).toBe(2)
      expect(JSON.parse(r.out)).toMatchObject({ reachable: false, findings: [] })
      expect(r.err).toContain('no complete answer within 300 ms')
    } finally {
      await s.close()
    }
  })

  it.each([
    [[], 'give the charger\'s address'],
    [['10.0.0.1', '10.0.0.2'], 'give one charger address'],
    [['10.0.0.1', '--billing', 'maybe'], '--billing is billed or free'],
    [['10.0.0.1', '--timeout-ms', '5'], '--timeout-ms needs'],
    [['10.0.0.1', '--bogus'], "unknown option '--bogus'"],
    [['bad host!'], 'not an address or host name'],
    [['8.8.8.8'], 'is a public internet address']
  ])('usage problem %j: exit 2, says what', async (args, message) => {
    const r = await cli(args)
    expect(r.code).toBe(2)
    expect(r.err).toContain(message)
  })

  it('text output names every field and the findings', async () => {
    charger = await startFakeCharger()
    const r = await cli([`127.0.0.1:${charger.port}`, '--ssid', 'SSIORBI'])
    expect(r.code).toBe(0)
    expect(r.out).toContain('serial B7S24024J01612')
    expect(r.out).toContain('network "SSIORBI": RSSI -58 dBm, SNR 35 dB, signal 64 %')
    expect(r.out).toMatch(/WC-SIGNAL\s+PASS/)
  })

  it('a hostile SSID reaches the terminal with its control characters made visible', async () => {
    const hostile = 'evil\u001b[2J\u0007\u202e'
    charger = await startFakeCharger({ set: { ...bodySet('real'), wifi_status: { kind: 'body', body: JSON.stringify({ wifi_ssid: Buffer.from(hostile).toString('base64'), wifi_connected: true, internet: true, wifi_rssi: -50 }) } } })
    const text = await cli([`127.0.0.1:${charger.port}`])
    const raw = ['\u001b', '\u0007', '\u202e']
    expect(raw.filter((c) => text.out.includes(c))).toEqual([])
    const json = await cli([`127.0.0.1:${charger.port}`, '--json'])
    expect(raw.filter((c) => json.out.includes(c))).toEqual([])
    expect(JSON.parse(json.out).wifi.ssid).toBe(hostile)
  })
})
