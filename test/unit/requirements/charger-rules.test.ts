/**
 * WC-ONLINE, WC-NETWORK, WC-SIGNAL from a charger reading (issue 13, item 4).
 */
import { describe, expect, it } from 'vitest'
import type { ChargerReading } from '../../../src/shared/model/charger'
import type { Finding } from '../../../src/shared/model/finding'
import { judgeCharger } from '../../../src/shared/requirements/charger-rules'
import { PROFILE, requirementById } from '../../../src/shared/requirements/profile'
import { REAL_READING } from '../../support/charger-readings'
import { makeLocation, makeMeasurement, makeObservation, makeSurvey } from '../../support/survey-builders'
import { evidenceFor, judgeChargerReading, judgedRequirements, judgeMeasurement, judgeSurvey } from '../../../src/shared/requirements'

const base: ChargerReading = REAL_READING

const judge = (wifi: Partial<ChargerReading['wifi']>, o: { target?: string; billing?: 'free' | 'billed'; reading?: Partial<ChargerReading> } = {}) =>
  judgeCharger({ reading: { ...base, ...o.reading, wifi: { ...base.wifi, ...wifi } }, targetSsid: o.target ?? 'SSIORBI', billingMode: o.billing ?? 'billed', params: PROFILE.parameters })
const results = (fs: readonly Finding[]) => fs.map((f) => `${f.requirement} ${f.result}`)

describe('charger rules', () => {
  it('the profile carries the three IDs with wording and source', () => {
    for (const id of ['WC-ONLINE', 'WC-NETWORK', 'WC-SIGNAL'] as const) {
      const r = requirementById(id)
      expect(r?.source).toBe('charger API')
      expect(r?.wording.length).toBeGreaterThan(40)
    }
    expect(requirementById('WC-ONLINE')?.severity).toBe('billing')
  })

  it('all good: three passes, evidence names the serial', () => {
    const fs = judge({})
    expect(results(fs)).toEqual(['WC-ONLINE pass', 'WC-NETWORK pass', 'WC-SIGNAL pass'])
    expect(fs[0]?.evidence).toBe('charger B7S24024J01612: wifi_connected true, internet true')
    expect(fs[2]?.evidence).toContain('RSSI -58 dBm; SNR 35 dB; signal 64 %')
  })

  it.each([
    [{ internet: false }, 'billed', 'WC-ONLINE fail'],
    [{ internet: false }, 'free', 'WC-ONLINE warn'],
    [{ connected: false }, 'billed', 'WC-ONLINE fail'],
    [{ connected: false, internet: false }, 'free', 'WC-ONLINE warn'],
    [{ connected: true, internet: null }, 'billed', 'WC-ONLINE unknown'],
    [{ connected: null, internet: null }, 'free', 'WC-ONLINE unknown']
  ] as const)('WC-ONLINE %j at a %s site → %s', (wifi, billing, expected) => {
    expect(results(judge(wifi, { billing }))[0]).toBe(expected)
  })

  it('no internet: the remediation names the cloud host the charger uses', () => {
    expect(judge({ internet: false })[0]?.remediation).toContain('h3-hermes-prd.sn.tesla.services')
  })

  it.each([
    ['SSIORBI', 'WC-NETWORK pass'],
    ['ssiorbi', 'WC-NETWORK fail'], // SSIDs are case-sensitive
    ['Other', 'WC-NETWORK fail'],
    ['', 'WC-NETWORK unknown']
  ])('WC-NETWORK against target %j', (target, expected) => {
    expect(results(judge({}, { target }))[1]).toBe(expected)
  })

  it('WC-NETWORK with no SSID in the answer is unknown', () => {
    expect(results(judge({ ssid: null, ssidEncoding: null }))[1]).toBe('WC-NETWORK unknown')
  })

  it.each([
    [-67, 'pass'],
    [-68, 'warn'],
    [-75, 'warn'],
    [-76, 'fail']
  ])('WC-SIGNAL %i dBm → %s (the WIFI-SIGNAL thresholds, no margin)', (rssi, expected) => {
    expect(judgeCharger({ reading: { ...base, wifi: { ...base.wifi, rssiDbm: rssi } }, targetSsid: 'SSIORBI', billingMode: 'billed', params: { ...PROFILE.parameters, signal: { ...PROFILE.parameters.signal, laptopMarginDb: 10 } } })[2]?.result).toBe(expected)
  })

  it('an unreachable charger: everything unknown, never a pass', () => {
    const empty = { ...base.wifi, ssid: null, ssidEncoding: null, rssiDbm: null, connected: null, internet: null }
    const fs = judgeCharger({ reading: { ...base, reachable: false, serialNumber: null, wifi: empty }, targetSsid: 'SSIORBI', billingMode: 'free', params: PROFILE.parameters })
    expect(results(fs)).toEqual(['WC-ONLINE unknown', 'WC-NETWORK unknown', 'WC-SIGNAL unknown'])
    expect(fs[0]?.evidence).toBe('the charger at 192.168.1.221: it did not answer')
  })
})

