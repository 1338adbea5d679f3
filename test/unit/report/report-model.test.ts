/**
 * The report's model (src/renderer/src/report/report-model.ts): verdicts as the compliance engine
 * gives them, the checklist grouped by who acts, the drivers' network, and text made visible.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { surveySchema, type Survey } from '../../../src/shared/model/survey'
import type { Finding } from '../../../src/shared/model/finding'
import type { Observation } from '../../../src/shared/model/observation'
import { judgeSurvey, PROFILE } from '../../../src/shared/requirements'
import { buildReportModel, phoneNetwork, sortFindings, strongestOf } from '../../../src/renderer/src/report/report-model'
import { formatDateTime, REPORT_TIME_ZONE } from '../../../src/shared/text/date-time'
import { withTimeZone } from '../../support/time-zone'
import { visibleText } from '../../../src/shared/text/hidden-chars'
import { makeObservation } from '../../support/survey-builders'

const load = (name: string): Survey => surveySchema.parse(JSON.parse(readFileSync(new URL(`../../fixtures/report/${name}`, import.meta.url), 'utf8')))

const obs = (over: Partial<Observation>): Observation =>
  makeObservation({
    ssid: 'Net',
    bssid: '00:11:22:33:44:55',
    security: { ...makeObservation().security, pmf: null },
    basicRatesMbps: null,
    supportedRatesMbps: null,
    signalDbm: -60,
    ...over
  })

describe('buildReportModel on the report fixture', () => {
  const survey = load('report-sample.wcsurvey')
  const model = buildReportModel(survey)
  const judged = judgeSurvey(PROFILE, survey)

  it('gives the same overall and per-location verdicts as the compliance engine (wc-survey check)', () => {
    expect(model.overall).toEqual({ verdict: judged.verdict, reason: judged.reason })
    expect(model.locations.map((l) => [l.name, l.verdict.verdict])).toEqual(judged.locations.map((l) => [l.location.name, l.verdict.verdict]))
    expect(model.overall.verdict).toBe('not-ready')
    // Written by hand from the fixture: WIFI-WIDTH fails at P2 stall 14, WIFI-SIGNAL at P3 stall 2,
    // WC-NETWORK at P2 stall 20; P1 stall 3 has only warnings; P3 stall 7 was never measured.
    expect(model.locations.map((l) => [l.name, l.verdict.verdict])).toEqual([
      ['Level P1 – stall 3', 'ready-with-warnings'],
      ['Level P2 – stall 14', 'not-ready'],
      ['Level P3 – stall 2', 'not-ready'],
      ['Level P2 – stall 20', 'not-ready'],
      ['Level P3 – stall 7', 'incomplete']
    ])
  })

  it('lists every failed probe rule once under firewall rules, with the location it was seen at', () => {
    const rules = model.checklist.firewall.map((i) => [i.requirement, i.action, i.locations])
    expect(rules).toContainEqual(['NET-NTP', 'allow UDP 123 to pool.ntp.org', ['Level P3 – stall 2']])
    expect(rules).toContainEqual(['NET-NTP', 'allow UDP 123 to time.nist.gov', ['Level P3 – stall 2']])
    // The rule for the TLS failure seen at P3 stall 2 (stalls without a run of their own have the
    // "run the check here" NET-TLS item instead).
    const tls = model.checklist.firewall.find((i) => i.requirement === 'NET-TLS' && i.locations.join() === 'Level P3 – stall 2')
    expect(tls?.detail).toContain('must allow the whole wildcard *.s3.amazonaws.com')
    // NET-NTP is covered by the probe's rules at that location: its finding's generic remediation is not repeated.
    expect(model.checklist.firewall.filter((i) => i.requirement === 'NET-NTP' && i.locations.includes('Level P3 – stall 2'))).toHaveLength(2)
  })

  it('puts Wi-Fi remediations under access-point settings and SITE-PHONE under the site, each with its locations', () => {
    // Written by hand from the fixture's Wi-Fi findings that are not passes (the whole list: a missing or an extra item fails).
    expect(model.checklist.accessPoint.map((i) => [i.requirement, i.locations])).toEqual([
      ['WIFI-WIDTH', ['Level P2 – stall 14']],
      ['WIFI-SIGNAL', ['Level P2 – stall 14', 'Level P3 – stall 2', 'Level P2 – stall 20']],
      ['WIFI-STEER', ['Level P3 – stall 2']]
    ])
    expect(model.checklist.site.length).toBeGreaterThan(0)
    expect(model.checklist.site.every((i) => i.requirement.startsWith('SITE-') || i.requirement.startsWith('WC-'))).toBe(true)
    // The same remediation at several locations is one item naming them all.
    const setUp = model.checklist.site.find((i) => i.requirement === 'SITE-PHONE' && i.action.includes('set up an open'))
    expect(setUp?.locations).toEqual(['Level P2 – stall 14', 'Level P3 – stall 2', 'Level P2 – stall 20'])
  })

  it('sees the drivers’ open network where it was measured, and the target network’s strongest 2.4 GHz BSS', () => {
    const p1 = model.locations.find((l) => l.id === 'loc-p1-stall-3')
    expect(p1?.phone.visible).toBe(true)
    expect(p1?.phone.open).toBe(true)
    expect(p1?.target?.band).toBe('2.4')
    expect(p1?.target?.signalDbm).toBe(-42)
  })

  it('a location without its own probe run has none in the report (a run counts where it was taken)', () => {
    const p2 = model.locations.find((l) => l.id === 'loc-p2-stall-14')
    expect(p2?.probe).toBeNull()
    const p1 = model.locations.find((l) => l.id === 'loc-p1-stall-3')
    expect(p1?.probe?.id).toBe(survey.locations[0]?.measurements[0]?.probe?.id)
  })

  it('lists every observation of every measured location for the full appendix, target rows marked', () => {
    const total = survey.locations.reduce((n, l) => n + (l.measurements.at(-1)?.observations.length ?? 0), 0)
    const full = buildReportModel(survey, { fullAppendix: true })
    expect(full.observations).toHaveLength(total)
    expect(full.observationsOmitted).toBe(0)
    expect(full.observations.filter((r) => r.isTarget).every((r) => r.observation.ssid === survey.targetSsid)).toBe(true)
  })

  it('the default appendix keeps the target, the drivers\' network and the BSSes a finding names (read from the fixture)', () => {
    // P1: HarbourPoint-EV 22:33:44:55:66:77 and Tesla-Charging-Access; P2 – stall 14: 33:44:55:66:77:88;
    // P3 – stall 2: a8:d3:f7:96:10:69 and its 5 GHz twin ...:6d (WIFI-STEER); P2 – stall 20: 5e:4c:9b:8e:46:d2.
    expect(model.observations.map((r) => r.observation.bssid).sort()).toEqual(
      ['22:33:44:55:66:77', '38:83:45:cc:58:74', '33:44:55:66:77:88', 'a8:d3:f7:96:10:69', 'a8:d3:f7:96:10:6d', '5e:4c:9b:8e:46:d2'].sort()
    )
    expect(model.observationsOmitted).toBe(9)
    expect(model.draft).toBe(true)
    expect(model.draftLocations).toEqual(['Level P3 – stall 7'])
    expect(model.observations.filter((r) => r.isTarget).every((r) => r.observation.ssid === survey.targetSsid)).toBe(true)
  })
})

describe('report model pieces', () => {
  it('sorts findings worst first: fail, unknown, warn, pass, then in profile order', () => {
    const f = (requirement: Finding['requirement'], result: Finding['result']): Finding => ({ requirement, result, evidence: '', bssids: [], explanation: '', remediation: '' })
    const sorted = sortFindings([f('WIFI-SEC', 'pass'), f('NET-DNS', 'warn'), f('WIFI-SIGNAL', 'fail'), f('WIFI-WIDTH', 'unknown'), f('WIFI-BAND', 'fail')])
    expect(sorted.map((x) => `${x.result}:${x.requirement}`)).toEqual(['fail:WIFI-BAND', 'fail:WIFI-SIGNAL', 'unknown:WIFI-WIDTH', 'warn:NET-DNS', 'pass:WIFI-SEC'])
  })

  it('prefers the 2.4 GHz BSS even when a 5 GHz one is stronger (the chargers join 2.4 GHz)', () => {
    const s = strongestOf([obs({ band: '5', channel: 36, signalDbm: -40, bssid: 'a' }), obs({ signalDbm: -70, bssid: 'b' }), obs({ signalDbm: -65, bssid: 'c' })], 'Net', '2.4')
    expect(s?.bssid).toBe('c')
    expect(s?.bssCount).toBe(3)
  })

  it('never takes a redacted SSID for the network, and reports a secured drivers’ network as not open', () => {
    expect(strongestOf([obs({ redacted: true })], 'Net', null)).toBeNull()
    const secured = phoneNetwork([obs({ ssid: 'Tesla-Charging-Access' })], 'Tesla-Charging-Access')
    expect(secured).toMatchObject({ visible: true, open: false })
    const unknown = phoneNetwork([obs({ ssid: 'Tesla-Charging-Access', security: { protocols: null, akm: null, pairwiseCiphers: null, groupCipher: null, pmf: null } })], 'Tesla-Charging-Access')
    expect(unknown.open).toBeNull()
    expect(phoneNetwork([], 'Tesla-Charging-Access')).toMatchObject({ visible: false, open: null, strongest: null })
  })
})

describe('visibleText', () => {
  it('shows bidi overrides, isolates and control characters as code points', () => {
    expect(visibleText('\u202Egnp.exe')).toBe('[U+202E]gnp.exe')
    expect(visibleText('a\u0000b\u2066c\u200fd')).toBe('a[U+0000]b[U+2066]c[U+200F]d')
    expect(visibleText('line\nbreak')).toBe('line[U+000A]break')
  })

  it('keeps line breaks in notes, and leaves HTML and right-to-left letters as they are (React renders them as text)', () => {
    expect(visibleText('one\ntwo\tthree', { multiline: true })).toBe('one\ntwo\tthree')
    expect(visibleText('<script>alert(1)</script> חניון')).toBe('<script>alert(1)</script> חניון')
  })

  it('shows times in UTC with the offset written out, whatever the printing machine\'s zone', () => {
    withTimeZone('Asia/Kolkata', () => expect(formatDateTime('2026-11-18T09:15:00.000Z', REPORT_TIME_ZONE)).toBe('18 Nov 2026, 09:15 (UTC+00:00)'))
  })
})
