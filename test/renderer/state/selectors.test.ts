/** Pure selectors: library rows, save label, location view, measurement building. */
import { describe, expect, it } from 'vitest'
import type { Finding } from '../../../src/shared/model/finding'
import type { SurveySummary } from '../../../src/shared/model/survey'
import { judgeSurvey, PROFILE, PROFILE_VERSION } from '../../../src/shared/requirements'
import { storedFinding } from '../../../src/shared/requirements/finding-kit'
import {
  findingsWorstFirst,
  groupFindings,
  libraryRows,
  locationView,
  nextSort,
  saveLabel,
  verdictLabel
} from '../../../src/renderer/src/state/selectors'
import { addMeasurement, removeLocation, addLocation, patchLocation } from '../../../src/renderer/src/state/survey-edits'
import { makeObservation, makeSurvey } from '../support/fixtures'

function summary(overrides: Partial<SurveySummary>): SurveySummary {
  return {
    path: `/s/${overrides.siteName ?? 'x'}.wcsurvey`,
    fileName: `${overrides.siteName ?? 'x'}.wcsurvey`,
    id: overrides.siteName ?? 'x',
    siteName: 'x',
    customer: '',
    targetSsid: '',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    lineageId: overrides.siteName ?? 'x',
    locationCount: 0,
    verdict: null,
    error: null,
    ...overrides
  }
}

const list = [
  summary({ siteName: 'Harbour Point', customer: 'Acme', targetSsid: 'Garage-IoT', updatedAt: '2026-03-01T00:00:00Z', locationCount: 4, verdict: 'ready' }),
  summary({ siteName: 'airport P3', customer: 'City', targetSsid: 'AP-Chargers', updatedAt: '2026-05-01T00:00:00Z', locationCount: 12, verdict: 'not-ready' }),
  summary({ siteName: 'Mall', customer: 'Acme', targetSsid: 'mall-ev', updatedAt: '2026-04-01T00:00:00Z', locationCount: 2, verdict: null })
]

describe('libraryRows', () => {
  it('keeps rows matching every word of the query, case-insensitive, across site, customer and SSID', () => {
    expect(libraryRows(list, 'acme', { key: 'siteName', direction: 'asc' }).map((r) => r.siteName)).toEqual(['Harbour Point', 'Mall'])
    expect(libraryRows(list, 'ACME garage', { key: 'siteName', direction: 'asc' }).map((r) => r.siteName)).toEqual(['Harbour Point'])
    expect(libraryRows(list, 'nothing-like-this', { key: 'siteName', direction: 'asc' })).toEqual([])
  })

  it('sorts by text ignoring case, by number, by date, and puts unjudged verdicts last', () => {
    expect(libraryRows(list, '', { key: 'siteName', direction: 'asc' }).map((r) => r.siteName)).toEqual(['airport P3', 'Harbour Point', 'Mall'])
    expect(libraryRows(list, '', { key: 'locationCount', direction: 'desc' }).map((r) => r.locationCount)).toEqual([12, 4, 2])
    expect(libraryRows(list, '', { key: 'updatedAt', direction: 'desc' }).map((r) => r.siteName)).toEqual(['airport P3', 'Mall', 'Harbour Point'])
    expect(libraryRows(list, '', { key: 'verdict', direction: 'asc' }).map((r) => r.verdict)).toEqual(['not-ready', 'ready', null])
  })

  it('puts unreadable files last in either direction', () => {
    const broken = summary({ siteName: '', fileName: 'broken.wcsurvey', error: 'broken.wcsurvey is not valid JSON.' })
    for (const direction of ['asc', 'desc'] as const) {
      expect(libraryRows([broken, ...list], '', { key: 'locationCount', direction }).at(-1)).toBe(broken)
    }
  })

  it('does not reorder the input list', () => {
    const copy = [...list]
    libraryRows(list, '', { key: 'siteName', direction: 'desc' })
    expect(list).toEqual(copy)
  })
})

describe('nextSort', () => {
  it('flips the same column and starts a new one ascending (dates newest first)', () => {
    expect(nextSort({ key: 'siteName', direction: 'asc' }, 'siteName')).toEqual({ key: 'siteName', direction: 'desc' })
    expect(nextSort({ key: 'siteName', direction: 'desc' }, 'customer')).toEqual({ key: 'customer', direction: 'asc' })
    expect(nextSort({ key: 'siteName', direction: 'asc' }, 'updatedAt')).toEqual({ key: 'updatedAt', direction: 'desc' })
  })
})

describe('saveLabel', () => {
  it('says Saved with the local time, Saving…, Not saved, or the review state', () => {
    const at = new Date(2026, 10, 24, 12, 4, 31).toISOString()
    expect(saveLabel({ state: 'saved', at, message: null }, false)).toEqual({ text: 'Saved 12:04:31', tone: 'ok' })
    expect(saveLabel({ state: 'saving', at, message: null }, false)).toEqual({ text: 'Saving…', tone: 'busy' })
    expect(saveLabel({ state: 'error', at, message: 'disk full' }, false).tone).toBe('error')
    expect(saveLabel({ state: 'idle', at: null, message: null }, true).text).toBe('Read-only')
  })
})

describe('verdictLabel', () => {
  it('names each verdict and shows a dash for none', () => {
    expect(verdictLabel('ready-with-warnings')).toBe('Ready, with warnings')
    expect(verdictLabel(null)).toBe('—')
  })
})

const finding = (requirement: Finding['requirement'], result: Finding['result']): Finding => ({
  requirement,
  result,
  evidence: '',
  bssids: [],
  explanation: `${requirement} ${result}`,
  remediation: ''
})

