/**
 * NET-DNS, NET-NTP, NET-HTTP, NET-TLS, NET-DOMAINS and WIFI-PORTAL from a probe run, weighted by
 * billing mode (SITE-BILLING).
 */
import { describe, expect, it } from 'vitest'
import { hostMatches, judgeMeasurement, PROFILE } from '../../../src/shared/requirements'
import type { Finding, FindingResult, RequirementId, StoredRequirementId } from '../../../src/shared/model/finding'
import type { ProbeRun } from '../../../src/shared/model/probe'
import type { BillingMode } from '../../../src/shared/model/survey'
import { booyaa } from './captures'
import { probeRun } from './probes'

const NET: readonly RequirementId[] = ['WIFI-PORTAL', 'NET-DNS', 'NET-NTP', 'NET-HTTP', 'NET-TLS', 'NET-DOMAINS']

function net(probe: ProbeRun | null, billingMode: BillingMode, targetSsid = 'HarbourPoint-IoT'): Map<StoredRequirementId, Finding> {
  const findings = judgeMeasurement(PROFILE, { observations: [booyaa.world], targetSsid, billingMode, networkProbe: probe === null ? null : { run: probe } })
  return new Map(findings.filter((f) => NET.some((id) => id === f.requirement)).map((f) => [f.requirement, f]))
}

function results(m: Map<StoredRequirementId, Finding>): Record<string, FindingResult | undefined> {
  return Object.fromEntries(NET.map((id) => [id, m.get(id)?.result]))
}

const allPass = { 'WIFI-PORTAL': 'pass', 'NET-DNS': 'pass', 'NET-NTP': 'pass', 'NET-HTTP': 'pass', 'NET-TLS': 'pass', 'NET-DOMAINS': 'pass' }

describe('connectivity findings', () => {
  it.each([
    { name: 'everything open', overrides: {}, billed: allPass, free: allPass },
    {
      name: 'UDP 123 dropped to both NTP hosts',
      overrides: { 'ntp pool.ntp.org': 'timeout', 'ntp time.nist.gov': 'timeout' },
      billed: { ...allPass, 'NET-NTP': 'fail', 'NET-DOMAINS': 'fail' },
      free: { ...allPass, 'NET-NTP': 'warn', 'NET-DOMAINS': 'warn' }
    },
    {
      name: 'one Tesla name NXDOMAIN',
      overrides: { 'dns hermes-prd.sn.tesla.services': 'nxdomain' },
      billed: { ...allPass, 'NET-DNS': 'fail', 'NET-DOMAINS': 'fail' },
      free: { ...allPass, 'NET-DNS': 'warn', 'NET-DOMAINS': 'warn' }
    },
    {
      name: 'TLS intercepted',
      overrides: { 'tls wc-maestro-prd.sn.tesla.services': 'untrusted-certificate' },
      billed: { ...allPass, 'NET-TLS': 'fail', 'NET-DOMAINS': 'fail' },
      free: { ...allPass, 'NET-TLS': 'warn', 'NET-DOMAINS': 'warn' }
    },
    {
      name: 'captive portal on HTTP: WIFI-PORTAL, not NET-HTTP',
      overrides: { 'http am-i-online-prd.sn.tesla.services': 'captive-portal' },
      billed: { ...allPass, 'WIFI-PORTAL': 'fail', 'NET-DOMAINS': 'fail' },
      free: { ...allPass, 'WIFI-PORTAL': 'warn', 'NET-DOMAINS': 'warn' }
    },
    {
      name: 'checks not run are unknown, never pass',
      overrides: { 'tls s3.amazonaws.com': 'not-run' },
      billed: { ...allPass, 'NET-TLS': 'unknown', 'NET-DOMAINS': 'unknown' },
      free: { ...allPass, 'NET-TLS': 'unknown', 'NET-DOMAINS': 'unknown' }
    }
  ] as const)('$name', ({ overrides, billed, free }) => {
    expect(results(net(probeRun(overrides), 'billed'))).toEqual(billed)
    expect(results(net(probeRun(overrides), 'free'))).toEqual(free)
  })

  it('a failed check names the firewall rule to add and the failed host', () => {
    const f = net(probeRun({ 'ntp pool.ntp.org': 'timeout' }), 'billed').get('NET-NTP')
    expect(f?.remediation).toContain('allow UDP 123 to pool.ntp.org')
    expect(f?.evidence).toContain('NTP pool.ntp.org:123 failed: timeout')
  })

  it('TLS inspection is named as such, with what to do', () => {
    const f = net(probeRun({ 'tls wc-maestro-prd.sn.tesla.services': 'untrusted-certificate' }), 'billed').get('NET-TLS')
    expect(f?.explanation).toContain('TLS inspection suspected')
    expect(f?.remediation).toContain('Exempt the chargers')
  })

  it('free site: the warning says Power Management still works offline', () => {
    const f = net(probeRun({ 'dns pool.ntp.org': 'timeout' }), 'free').get('NET-DNS')
    expect(f?.result).toBe('warn')
    expect(f?.explanation).toContain('Power Management still works offline')
  })

  it('no probe run: billed → unknown with what to do; free → warn', () => {
    const billed = net(null, 'billed')
    for (const id of NET) {
      expect(billed.get(id)?.result).toBe('unknown')
      expect(billed.get(id)?.remediation).toContain('run the connectivity check')
    }
    const free = net(null, 'free')
    for (const id of NET) expect(free.get(id)?.result).toBe('warn')
  })

  it('a probe run on another network proves nothing: unknown', () => {
    const m = net(probeRun({}, 'CoffeeShop'), 'billed')
    for (const id of NET) expect(m.get(id)?.result).toBe('unknown')
    expect(m.get('NET-DNS')?.evidence).toContain('"CoffeeShop", not on "HarbourPoint-IoT"')
  })

  it('NET-DOMAINS tells the wildcard must be allowed as a whole', () => {
    const f = net(probeRun(), 'billed').get('NET-DOMAINS')
    expect(f?.explanation).toContain('the firewall rule itself must allow the whole wildcard')
    expect(f?.evidence).toContain('*.sn.tesla.services: reachable')
  })

  it('a run missing a required domain is unknown for NET-DOMAINS', () => {
    const run = probeRun()
    const partial = { ...run, results: run.results.filter((r) => r.host !== 'time.nist.gov') }
    const f = net(partial, 'billed').get('NET-DOMAINS')
    expect(f?.result).toBe('unknown')
    expect(f?.evidence).toContain('time.nist.gov: not probed')
  })
})

describe('hostMatches', () => {
  it.each([
    ['*.sn.tesla.services', 'hermes-prd.sn.tesla.services', true],
    ['*.sn.tesla.services', 'a.b.sn.tesla.services', true],
    ['*.sn.tesla.services', 'sn.tesla.services', false],
    ['*.sn.tesla.services', 'evilsn.tesla.services', false],
    ['pool.ntp.org', 'POOL.ntp.org.', true],
    ['pool.ntp.org', '0.pool.ntp.org', false]
  ] as const)('%s ~ %s → %s', (pattern, host, expected) => {
    expect(hostMatches(pattern, host)).toBe(expected)
  })
})
