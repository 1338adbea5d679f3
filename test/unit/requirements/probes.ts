/**
 * Probe runs for the compliance tests, shaped like the probe engine's output (src/shared/model/probe.ts):
 * one result per host and protocol of the plan.
 */
import type { ProbeFailureKind, ProbeProtocol, ProbeResult, ProbeRun } from '../../../src/shared/model/probe'
import type { RequirementId } from '../../../src/shared/model/finding'
import { PROFILE } from '../../../src/shared/requirements/profile'

const PORT: Record<ProbeProtocol, number> = { dns: 53, ntp: 123, http: 80, tls: 443 }
const REQ: Record<ProbeProtocol, RequirementId> = { dns: 'NET-DNS', ntp: 'NET-NTP', http: 'NET-HTTP', tls: 'NET-TLS' }

const tesla = PROFILE.parameters.domains.find((d) => d.pattern === '*.sn.tesla.services')
// Fail loudly rather than build a plan without the charger hosts, which would make tests vacuous.
if (tesla === undefined) throw new Error('the profile has no *.sn.tesla.services domain: update test/unit/requirements/probes.ts')

/** The charger back-end hosts the probe plan checks: the profile's `*.sn.tesla.services` entry. */
export const TESLA_HOSTS: readonly string[] = tesla.probeHosts

/** One check; pass unless a failure kind is given. */
export function check(protocol: ProbeProtocol, host: string, kind: ProbeFailureKind | 'not-run' | null = null, rule = ''): ProbeResult {
  return {
    requirement: kind === 'captive-portal' ? 'WIFI-PORTAL' : REQ[protocol],
    host,
    protocol,
    port: PORT[protocol],
    outcome: kind === null ? 'pass' : kind === 'not-run' ? 'not-run' : 'fail',
    kind: kind === null || kind === 'not-run' ? null : kind,
    latencyMs: kind === null ? 23 : null,
    detail: kind === null ? 'ok' : kind === 'not-run' ? 'cancelled' : kind,
    rule,
    wildcard: host.endsWith('.sn.tesla.services') ? '*.sn.tesla.services' : host.endsWith('s3.amazonaws.com') ? '*.s3.amazonaws.com' : null
  }
}

/** The full plan, every check passing, with per-check overrides `protocol host` → kind. */
export function probeRun(overrides: Readonly<Record<string, ProbeFailureKind | 'not-run' | undefined>> = {}, ssid: string | null = 'HarbourPoint-IoT'): ProbeRun {
  const results: ProbeResult[] = []
  const web = [...TESLA_HOSTS, 's3.amazonaws.com']
  for (const host of [...web, 'pool.ntp.org', 'time.nist.gov']) results.push(check('dns', host, overrides[`dns ${host}`] ?? null))
  for (const host of ['pool.ntp.org', 'time.nist.gov']) results.push(check('ntp', host, overrides[`ntp ${host}`] ?? null, `allow UDP 123 to ${host}`))
  for (const host of web) results.push(check('http', host, overrides[`http ${host}`] ?? null, `allow TCP 80 to ${host}`))
  for (const host of web) results.push(check('tls', host, overrides[`tls ${host}`] ?? null, `allow TCP 443 to ${host}`))
  return {
    id: 'run-1',
    startedAt: '2026-11-20T09:14:00.000Z',
    finishedAt: '2026-11-20T09:14:04.100Z',
    cancelled: false,
    context: { interface: 'wlan0', ssid, localIp: '10.20.30.41', gateway: '10.20.30.1', dnsServers: ['10.20.30.1'], wired: false, warnings: [] },
    results
  }
}
