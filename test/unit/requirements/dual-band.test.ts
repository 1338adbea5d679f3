/**
 * One MAC on 2.4 and 5 GHz (issue 17 item 2): two BSSes everywhere — the shared identity, the
 * snapshot merge, the rules and `wc-survey check` — so WIFI-BAND and WIFI-WIDTH are judged from
 * the 2.4 GHz part. Observations from jc-iw-scan1.txt with one header line edited (captures.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { run } from '../../../src/cli/commands/check'
import { combineScans, mergeSources } from '../../../src/main/wifi/merge'
import { serializeSurvey } from '../../../src/main/survey/survey-file'
import { bssIdentities, bssKey, groupByBss } from '../../../src/shared/model/bss-identity'
import type { Observation } from '../../../src/shared/model/observation'
import { groupBss, judgeMeasurement, PROFILE } from '../../../src/shared/requirements'
import { makeLocation, makeMeasurement, makeSurvey } from '../../support/survey-builders'
import { obs, upcSameMac } from './captures'

const MAC = 'ac:22:05:e6:ff:41'
// Cast: the first test below checks the capture gives exactly these two observations.
const [on24, on5] = upcSameMac as [Observation, Observation]
/** Both orders a scanner may list them in: the capture's (2.4 first) and 5 GHz heard first. */
const orders = [
  { name: 'capture order', list: [on24, on5] },
  { name: '5 GHz first', list: [on5, on24] }
]

describe('the edited capture', () => {
  it('has the one MAC on 2462 MHz (20 MHz) and on 5180 MHz (80 MHz)', () => {
    expect(upcSameMac.map((o) => [o.bssid, o.frequencyMhz, o.band, o.channelWidthMhz, o.signalDbm])).toEqual([
      [MAC, 2462, '2.4', 20, -41],
      [MAC, 5180, '5', 80, -30]
    ])
  })
})

describe('BSS identity (shared/model/bss-identity)', () => {
  it.each(orders)('two BSSes, whatever the order ($name)', ({ list }) => {
    expect(groupByBss(list)).toHaveLength(2)
    expect(new Set(list.map(bssKey))).toEqual(new Set([`${MAC}|2.4`, `${MAC}|5`]))
    expect(groupBss(list).map((b) => [b.band, b.channel, b.channelWidthMhz, b.signalDbm]).sort()).toEqual([
      ['2.4', 11, 20, -41],
      ['5', 36, 80, -30]
    ])
  })

  it('a band-less reading joins its BSSID only when that BSSID was seen on one band', () => {
    const bandless = obs({ source: 'node-wifi', bssid: MAC.toUpperCase(), signalDbm: -44 })
    expect(bssIdentities([on24, bandless])).toEqual([`${MAC}|2.4`, `${MAC}|2.4`])
    expect(bssIdentities([on24, on5, bandless])).toEqual([`${MAC}|2.4`, `${MAC}|5`, `${MAC}|?`])
    expect(bssIdentities([obs({ source: 'iw', bssid: null })])).toEqual([null])
  })

  it('the snapshot merge keeps the two apart across scans and tools', () => {
    const snapshot = combineScans([orders[0]!.list, orders[1]!.list, orders[0]!.list])
    expect(snapshot.map((o) => [o.band, o.signalDbm]).sort()).toEqual([
      ['2.4', -41],
      ['5', -30]
    ])
    const nmcli24 = obs({ source: 'nmcli', bssid: MAC, band: '2.4', frequencyMhz: 2462, signalDbm: -50, signalDerived: true })
    expect(mergeSources([[on24, on5], [nmcli24]]).map((o) => [o.band, o.signalDbm, o.source])).toEqual([
      ['2.4', -41, 'iw'],
      ['5', -30, 'iw']
    ])
  })
})

describe('judged from the 2.4 GHz part', () => {
  it.each(orders)('WIFI-BAND and WIFI-WIDTH pass, WIFI-SIGNAL reads -41 dBm, WIFI-STEER sees 5 GHz ($name)', ({ list }) => {
    const found = new Map(judgeMeasurement(PROFILE, { observations: list, targetSsid: 'UPCCDB29F5', billingMode: 'free' }).map((f) => [f.requirement, f]))
    expect(found.size).toBeGreaterThan(0)
    expect(found.get('WIFI-BAND')?.result).toBe('pass')
    expect(found.get('WIFI-WIDTH')?.result).toBe('pass')
    expect(found.get('WIFI-WIDTH')?.evidence).toBe(`${MAC} (2.4 GHz, ch 11): 20 MHz`)
    expect(found.get('WIFI-SIGNAL')?.evidence).toContain('-41 dBm')
    expect(found.get('WIFI-SIGNAL')?.evidence).not.toContain('-30')
    expect(found.get('WIFI-STEER')?.result).toBe('warn')
  })
})

describe('wc-survey check --json on a survey that saw the one MAC on both bands', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wc-dual-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('judges WIFI-BAND and WIFI-WIDTH from the 2.4 GHz part at both locations', async () => {
    const survey = makeSurvey({
      targetSsid: 'UPCCDB29F5',
      locations: orders.map((o, i) => makeLocation({ id: `l${i}`, name: o.name, measurements: [makeMeasurement({ id: `m${i}`, observations: o.list })] }))
    })
    const path = join(dir, 'dual-band.wcsurvey')
    writeFileSync(path, serializeSurvey(survey))
    let out = ''
    await run([path, '--json'], { out: (t) => (out += t), err: () => {}, color: false })
    // Cast: check --json's documented shape; the test reads only what it asserts.
    const report = JSON.parse(out) as { locations: { name: string; findings: { requirement: string; result: string; evidence: string }[] }[] }
    expect(report.locations.map((l) => l.name)).toEqual(['capture order', '5 GHz first'])
    for (const l of report.locations) {
      const byId = new Map(l.findings.map((f) => [f.requirement, f]))
      expect([l.name, byId.get('WIFI-BAND')?.result, byId.get('WIFI-WIDTH')?.result]).toEqual([l.name, 'pass', 'pass'])
      expect(byId.get('WIFI-WIDTH')?.evidence).toBe(`${MAC} (2.4 GHz, ch 11): 20 MHz`)
    }
  })
})
