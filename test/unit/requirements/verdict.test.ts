/**
 * Location and survey verdicts, the profile's completeness, and re-judging a stored survey.
 */
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import type { Finding, FindingResult, RequirementId } from '../../../src/shared/model/finding'
import type { Measurement, Survey, SurveyLocation } from '../../../src/shared/model/survey'
import {
  combineLocationVerdicts,
  judgeMeasurement,
  judgeSurvey,
  latestMeasurement,
  locationVerdict,
  networkProbeFor,
  PROFILE,
  PROFILE_VERSION,
  phoneProbeFor
} from '../../../src/shared/requirements'
import { REQUIREMENT_IDS } from '../../../src/shared/model/finding'
import { booyaa, obs } from './captures'
import { probeRun } from './probes'
import { makeLocation, makeMeasurement, makeSurvey } from '../../support/survey-builders'

const f = (requirement: RequirementId, result: FindingResult): Finding => ({ requirement, result, evidence: 'e', bssids: [], explanation: 'x', remediation: result === 'pass' ? '' : 'do' })

describe('locationVerdict', () => {
  it.each([
    { findings: null, verdict: 'incomplete', reason: 'Not measured yet' },
    { findings: [f('WIFI-SEC', 'pass'), f('WIFI-WIDTH', 'pass')], verdict: 'ready', reason: 'all 2 requirements pass' },
    { findings: [f('WIFI-SEC', 'pass'), f('WIFI-STEER', 'warn')], verdict: 'ready-with-warnings', reason: 'WIFI-STEER' },
    { findings: [f('WIFI-WIDTH', 'unknown'), f('WIFI-STEER', 'warn')], verdict: 'incomplete', reason: 'Unknown: WIFI-WIDTH' },
    { findings: [f('WIFI-WIDTH', 'fail'), f('WIFI-SEC', 'unknown'), f('WIFI-SIGNAL', 'fail')], verdict: 'not-ready', reason: 'WIFI-WIDTH, WIFI-SIGNAL failed' }
  ] as const)('$verdict: $reason', ({ findings, verdict, reason }) => {
    const v = locationVerdict(findings)
    expect(v.verdict).toBe(verdict)
    expect(v.reason).toContain(reason)
  })
})

describe('combineLocationVerdicts', () => {
  it('names the failing requirement and the location', () => {
    const v = combineLocationVerdicts([
      { name: 'Level P1 – stall 3', findings: [f('WIFI-SEC', 'pass')] },
      { name: 'Level P2 – stall 14', findings: [f('WIFI-WIDTH', 'fail')] },
      { name: 'Level P3 – stall 2', findings: [f('WIFI-SIGNAL', 'fail')] },
      { name: 'Level P3 – stall 7', findings: null },
      { name: 'Level P1 – stall 9', findings: [f('WIFI-STEER', 'warn')] }
    ])
    expect(v.verdict).toBe('not-ready')
    expect(v.reason).toBe(
      '2 of 5 locations not ready: WIFI-WIDTH at Level P2 – stall 14; WIFI-SIGNAL at Level P3 – stall 2 (also incomplete: not measured yet at Level P3 – stall 7).'
    )
  })
  it('says a requirement failing at every location once: "WIFI-WIDTH at all 6 locations"', () => {
    const six = [1, 2, 3, 4, 5, 6].map((i) => ({ name: `Level P${i < 4 ? 1 : 2} – stall ${i}`, findings: [f('WIFI-WIDTH', 'fail'), f('WIFI-SEC', 'pass')] }))
    const v = combineLocationVerdicts(six)
    expect(v.reason).toBe('All 6 locations not ready: WIFI-WIDTH at all 6 locations.')
  })
  it('groups requirements failing at the same locations, widest group first (ties: first seen), and the unknowns too', () => {
    const v = combineLocationVerdicts([
      { name: 'A', findings: [f('WIFI-SIGNAL', 'fail')] },
      { name: 'B', findings: [f('WIFI-WIDTH', 'fail'), f('WIFI-PHY', 'fail'), f('WIFI-SIGNAL', 'fail')] },
      { name: 'C', findings: [f('WIFI-WIDTH', 'fail'), f('WIFI-PHY', 'fail'), f('WIFI-SIGNAL', 'fail')] },
      { name: 'D', findings: [f('WIFI-WIDTH', 'fail'), f('WIFI-PHY', 'fail')] },
      { name: 'E', findings: [f('WIFI-WIDTH', 'unknown')] },
      { name: 'F', findings: [f('WIFI-WIDTH', 'unknown')] },
      { name: 'G', findings: null }
    ])
    expect(v.reason).toBe(
      '4 of 7 locations not ready: WIFI-SIGNAL at A, B and C; WIFI-WIDTH, WIFI-PHY at B, C and D (also incomplete: not measured yet at G; WIFI-WIDTH unknown at E and F).'
    )
  })
  it('incomplete everywhere and warnings everywhere are said once', () => {
    expect(combineLocationVerdicts([{ name: 'A', findings: null }, { name: 'B', findings: null }]).reason).toBe('2 of 2 locations incomplete: not measured yet at all 2 locations.')
    const warned = combineLocationVerdicts(['A', 'B', 'C'].map((name) => ({ name, findings: [f('SITE-PHONE', 'warn'), f('WIFI-STEER', name === 'C' ? 'warn' : 'pass')] })))
    expect(warned.reason).toBe('All 3 locations ready; 3 with warnings: SITE-PHONE at all 3 locations; WIFI-STEER at C.')
  })
  it.each([
    { locs: [], verdict: 'incomplete' },
    { locs: [{ name: 'A', findings: [f('WIFI-SEC', 'pass')] }, { name: 'B', findings: null }], verdict: 'incomplete' },
    { locs: [{ name: 'A', findings: [f('WIFI-SEC', 'pass')] }, { name: 'B', findings: [f('SITE-PHONE', 'warn')] }], verdict: 'ready-with-warnings' },
    { locs: [{ name: 'A', findings: [f('WIFI-SEC', 'pass')] }], verdict: 'ready' }
  ] as const)('$verdict', ({ locs, verdict }) => {
    expect(combineLocationVerdicts(locs).verdict).toBe(verdict)
  })
})