describe('findingsWorstFirst', () => {
  it('orders fail, unknown, warn, pass and keeps the engine order within each', () => {
    const sorted = findingsWorstFirst([
      finding('WIFI-SEC', 'pass'),
      finding('WIFI-BAND', 'warn'),
      finding('WIFI-WIDTH', 'fail'),
      finding('WIFI-PHY', 'unknown'),
      finding('WIFI-RATE', 'fail')
    ])
    expect(sorted.map((f) => f.requirement)).toEqual(['WIFI-WIDTH', 'WIFI-RATE', 'WIFI-PHY', 'WIFI-BAND', 'WIFI-SEC'])
  })
})

describe('groupFindings', () => {
  const connectivity = new Set(['NET-DNS', 'NET-TLS'])
  const findings = [
    finding('WIFI-SEC', 'pass'),
    finding('NET-DNS', 'warn'),
    finding('WIFI-WIDTH', 'fail'),
    finding('NET-TLS', 'warn'),
    finding('WIFI-BAND', 'pass'),
    finding('WIFI-STEER', 'warn')
  ]
  it('folds the connectivity findings into one to-do while no firewall run counts here, passes last', () => {
    const g = groupFindings(findings, false, connectivity)
    expect(g.attention.map((f) => f.requirement)).toEqual(['WIFI-WIDTH', 'WIFI-STEER'])
    expect(g.notChecked.map((f) => f.requirement)).toEqual(['NET-DNS', 'NET-TLS'])
    expect(g.passed.map((f) => f.requirement)).toEqual(['WIFI-SEC', 'WIFI-BAND'])
  })
  it('shows connectivity findings one by one once a run counts (a blocked port is its own finding)', () => {
    const g = groupFindings(findings, true, connectivity)
    expect(g.attention.map((f) => f.requirement)).toEqual(['WIFI-WIDTH', 'NET-DNS', 'NET-TLS', 'WIFI-STEER'])
    expect(g.notChecked).toEqual([])
  })
})

describe('locationView and the edits', () => {
  it('has no latest measurement before Measure, and the latest counts after two', () => {
    let survey = addLocation('l1', 'Stall 1')(makeSurvey())
    const before = locationView(judgeSurvey(PROFILE, survey).locations[0]!, survey.targetSsid)
    expect(before.latest).toBeNull()
    expect(before.verdict.verdict).toBe('incomplete')

    survey = addMeasurement('l1', {
      id: 'm1',
      takenAt: '2026-11-24T10:00:00.000Z',
      scanCount: 3,
      observations: [makeObservation({ signalDbm: -80 }), makeObservation({ ssid: 'Other', bssid: 'aa:bb:cc:00:00:09' })]
    })(survey)
    survey = addMeasurement('l1', {
      id: 'm2',
      takenAt: '2026-11-24T11:00:00.000Z',
      scanCount: 3,
      observations: [makeObservation({ signalDbm: -60 }), makeObservation({ bssid: 'aa:bb:cc:00:00:02', signalDbm: -71 })]
    })(survey)
    const view = locationView(judgeSurvey(PROFILE, survey).locations[0]!, survey.targetSsid)
    expect(view.findings.length).toBeGreaterThan(0)
    expect(view.verdict.verdict).not.toBe('incomplete')
    expect(view.latest?.id).toBe('m2')
    expect(view.history.map((h) => [h.id, h.latest, h.bssCount, h.targetBssCount, h.bestTargetDbm])).toEqual([
      ['m2', true, 2, 2, -60],
      ['m1', false, 2, 1, -80]
    ])
  })

  it('Measure stores the findings the page shows, judged with the engine (WPA2-CCMP 20 MHz on 2.4 GHz)', () => {
    const survey = addMeasurement('l1', { id: 'm', takenAt: '2026-11-24T10:00:00.000Z', scanCount: 1, observations: [makeObservation()] })(addLocation('l1', 'Stall 1')(makeSurvey()))
    const m = survey.locations[0]?.measurements[0]
    expect(m?.profileVersion).toBe(PROFILE_VERSION)
    expect(m?.probe).toBeNull()
    expect(m?.scanCount).toBe(1)
    const stored = new Map((m?.findings ?? []).map((f) => [f.requirement, f.result]))
    // makeObservation: WPA2, CCMP, PSK, 20 MHz, channel 6, -58 dBm.
    expect(Object.fromEntries(['WIFI-SEC', 'WIFI-AUTH', 'WIFI-BAND', 'WIFI-WIDTH'].map((id) => [id, stored.get(id as Finding['requirement'])]))).toEqual({
      'WIFI-SEC': 'pass',
      'WIFI-AUTH': 'pass',
      'WIFI-BAND': 'pass',
      'WIFI-WIDTH': 'pass'
    })
    const view = locationView(judgeSurvey(PROFILE, survey).locations[0]!, survey.targetSsid)
    // The file stores the schema's fields; the survey-step mark is judged afresh (storedFinding).
    expect([...(m?.findings ?? [])].sort((a, b) => a.requirement.localeCompare(b.requirement))).toEqual(view.findings.map(storedFinding).sort((a, b) => a.requirement.localeCompare(b.requirement)))
    expect(view.history[0]?.counts).toEqual(Object.fromEntries(['pass', 'warn', 'fail', 'unknown'].map((r) => [r, view.findings.filter((f) => f.result === r).length])))
  })

  it('drops a measurement for a location removed meanwhile, renames and removes', () => {
    const survey = addLocation('l1', 'Stall 1')(makeSurvey())
    expect(addMeasurement('gone', { id: 'm', takenAt: 't', scanCount: 1, observations: [] })(survey)).toBe(survey)
    expect(patchLocation('l1', { name: 'Stall 9' })(survey).locations[0]?.name).toBe('Stall 9')
    expect(removeLocation('l1')(survey).locations).toEqual([])
  })
})
