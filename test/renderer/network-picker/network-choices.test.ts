/** The networks offered for the target SSID (issue 16 item 2): one per SSID, strongest first, newest scan. */
import { describe, expect, it } from 'vitest'
import { latestScan, newestMeasurementScan, selectNetworkChoices } from '../../../src/renderer/src/network-picker/network-choices'
import { makeLocation, makeMeasurement, makeObservation, makeSurvey } from '../support/fixtures'

const WPA2 = { protocols: ['WPA2'], akm: ['PSK'], pairwiseCiphers: ['CCMP'], groupCipher: 'CCMP', pmf: 'none' } as const
const OPEN = { protocols: ['OPEN'], akm: [], pairwiseCiphers: [], groupCipher: null, pmf: 'none' } as const

describe('selectNetworkChoices', () => {
  it('groups BSSes by SSID with bands, strongest signal and security, strongest network first', () => {
    const scan = [
      makeObservation({ bssid: 'aa:00:00:00:00:01', ssid: 'HarbourPoint-EV', band: '2.4', channel: 6, frequencyMhz: 2437, signalDbm: -67, security: WPA2 }),
      makeObservation({ bssid: 'aa:00:00:00:00:02', ssid: 'HarbourPoint-EV', band: '5', channel: 36, frequencyMhz: 5180, signalDbm: -52, security: WPA2 }),
      makeObservation({ bssid: 'bb:00:00:00:00:01', ssid: 'Tesla-Charging-Access', band: '2.4', channel: 1, frequencyMhz: 2412, signalDbm: -44, security: OPEN }),
      makeObservation({ bssid: 'cc:00:00:00:00:01', ssid: 'Guest\u202Egnp.exe', band: '2.4', channel: 11, frequencyMhz: 2462, signalDbm: -80, security: WPA2 }),
      makeObservation({ bssid: 'dd:00:00:00:00:01', ssid: null, hidden: true, band: '2.4', signalDbm: -40 }),
      makeObservation({ bssid: null, ssid: null, redacted: true, band: '2.4', signalDbm: -60 }),
      makeObservation({ bssid: null, ssid: null, redacted: true, band: '5', signalDbm: -61 })
    ]
    expect(selectNetworkChoices(scan)).toEqual({
      choices: [
        { ssid: 'Tesla-Charging-Access', label: 'Tesla-Charging-Access', bands: '2.4', bestSignalDbm: -44, security: 'Open', bssCount: 1 },
        { ssid: 'HarbourPoint-EV', label: 'HarbourPoint-EV', bands: '2.4 + 5', bestSignalDbm: -52, security: 'WPA2 · CCMP', bssCount: 2 },
        // Stored exactly as broadcast; shown with the override visible, never applied.
        { ssid: 'Guest\u202Egnp.exe', label: 'Guest[U+202E]gnp.exe', bands: '2.4', bestSignalDbm: -80, security: 'WPA2 · CCMP', bssCount: 1 }
      ],
      hiddenCount: 1,
      redactedCount: 2
    })
  })
})

describe('the scan to offer', () => {
  const at = (iso: string) => Date.parse(iso)
  const survey = makeSurvey({
    locations: [
      makeLocation({ id: 'a', name: 'P1 – stall 1', measurements: [makeMeasurement({ id: 'm1', takenAt: '2026-12-02T09:00:00.000Z', observations: [makeObservation({ ssid: 'Old' })] })] }),
      makeLocation({ id: 'b', name: 'P2 – stall 11', measurements: [makeMeasurement({ id: 'm2', takenAt: '2026-12-02T09:30:00.000Z', observations: [makeObservation({ ssid: 'New' })] })] }),
      makeLocation({ id: 'c', name: 'P2 – stall 12' })
    ]
  })

  it('takes the newest measurement of any location, named after its location', () => {
    const s = newestMeasurementScan(survey)
    expect(s?.label).toBe('the measurement at P2 – stall 11')
    expect(s?.at).toBe(at('2026-12-02T09:30:00.000Z'))
    expect(s?.observations.map((o) => o.ssid)).toEqual(['New'])
    expect(newestMeasurementScan(makeSurvey({ locations: [makeLocation()] }))).toBeNull()
    expect(newestMeasurementScan(null)).toBeNull()
  })

  it('prefers the newest non-empty scan among live, measured and scanned-here', () => {
    const live = { observations: [makeObservation({ ssid: 'Live' })], at: at('2026-12-02T10:00:00.000Z'), label: 'the live scan' }
    const measured = newestMeasurementScan(survey)
    const empty = { observations: [], at: at('2026-12-02T11:00:00.000Z'), label: 'the scan just taken' }
    expect(latestScan([live, measured, empty])?.label).toBe('the live scan')
    expect(latestScan([null, measured, null])?.label).toBe('the measurement at P2 – stall 11')
    expect(latestScan([null, null, empty])).toBeNull()
  })
})