describe('profile', () => {
  it('has every requirement ID of the requirements document, with wording, source and severity', () => {
    const doc = readFileSync(new URL('../../fixtures/requirements/wall-connector-network.md', import.meta.url), 'utf8')
    const idsInDoc = new Set(doc.match(/\b(?:WIFI|NET|SITE)-[A-Z]+\b/g))
    // Issue 13 adds the installed chargers' own readings; the vendor document has no such section.
    const chargerIds = ['WC-NETWORK', 'WC-ONLINE', 'WC-SIGNAL']
    // The product's own survey-practice rules, beyond the document: each says so (source, wording).
    const productOnly = ['WIFI-STABLE']
    const all = [...idsInDoc, ...chargerIds, ...productOnly].sort()
    expect([...REQUIREMENT_IDS].sort()).toEqual(all)
    expect(PROFILE.requirements.map((r) => r.id).sort()).toEqual(all)
    for (const id of productOnly) {
      const r = PROFILE.requirements.find((x) => x.id === id)
      expect(r?.source).toBe('product decision')
      expect(r?.wording).toContain('survey-practice rule, not a vendor figure')
    }
    for (const r of PROFILE.requirements) {
      expect(r.wording.length).toBeGreaterThan(10)
      expect(chargerIds.includes(r.id) ? ['charger API'] : ['FAQ', 'vendor page', 'product decision']).toContain(r.source)
    }
  })
  it('quotes the FAQ wording verbatim where the document quotes it', () => {
    const doc = readFileSync(new URL('../../fixtures/requirements/wall-connector-network.md', import.meta.url), 'utf8')
    const quoted = PROFILE.requirements.filter((r) => r.source === 'FAQ' && r.wording.startsWith('"'))
    // Written by hand from the profile: the rules whose wording opens with the FAQ's own words.
    expect(quoted.map((r) => r.id)).toEqual(['WIFI-SEC', 'WIFI-AUTH', 'WIFI-BAND', 'WIFI-WIDTH', 'WIFI-PHY', 'WIFI-RATE', 'SITE-PHONE'])
    for (const r of quoted) {
      const quote = /^"([^"]+)"/.exec(r.wording)?.[1] ?? ''
      expect(doc).toContain(quote)
    }
  })
  it('says where each rule is judged: WIFI-STABLE at a watched stall, WC-* where a charger was read, SITE-BILLING weighs others', () => {
    const scopes = Object.fromEntries(PROFILE.requirements.map((r) => [r.id, r.scope]))
    const special = { 'WIFI-STABLE': 'watched stall', 'WC-ONLINE': 'read charger', 'WC-NETWORK': 'read charger', 'WC-SIGNAL': 'read charger', 'SITE-BILLING': 'weighs others' }
    expect(Object.fromEntries(Object.entries(scopes).filter(([, s]) => s !== 'every measurement'))).toEqual(special)
  })
  it('carries the signal thresholds, the margin and a semver version', () => {
    expect(PROFILE.parameters.signal).toEqual({ passDbm: -67, warnDbm: -75, laptopMarginDb: 0 })
    expect(PROFILE_VERSION).toMatch(/^\d+\.\d+\.\d+$/)
    expect(PROFILE_VERSION).not.toBe('0.0.0')
  })
})

function measurement(id: string, observations: Measurement['observations'], probe: Measurement['probe'] = null): Measurement {
  return makeMeasurement({ id, takenAt: `2026-11-20T09:0${id.length}:00.000Z`, scanCount: observations.length > 0 ? 3 : 0, observations, profileVersion: '0.9.0', probe })
}

function survey(locations: SurveyLocation[], billingMode: 'free' | 'billed' = 'billed'): Survey {
  return makeSurvey({
    id: 's1',
    updatedAt: '2026-11-20T09:30:00.000Z',
    site: { name: 'Test garage', address: '', customer: '', technician: '', billingMode },
    targetSsid: 'world',
    locations
  })
}

