/** Merging one BSS seen by several tools, and N scans into a snapshot. */
import { describe, expect, it } from 'vitest'
import { combineScans, mergeSources, normalizeObservations } from '../../../src/main/wifi/merge'
import { emptyDraft, finish } from '../../../src/main/wifi/parsers/observation-draft'
import { parseIw } from '../../../src/main/wifi/parsers/iw'
import { parseNmcli } from '../../../src/main/wifi/parsers/nmcli'
import type { Observation } from '../../../src/shared/model/observation'
import { fixture } from './helpers'

function obs(patch: Partial<Observation>): Observation {
  return finish({ ...emptyDraft(patch.source ?? 'iw'), ...patch, security: { ...emptyDraft('iw').security, ...patch.security } })
}

describe('mergeSources (nmcli + iw)', () => {
  const iwFoo = parseIw(fixture('linux-iw/booyaa-iw-dev-scan-01.txt')).observations.find((o) => o.ssid === 'foo')
  // nmcli's view of the same BSS: percentage signal, BANDWIDTH.
  const nmcliFoo = parseNmcli('AP[1]:foo:666F6F:33\\:44\\:55\\:66\\:77\\:88:Infra:2:2.4 GHz:2417 MHz:130 Mbit/s:40 MHz:80:***:WPA2:(none):pair_ccmp group_ccmp psk:wlan0:no: :/x').observations[0]

  it('one observation; measured dBm preferred over derived; iw primary', () => {
    if (!iwFoo || !nmcliFoo) throw new Error('fixture BSS missing')
    const merged = mergeSources([[iwFoo], [nmcliFoo]])
    expect(merged).toHaveLength(1)
    expect(merged[0]).toMatchObject({ source: 'iw', signalDbm: -75, signalDerived: false, channelWidthMhz: 40 })
    // Even with nmcli first, the measured signal wins; source names the primary.
    const reversed = mergeSources([[nmcliFoo], [iwFoo]])
    expect(reversed[0]).toMatchObject({ source: 'nmcli', signalDbm: -75, signalDerived: false, supportedRatesMbps: iwFoo.supportedRatesMbps, phy: ['b', 'g', 'n'] })
  })

  it('fills nulls from the other source (width from nmcli when iw has none)', () => {
    const iw = obs({ bssid: '02:00:00:00:00:01', band: '2.4', channel: 6, signalDbm: -60, channelWidthMhz: null })
    const nm = obs({ source: 'nmcli', bssid: '02:00:00:00:00:01', band: '2.4', channel: 6, signalDbm: -70, signalDerived: true, channelWidthMhz: 20, ssid: 'x', ssidHex: '78' })
    const [m] = mergeSources([[iw], [nm]])
    expect(m).toMatchObject({ channelWidthMhz: 20, signalDbm: -60, ssid: 'x', ssidHex: '78', source: 'iw' })
  })

  it('same MAC on two bands stays two BSSs; BSSID-less observations are kept', () => {
    const a = obs({ bssid: '02:00:00:00:00:01', band: '2.4' })
    const b = obs({ bssid: '02:00:00:00:00:01', band: '5' })
    const c = obs({ bssid: null, ssid: 'mac-redacted', ssidHex: '00' })
    expect(mergeSources([[a, b, c], [obs({ source: 'nmcli', bssid: '02:00:00:00:00:01', band: '5', signalDbm: -1 })]])).toHaveLength(3)
  })
})

describe('combineScans (snapshot)', () => {
  it('median signal per BSS over the scans, fields merged', () => {
    const scans = [-70, -50, -60, -90, -55].map((s, i) => [obs({ bssid: '02:00:00:00:00:01', band: '2.4', signalDbm: s, channelWidthMhz: i === 2 ? 20 : null })])
    const [m] = combineScans(scans)
    expect(m).toMatchObject({ signalDbm: -60, channelWidthMhz: 20, signalDerived: false })
    const even = combineScans([[obs({ bssid: '02:00:00:00:00:02', signalDbm: -60 })], [obs({ bssid: '02:00:00:00:00:02', signalDbm: -50 })]])
    expect(even[0]?.signalDbm).toBe(-55)
  })

  it('a BSS missing from some scans still appears; derived only if every reading was', () => {
    const s1 = [obs({ bssid: '02:00:00:00:00:01', signalDbm: -50 }), obs({ source: 'nmcli', bssid: '02:00:00:00:00:03', signalDbm: -80, signalDerived: true })]
    const s2 = [obs({ bssid: '02:00:00:00:00:01', signalDbm: -52 })]
    const out = normalizeObservations(combineScans([s1, s2]))
    expect(out.map((o) => o.bssid)).toEqual(['02:00:00:00:00:01', '02:00:00:00:00:03'])
    expect(out[1]).toMatchObject({ signalDbm: -80, signalDerived: true })
  })
})
