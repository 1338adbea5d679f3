import { describe, expect, it } from 'vitest'
import { SignalRing } from '../../../src/renderer/src/live/ring-buffer'
import {
  ageLabel,
  applyOrder,
  defaultTableQuery,
  orderOf,
  securityClass,
  securityLabel,
  selectSignalSeries,
  selectTableGroups,
  type BssEntry,
  type TableQuery
} from '../../../src/renderer/src/live/selectors'
import { obs } from './helpers'

const sec = (protocols: string[] | null, pairwiseCiphers: string[] | null) =>
  obs({
    security: {
      protocols: protocols as ('WEP' | 'WPA' | 'WPA2' | 'WPA3' | 'OPEN')[] | null, // test tables list valid protocol names
      akm: null,
      pairwiseCiphers,
      groupCipher: null,
      pmf: null
    }
  }).security

describe('securityLabel', () => {
  it.each([
    [['WPA2'], ['CCMP'], 'WPA2 · CCMP'],
    [['WPA2', 'WPA'], ['CCMP', 'TKIP'], 'WPA/WPA2 · TKIP+CCMP'],
    [['WPA3', 'WPA2'], ['CCMP'], 'WPA2/WPA3 · CCMP'],
    [['OPEN'], [], 'Open'],
    [['WPA2'], null, 'WPA2 · cipher unknown'],
    [null, null, 'unknown'],
    [['WEP'], ['WEP'], 'WEP · WEP']
  ])('%j + %j → %s', (p, c, label) => {
    expect(securityLabel(sec(p, c))).toBe(label)
  })

  it('classes by the strongest protocol, unknown when none was seen', () => {
    expect(securityClass(sec(['WPA', 'WPA2'], null))).toBe('wpa2')
    expect(securityClass(sec(['WPA2', 'WPA3'], null))).toBe('wpa3')
    expect(securityClass(sec(['OPEN'], null))).toBe('open')
    expect(securityClass(sec(null, null))).toBe('unknown')
  })
})

function entries(list: ReturnType<typeof obs>[], lastSeen = 1000): BssEntry[] {
  return list.map((o) => ({ key: o.bssid ?? '?', observation: o, firstSeen: 0, lastSeen }))
}

const sample = entries([
  obs({ bssid: '01', ssid: 'Alpha', signalDbm: -70, channel: 1, frequencyMhz: 2412 }),
  obs({ bssid: '02', ssid: 'Alpha', signalDbm: -50, band: '5', channel: 36, frequencyMhz: 5180, channelWidthMhz: 80 }),
  obs({ bssid: '03', ssid: 'Target', signalDbm: -80 }),
  obs({ bssid: '04', ssid: 'Beta', signalDbm: -40, security: { protocols: ['WPA', 'WPA2'], akm: ['PSK'], pairwiseCiphers: ['TKIP', 'CCMP'], groupCipher: 'TKIP', pmf: null } }),
  obs({ bssid: '05', ssid: null, hidden: true, signalDbm: -65 }),
  obs({ bssid: '06', ssid: null, redacted: true, signalDbm: -66, signalDerived: true }),
  obs({ bssid: '07', ssid: 'Gamma', signalDbm: null })
])

describe('selectTableGroups', () => {
  it('groups BSSs under their SSID, hidden and redacted apart, target pinned first', () => {
    const groups = selectTableGroups(sample, defaultTableQuery, 'Target')
    expect(groups.map((g) => g.label)).toEqual(['Target', 'Beta', 'Alpha', '(hidden)', 'redacted — Location Services off', 'Gamma'])
    expect(groups[0]?.isTarget).toBe(true)
    const alpha = groups.find((g) => g.label === 'Alpha')
    expect(alpha?.rows.map((r) => r.bssid)).toEqual(['02', '01'])
    expect(alpha?.bestSignalDbm).toBe(-50)
    expect(alpha?.bands).toBe('2.4 + 5')
    expect(groups.find((g) => g.kind === 'hidden')?.rows).toHaveLength(1)
    expect(groups.find((g) => g.kind === 'redacted')?.rows[0]?.signalDerived).toBe(true)
  })

  it('sorts ascending by a column, unknown values first', () => {
    const q: TableQuery = { ...defaultTableQuery, sort: 'signal', descending: false }
    const labels = selectTableGroups(sample, q, '').map((g) => g.label)
    expect(labels).toEqual(['Gamma', 'Target', 'Alpha', 'redacted — Location Services off', '(hidden)', 'Beta'])
    const bySsid = selectTableGroups(sample, { ...defaultTableQuery, sort: 'ssid', descending: false }, '').map((g) => g.label)
    expect(bySsid).toEqual(['(hidden)', 'Alpha', 'Beta', 'Gamma', 'redacted — Location Services off', 'Target'])
  })

  it('filters by SSID/BSSID text, band and security', () => {
    const text = selectTableGroups(sample, { ...defaultTableQuery, text: 'alp' }, '')
    expect(text.map((g) => g.label)).toEqual(['Alpha'])
    const byBssid = selectTableGroups(sample, { ...defaultTableQuery, text: '04' }, '')
    expect(byBssid.map((g) => g.label)).toEqual(['Beta'])
    const band5 = selectTableGroups(sample, { ...defaultTableQuery, band: '5' }, '')
    expect(band5.flatMap((g) => g.rows.map((r) => r.bssid))).toEqual(['02'])
    const wpa2 = selectTableGroups(sample, { ...defaultTableQuery, security: 'wpa2' }, '')
    expect(wpa2.flatMap((g) => g.rows.map((r) => r.bssid)).sort()).toEqual(['01', '02', '03', '04', '05', '06', '07'])
    expect(selectTableGroups(sample, { ...defaultTableQuery, security: 'open' }, '')).toEqual([])
  })

  it('formats rows as text for the table', () => {
    const beta = selectTableGroups(sample, defaultTableQuery, '').find((g) => g.label === 'Beta')?.rows[0]
    expect(beta).toMatchObject({ security: 'WPA/WPA2 · TKIP+CCMP', band: '2.4', channel: '6', width: '20 MHz', phy: 'b/g/n' })
  })
})

