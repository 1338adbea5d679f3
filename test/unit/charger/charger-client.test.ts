/**
 * The charger client against a real HTTP server on loopback serving the real bodies, every quirk
 * and every fault (issue 13, item 7). Expectations are written by hand from the fixture files.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { readCharger } from '../../../src/main/charger/charger-client'
import type { ChargerReading } from '../../../src/shared/model/charger'
import { REAL_READING } from '../../support/charger-readings'
import { bodySet, fixture, startFakeCharger, startSilentPort, VITALS_BY_STATE, type FakeCharger } from '../../support/fake-charger'

let charger: FakeCharger | null = null
afterEach(async () => {
  await charger?.close()
  charger = null
})

async function read(set: Parameters<typeof bodySet>[0], options: Parameters<typeof readCharger>[1] = {}): Promise<ChargerReading> {
  charger = await startFakeCharger({ set: bodySet(set) })
  const outcome = await readCharger({ host: '127.0.0.1', port: charger.port }, { timeoutMs: 1500, ...options })
  if (!outcome.ok) throw new Error(outcome.message)
  return outcome.reading
}

const problems = (r: ChargerReading) => Object.fromEntries(r.endpoints.map((e) => [e.endpoint, e.problem]))

describe('readCharger on the real bodies', () => {
  it('winksaville (firmware 25.34.1): every field, base64 SSID decoded, the four endpoints asked once', async () => {
    const r = await read('real')
    expect([...(charger?.requests ?? [])].sort()).toEqual(['/api/1/lifetime', '/api/1/version', '/api/1/vitals', '/api/1/wifi_status'])
    const { host: _h, port: _p, address: _a, readAt: _t, endpoints: _e, ...fields } = REAL_READING
    expect(r).toMatchObject({ host: '127.0.0.1', address: '127.0.0.1', ...fields })
    expect(r.endpoints.map((e) => [e.endpoint, e.ok, e.status, e.problem])).toEqual([
      ['version', true, 200, null],
      ['wifi_status', true, 200, null],
      ['vitals', true, 200, null],
      ['lifetime', true, 200, null]
    ])
  })

  it('einarhauks test bodies: newer vitals (relay_k1_v, no evse_state) leave the missing fields null', async () => {
    const r = await read('einarhauks')
    expect(r).toMatchObject({
      firmware: '21.29.1+g4152353e50f744',
      serialNumber: 'ACB12345678901',
      wifi: { ssid: 'TestNetwork', ssidEncoding: 'base64', rssiDbm: -68, snrDb: 18, signalPercent: 44, connected: true, internet: true, ip: '192.168.1.50', mac: 'AA:BB:CC:DD:EE:FF' },
      evseState: null,
      notReadyReasons: [4, 8],
      alerts: null,
      uptimeS: null,
      warnings: []
    })
  })

  it('bare nan in lifetime: the endpoint is read, the repair is said', async () => {
    const r = await read('bare-nan')
    expect(r.endpoints.find((e) => e.endpoint === 'lifetime')).toMatchObject({ ok: true, repairs: ['3 bare nan values read as "not reported"'] })
    expect(r.warnings).toEqual(['lifetime: 3 bare nan values read as "not reported"'])
  })

  it('missing closing brace in lifetime: repaired', async () => {
    const r = await read('missing-brace')
    expect(r.endpoints.find((e) => e.endpoint === 'lifetime')).toMatchObject({ ok: true, repairs: ['missing closing brace added'] })
  })

  it('older firmware (TWCManager#292 vitals, no evse_not_ready_reasons): null, no warning', async () => {
    const r = await read('three-phase')
    expect(r).toMatchObject({ evseState: 11, notReadyReasons: null, alerts: [], uptimeS: 8088, warnings: [] })
  })

  it('23.x version without git_branch and web_service (the real body less those keys, as SOURCES.md says 23.x answers)', async () => {
    charger = await startFakeCharger({ set: { ...bodySet('real'), version: { kind: 'body', body: '{"firmware_version":"23.28.1+g0123456789abcd","part_number":"1734412-02-D","serial_number":"B7S24024J01612"}' } } })
    const outcome = await readCharger({ host: '127.0.0.1', port: charger.port })
    expect(outcome.ok && outcome.reading).toMatchObject({ firmware: '23.28.1+g0123456789abcd', webService: null, warnings: [] })
  })

  it('a plain-text SSID and new fields are taken as they come', async () => {
    charger = await startFakeCharger({
      set: { ...bodySet('real'), wifi_status: { kind: 'body', body: '{"wifi_ssid":"SSIORBI","wifi_rssi":-70,"wifi_connected":false,"internet":false,"wifi_new_field":{"x":1}}' } }
    })
    const outcome = await readCharger({ host: '127.0.0.1', port: charger.port })
    expect(outcome.ok && outcome.reading.wifi).toEqual({ ssid: 'SSIORBI', ssidEncoding: 'plain', rssiDbm: -70, snrDb: null, signalPercent: null, connected: false, internet: false, ip: null, mac: null })
  })

  it('a field of the wrong type is null with a warning, the others still read', async () => {
    charger = await startFakeCharger({ set: { ...bodySet('real'), wifi_status: { kind: 'body', body: '{"wifi_ssid":42,"wifi_rssi":"-58","wifi_connected":true,"internet":"yes","wifi_snr":35}' } } })
    const outcome = await readCharger({ host: '127.0.0.1', port: charger.port })
    expect(outcome.ok && outcome.reading.wifi).toMatchObject({ ssid: null, rssiDbm: null, connected: true, internet: null, snrDb: 35 })
    expect(outcome.ok && outcome.reading.warnings).toEqual([
      'wifi_status.wifi_ssid: expected text, got 42; ignored',
      'wifi_status.wifi_rssi: expected a number, got "-58"; ignored',
      'wifi_status.internet: expected true or false, got "yes"; ignored'
    ])
  })

  it.each(Object.entries(VITALS_BY_STATE))('EVSE state %s from its real vitals capture', async (state, file) => {
    charger = await startFakeCharger({ set: { ...bodySet('real'), vitals: { kind: 'body', body: fixture(file) } } })
    const outcome = await readCharger({ host: '127.0.0.1', port: charger.port })
    expect(outcome.ok && outcome.reading.evseState).toBe(Number(state))
  })

  it('not-ready reasons [2,4,8] right after a factory reset', async () => {
    charger = await startFakeCharger({ set: { ...bodySet('real'), vitals: { kind: 'body', body: fixture('vitals_notready_2_4_8_after_factory_reset_winksaville.json') } } })
    const outcome = await readCharger({ host: '127.0.0.1', port: charger.port })
    expect(outcome.ok && outcome.reading).toMatchObject({ notReadyReasons: [2, 4, 8], uptimeS: 27 })
  })
})

describe('readCharger on faults: never throws, each endpoint says what was wrong', () => {
  it('HTML instead of JSON', async () => {
    const r = await read('html')
    expect(r.reachable).toBe(true)
    expect(r.endpoints.every((e) => !e.ok && e.status === 200)).toBe(true)
    expect(problems(r).vitals).toBe('an HTML page, not JSON (another device at this address, or a login page?)')
  })

  it('a redirect to another host is not followed', async () => {
    const r = await read('redirect')
    expect(r.endpoints.every((e) => !e.ok && e.status === 302)).toBe(true)
    expect(problems(r).version).toBe('HTTP 302: a redirect to another host, not followed (a charger that has not joined the network redirects to its setup access point) → "http://192.168.4.1/setup"')
    // Only our four requests reached the fake: nothing went to the redirect's host.
    expect(charger?.requests).toHaveLength(4)
  })

  it('a redirect on the same host is followed', async () => {
    charger = await startFakeCharger({ set: { ...bodySet('real'), version: { kind: 'redirect', location: '/api/1/version2' } } })
    charger.set('version2' as 'version', { kind: 'body', body: fixture('version_real_winksaville.json') }) // an extra path on the same fake
    const outcome = await readCharger({ host: '127.0.0.1', port: charger.port })
    expect(outcome.ok && outcome.reading.serialNumber).toBe('B7S24024J01612')
  })

  it('a 10 MB answer is cut off at the size limit; the other endpoints still read', async () => {
    const r = await read('huge')
    expect(problems(r).vitals).toBe("the answer is over the 65536-byte limit (not a charger's answer); cut off")
    expect(r.serialNumber).toBe('B7S24024J01612')
    expect(r.evseState).toBeNull()
  })

  it('a declared Content-Length over the limit is refused before reading', async () => {
    charger = await startFakeCharger({ set: { ...bodySet('real'), lifetime: { kind: 'body', body: 'x'.repeat(70000) } } })
    const outcome = await readCharger({ host: '127.0.0.1', port: charger.port })
    expect(outcome.ok && problems(outcome.reading).lifetime).toBe("the answer is 70000 bytes, over the 65536-byte limit (not a charger's answer)")
  })

  it('HTTP 404 on every endpoint: reachable, nothing readable', async () => {
    const r = await read('not-found')
    expect(r.reachable).toBe(true)
    expect(problems(r).version).toBe('HTTP 404 "Not Found" (the firmware may not serve this endpoint)')
  })

  it('a slow answer inside the timeout is read; past it, that endpoint times out', async () => {
    charger = await startFakeCharger({ set: { ...bodySet('real'), vitals: { kind: 'slow', delayMs: 300, body: fixture('vitals_idle_winksaville.json') }, lifetime: { kind: 'slow', delayMs: 5000, body: '{}' } } })
    const outcome = await readCharger({ host: '127.0.0.1', port: charger.port }, { timeoutMs: 1200 })
    expect(outcome.ok && outcome.reading.evseState).toBe(1)
    expect(outcome.ok && problems(outcome.reading).lifetime).toMatch(/^no complete answer within 1200 ms from 127\.0\.0\.1:\d+$/)
  })

  it('a silent port (accepts, never answers): every endpoint times out, not reachable', async () => {
    const silent = await startSilentPort()
    try {
      const outcome = await readCharger({ host: '127.0.0.1', port: silent.port }, { timeoutMs: 400 })
      expect(outcome.ok && outcome.reading.reachable).toBe(false)
      expect(outcome.ok && outcome.reading.endpoints.map((e) => e.problem)).toEqual(Array(4).fill(`no complete answer within 400 ms from 127.0.0.1:${silent.port}`))
    } finally {
      await silent.close()
    }
  })

  it('connection refused', async () => {
    const silent = await startSilentPort()
    const port = silent.port
    await silent.close() // the port is now closed
    const outcome = await readCharger({ host: '127.0.0.1', port })
    expect(outcome.ok && outcome.reading.reachable).toBe(false)
    expect(outcome.ok && outcome.reading.warnings[0]).toBe(`version: connection refused on 127.0.0.1:${port} (nothing listening: not a Wall Connector, or the wrong port)`)
  })

  it('a name that does not resolve', async () => {
    const outcome = await readCharger({ host: 'TeslaWallConnector_X.local', port: 80 }, { resolve: () => Promise.reject(Object.assign(new Error('nf'), { code: 'ENOTFOUND' })) })
    expect(outcome.ok && outcome.reading).toMatchObject({ reachable: false, address: null, endpoints: [] })
    expect(outcome.ok && outcome.reading.warnings[0]).toMatch(/^no device answered to TeslaWallConnector_X\.local \(mDNS\)/)
  })
})

describe('readCharger address policy', () => {
  it('a public address needs confirmation: nothing is sent', async () => {
    const outcome = await readCharger({ host: '8.8.8.8', port: 80 })
    expect(outcome).toMatchObject({ ok: false, reason: 'needs-confirmation', address: '8.8.8.8' })
  })

  it('a name resolving to a public address needs confirmation; one resolving to a private one does not', async () => {
    const publicName = await readCharger({ host: 'charger.example.com', port: 80 }, { resolve: () => Promise.resolve(['93.184.216.34']) })
    expect(publicName).toMatchObject({ ok: false, reason: 'needs-confirmation', address: '93.184.216.34' })
    charger = await startFakeCharger()
    const privateName = await readCharger({ host: 'wc.garage.lan', port: charger.port }, { resolve: () => Promise.resolve(['127.0.0.1']) })
    expect(privateName.ok && privateName.reading.serialNumber).toBe('B7S24024J01612')
  })

  it('a multicast address is refused outright', async () => {
    expect(await readCharger({ host: '224.0.0.251', port: 80 })).toMatchObject({ ok: false, reason: 'forbidden-address' })
  })
})
