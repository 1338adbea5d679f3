/**
 * The probe plan: every check the chargers' traffic needs, built from the requirement profile's
 * NET-DOMAINS list (src/shared/requirements/profile.ts), so the hosts live in one place.
 */
import type { RequirementId } from '../../shared/model/finding'
import type { ProbeProtocol } from '../../shared/model/probe'
import { PROFILE, type RequiredDomain } from '../../shared/requirements/profile'

/** One check of one host over one protocol. */
export interface PlannedCheck {
  /** Stable key, e.g. "tls:hermes-prd.sn.tesla.services". */
  readonly key: string
  readonly requirement: RequirementId
  readonly host: string
  readonly protocol: ProbeProtocol
  readonly port: number
  /** The wildcard this host stands for, or null for a named host. */
  readonly wildcard: string | null
}

/**
 * The time servers of NET-DOMAINS. The chargers use them for NTP only: they serve no web content,
 * so HTTP/TLS checks against them would report failures that do not matter.
 */
export const NTP_HOSTS: readonly string[] = ['pool.ntp.org', 'time.nist.gov']

const PORTS: Record<ProbeProtocol, number> = { dns: 53, ntp: 123, http: 80, tls: 443 }
const REQUIREMENTS: Record<ProbeProtocol, RequirementId> = { dns: 'NET-DNS', ntp: 'NET-NTP', http: 'NET-HTTP', tls: 'NET-TLS' }

/** Builds the plan: DNS for every host; NTP for the time servers; HTTP and TLS for the rest. */
export function buildPlan(domains: readonly RequiredDomain[] = PROFILE.parameters.domains): PlannedCheck[] {
  const checks: PlannedCheck[] = []
  for (const domain of domains) {
    const wildcard = domain.pattern.startsWith('*.') ? domain.pattern : null
    for (const host of domain.probeHosts) {
      const protocols: ProbeProtocol[] = NTP_HOSTS.includes(host) ? ['dns', 'ntp'] : ['dns', 'http', 'tls']
      for (const protocol of protocols) {
        checks.push({ key: `${protocol}:${host}`, requirement: REQUIREMENTS[protocol], host, protocol, port: PORTS[protocol], wildcard })
      }
    }
  }
  return checks
}