describe('applyOrder', () => {
  const labels = (gs: readonly { label: string }[]) => gs.map((g) => g.label)
  const plusStrongAlpha = entries([...sample.map((e) => e.observation), obs({ bssid: '08', ssid: 'Alpha', signalDbm: -30 })])

  it('keeps groups and their BSSs where they were when signals change', () => {
    const before = selectTableGroups(sample, defaultTableQuery, 'Target')
    // Alpha's 01 becomes its strongest BSS and Gamma the strongest group: a re-sort would move both.
    const moved: Record<string, number> = { '01': -45, '07': -20 }
    const changed = sample.map((e) => (e.key in moved ? { ...e, observation: { ...e.observation, signalDbm: moved[e.key] ?? null } } : e))
    const after = selectTableGroups(changed, defaultTableQuery, 'Target')
    expect(labels(after)).not.toEqual(labels(before))
    const kept = applyOrder(after, orderOf(before))
    expect(labels(kept)).toEqual(labels(before))
    const alpha = kept.find((g) => g.label === 'Alpha')
    expect(alpha?.rows.map((r) => [r.bssid, r.signalDbm])).toEqual([['02', -50], ['01', -45]])
    expect(kept.find((g) => g.label === 'Gamma')?.bestSignalDbm).toBe(-20)
  })

  it('puts newcomers after the known rows, drops the gone, keeps the target first', () => {
    const before = selectTableGroups(sample.filter((e) => e.key !== '03'), defaultTableQuery, 'Target')
    const fresh = selectTableGroups(plusStrongAlpha.filter((e) => e.key !== '04'), defaultTableQuery, 'Target')
    const kept = applyOrder(fresh, orderOf(before))
    expect(labels(kept)).toEqual(['Target', 'Alpha', '(hidden)', 'redacted — Location Services off', 'Gamma'])
    // 08 (−30 dBm) arrived after the order was taken: below Alpha's known BSSs, not on top.
    expect(kept.find((g) => g.label === 'Alpha')?.rows.map((r) => r.bssid)).toEqual(['02', '01', '08'])
  })
})

describe('selectSignalSeries', () => {
  it('returns the chosen BSSs clipped to the window, skipping keys without history', () => {
    const ring = new SignalRing(100)
    for (let t = 0; t <= 20; t += 1) ring.push(t * 60_000, -60 - t)
    const e = entries([obs({ bssid: '01', ssid: 'Target' })])[0]
    if (!e) throw new Error('fixture')
    const networks = new Map([['01', e]])
    const series = selectSignalSeries(['01', 'gone'], new Map([['01', ring]]), networks, 20 * 60_000, 10 * 60_000, 'Target')
    expect(series).toHaveLength(1)
    expect(series[0]?.isTarget).toBe(true)
    expect(series[0]?.label).toBe('Target · 01 · 2.4 GHz')
    expect(series[0]?.points.map((p) => p.t / 60_000)).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20])
  })
})

describe('ageLabel', () => {
  it('says seconds, minutes, hours', () => {
    expect(ageLabel(10_000, 7_000)).toBe('3 s ago')
    expect(ageLabel(1_000, 2_000)).toBe('0 s ago')
    expect(ageLabel(600_000, 0)).toBe('10 min ago')
    expect(ageLabel(7_200_000, 0)).toBe('2 h ago')
  })
})