describe('charger findings through judgeMeasurement', () => {
  const observations = [makeObservation({ ssid: 'SSIORBI', bssid: '00:11:22:33:44:55', band: '2.4', frequencyMhz: 2437, channel: 6, signalDbm: -66 })]
  const evidence = { observations, targetSsid: 'SSIORBI', billingMode: 'billed' as const }

  it('a reading adds WC-ONLINE, WC-NETWORK, WC-SIGNAL after the others; the calibrated margin re-judges WIFI-SIGNAL, never WC-SIGNAL', () => {
    const without = judgeMeasurement(PROFILE, { ...evidence, charger: REAL_READING })
    expect(without.map((f) => f.requirement)).toEqual(judgedRequirements(PROFILE).filter((id) => requirementById(id)?.scope !== 'watched stall'))
    expect(results(without.filter((f) => f.requirement.startsWith('WC-')))).toEqual(['WC-ONLINE pass', 'WC-NETWORK pass', 'WC-SIGNAL pass'])
    expect(without.find((f) => f.requirement === 'WIFI-SIGNAL')?.result).toBe('pass') // -66 dBm, no margin
    const calibrated = judgeMeasurement(PROFILE, { ...evidence, charger: REAL_READING, laptopMarginDb: 5 })
    expect(calibrated.find((f) => f.requirement === 'WIFI-SIGNAL')?.result).toBe('warn') // -66 − 5 = -71 dBm
    expect(calibrated.find((f) => f.requirement === 'WC-SIGNAL')?.result).toBe('pass') // the charger's own -58 dBm: no margin
  })

  it('no reading: no WC-* finding at all (never a pass)', () => {
    expect(judgeMeasurement(PROFILE, evidence).some((f) => f.requirement.startsWith('WC-'))).toBe(false)
  })

  it('evidenceFor: the charger assigned to the stall and the survey\'s margin; an unassigned charger counts nowhere', () => {
    const measurement = makeMeasurement({ observations })
    const location = { ...makeLocation({ id: 'stall-1', name: 'Stall 1' }), measurements: [measurement] }
    const other = makeLocation({ id: 'stall-2', name: 'Stall 2' })
    const survey = makeSurvey({
      targetSsid: 'SSIORBI',
      locations: [location, other],
      chargers: [
        { id: 'c1', locationId: 'stall-1', reading: REAL_READING },
        { id: 'c2', locationId: null, reading: { ...REAL_READING, serialNumber: 'UNASSIGNED' } }
      ],
      calibration: { laptopMarginDb: 5, source: 'median of laptop − charger RSSI at 1 stall', n: 1, setAt: '2026-12-01T10:05:00.000Z' }
    })
    const e = evidenceFor(PROFILE, survey, location, measurement)
    expect(e.charger?.serialNumber).toBe('B7S24024J01612')
    expect(e.laptopMarginDb).toBe(5)
    expect(evidenceFor(PROFILE, survey, other, measurement).charger).toBeNull()
    const judged = judgeSurvey(PROFILE, survey).locations[0]?.findings ?? []
    expect(judged.find((f) => f.requirement === 'WIFI-SIGNAL')?.result).toBe('warn')
    expect(judged.find((f) => f.requirement === 'WC-NETWORK')?.result).toBe('pass')
  })

  it('judgeChargerReading: only the three WC-* findings, for an unassigned charger too', () => {
    const survey = makeSurvey({ targetSsid: 'Other-Net', site: { billingMode: 'free' } })
    expect(results(judgeChargerReading(PROFILE, survey, REAL_READING))).toEqual(['WC-ONLINE pass', 'WC-NETWORK fail', 'WC-SIGNAL pass'])
  })
})