const loc = (id: string, name: string, measurements: Measurement[]): SurveyLocation => makeLocation({ id, name, measurements })

describe('judging a survey', () => {
  const probe = probeRun({}, 'world')
  it('the latest measurement with a scan counts; a probe-only measurement does not replace it', () => {
    const l = loc('a', 'A', [measurement('m1', [booyaa.foo]), measurement('m22', [booyaa.world]), measurement('m333', [], probe)])
    expect(latestMeasurement(l)?.id).toBe('m22')
    expect(networkProbeFor(PROFILE, survey([l]), l)?.run.id).toBe(probe.id)
  })

  it('a probe run counts only at the location it was taken at: another stall says it was not checked there (issue 16 item 4)', () => {
    const a = loc('a', 'Level P1 – stall 3', [measurement('m1', [booyaa.world], probe)])
    const b = loc('b', 'Level P2 – stall 14', [measurement('m2', [booyaa.world])])
    const j = judgeSurvey(PROFILE, survey([a, b]))
    expect(j.locations[0]?.findings?.find((x) => x.requirement === 'NET-DNS')).toMatchObject({ result: 'pass', evidence: expect.stringContaining('probe run at this location') })
    expect(j.locations[1]?.networkProbe).toBeNull()
    // Billed: unknown, never borrowed from stall 3 and never a pass.
    expect(j.locations[1]?.findings?.find((x) => x.requirement === 'NET-DNS')).toMatchObject({ result: 'unknown', evidence: 'no firewall probe run at this location' })
  })

  it('a probe run on Tesla-Charging-Access feeds SITE-PHONE, never the chargers\' connectivity', () => {
    const phoneRun = { ...probeRun({}, 'Tesla-Charging-Access'), id: 'phones' }
    const withPhone = [booyaa.world, obs({ ...booyaa.hello, ssid: 'Tesla-Charging-Access', security: { protocols: ['OPEN'], akm: [], pairwiseCiphers: [], groupCipher: null, pmf: null } })]
    const l = loc('a', 'A', [measurement('m1', withPhone, probe), measurement('m22', withPhone, phoneRun)])
    expect(networkProbeFor(PROFILE, survey([l]), l)?.run.id).toBe(probe.id)
    expect(phoneProbeFor(PROFILE, l)?.id).toBe('phones')
    const found = judgeSurvey(PROFILE, survey([l])).locations[0]?.findings
    expect(found?.find((x) => x.requirement === 'NET-DNS')?.result).toBe('pass')
    expect(found?.find((x) => x.requirement === 'SITE-PHONE')?.result).toBe('pass')
  })

  it('only a run on another network: connectivity is unknown and says which network', () => {
    const l = loc('a', 'A', [measurement('m1', [booyaa.world], probeRun({}, 'CoffeeShop'))])
    const dns = judgeSurvey(PROFILE, survey([l])).locations[0]?.findings?.find((x) => x.requirement === 'NET-DNS')
    expect(dns?.result).toBe('unknown')
    expect(dns?.evidence).toContain('"CoffeeShop"')
  })

  it('re-judges with the current profile, ignoring stale stored findings', () => {
    const stale: Measurement = { ...measurement('m1', [obs({ ...booyaa.foo, ssid: 'world' })], probe), findings: [f('WIFI-WIDTH', 'pass')] }
    const j = judgeSurvey(PROFILE, survey([loc('a', 'A', [stale])]))
    expect(j.profileVersion).toBe(PROFILE_VERSION)
    expect(j.locations[0]?.findings?.find((x) => x.requirement === 'WIFI-WIDTH')?.result).toBe('fail')
    expect(j.verdict).toBe('not-ready')
  })

  it('survey verdict: unmeasured location → incomplete; no target SSID → incomplete', () => {
    const measured = loc('a', 'A', [measurement('m1', [booyaa.world], probe)])
    expect(judgeSurvey(PROFILE, survey([measured, loc('b', 'B', [])]))).toMatchObject({ verdict: 'incomplete', reason: '1 of 2 locations incomplete: not measured yet at B.' })
    expect(judgeSurvey(PROFILE, { ...survey([measured]), targetSsid: '' }).verdict).toBe('incomplete')
  })

  it('billed site with a clean probe and a good BSS: ready with the SITE-PHONE warning only', () => {
    const v = judgeSurvey(PROFILE, survey([loc('a', 'A', [measurement('m1', [booyaa.world], probe)])]))
    expect(v).toMatchObject({ verdict: 'ready-with-warnings', reason: 'All 1 location ready; 1 with warnings: SITE-PHONE at A.' })
  })

  it('judgeMeasurement on the same evidence gives the findings the survey judgement shows', () => {
    const a = loc('a', 'A', [measurement('m1', [booyaa.world], probe)])
    const direct = judgeMeasurement(PROFILE, { observations: [booyaa.world], targetSsid: 'world', billingMode: 'billed', networkProbe: { run: probe } })
    expect(direct.length).toBeGreaterThan(0)
    expect(judgeSurvey(PROFILE, survey([a])).locations[0]?.findings).toEqual(direct)
  })
})
