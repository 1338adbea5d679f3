/**
 * The allowlist as data (NET-DNS, NET-NTP, NET-HTTP, NET-TLS, NET-DOMAINS): the rules of the
 * profile and what a survey's probe runs saw of each. Expectations written from the requirement
 * document and the probe runs given, not from the code under test.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { surveySchema, type Survey } from '../../../src/shared/model/survey'
import { buildAllowlist, destinationLabel, failedRules } from '../../../src/shared/requirements/allowlist'
import { makeLocation, makeMeasurement, makeSurvey } from '../../support/survey-builders'
import { probeRun } from '../requirements/probes'

const REPORT_SAMPLE = join(import.meta.dirname, '../../fixtures/report/report-sample.wcsurvey')

/** protocol, port, destination, why — one row per rule as IT reads it. */
const rows = (survey: Survey | null) =>
  buildAllowlist(survey).rules.map((r) => `${r.transport}/${r.port} ${destinationLabel(r.destination)} ${r.requirements.join('+')} ${r.seen}`)

function surveyWith(run: ReturnType<typeof probeRun> | null, target = 'HarbourPoint-IoT'): Survey {
  return makeSurvey({ targetSsid: target, locations: [makeLocation({ id: 'a', name: 'Stall A', measurements: [makeMeasurement({ probe: run })] })] })
}

describe('buildAllowlist', () => {
  it('without a survey: DNS to any, NTP to both time servers, HTTP and TLS to both wildcards, nothing seen', () => {
    expect(rows(null)).toEqual([
      'udp/53 any NET-DNS not-probed',
      'udp/123 pool.ntp.org NET-NTP+NET-DOMAINS not-probed',
      'udp/123 time.nist.gov NET-NTP+NET-DOMAINS not-probed',
      'tcp/80 *.sn.tesla.services NET-HTTP+NET-DOMAINS not-probed',
      'tcp/80 *.s3.amazonaws.com NET-HTTP+NET-DOMAINS not-probed',
      'tcp/443 *.sn.tesla.services NET-TLS+NET-DOMAINS not-probed',
      'tcp/443 *.s3.amazonaws.com NET-TLS+NET-DOMAINS not-probed'
    ])
    const list = buildAllowlist(null)
    expect(list.site).toBeNull()
    expect(list.probeRuns).toBe(0)
    const tesla = list.rules.find((r) => r.key === 'tls:*.sn.tesla.services')
    expect(tesla?.destination).toEqual({ kind: 'wildcard', pattern: '*.sn.tesla.services', zone: 'sn.tesla.services' })
    expect(tesla?.covers).toEqual([
      'h3-hermes-prd.sn.tesla.services',
      'h3-hermes-stream-prd.sn.tesla.services',
      'wc-maestro-prd.sn.tesla.services',
      'maestro-prd.sn.tesla.services',
      'am-i-online-prd.sn.tesla.services',
      'hermes-prd.sn.tesla.services'
    ])
    expect(tesla?.note).toContain('without TLS inspection')
    expect(tesla?.note).toContain('the whole wildcard')
  })

  it('the report fixture: NTP to both time servers and TLS to *.s3.amazonaws.com failed at Level P3 – stall 2', () => {
    const survey = surveySchema.parse(JSON.parse(readFileSync(REPORT_SAMPLE, 'utf8')))
    const list = buildAllowlist(survey)
    expect(list.site).toBe('Harbour Point Garage')
    expect(list.probeRuns).toBe(2)
    expect(failedRules(list).map((r) => r.key)).toEqual(['ntp:pool.ntp.org', 'ntp:time.nist.gov', 'tls:*.s3.amazonaws.com'])
    const tls = list.rules.find((r) => r.key === 'tls:*.s3.amazonaws.com')
    expect(tls?.failures).toEqual([
      {
        host: 's3.amazonaws.com',
        protocol: 'tls',
        kind: 'untrusted-certificate',
        advice: 'exempt *.s3.amazonaws.com from TLS inspection (allow TCP 443 without decryption)',
        locations: ['Level P3 – stall 2']
      }
    ])
    expect(list.rules.find((r) => r.key === 'dns:any')?.seen).toBe('pass')
  })

  it('a wildcard rule fails when any one of its hosts fails, and only that rule', () => {
    const list = buildAllowlist(surveyWith(probeRun({ 'http wc-maestro-prd.sn.tesla.services': 'timeout' })))
    expect(failedRules(list).map((r) => r.key)).toEqual(['http:*.sn.tesla.services'])
    expect(failedRules(list)[0]?.failures.map((f) => [f.host, f.kind, f.locations])).toEqual([['wc-maestro-prd.sn.tesla.services', 'timeout', ['Stall A']]])
  })

  it('a DNS failure for any host belongs to the DNS rule', () => {
    const list = buildAllowlist(surveyWith(probeRun({ 'dns pool.ntp.org': 'refused' })))
    expect(failedRules(list).map((r) => r.key)).toEqual(['dns:any'])
  })

  it('a check that did not run is not-run, never a pass', () => {
    const list = buildAllowlist(surveyWith(probeRun({ 'ntp time.nist.gov': 'not-run' })))
    expect(list.rules.find((r) => r.key === 'ntp:time.nist.gov')?.seen).toBe('not-run')
    expect(list.rules.find((r) => r.key === 'ntp:pool.ntp.org')?.seen).toBe('pass')
  })

  it("a run on another network (the drivers' network, a guest SSID) says nothing about the chargers' firewall", () => {
    const guest = buildAllowlist(surveyWith(probeRun({ 'ntp pool.ntp.org': 'timeout' }, 'Guest-WiFi')))
    expect(guest.probeRuns).toBe(0)
    expect(new Set(guest.rules.map((r) => r.seen))).toEqual(new Set(['not-probed']))
    const none = buildAllowlist(surveyWith(null))
    expect(none.probeRuns).toBe(0)
    expect(failedRules(none)).toEqual([])
  })

  it('one run standing for several locations is counted once, with the location that took it', () => {
    const run = probeRun({ 'tls s3.amazonaws.com': 'untrusted-certificate' })
    const survey = makeSurvey({
      targetSsid: 'HarbourPoint-IoT',
      locations: [
        makeLocation({ id: 'a', name: 'Stall A', measurements: [makeMeasurement({ probe: run })] }),
        makeLocation({ id: 'b', name: 'Stall B', measurements: [makeMeasurement()] })
      ]
    })
    const list = buildAllowlist(survey)
    expect(list.probeRuns).toBe(1)
    expect(failedRules(list)[0]?.failures[0]?.locations).toEqual(['Stall A'])
  })
})
